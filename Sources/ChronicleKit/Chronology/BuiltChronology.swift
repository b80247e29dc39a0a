/// A chronology built from the records of a run (corrections applied), with what the reports
/// need besides it. The store keeps the last one under the fingerprint of its inputs
/// (`ChronologyCache`).
public struct BuiltChronology: Sendable {
    public var chronology: Chronology
    /// Problems of the articles and unmatched corrections, sorted.
    public var problems: [ArticleProblem]
    /// Records (articles) the chronology was built from.
    public var articles: Int
    public var suppressed: Int
    /// Report keys this build saw for the first time, with their event's id, for the store to
    /// remember (`EventIDMemory`). Not part of the stored form: a cached chronology gave none.
    var newEventKeys: [UInt64: String] = [:]
    /// Per event (dated then undated), what identifies its merge (`MergeKeys`), when it was
    /// built from summaries: the store keeps them beside the cached chronology, so that the next
    /// night takes the events whose reports did not change instead of merging them again.
    var mergeKeys: [MergeKeys]?
    /// The grouping kept for the next night (`KeptGrouping`, its stored form), when it was built
    /// from summaries: the store keeps it beside the cached chronology.
    var keptGrouping: RecordArchive.Blob?
    /// Whether it was built by continuing the last run's kept grouping (`KeptGroupingRoute`).
    var groupingContinued = false

    public init(chronology: Chronology, problems: [ArticleProblem], articles: Int, suppressed: Int) {
        self.chronology = chronology
        self.problems = problems
        self.articles = articles
        self.suppressed = suppressed
    }
}
