import Foundation

/// What the reports need of a chronology when only `chronology.md` is to be written: each
/// dated event cut down to its id, date, unit, kind and title (what the overview, the summary
/// table and "new since the last run" show), the undated events and problems whole, and every
/// event's content hash (`ReportKeys`) to tell which report files are still current.
///
/// Kept beside the report manifest for the chronology it was made from (by the chronology's
/// fingerprint, `ChronologyCache`). A nightly run over an unchanged archive reads this instead of
/// decoding the whole chronology from the store: a tenth of the bytes, and no evidence sentences,
/// people or documents in memory. The full chronology is loaded only if some other report has to
/// be written after all.
public struct ReportOutline: Sendable {
    /// The fingerprint of the chronology's inputs (`ChronologyCache.fingerprint`).
    public var fingerprint: String
    /// What the index page shows of the chronology.
    public var outline: ChronologyOutline
    /// Problems and counts of the full chronology (`BuiltChronology`).
    public var problems: [ArticleProblem]
    public var articles: Int
    public var suppressed: Int
    var digests: ReportDigests

    /// 2: the digests before the chronology, which runs to the end of the file (so it can be
    /// streamed in without knowing its length first). 3: listings without the unit's role.
    static let magic = Array("chronicle-report-outline 3\n".utf8)

    /// An event with only what `chronology.md` shows of it in the overview and the new events.
    static func cut(_ item: ChronologyEvent) -> ChronologyEvent { item.listing }

    /// Reads the outline at `url` if it was made from the chronology with `fingerprint`.
    /// Decoded in place from the file's bytes: at a large archive the outline is tens of
    /// megabytes, and copies of it would count against a nightly run's peak memory.
    public init?(contentsOf url: URL, fingerprint: String) {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return nil }
        let stamp = Self.stamp(fingerprint)
        let decoded: (BuiltChronology, ReportDigests)? = data.withUnsafeBytes { bytes in
            guard bytes.count > Self.magic.count, bytes.starts(with: Self.magic) else { return nil }
            var offset = Self.magic.count
            func take() throws -> UnsafeRawBufferPointer {
                guard offset + 8 <= bytes.count else { throw RecordBinaryError.corrupt }
                let count = LittleEndian.uint64(bytes, at: offset)
                offset += 8
                guard count <= UInt64(bytes.count - offset) else { throw RecordBinaryError.corrupt }
                defer { offset += Int(count) }
                return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + Int(count))])
            }
            do {
                guard try take().elementsEqual(stamp.utf8) else { return nil }
                let digests = try ReportDigests(decoding: try take())
                let cache = try BuiltChronology(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset...]))
                guard digests.dated.count == cache.chronology.events.count,
                    digests.undated.count == cache.chronology.undated.count
                else { return nil }
                return (cache, digests)
            } catch {
                return nil
            }
        }
        guard let decoded else { return nil }
        self.fingerprint = fingerprint
        self.outline = ChronologyOutline(cutDown: decoded.0.chronology)
        self.problems = decoded.0.problems
        self.articles = decoded.0.articles
        self.suppressed = decoded.0.suppressed
        self.digests = decoded.1
    }

    /// Writes the outline of `full` (atomically: a run killed meanwhile leaves the old one or
    /// none). Each event is cut down as it is written: the cut-down chronology is never built.
    static func write(fingerprint: String, full: BuiltChronology, digests: ReportDigests, to url: URL) throws {
        try staged(fingerprint: fingerprint, full: full, digests: digests, for: url).commit()
    }

    /// The outline of `full` written beside `url` and synced, not yet in its place: the caller
    /// puts it there (`commit`) once the reports it describes are published, or discards it. A
    /// run stages it while the reports are written: at a large archive it is seconds of work.
    static func staged(fingerprint: String, full: BuiltChronology, digests: ReportDigests, for url: URL) throws -> AtomicFileSink {
        let sink = try AtomicFileSink(url: url)
        do {
            func part(_ bytes: [UInt8]) throws {
                try LittleEndian.bytes(UInt64(bytes.count)).withUnsafeBytes { try sink.write(bytes: $0) }
                try bytes.withUnsafeBytes { try sink.write(bytes: $0) }
            }
            try Self.magic.withUnsafeBytes { try sink.write(bytes: $0) }
            try part(Array(Self.stamp(fingerprint).utf8))
            try part(digests.encoded())
            try full.write(listingDated: true) { try sink.write(bytes: $0) }
            try sink.finish()
            return sink
        } catch {
            sink.discard()
            throw error
        }
    }

    /// The chronology's fingerprint with the version of the report keys the digests were made for.
    private static func stamp(_ fingerprint: String) -> String { fingerprint + " " + ReportKeys.version }

    /// Removes the outline: the chronology it was made from is no longer the current one.
    public static func remove(at url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}

/// The content hash of every event of a chronology (`ReportKeys`), dated then undated.
struct ReportDigests: Sendable, Equatable {
    var dated: [Hash128.Digest]
    var undated: [Hash128.Digest]

    init(dated: [Hash128.Digest], undated: [Hash128.Digest]) {
        self.dated = dated
        self.undated = undated
    }

    func encoded() -> [UInt8] {
        var w = RecordBinary.Writer()
        for list in [dated, undated] {
            w.count(list.count)
            for digest in list { w.digest(digest) }
        }
        return w.bytes
    }

    init(decoding raw: UnsafeRawBufferPointer) throws {
        var lists: [[Hash128.Digest]] = []
        do {
            var r = RecordBinary.Reader(bytes: raw)
            for _ in 0..<2 {
                let count = try r.count()
                guard count <= raw.count / 16 else { throw RecordBinaryError.corrupt }
                var list: [Hash128.Digest] = []
                list.reserveCapacity(count)
                for _ in 0..<count { list.append(try r.digest()) }
                lists.append(list)
            }
            guard r.offset == raw.count else { throw RecordBinaryError.corrupt }
        }
        dated = lists[0]
        undated = lists[1]
    }
}
