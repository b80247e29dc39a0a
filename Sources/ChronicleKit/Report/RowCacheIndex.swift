import Foundation

/// Where each row of a row cache's file is (`RowCache`), kept beside it so that a night opens the
/// cache without reading the rows it will not take, and extends the file in place: rows it keeps
/// stay where they are, new rows are appended, and only this index is written whole.
///
/// Only a hint: every row is checked against the key, length and checksum stored with it when
/// taken, so an index that does not match its file (a run stopped between the two) gives misses,
/// never another row's bytes.
///
/// File: `magic`, the base key (16 bytes), the number of rows, then per row its key (16 bytes),
/// the offset of its entry in the cache file and the entry's length (8 bytes each), and last a
/// checksum of all that (`RowCache.checksum`); little-endian.
struct RowCacheIndex {
    static let magic = Array("chronicle-row-index 1\n".utf8)

    /// Each row's entry in the cache file (key, length, checksum and bytes), by key.
    var entries: [Hash128.Digest: Range<Int>] = [:]

    init(entries: [Hash128.Digest: Range<Int>] = [:]) {
        self.entries = entries
    }

    /// The bytes of every entry together: what a file holding only these rows would hold.
    var liveBytes: Int { entries.values.reduce(0) { $0 + $1.count } }

    /// The index file of the cache file at `url`.
    static func url(for cache: URL) -> URL {
        cache.deletingPathExtension().appendingPathExtension("index")
    }

    /// The index stored in `bytes` for the cache of `base`; nil when it is of another version,
    /// for other templates, cut short or damaged.
    init?(decoding bytes: UnsafeRawBufferPointer, base: Hash128.Digest) {
        let head = Self.magic.count + 24
        guard bytes.count >= head + 8, bytes.starts(with: Self.magic),
            LittleEndian.uint64(bytes, at: Self.magic.count) == base.first,
            LittleEndian.uint64(bytes, at: Self.magic.count + 8) == base.second
        else { return nil }
        let count = LittleEndian.uint64(bytes, at: Self.magic.count + 16)
        guard count <= UInt64((bytes.count - head - 8) / 32), head + Int(count) * 32 + 8 == bytes.count,
            LittleEndian.uint64(bytes, at: bytes.count - 8)
                == RowCache.checksum(UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 8)]))
        else { return nil }
        entries.reserveCapacity(Int(count))
        for row in 0..<Int(count) {
            let at = head + row * 32
            let offset = LittleEndian.uint64(bytes, at: at + 16), length = LittleEndian.uint64(bytes, at: at + 24)
            guard offset <= UInt64(Int32.max) * 16, length <= UInt64(Int32.max) else { return nil }
            let key = Hash128.Digest(first: LittleEndian.uint64(bytes, at: at), second: LittleEndian.uint64(bytes, at: at + 8))
            entries[key] = Int(offset)..<(Int(offset) + Int(length))
        }
    }

    /// The index file's bytes, the rows in `order` (each key once).
    static func encoded(_ order: [(key: Hash128.Digest, entry: Range<Int>)], base: Hash128.Digest) -> [UInt8] {
        var out = magic
        out.reserveCapacity(magic.count + 24 + order.count * 32 + 8)
        LittleEndian.append(base.first, to: &out)
        LittleEndian.append(base.second, to: &out)
        LittleEndian.append(UInt64(order.count), to: &out)
        for (key, entry) in order {
            LittleEndian.append(key.first, to: &out)
            LittleEndian.append(key.second, to: &out)
            LittleEndian.append(UInt64(entry.lowerBound), to: &out)
            LittleEndian.append(UInt64(entry.count), to: &out)
        }
        LittleEndian.append(out.withUnsafeBytes { RowCache.checksum($0) }, to: &out)
        return out
    }
}
