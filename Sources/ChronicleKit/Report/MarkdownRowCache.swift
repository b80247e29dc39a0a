import Foundation

/// The Markdown table rows of the last run, kept in the state folder under each row's key: what
/// the row shows (the event's content and corrected flag, whether it is new) and the templates it
/// was rendered with. Rendering a row through Mustache is the largest cost of the Markdown
/// report, and a night with a few new events rewrites whole year files: with the rows at hand,
/// only the new events' rows are rendered.
///
/// A cache only, so never trusted: a file that is missing, of another version or for other
/// templates gives no rows, and a row whose checksum does not match its bytes is rendered again.
///
/// File: `magic`, the templates' base key (16 bytes), then per row its key (16 bytes), length and
/// FNV-1a checksum (8 bytes each, little-endian) and its bytes.
final class MarkdownRowCache: @unchecked Sendable {
    static let magic = Array("chronicle-markdown-rows 1\n".utf8)
    static let fileName = "markdown-rows.cache"

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

    /// The key of the templates rows are rendered with.
    static func base(templates: ReportTemplates) -> Hash128.Digest {
        var hash = Hash128("markdown-rows")
        hash.add(ReportKeys.version)
        hash.add(templates.fingerprint)
        return hash.digest
    }

    /// The key of one row: the event's content (`EventList.digests`), its corrected flag and
    /// whether it is new in this run.
    static func key(content: Hash128.Digest, corrected: Bool, new: Bool) -> Hash128.Digest {
        var hash = Hash128("markdown-row")
        hash.add(content)
        hash.add(corrected)
        hash.add(new)
        return hash.digest
    }

    /// Writes `rows` (key, bytes read on demand; nil leaves the row out) as the cache for the
    /// next run, atomically.
    static func write(_ rows: [(key: Hash128.Digest, bytes: () throws -> [UInt8]?)], base: Hash128.Digest, to url: URL) throws {
        let sink = try AtomicFileSink(url: url)
        do {
            var out = magic
            LittleEndian.append(base.first, to: &out)
            LittleEndian.append(base.second, to: &out)
            for row in rows {
                guard let bytes = try row.bytes() else { continue }
                LittleEndian.append(row.key.first, to: &out)
                LittleEndian.append(row.key.second, to: &out)
                LittleEndian.append(UInt64(bytes.count), to: &out)
                LittleEndian.append(FNV1a.hash(bytes), to: &out)
                out += bytes
                if out.count >= 1 << 20 {
                    try out.withUnsafeBytes { try sink.write(bytes: $0) }
                    out.removeAll(keepingCapacity: true)
                }
            }
            try out.withUnsafeBytes { try sink.write(bytes: $0) }
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
    }
}
