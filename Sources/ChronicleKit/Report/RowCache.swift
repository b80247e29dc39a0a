import Foundation

/// Rendered report rows of the last run, kept in the state folder under each row's key: what
/// the row shows (the event's content and corrected flag, and what else its format prints of the
/// run: a "new" flag, a first-seen date) and the templates and settings it was rendered with.
/// A night with a few new events rewrites whole files (the year pages, `chronology.csv`): with
/// the rows at hand, only the changed events are decoded and rendered.
///
/// A cache only, so never trusted: a file that is missing, of another version or for other
/// templates gives no rows, and a row whose checksum does not match its bytes is rendered again.
///
/// File: `magic`, the base key (16 bytes), then per row its key (16 bytes), length and FNV-1a
/// checksum (8 bytes each, little-endian) and its bytes.
final class RowCache: @unchecked Sendable {
    static let magic = Array("chronicle-row-cache 1\n".utf8)
    /// The Markdown table rows (`MarkdownReport`).
    static let markdownFileName = "markdown-rows.cache"
    /// The rows of `chronology.csv` (`CSVReport`).
    static let csvFileName = "csv-rows.cache"

    private let data: Data
    private let index: [Hash128.Digest: Range<Int>]

    /// The rows at `url` rendered with the templates of `base`; empty when there are none.
    init(url: URL, base: Hash128.Digest) {
        let data = (try? Data(contentsOf: url, options: .alwaysMapped)) ?? Data()
        self.data = data
        index = data.withUnsafeBytes { Self.index(of: $0, base: base) }
    }

    private static func index(of raw: UnsafeRawBufferPointer, base: Hash128.Digest) -> [Hash128.Digest: Range<Int>] {
        let header = magic.count + 16
        guard raw.count >= header, raw.starts(with: magic),
            LittleEndian.uint64(raw, at: magic.count) == base.first, LittleEndian.uint64(raw, at: magic.count + 8) == base.second
        else { return [:] }
        var index: [Hash128.Digest: Range<Int>] = [:]
        var offset = header
        while raw.count - offset >= 32 {
            let key = Hash128.Digest(first: LittleEndian.uint64(raw, at: offset), second: LittleEndian.uint64(raw, at: offset + 8))
            let count = LittleEndian.uint64(raw, at: offset + 16)
            guard count <= UInt64(raw.count - offset - 32) else { break }
            // The checksum stays in the range: it is checked when the row is taken.
            index[key] = (offset + 24)..<(offset + 32 + Int(count))
            offset += 32 + Int(count)
        }
        return index
    }

    /// The keys of the rows kept.
    var keys: [Hash128.Digest] { Array(index.keys) }

    /// The row kept under `key`, if its bytes still match their checksum.
    func row(_ key: Hash128.Digest) -> [UInt8]? {
        guard let range = index[key] else { return nil }
        return data.withUnsafeBytes { raw in
            let checksum = LittleEndian.uint64(raw, at: range.lowerBound)
            let bytes = UnsafeRawBufferPointer(rebasing: raw[(range.lowerBound + 8)..<range.upperBound])
            return FNV1a.hash(bytes) == checksum ? Array(bytes) : nil
        }
    }

    /// A key made of `parts` (a format's name, versions, settings, an event's content …).
    static func key(_ parts: (inout Hash128) -> Void) -> Hash128.Digest {
        var hash = Hash128("row-cache")
        parts(&hash)
        return hash.digest
    }

    /// Writes `rows` (key, bytes read on demand; nil leaves the row out) as the cache for the
    /// next run, atomically.
    static func write(_ rows: [(key: Hash128.Digest, bytes: () throws -> [UInt8]?)], base: Hash128.Digest, to url: URL) throws {
        let writer = try Writer(url: url, base: base)
        do {
            for row in rows {
                guard let bytes = try row.bytes() else { continue }
                try writer.add(row.key, bytes)
            }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
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
            LittleEndian.append(FNV1a.hash(bytes), to: &out)
            out += bytes
            if out.count >= 1 << 20 { try flush() }
        }

        private func flush() throws {
            try out.withUnsafeBytes { try sink.write(bytes: $0) }
            out.removeAll(keepingCapacity: true)
        }

        func commit() throws {
            try flush()
            try sink.commit()
        }

        func discard() { sink.discard() }
    }
}
