import Foundation

/// What an administrator asks of a job's state without running it (`chronicle status`): the
/// last run and the last one whose reports were all written, and the store's size.
public struct RunStatus: Sendable, Encodable {
    public struct Run: Sendable, Encodable {
        public var id: Int64
        public var startedAt: String
        public var asOf: String
        public var articles: Int
        public var events: Int
        public var newEvents: Int
        public var problems: Int
        public var reportsWritten: Bool
    }

    public var store: String
    /// Where the next run moves the store: set while it is still where an earlier version
    /// kept it, in the reports folder (`StoreMove`).
    public var storeMovesTo: String?
    public var storeBytes: Int64
    public var runs: Int
    public var lastRun: Run?
    /// The last run whose reports were all written: what the reports folder shows.
    public var lastSuccessfulRun: Run?
    /// A run was stopped while it replaced the reports (its `PublishJournal` is there): the
    /// folder may show new reports beside old ones until the next run completes the set.
    public var interruptedPublish: Bool

    /// Reads the status of the job `config` describes; nil when it has never run (no store).
    public static func read(config: ChronicleConfig) throws -> RunStatus? {
        var url = ChronicleRun.storeURL(for: config)
        var movesTo: String?
        if let former = ChronicleRun.formerStoreURL(for: config), FileManager.default.fileExists(atPath: former.path) {
            // The run refuses to choose between two stores; so does status, with the same advice.
            if let refusal = StoreMove(from: former, to: url).twoStores() { throw refusal }
            (url, movesTo) = (former, url.path)
        }
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let runs = try ChronicleStore(url: url).runs()
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
        func view(_ r: RunRecord) -> Run {
            Run(
                id: r.id, startedAt: r.startedAt, asOf: r.asOf, articles: r.articles, events: r.events, newEvents: r.newEvents,
                problems: r.problems, reportsWritten: r.reportsWritten)
        }
        return RunStatus(
            store: url.path, storeMovesTo: movesTo, storeBytes: size, runs: runs.count, lastRun: runs.last.map(view),
            lastSuccessfulRun: runs.last(where: \.reportsWritten).map(view),
            interruptedPublish: FileManager.default.fileExists(atPath: PublishJournal(config: config).url.path))
    }

    /// Lines for a person: one per fact.
    public var text: String {
        var lines = ["store: \(store) (\(ByteCountFormatter.string(fromByteCount: storeBytes, countStyle: .file)), \(runs) runs)"]
        if let storeMovesTo { lines.append("store: the next run moves it beside the configuration, to \(storeMovesTo)") }
        func describe(_ label: String, _ run: Run?) {
            guard let run else { return lines.append("\(label): none") }
            lines.append(
                "\(label): #\(run.id) started \(run.startedAt), as of \(run.asOf): \(run.articles) articles, "
                    + "\(run.events) events (\(run.newEvents) new), \(run.problems) problems\(run.reportsWritten ? "" : ", reports not written")"
            )
        }
        describe("last run", lastRun)
        describe("last successful run", lastSuccessfulRun)
        if interruptedPublish {
            // Not completed here: status takes no lock, and a run may be publishing right now.
            lines.append("reports: a run stopped half-way through replacing them (unless one is at it now); the next run completes the set")
        }
        return lines.joined(separator: "\n")
    }
}
