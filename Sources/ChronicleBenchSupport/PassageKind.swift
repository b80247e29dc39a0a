/// What one passage of a synthetic article reports: a party-work meeting of some kind, or an
/// event or story of another sort (which extraction must read and leave without an event, as it
/// does for about two passages in five of the press).
enum PassageKind: Int, Sendable, CaseIterable {
    case yearEndReview, midYearReview, resolutionReview, resolutionStudy, committeeMeeting, selfCriticism
    case partyCongress, briefing
    case contest, exercise, ceremony, visit, massMobilization, feature

    var isMeeting: Bool { rawValue <= PassageKind.briefing.rawValue }

    /// Passages of each kind in a hundred, about as often as the press reports them.
    var weight: Int {
        switch self {
        case .yearEndReview: return 14
        case .midYearReview: return 9
        case .resolutionReview: return 9
        case .resolutionStudy: return 9
        case .committeeMeeting: return 8
        case .selfCriticism: return 6
        case .partyCongress: return 4
        case .briefing: return 3
        case .contest: return 8
        case .exercise: return 7
        case .ceremony: return 7
        case .visit: return 5
        case .massMobilization: return 5
        case .feature: return 6
        }
    }

    /// The month a meeting of this kind is held in (others any month).
    func month(_ rng: inout SplitMix64) -> Int {
        switch self {
        case .yearEndReview: return rng.pick([12, 12, 1])
        case .midYearReview: return rng.pick([6, 7])
        case .selfCriticism: return rng.pick([12, 1, 2])
        default: return 1 + rng.below(12)
        }
    }

    static func random(_ rng: inout SplitMix64) -> PassageKind {
        var draw = rng.below(allCases.reduce(0) { $0 + $1.weight })
        for kind in allCases {
            if draw < kind.weight { return kind }
            draw -= kind.weight
        }
        return .yearEndReview
    }
}
