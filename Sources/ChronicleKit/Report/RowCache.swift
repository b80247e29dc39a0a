import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Rendered report rows of the last run, kept in the state folder under each row's key: what
/// the row shows (the event's content and corrected flag, and what else its format prints of the
/// run: a "new" flag, a first-seen date) and the templates and settings it was rendered with.
/// A night with a few new events rewrites whole files (the year pages, `chronology.csv`): with
/// the rows at hand, only the changed events are decoded and rendered.
///
/// A cache only, so never trusted: a file that is missing, of another version or for other
/// templates gives no rows, and a row whose checksum does not match its bytes is rendered again.
///
/// File: `magic`, the base key (16 bytes), then per row its key (16 bytes), length and checksum
/// (`checksum`; 8 bytes each, little-endian) and its bytes.
final class RowCache: @unchecked Sendable {
    /// 2: the checksum is `Hash128`'s, eight bytes at a time (1: FNV-1a byte by byte, which cost
    /// more than reading and writing the rows: every row is checked when taken and when kept).
    static let magic = Array("chronicle-row-cache 2\n".utf8)
    /// The Markdown table rows (`MarkdownReport`).
    static let markdownFileName = "markdown-rows.cache"
    /// The rows of `chronology.csv` (`CSVReport`).
    static let csvFileName = "csv-rows.cache"
    /// The dated events' elements of `chronology.xml` (`XMLReport`).
    static let xmlFileName = "xml-events.cache"
    /// The chronology sheet's rows of `chronology.xlsx` (`WorkbookReport`, `WorkbookRow`).
    static let workbookFileName = "workbook-rows.cache"

    /// The open cache file; rows are read with `pread` when taken, so the file's pages stay in
    /// the system's cache rather than in the job's memory (a large archive's rows are tens of
    /// megabytes).
    private let descriptor: Int32
    /// Where each row's checksum and bytes are, by key.
    private let index: [Hash128.Digest: Range<Int>]

    /// The rows at `url` rendered with the templates of `base`; empty when there are none.
    init(url: URL, base: Hash128.Digest) {
        descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        index = descriptor < 0 ? [:] : Self.index(of: descriptor, base: base)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Reads the file's row headers in one pass of large reads, passing over the rows' bytes.
    private static func index(of descriptor: Int32, base: Hash128.Digest) -> [Hash128.Digest: Range<Int>] {
        var reader = ChunkReader(descriptor: descriptor)
        let header = magic.count + 16
        guard let head = reader.bytes(at: 0, count: header), head.starts(with: magic),
            head.withUnsafeBytes({
                LittleEndian.uint64($0, at: magic.count) == base.first && LittleEndian.uint64($0, at: magic.count + 8) == base.second
            })
        else { return [:] }
        var index: [Hash128.Digest: Range<Int>] = [:]
        var offset = header
        while let entry = reader.bytes(at: offset, count: 32) {
            let (key, count) = entry.withUnsafeBytes {
                (
                    Hash128.Digest(first: LittleEndian.uint64($0, at: 0), second: LittleEndian.uint64($0, at: 8)),
                    LittleEndian.uint64($0, at: 16)
                )
            }
            guard count <= UInt64(Int32.max) else { break }
            // The checksum stays in the range: it is checked when the row is taken.
            index[key] = (offset + 24)..<(offset + 32 + Int(count))
            offset += 32 + Int(count)
        }
        return index
    }

    /// Sequential reads of a file in large pieces.
    private struct ChunkReader {
        let descriptor: Int32
        private var buffer: [UInt8] = []
        private var start = 0

        init(descriptor: Int32) { self.descriptor = descriptor }

        /// The `count` bytes at `offset`, nil past the end of the file.
        mutating func bytes(at offset: Int, count: Int) -> ArraySlice<UInt8>? {
            if offset < start || offset + count > start + buffer.count {
                buffer = RowCache.read(descriptor, at: offset, count: Swift.max(count, 1 << 20)) ?? []
                start = offset
                guard buffer.count >= count else { return nil }
            }
            return buffer[(offset - start)..<(offset - start + count)]
        }
    }

    /// Up to `count` bytes at `offset` (fewer at the end of the file); nil on a read error. Read
    /// into uninitialized memory: reports read their caches a megabyte at a time, and zeroing
    /// each piece first cost as much as reading it.
    static func read(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8]? {
        guard count > 0 else { return [] }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if got < 0 && errno == EINTR { continue }
                guard got >= 0 else {
                    failed = true
                    break
                }
                if got == 0 { break }
                done += got
            }
            initialized = failed ? 0 : done
        }
        return failed ? nil : bytes
    }

    /// The keys of the rows kept.
    var keys: [Hash128.Digest] { Array(index.keys) }

    /// Whether no row is kept (no file, another version or other templates).
    var isEmpty: Bool { index.isEmpty }

    /// The row kept under `key`, if its bytes still match their checksum.
    func row(_ key: Hash128.Digest) -> [UInt8]? {
        guard let range = index[key], let stored = Self.read(descriptor, at: range.lowerBound, count: range.count),
            stored.count == range.count
        else { return nil }
        return Self.checked(stored[...])
    }

    /// The same, read through `window`: rows taken in the order they were written (a report
    /// written again in the same order) cost a read of the file a megabyte at a time instead of
    /// one each. A window belongs to one thread.
    func row(_ key: Hash128.Digest, through window: inout Window) -> [UInt8]? {
        guard let range = index[key] else { return nil }
        if range.lowerBound < window.start || range.upperBound > window.start + window.bytes.count {
            window.bytes = Self.read(descriptor, at: range.lowerBound, count: Swift.max(range.count, 1 << 20)) ?? []
            window.start = range.lowerBound
            guard window.bytes.count >= range.count else { return nil }
        }
        return Self.checked(window.bytes[(range.lowerBound - window.start)..<(range.upperBound - window.start)])
    }

    /// A piece of the cache file read at once (`row(_:through:)`).
    struct Window {
        fileprivate var start = 0
        fileprivate var bytes: [UInt8] = []

        init() {}
    }

    /// A stored row's bytes (after its 8-byte checksum) if they match the checksum.
    private static func checked(_ stored: ArraySlice<UInt8>) -> [UInt8]? {
        let intact = stored.withUnsafeBytes { LittleEndian.uint64($0, at: 0) == checksum(UnsafeRawBufferPointer(rebasing: $0[8...])) }
        return intact ? Array(stored.dropFirst(8)) : nil
    }

    /// A row's checksum: both halves of its `Hash128` digest folded into one.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = Hash128("row")
        hash.add(raw: bytes)
        let digest = hash.digest
        return digest.first ^ digest.second
    }

    /// A key made of `parts` (a format's name, versions, settings, an event's content …).
    static func key(_ parts: (inout Hash128) -> Void) -> Hash128.Digest {
        var hash = Hash128("row-cache")
        parts(&hash)
        return hash.digest
    }

    /// The base key of a format's cache: its name, the reports' version, the templates, and
    /// what else its rows depend on (`settings`).
    static func base(_ format: String, templates: ReportTemplates, settings: (inout Hash128) -> Void = { _ in }) -> Hash128.Digest {
        key {
            $0.add(format)
            $0.add(ReportKeys.version)
            $0.add(templates.fingerprint)
            settings(&$0)
        }
    }

    /// Writes a cache row by row as a report is written, then puts it in place at once.
    final class Writer {
        private let sink: AtomicFileSink
        private var out: [UInt8]

        init(url: URL, base: Hash128.Digest) throws {
            sink = try AtomicFileSink(url: url)
            out = RowCache.magic
            LittleEndian.append(base.first, to: &out)
            LittleEndian.append(base.second, to: &out)
        }

        func add(_ key: Hash128.Digest, _ bytes: [UInt8]) throws {
            LittleEndian.append(key.first, to: &out)
            LittleEndian.append(key.second, to: &out)
            LittleEndian.append(UInt64(bytes.count), to: &out)
            LittleEndian.append(bytes.withUnsafeBytes { RowCache.checksum($0) }, to: &out)
            out += bytes
            if out.count >= 1 << 20 { try flush() }
        }

        private func flush() throws {
            try out.withUnsafeBytes { try sink.write(bytes: $0) }
            out.removeAll(keepingCapacity: true)
        }

        /// Puts the cache in place, not synced: a cache is never trusted (each row is checked
        /// against its checksum when taken), so one lost or cut short by a crash only costs the
        /// next run its rows. Four caches of some 12 MB were synced every night.
        func commit() throws {
            try flush()
            try sink.finish(sync: false)
            try sink.commit(syncDirectory: false)
        }

        func discard() { sink.discard() }
    }
}

