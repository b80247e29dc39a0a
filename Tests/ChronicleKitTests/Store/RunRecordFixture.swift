@testable import ChronicleKit

extension RunRecord {
    /// A run row for store tests: the `n`th night (its start and "as of" date say which), with
    /// the counts a test asks for and none else.
    static func fixture(_ n: Int = 1, files: Int = 0, extracted: Int = 0, articles: Int = 0, events: Int = 0) -> RunRecord {
        RunRecord(
            startedAt: "t\(n)", asOf: "2024-01-\(n < 10 ? "0" : "")\(n)", extractorVersion: "v", configFingerprint: "f", files: files,
            unchanged: 0, extracted: extracted, pruned: 0, articles: articles, events: events, newEvents: 0, problems: 0)
    }
}
