/// The input of a night's chronology that extends the kept grouping (`GroupingState.extend`,
/// `KeptGrouping`). Records before `storedCount` are the last run's, known by their file's
/// identity and place alone, which is what merge keys hash (`RecordOrigins`); the rest are the
/// night's new files', from their summaries (`fresh`).
///
/// A group the night left alone is taken from the last run as it was, and one that only gained
/// new reports extends the last run's event (`MergePlan`). Of the stored records such a merge
/// reads how the last one it took values from ranks, and the digests of those it took values
/// from; those, and whatever else a merge asks of a stored record, are read from the store when
/// first asked (`StoredRecordLoader`).
struct KeptArchive: ChronologyInput, RecordOrigins {
    let storedCount: Int
    private let stored: StoredFiles
    private let fresh: SummaryArchive
    private let loader: StoredRecordLoader
    /// The events the last run merged (`ChronologyInput.earlierKeys` and the rest).
    var earlierMerges: EarlierMerges?

    /// The last run's files, in input order.
    struct StoredFiles: Sendable {
        let identities: [Hash128.Digest]
        /// Where the store keeps each one's rows.
        let paths: [String]
        /// Per file, its first record; then the number of records.
        let firstRecord: [Int32]
        /// Per record, its file.
        let fileOf: [Int32]
        /// Per record, its number of events as far as grouping saw them (its last report's
        /// event and one): what stands in for a record that cannot be read.
        let eventCounts: [Int32]
        /// Per record, its first report among `digests`; empty when the grouping kept no digests.
        let firstDigest: [Int32]
        /// Each report's digest (`GroupingState.digests`), in input order.
        let digests: [Hash128.Digest]

        /// Nil when the numbers of files do not agree.
        init?(identities: [Hash128.Digest], paths: [String], recordsPerFile: [Int32], grouping state: GroupingState) {
            let items = state.items
            guard identities.count == paths.count, recordsPerFile.count == paths.count else { return nil }
            self.identities = identities
            self.paths = paths
            var first = [Int32](repeating: 0, count: recordsPerFile.count + 1)
            var fileOf: [Int32] = []
            for (file, count) in recordsPerFile.enumerated() {
                first[file + 1] = first[file] + count
                fileOf.append(contentsOf: repeatElement(Int32(file), count: Int(count)))
            }
            firstRecord = first
            self.fileOf = fileOf
            var events = [Int32](repeating: 0, count: fileOf.count)
            for item in items where Int(item.position.record) < events.count {
                events[Int(item.position.record)] = max(events[Int(item.position.record)], item.position.event + 1)
            }
            eventCounts = events
            // A record's reports are neighbours among the items, its events in order.
            digests = state.digests
            if digests.isEmpty {
                firstDigest = []
            } else {
                var first = [Int32](repeating: -1, count: fileOf.count)
                for (index, item) in items.enumerated() where item.position.event == 0 { first[Int(item.position.record)] = Int32(index) }
                firstDigest = first
            }
        }

        /// The kept digest of the report at `position`, when the grouping kept them.
        func digest(_ position: ReportPosition) -> Hash128.Digest? {
            guard !firstDigest.isEmpty else { return nil }
            let first = firstDigest[Int(position.record)]
            return first < 0 ? nil : digests[Int(first) + Int(position.event)]
        }

        var recordCount: Int { fileOf.count }
    }

    init(stored: StoredFiles, fresh: SummaryArchive, loader: StoredRecordLoader) {
        storedCount = stored.recordCount
        self.stored = stored
        self.fresh = fresh
        self.loader = loader
    }

    var recordCount: Int { storedCount + fresh.count }
    var keepsDigests: Bool { true }
    /// Whether a record a merge needed could not be read (as `SummaryArchive.failed`): the
    /// chronology built from this input is then wrong, and is built again from the summaries.
    var failed: Bool { fresh.failed || loader.failed }
    /// Stored files whose summary a merge read.
    var storedFilesRead: Int { loader.filesRead }

    func origin(_ index: Int32) -> (file: Hash128.Digest, place: Int32) {
        guard Int(index) < storedCount else { return fresh.origin(index - Int32(storedCount)) }
        let file = Int(stored.fileOf[Int(index)])
        return (stored.identities[file], index - stored.firstRecord[file])
    }

    private func freshPosition(_ position: ReportPosition) -> ReportPosition {
        ReportPosition(record: Int(position.record) - storedCount, event: Int(position.event))
    }

    func record(_ index: Int) -> ArticleRecord {
        index < storedCount ? loader.record(index) : fresh.record(index - storedCount)
    }

    func groupingViews(_ range: Range<Int>) -> [GroupingView] {
        precondition(range.lowerBound >= storedCount, "the stored records are grouped already")
        return fresh.groupingViews((range.lowerBound - storedCount)..<(range.upperBound - storedCount))
    }

    func eventDigest(_ position: ReportPosition) -> Hash128.Digest {
        guard Int(position.record) < storedCount else { return fresh.eventDigest(freshPosition(position)) }
        return stored.digest(position) ?? loader.eventDigest(position)
    }

    func rankingView(_ index: Int) -> RankingView {
        index < storedCount ? loader.rankingView(index) : fresh.rankingView(index - storedCount)
    }

    func prefetch(_ positions: [ReportPosition]) {
        fresh.prefetch(positions.filter { Int($0.record) >= storedCount }.map(freshPosition))
        loader.prefetch(positions.filter { Int($0.record) < storedCount })
    }

    func releaseFetched() {
        fresh.releaseFetched()
        loader.releaseFetched()
    }

    /// Reads at once the summaries of the stored records the batch's merges will rank: those
    /// the earlier merge of each group the night's reports join took values from.
    func prepare(_ batch: [[ChronologyBuilder.Report]]) {
        var wanted: [Int] = []
        for group in batch where group.contains(where: { Int($0.record) >= storedCount }) {
            let kept = group.filter { Int($0.record) < storedCount }
            guard !kept.isEmpty, let found = earlierKeys(members: mergeMemberKey(kept)) else { continue }
            for place in found.contributing where place >= 0 && Int(place) < kept.count { wanted.append(Int(kept[Int(place)].record)) }
        }
        loader.prepare(wanted)
    }

    func planKey(_ positions: [ReportPosition]) -> Hash128.Digest? { mergePlanKey(positions) }
    func memberKey(_ reports: [ChronologyBuilder.Report]) -> Hash128.Digest? { mergeMemberKey(reports) }
    func earlierKeys(members: Hash128.Digest) -> MergeKeys? { earlierMerges?.keys(members: members) }
    func wholeEvent(members: Hash128.Digest) -> ChronologyEvent? { earlierMerges?.wholeEvent(members: members) }
    func earlierList(undated: Bool) -> EventList? { earlierMerges?.list(undated: undated) }
    func storedPlace(members: Hash128.Digest) -> (undated: Bool, index: Int)? { earlierMerges?.storedPlace(members: members) }
    func knowsMerge(_ key: Hash128.Digest) -> Bool { earlierMerges?.knows(key) ?? false }
    func mergedEvent(_ key: Hash128.Digest) -> Event? { earlierMerges?.event(key) }
    func isFresh(_ index: Int) -> Bool { index >= storedCount }
}
