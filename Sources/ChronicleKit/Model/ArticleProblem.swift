/// An article that could not be used, or whose meeting could not be dated, for the reports'
/// problems section and stderr.
public struct ArticleProblem: Sendable, Hashable, Codable, Comparable {
    public var source: String
    public var reason: String

    init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }

    public static func < (lhs: ArticleProblem, rhs: ArticleProblem) -> Bool {
        (lhs.source, lhs.reason) < (rhs.source, rhs.reason)
    }
}
