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
/// A night extends the file in place (`Writer`): the rows it keeps stay where they are, the rows
/// it renders are appended, and only the index beside the file (`RowCacheIndex`) is written
/// whole. Rows no longer used stay in the file until they are as many bytes as the rows in use;
/// the night after that writes the file afresh with only its own rows.
///
/// A cache only, so never trusted: a file that is missing, of another version or for other
/// templates gives no rows, and a row whose key, length or checksum does not match its bytes is
/// rendered again. Without its index (or with one that does not fit the file) the file is read
/// through once to find its rows.
///
/// File: `magic`, the base key (16 bytes), then per row its key (16 bytes), length and checksum
/// (`checksum`; 8 bytes each, little-endian) and its bytes.
final class RowCache: @unchecked Sendable {
    /// 3: an index beside the file, rows appended in place (2: the file written whole every
    /// night; 1: FNV-1a checksums).
    static let magic = Array("chronicle-row-cache 3\n".utf8)
    /// The bytes before the first row: `magic` and the base key.
    static let headerCount = magic.count + 16
    /// The Markdown table rows (`MarkdownReport`).
    static let markdownFileName = "markdown-rows.cache"
    /// The rows of `chronology.csv` (`CSVReport`).
    static let csvFileName = "csv-rows.cache"
    /// The dated events' elements of `chronology.xml` (`XMLReport`).
    static let xmlFileName = "xml-events.cache"
    /// The chronology sheet's rows of `chronology.xlsx` (`WorkbookReport`, `WorkbookRow`).
    static let workbookFileName = "workbook-rows.cache"

    let url: URL
    let base: Hash128.Digest
    /// The open cache file; rows are read with `pread` when taken, so the file's pages stay in
    /// the system's cache rather than in the job's memory (a large archive's rows are tens of
    /// megabytes).
    private let descriptor: Int32
    /// Where each row's entry is, by key.
    let index: RowCacheIndex
    /// Whether `index` was read from its file (else found by reading the cache file through).
    let indexed: Bool
    /// The cache file's size and inode when opened (0 when there is none).
    let fileSize: Int
    let inode: UInt64

