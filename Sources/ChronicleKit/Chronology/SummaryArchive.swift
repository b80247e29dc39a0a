/// The records a chronology is built from, as their summaries (`RecordSummary`): grouping,
/// ids and ranking read the cut records; a merge reads whole only the records of the reports it
/// takes values from, fetched for a batch of groups at a time (`prefetch`, `releaseFetched`).
///
/// A night that adds a few articles to a large archive used to read every stored record; here
/// it reads each file's summary and, of the merged events, the records whose reports add
/// something (copies of one article add nothing new).
struct SummaryArchive {
    /// Where the whole records of stored files are read: called once with the paths wanted,
    /// it calls back with each one's stored records blob (nil when it cannot be read).
    typealias Fetch = (_ paths: Set<String>, _ body: (String, UnsafeRawBufferPointer?) -> Void) throws -> Void

    private var cut = RecordArchive()
    /// Per record: its first digest in `digests`, its file and its place among the file's records.
    private var places: [Place] = []
    private var digests: [Hash128.Digest] = []
    private var files: [FileOrigin] = []
    /// The entries of the files extracted in this run, by number (`FileOrigin.fresh`).
    private var freshEntries: [RecordArchive.Entry] = []
    /// Per file, what its records are a function of (`append(summary:origin:identity:)`).
    private var identities: [Hash128.Digest] = []
    private let whole: WholeRecords
    /// The events an earlier run merged, by plan key (`ChronologyInput.mergedEvent`).
    var earlierMerges: EarlierMerges?

    private struct Place {
        var firstDigest: Int32
        var file: Int32
        var record: Int32
    }

    /// Where a file's whole records are: in the store under its path, or extracted in this run.
    enum Origin {
        case stored(path: String)
        case fresh(RecordArchive.Entry)

        var isFresh: Bool {
            if case .fresh = self { return true }
            return false
        }
    }

    /// An `Origin` as the archive keeps it, one per file: a fresh entry by number, so that each
    /// file costs a path's size, not an entry's.
    private enum FileOrigin {
        case stored(path: String)
        case fresh(Int32)
    }

    init(fetch: @escaping Fetch, spool: ScratchFile?) {
        whole = WholeRecords(fetch: fetch, spool: spool)
    }

    var count: Int { cut.count }
    /// Articles that could not be read and the warnings of those read, in the order added.
    var problems: [ArticleProblem] { cut.problems }
    /// Whether a record a merge needed could not be read whole: the chronology built from this
    /// archive is then wrong, and is built again from the whole records.
    var failed: Bool { whole.failed }

    /// Adds one file's summary after those already added; false when it does not decode. Its
    /// cut records are read where they lie: in `summary` (shared, not copied), or where `keptIn`
    /// says (the same bytes in the spool).
    /// - Parameters:
    ///   - checked: its checksum was checked already (`RecordSummary.isIntact`), or it was made
    ///     in this run.
    ///   - identity: what the file's records are a function of (its content, path and the
    ///     extraction that read it, `fileIdentity`): merges of the same reports of files of the
    ///     same identities give the same events.
    ///   - readableOnly: leave out the records that could not be read, and the warnings (a
    ///     vanished file kept without `--prune`).
    mutating func append(
        summary header: [UInt8], keptIn summary: RecordArchive.Blob? = nil, origin: Origin, identity: Hash128.Digest,
        readableOnly: Bool = false, checked: Bool = false
    ) -> Bool {
        let file = Int32(files.count)
        // Record starts in the summary (reading a record stops at its last field, so the bytes
        // after the last one, the checksums, are passed over), and the records the header flags.
        var starts: [Int32] = [], flagged: [Int] = [], added: [Place] = []
        do {
            try header.withUnsafeBytes { raw in
                try RecordSummary.read(raw, checked: checked, digests: &digests) { start, isFlagged, first in
                    if isFlagged { flagged.append(starts.count) }
                    added.append(Place(firstDigest: first, file: file, record: Int32(starts.count)))
                    starts.append(start)
                }
            }
        } catch {
            return false
        }
        var entry = RecordArchive.Entry(blob: summary ?? .bytes(header), offsets: starts, unreadable: [], warnings: [])
        // The header says which records have a problem or warnings: only those are read here.
        var unreadable: [(index: Int32, problem: ArticleProblem)] = []
        var warnings: [ArticleProblem] = []
        for index in flagged {
            guard let record = entry.record(at: index) else { return false }
            if let problem = RecordArchive.Entry.problem(record) { unreadable.append((Int32(index), problem)) }
            warnings += RecordArchive.Entry.warnings(record)
        }
        if !flagged.isEmpty { entry = RecordArchive.Entry(blob: entry.blob, offsets: starts, unreadable: unreadable, warnings: warnings) }
        if readableOnly {
            let dropped = Set(unreadable.map(\.index))
            added.removeAll { dropped.contains($0.record) }
            entry = entry.readableOnly()
        }
        switch origin {
        case .stored(let path): files.append(.stored(path: path))
        case .fresh(let fresh):
            files.append(.fresh(Int32(freshEntries.count)))
            freshEntries.append(fresh)
        }
        identities.append(identity)
        places += added
        cut.append(entry)
        return true
    }

    /// The whole records of the reports at `positions`, read now: stored files' in one pass.
    func prefetch(_ positions: [ReportPosition]) {
        var paths: [String: Int32] = [:]
        for position in positions {
            let file = places[Int(position.record)].file
            if case .stored(let path) = files[Int(file)] { paths[path] = file }
        }
        whole.fetch(paths)
    }

