/// What a named official did at the meeting.
public enum PersonRole: String, Sendable, Codable {
    case chair, directing, speaker, attending, other
}

/// A named official: rank ("Trung tướng"), full name and positions as the article gives them.
public struct Person: Sendable, Hashable {
    public var rank: String?
    public var name: String
    public var positions: [String]
    public var role: PersonRole

    public init(rank: String? = nil, name: String, positions: [String] = [], role: PersonRole = .other) {
        self.rank = rank
        self.name = name
        self.positions = positions
        self.role = role
    }
}