    /// The rows at `url` rendered with the templates of `base`; empty when there are none.
    init(url: URL, base: Hash128.Digest) {
        self.url = url
        self.base = base
        let (descriptor, info) = Self.openRegularFile(url.path, flags: O_RDONLY)
        self.descriptor = descriptor
        let size = descriptor < 0 ? 0 : Int(info.st_size)
        fileSize = size
        inode = descriptor < 0 ? 0 : UInt64(info.st_ino)
        guard descriptor >= 0, let head = Self.read(descriptor, at: 0, count: Self.headerCount), Self.isHeader(head, of: base) else {
            (index, indexed) = (RowCacheIndex(), false)
            return
        }
        if let stored = Self.storedIndex(of: url, base: base),
            stored.entries.values.allSatisfy({ $0.lowerBound >= Self.headerCount && $0.upperBound <= size })
        {
            (index, indexed) = (stored, true)
        } else {
            (index, indexed) = (RowCacheIndex(entries: Self.scan(descriptor)), false)
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Opens `path` without following a link or waiting on a pipe; -1 unless it is a regular file.
    static func openRegularFile(_ path: String, flags: Int32) -> (Int32, stat) {
        var info = stat()
        let descriptor = open(path, flags | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return (-1, info) }
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            return (-1, info)
        }
        return (descriptor, info)
    }

    private static func isHeader(_ head: [UInt8], of base: Hash128.Digest) -> Bool {
        head.count == headerCount && head.starts(with: magic)
            && head.withUnsafeBytes {
                LittleEndian.uint64($0, at: magic.count) == base.first && LittleEndian.uint64($0, at: magic.count + 8) == base.second
            }
    }

    /// The index beside the cache file, if it is intact and for `base`.
    private static func storedIndex(of url: URL, base: Hash128.Digest) -> RowCacheIndex? {
        let (descriptor, info) = openRegularFile(RowCacheIndex.url(for: url).path, flags: O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let bytes = read(descriptor, at: 0, count: Int(info.st_size)), bytes.count == Int(info.st_size) else { return nil }
        return bytes.withUnsafeBytes { RowCacheIndex(decoding: $0, base: base) }
    }

    /// Finds the rows by reading the file's entries in one pass of large reads.
    private static func scan(_ descriptor: Int32) -> [Hash128.Digest: Range<Int>] {
        var reader = ChunkReader(descriptor: descriptor)
        var entries: [Hash128.Digest: Range<Int>] = [:]
        var offset = headerCount
        while let entry = reader.bytes(at: offset, count: 32) {
            let (key, count) = entry.withUnsafeBytes {
                (
                    Hash128.Digest(first: LittleEndian.uint64($0, at: 0), second: LittleEndian.uint64($0, at: 8)),
                    LittleEndian.uint64($0, at: 16)
                )
            }
            guard count <= UInt64(Int32.max) else { break }
            // Checked when the row is taken.
            entries[key] = offset..<(offset + 32 + Int(count))
            offset += 32 + Int(count)
        }
        return entries
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
    var keys: [Hash128.Digest] { Array(index.entries.keys) }

    /// Whether no row is kept (no file, another version or other templates).
    var isEmpty: Bool { index.entries.isEmpty }

    /// Whether a row is kept under `key` (not yet checked).
    func contains(_ key: Hash128.Digest) -> Bool { index.entries[key] != nil }

    /// The row kept under `key`, if its bytes still match their key, length and checksum.
    func row(_ key: Hash128.Digest) -> [UInt8]? {
        guard let range = index.entries[key], let stored = Self.read(descriptor, at: range.lowerBound, count: range.count),
            stored.count == range.count
        else { return nil }
        return Self.checked(stored[...], key: key)
    }

    /// The same, read through `window`: rows taken in the order they were written (a report
    /// written again in the same order) cost a read of the file a megabyte at a time instead of
    /// one each. A window belongs to one thread.
    func row(_ key: Hash128.Digest, through window: inout Window) -> [UInt8]? {
        guard let range = index.entries[key] else { return nil }
        if range.lowerBound < window.start || range.upperBound > window.start + window.bytes.count {
            window.bytes = Self.read(descriptor, at: range.lowerBound, count: Swift.max(range.count, 1 << 20)) ?? []
            window.start = range.lowerBound
            guard window.bytes.count >= range.count else { return nil }
        }
        return Self.checked(window.bytes[(range.lowerBound - window.start)..<(range.upperBound - window.start)], key: key)
    }

    /// A piece of the cache file read at once (`row(_:through:)`).
    struct Window {
        fileprivate var start = 0
        fileprivate var bytes: [UInt8] = []

        init() {}
    }

    /// A stored entry's row (after its key, length and checksum) if they all match it.
    private static func checked(_ stored: ArraySlice<UInt8>, key: Hash128.Digest) -> [UInt8]? {
        guard stored.count >= 32 else { return nil }
        let intact = stored.withUnsafeBytes {
            LittleEndian.uint64($0, at: 0) == key.first && LittleEndian.uint64($0, at: 8) == key.second
                && LittleEndian.uint64($0, at: 16) == UInt64($0.count - 32)
                && LittleEndian.uint64($0, at: 24) == checksum(UnsafeRawBufferPointer(rebasing: $0[32...]))
        }
        return intact ? Array(stored.dropFirst(32)) : nil
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

    /// Removes the cache file and its index (a cache that could not be written whole).
    static func remove(at url: URL) {
        unlink(url.path)
        unlink(RowCacheIndex.url(for: url).path)
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
            next = url.flatMap { try? Writer(url: $0, base: base, previous: previous) }
        }

        /// Whether the last run's cache has rows to give.
        var hasRows: Bool { !(previous?.isEmpty ?? true) }

        /// The row cached under `key`, kept for the next run's cache; nil when it is to be made
        /// (and then given to `keep(_:made:)`). Without a closure: a report's loop over its rows
        /// calls this per row, and a closure capturing the report copied it each time.
        func cached(_ key: Hash128.Digest) -> [UInt8]? {
            guard let row = previous?.row(key, through: &window) else { return nil }
            do { try next?.carry(key, row: row) } catch { abandon() }
            return row
        }

        /// A row made now, kept for the next run's cache; returns it.
        func keep(_ key: Hash128.Digest, made row: [UInt8]) -> [UInt8] {
            do { try next?.add(key, row) } catch { abandon() }
            return row
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
        // The two fields read in place: the head bound whole was a copy of its strings per row.
        let corrected = list.heads[index].corrected, seen = firstSeen(list.heads[index].id)
        return RowCache.key {
            $0.add(list.digests[index])
            $0.add(corrected)
            $0.add(seen.description)
        }
    }
}
