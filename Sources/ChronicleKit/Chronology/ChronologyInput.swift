/// What `ChronologyBuilder` reads: records by position, in path order.
protocol ChronologyInput {
    var recordCount: Int { get }
    func record(_ index: Int) -> ArticleRecord
    /// What grouping reads of the records of `range` (`GroupingView`), in order; an input may
    /// read them on all cores.
    func groupingViews(_ range: Range<Int>) -> [GroupingView]
    /// Whether the input knows each report's digest (`eventDigest`): a merge then takes values
    /// only from the reports whose digest it has not seen yet, and reads whole only their
    /// records (`ChronologyBuilder.MergePlan`).
    var keepsDigests: Bool { get }
    /// The digest of what the report at `position` adds to a merged event (`RecordSummary.digest`); only
    /// asked of an input that `keepsDigests`.
    func eventDigest(_ position: ReportPosition) -> Hash128.Digest
    /// What ranking in a merge reads of the record at `index`. Only asked of an input that
    /// `keepsDigests`.
    func rankingView(_ index: Int) -> RankingView
    /// Told, before the merge plans of a batch of groups are made, which groups they are.
    func prepare(_ batch: [[ChronologyBuilder.Report]])
    /// Told, before merging a batch of groups, which reports' whole records it will read.
    func prefetch(_ positions: [ReportPosition])
    /// Told that the batch is merged: what `prefetch` read can go.
    func releaseFetched()
    /// What identifies a merge of the reports at `positions` (in rank order) across runs: the
    /// reports' records' content and places (`SummaryArchive.planKey`); nil when the input
    /// cannot tell. Only asked of an input that `keepsDigests`.
    func planKey(_ positions: [ReportPosition]) -> Hash128.Digest?
    /// Whether an earlier run merged under `key` (`mergedEvent` then gives the event): the same
    /// reports in the same order merge to the same event, so their records are not read.
    func knowsMerge(_ key: Hash128.Digest) -> Bool
    /// The event an earlier run merged under `key`; nil when unknown or unreadable (the merge
    /// then reads the records).
    func mergedEvent(_ key: Hash128.Digest) -> Event?
    /// What identifies a group's reports in group order across runs: each report's record's
    /// content and place, its event and how it ranks (pinned, a copy); nil when the input cannot
    /// tell. Only asked of an input that `keepsDigests`.
    func memberKey(_ reports: [ChronologyBuilder.Report]) -> Hash128.Digest?
    /// The keys of the event an earlier run merged from the reports `members` identifies; nil
    /// when none was (`wholeEvent` then gives that event).
    func earlierKeys(members: Hash128.Digest) -> MergeKeys?
    /// The event an earlier run merged from the reports `members` identifies, whole; nil when
    /// unknown or unreadable.
    func wholeEvent(members: Hash128.Digest) -> ChronologyEvent?
    /// The last run's dated or undated events, when the input has them: a night's lists extend
    /// them (`EventList.init(extending:)`) to take their events as they are stored.
    func earlierList(undated: Bool) -> EventList?
    /// Where in `earlierList` the event merged from the reports `members` identifies is stored,
    /// when it can be taken as it is (`EarlierMerges.storedPlace`); nil otherwise.
    func storedPlace(members: Hash128.Digest) -> (undated: Bool, index: Int)?
    /// Whether the record at `index` was extracted in this run (an earlier run knew none of its
    /// reports): an earlier merge may be extended with such reports (`MergePlan`).
    func isFresh(_ index: Int) -> Bool
}

extension ChronologyInput {
    func groupingViews(_ range: Range<Int>) -> [GroupingView] { range.map { GroupingView(record($0)) } }
    var keepsDigests: Bool { false }
    func eventDigest(_ position: ReportPosition) -> Hash128.Digest {
        RecordSummary.digest(record(Int(position.record)).events[Int(position.event)])
    }
    func rankingView(_ index: Int) -> RankingView {
        let record = record(index)
        return RankingView(source: ChronologyBuilder.source(record), dates: record.events.map(\.date.value))
    }
    func prepare(_ batch: [[ChronologyBuilder.Report]]) {}
    func prefetch(_ positions: [ReportPosition]) {}
    func releaseFetched() {}
    func planKey(_ positions: [ReportPosition]) -> Hash128.Digest? { nil }
    func knowsMerge(_ key: Hash128.Digest) -> Bool { false }
    func mergedEvent(_ key: Hash128.Digest) -> Event? { nil }
    func memberKey(_ reports: [ChronologyBuilder.Report]) -> Hash128.Digest? { nil }
    func earlierKeys(members: Hash128.Digest) -> MergeKeys? { nil }
    func wholeEvent(members: Hash128.Digest) -> ChronologyEvent? { nil }
    func earlierList(undated: Bool) -> EventList? { nil }
    func storedPlace(members: Hash128.Digest) -> (undated: Bool, index: Int)? { nil }
    func isFresh(_ index: Int) -> Bool { false }
}

extension Array: ChronologyInput where Element == ArticleRecord {
    var recordCount: Int { count }
    func record(_ index: Int) -> ArticleRecord { self[index] }
}

extension RecordArchive: ChronologyInput {
    var recordCount: Int { count }
    func groupingViews(_ range: Range<Int>) -> [GroupingView] { groupingViewsOnAllCores(range) }

    /// What grouping reads of the record at `index` (`GroupingView`).
    func groupingView(_ index: Int) -> GroupingView { grouping(index, fields: GroupingView.init, whole: GroupingView.init) }

    /// The views of the records of `range`, in order, read on all cores.
    func groupingViewsOnAllCores(_ range: Range<Int>) -> [GroupingView] {
        groupingOnAllCores(range, fields: { GroupingView($0) }, whole: { GroupingView($0) })
    }
}

extension SummaryArchive: ChronologyInput, RecordOrigins {
    var recordCount: Int { count }
    var keepsDigests: Bool { true }
}
