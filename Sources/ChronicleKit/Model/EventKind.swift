/// The kinds of party-work meeting in the taxonomy of `spec/records.md`.
enum EventKind: String, Sendable, Codable, CaseIterable, Comparable {
    case yearEndReview = "year-end-review"
    case midYearReview = "mid-year-review"
    case resolutionReview = "resolution-review"
    case resolutionStudy = "resolution-study"
    case selfCriticism = "self-criticism"
    case partyCongress = "party-congress"
    case committeeMeeting = "committee-meeting"
    case otherMeeting = "other-meeting"

    static func < (lhs: EventKind, rhs: EventKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// How long a meeting of this kind can last, in days; used to merge reports of one meeting
    /// dated on different days of its span.
    var maximumSpanDays: Int {
        switch self {
        case .partyCongress: return 3
        case .committeeMeeting, .otherMeeting, .resolutionStudy, .selfCriticism: return 2
        case .yearEndReview, .midYearReview, .resolutionReview: return 1
        }
    }
}
