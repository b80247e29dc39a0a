/// What a named official did at the meeting.
enum PersonRole: String, Sendable, Codable {
    case chair, directing, speaker, attending, other
}

/// A named official: rank ("Trung tướng"), full name and positions as the article gives them.
struct Person: Sendable, Hashable {
    var rank: String?
    var name: String
    var positions: [String]
    var role: PersonRole

    init(rank: String? = nil, name: String, positions: [String] = [], role: PersonRole = .other) {
        self.rank = rank
        self.name = name
        self.positions = positions
        self.role = role
    }
}
