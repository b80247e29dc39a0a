import Foundation

/// The problems printed by the last run, so a nightly run prints (and cron mails) only the
/// problems that are new; the reports keep the whole list. Kept in the state folder.
public struct ProblemLog: Sendable {
    public let url: URL

    public init(config: ChronicleConfig) {
        url = ChronicleRun.stateDirectory(for: config).appendingPathComponent("problems.last")
    }

    /// The problems of `problems` not printed by the last run.
    public func new(in problems: [ArticleProblem]) -> [ArticleProblem] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return problems }
        let known = Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
        return problems.filter { !known.contains($0.logLine) }
    }

    /// Remembers `problems` as the last run's.
    public func remember(_ problems: [ArticleProblem]) throws {
        let text = problems.map(\.logLine).joined(separator: "\n")
        try AtomicFileWriter.write(Data(text.utf8), to: url)
    }
}