    /// What a file's records are a function of: its path and display path, its content and the
    /// extraction that read it.
    static func fileIdentity(path: String, displayPath: String, contentHash: String, extraction: String) -> Hash128.Digest {
        var hash = Hash128("summary-file")
        hash.add(path)
        hash.add(displayPath)
        hash.add(contentHash)
        hash.add(extraction)
        return hash.digest
    }

    /// What identifies a merge of the reports at `positions`, in rank order: each one's file
    /// identity, place in the file and event.
    func planKey(_ positions: [ReportPosition]) -> Hash128.Digest? { mergePlanKey(positions) }

    /// What identifies a group's reports in group order (`ChronologyInput.memberKey`): each
    /// one's file identity, place in the file, event, and the flags ranking reads.
    func memberKey(_ reports: [ChronologyBuilder.Report]) -> Hash128.Digest? { mergeMemberKey(reports) }

    /// Where the record at `index` comes from: its file's identity and its place among the
    /// file's records (what merge keys hash of it).
    func origin(_ index: Int32) -> (file: Hash128.Digest, place: Int32) {
        let place = places[Int(index)]
        return (identities[Int(place.file)], place.record)
    }

    /// The number of records of each file, in the order the files were added.
    var recordsPerFile: [Int32] {
        var counts = [Int32](repeating: 0, count: files.count)
        for place in places { counts[Int(place.file)] += 1 }
        return counts
    }

    func earlierKeys(members: Hash128.Digest) -> MergeKeys? { earlierMerges?.keys(members: members) }

    func wholeEvent(members: Hash128.Digest) -> ChronologyEvent? { earlierMerges?.wholeEvent(members: members) }

    func earlierList(undated: Bool) -> EventList? { earlierMerges?.list(undated: undated) }

    func storedPlace(members: Hash128.Digest) -> (undated: Bool, index: Int)? { earlierMerges?.storedPlace(members: members) }

    func isFresh(_ index: Int) -> Bool {
        if case .fresh = files[Int(places[index].file)] { return true }
        return false
    }

    func knowsMerge(_ key: Hash128.Digest) -> Bool { earlierMerges?.knows(key) ?? false }

    func mergedEvent(_ key: Hash128.Digest) -> Event? { earlierMerges?.event(key) }

    /// Lets go of the whole records `prefetch` read, and of the strings decoded from them: the
    /// batch's events are encoded already.
    func releaseFetched() {
        whole.release()
        cut.pool.removeAll()
    }

    /// The digest of what the report at `position` adds to a merged event (`RecordSummary.digest`).
    func eventDigest(_ position: ReportPosition) -> Hash128.Digest {
        digests[Int(places[Int(position.record)].firstDigest) + Int(position.event)]
    }

    /// What ranking in a merge reads of the record at `index`.
    func rankingView(_ index: Int) -> RankingView { cut.rankingView(index) }

    /// The cut records of `range` as grouping reads them, read on all cores.
    func groupingViews(_ range: Range<Int>) -> [GroupingView] { cut.groupingViewsOnAllCores(range) }

    /// The whole record at `index`: from its fresh entry, or fetched by `prefetch`. Should it be
    /// missing, the cut record stands in and `failed` says the result must not be used.
    func record(_ index: Int) -> ArticleRecord {
        let place = places[Int(index)]
        let entry: RecordArchive.Entry?
        switch files[Int(place.file)] {
        case .fresh(let number): entry = freshEntries[Int(number)]
        case .stored: entry = whole.entry(place.file)
        }
        if let record = entry?.record(at: Int(place.record), pool: cut.pool) { return record }
        whole.failed = true
        return cut.record(index)
    }

    /// The whole records fetched from the store: in memory up to `memoryBudget` bytes, then in
    /// the spool, until the build is done.
    private final class WholeRecords {
        /// A batch of a real-text night reads some 9 MB of records; more is put in the spool.
        static let memoryBudget = 16 << 20
        let fetchBlobs: Fetch
        let spool: ScratchFile?
        var entries: [Int32: RecordArchive.Entry] = [:]
        var inMemory = 0
        var failed = false

        init(fetch: @escaping Fetch, spool: ScratchFile?) {
            self.fetchBlobs = fetch
            self.spool = spool
        }

        func fetch(_ paths: [String: Int32]) {
            let wanted = paths.filter { entries[$0.value] == nil }
            guard !wanted.isEmpty else { return }
            var found = 0
            do {
                try fetchBlobs(Set(wanted.keys)) { path, blob in
                    guard let file = wanted[path], let blob, let starts = try? RecordBinary.recordStarts(in: blob) else { return }
                    entries[file] = RecordArchive.Entry(blob: keep(blob), offsets: starts, unreadable: [], warnings: [])
                    found += 1
                }
            } catch {
                failed = true
            }
            if found < wanted.count { failed = true }
        }

        private func keep(_ blob: UnsafeRawBufferPointer) -> RecordArchive.Blob {
            if inMemory + blob.count > Self.memoryBudget, let spool, let span = try? spool.append(blob) { return .spooled(span) }
            inMemory += blob.count
            return .bytes(Array(blob))
        }

        func entry(_ file: Int32) -> RecordArchive.Entry? { entries[file] }

        func release() {
            entries = [:]
            inMemory = 0
        }
    }
}
