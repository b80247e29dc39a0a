/// One run as the store keeps it.
struct RunRecord: Sendable, Hashable {
    var id: Int64
    /// ISO 8601 UTC time the run started.
    var startedAt: String
    var asOf: String
    var extractorVersion: String
    var configFingerprint: String
    /// Article files found in the inputs.
    var files: Int
    var unchanged: Int
    var extracted: Int
    /// Rows of vanished files removed by `--prune`.
    var pruned: Int
    var articles: Int
    var events: Int
    var newEvents: Int
    var problems: Int
    /// Set once every report of the run was written; "new since the last run" counts from the
    /// last run with reports, so a run killed before its reports does not swallow new events.
    var reportsWritten: Bool

    init(
        id: Int64 = 0, startedAt: String, asOf: String, extractorVersion: String, configFingerprint: String, files: Int,
        unchanged: Int, extracted: Int, pruned: Int, articles: Int, events: Int, newEvents: Int, problems: Int,
        reportsWritten: Bool = false
    ) {
        self.id = id
        self.startedAt = startedAt
        self.asOf = asOf
        self.extractorVersion = extractorVersion
        self.configFingerprint = configFingerprint
        self.files = files
        self.unchanged = unchanged
        self.extracted = extracted
        self.pruned = pruned
        self.articles = articles
        self.events = events
        self.newEvents = newEvents
        self.problems = problems
        self.reportsWritten = reportsWritten
    }
}