extension RowCache {
    /// One report's pass over its rows: each taken from the last run's cache when it has it,
    /// else made, and kept for the next run's cache. A cache that cannot be written is left out
    /// (the next run makes the rows again); nothing here fails the report.
    final class Update {
        private let previous: RowCache?
        private var next: Writer?
        /// Rows are taken in the order of the report, which is mostly the cache's.
        private var window = Window()

        /// `url` nil: no cache, every row is made.
        init(url: URL?, base: Hash128.Digest) {
            previous = url.map { RowCache(url: $0, base: base) }
            next = url.flatMap { try? Writer(url: $0, base: base) }
        }

        /// Whether the last run's cache has rows to give.
        var hasRows: Bool { !(previous?.isEmpty ?? true) }

        /// The row of `key`: the cached one, or `make()`'s.
        func row(_ key: Hash128.Digest, make: () throws -> [UInt8]) rethrows -> [UInt8] {
            try take(key, make: make).row
        }

        /// The row of `key` and whether it came from the cache (else `make()` made it).
        func take(_ key: Hash128.Digest, make: () throws -> [UInt8]) rethrows -> (row: [UInt8], cached: Bool) {
            let cachedRow = previous?.row(key, through: &window)
            let row = try cachedRow ?? make()
            do {
                try next?.add(key, row)
            } catch {
                abandon()
            }
            return (row, cachedRow != nil)
        }

        /// Puts the new cache in place.
        func finish() {
            do { try next?.commit() } catch { abandon() }
        }

        /// Leaves the cache as it was (the report failed).
        func abandon() {
            next?.discard()
            next = nil
        }
    }
}

extension ReportInput {
    /// The row key of event `index` of `list` in the CSV, XML and workbook caches: its content,
    /// its corrected flag and the date it was first seen, which those rows print.
    func rowKey(_ list: EventList, _ index: Int) -> Hash128.Digest {
        let head = list.heads[index]
        return RowCache.key {
            $0.add(list.digests[index])
            $0.add(head.corrected)
            $0.add(firstSeen(head.id).description)
        }
    }
}
