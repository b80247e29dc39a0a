import Foundation

/// The stored records a night's merges need beyond what the kept grouping says of them
/// (`KeptArchive`), read from the store when first asked: a file's summary (how its records
/// rank, their digests) and, for a merge that takes values from them, its whole records.
/// Plans are made on all cores, hence the lock.
///
/// A record that cannot be read has a stand-in of as many empty events, so that the merge
/// goes on; `failed` then says its result must not be used.
final class StoredRecordLoader: @unchecked Sendable {
    /// The summaries of the stored files at some paths, by path; one that cannot be read is
    /// left out.
    typealias ReadSummaries = ([String]) throws -> [String: [UInt8]]
    private let lock = NSLock()
    private let files: KeptArchive.StoredFiles
    private let readSummaries: ReadSummaries
    private var archive: SummaryArchive
    /// Per stored file whose summary was read, its first record in `archive`.
    private var firstLocal: [Int32: Int32] = [:]
    private var broken = false

    init(
        files: KeptArchive.StoredFiles, readSummaries: @escaping ReadSummaries, fetch: @escaping SummaryArchive.Fetch,
        spool: ScratchFile?
    ) {
        self.files = files
        self.readSummaries = readSummaries
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
        let file = files.fileOf[record]
        if firstLocal[file] == nil { load([file]) }
        return firstLocal[file].map { Int($0) + record - Int(files.firstRecord[Int(file)]) }
    }

    /// Reads the summaries of `wanted` (stored files not read yet) in one pass over the store.
    /// Called with the lock held.
    private func load(_ wanted: [Int32]) {
        guard !broken, !wanted.isEmpty else { return }
        let summaries = (try? readSummaries(wanted.map { files.paths[Int($0)] })) ?? [:]
        for file in wanted {
            let before = archive.count, path = files.paths[Int(file)], identity = files.identities[Int(file)]
            let count = Int(files.firstRecord[Int(file) + 1] - files.firstRecord[Int(file)])
            guard let summary = summaries[path], archive.append(summary: summary, origin: .stored(path: path), identity: identity),
                archive.count - before == count
            else {
                broken = true
                return
            }
            firstLocal[file] = Int32(before)
        }
    }

    /// Reads at once the summaries of the files of `records` (stored records a batch of merges
    /// will rank): one pass over the store instead of one for each.
    func prepare(_ records: [Int]) {
        locked {
            var wanted: [Int32] = [], seen = Set<Int32>()
            for record in records {
                let file = files.fileOf[record]
                if firstLocal[file] == nil, seen.insert(file).inserted { wanted.append(file) }
            }
            load(wanted)
        }
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
