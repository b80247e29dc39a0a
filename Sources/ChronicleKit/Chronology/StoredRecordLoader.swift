import Foundation

/// The stored records a night's merges need beyond what the kept grouping says of them
/// (`KeptArchive`), read from the store when first asked: a file's summary (how its records
/// rank, their digests) and, for a merge that takes values from them, its whole records.
/// Plans are made on all cores, hence the lock.
///
/// A record that cannot be read has a stand-in of as many empty events, so that the merge
/// goes on; `failed` then says its result must not be used.
final class StoredRecordLoader: @unchecked Sendable {
    /// The summary of the stored file at a path; nil when it has none that can be read.
    typealias ReadSummary = (String) throws -> [UInt8]?
    private let lock = NSLock()
    private let files: KeptArchive.StoredFiles
    private let readSummary: ReadSummary
    private var archive: SummaryArchive
    /// Per stored file whose summary was read, its first record in `archive`.
    private var firstLocal: [Int32: Int32] = [:]
    private var broken = false

    init(files: KeptArchive.StoredFiles, readSummary: @escaping ReadSummary, fetch: @escaping SummaryArchive.Fetch, spool: ScratchFile?) {
        self.files = files
        self.readSummary = readSummary
        archive = SummaryArchive(fetch: fetch, spool: spool)
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    var failed: Bool { locked { broken || archive.failed } }
    var filesRead: Int { locked { firstLocal.count } }

    /// The record's place in `archive`, its file's summary read first if need be; nil when it
    /// cannot be read. Called with the lock held.
    private func local(_ record: Int) -> Int? {
        let file = files.fileOf[record], first = Int(files.firstRecord[Int(file)])
        if let known = firstLocal[file] { return Int(known) + record - first }
        guard !broken else { return nil }
        let before = archive.count, path = files.paths[Int(file)]
        guard let summary = try? readSummary(path),
            archive.append(summary: summary, origin: .stored(path: path), identity: files.identities[Int(file)]),
            archive.count - before == Int(files.firstRecord[Int(file) + 1]) - first
        else {
            broken = true
            return nil
        }
        firstLocal[file] = Int32(before)
        return before + record - first
    }

    func rankingView(_ record: Int) -> RankingView {
        locked { local(record).map { archive.rankingView($0) } }
            ?? RankingView(
                source: EventSource(source: files.paths[Int(files.fileOf[record])]),
                dates: Array(repeating: nil, count: Int(files.eventCounts[record])))
    }

    func eventDigest(_ position: ReportPosition) -> Hash128.Digest {
        locked { local(Int(position.record)).map { archive.eventDigest(ReportPosition(record: $0, event: Int(position.event))) } }
            ?? Hash128.Digest(first: 0, second: 0)
    }

    func prefetch(_ positions: [ReportPosition]) {
        guard !positions.isEmpty else { return }
        locked {
            archive.prefetch(
                positions.compactMap { position in
                    local(Int(position.record)).map { ReportPosition(record: $0, event: Int(position.event)) }
                })
        }
    }

    func record(_ index: Int) -> ArticleRecord {
        if let record = locked({ local(index).map { archive.record($0) } }) { return record }
        let stand = Event(
            unit: UnitReference(name: "", id: "", mention: ""), kind: .committeeMeeting, title: "",
            date: EventDate(value: nil, basis: .unresolved))
        return ArticleRecord(
            source: files.paths[Int(files.fileOf[index])], url: nil, status: .ok, error: nil, referenceDate: nil,
            events: Array(repeating: stand, count: Int(files.eventCounts[index])))
    }

    func releaseFetched() {
        locked { archive.releaseFetched() }
    }
}
