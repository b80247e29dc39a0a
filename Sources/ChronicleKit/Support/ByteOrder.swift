#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte order of UTF-8 text: the order of paths and ids in every list Chronicle sorts, so that it
/// does not depend on the locale or the file system.
///
/// `a.utf8.lexicographicallyPrecedes(b.utf8)` gives the same order, but through generic
/// iterators: sorting the paths of a 50,000-file archive with it cost more than the rest of an
/// unchanged run. This compares the contiguous bytes with `memcmp`.
enum ByteOrder {
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// The byte order of two texts as memcmp gives it: negative when `lhs` comes first, zero when
    /// their bytes are the same, positive when `rhs` comes first (one comparison where a merge
    /// of two sorted lists would otherwise make two).
    static func compare(_ lhs: String, _ rhs: String) -> Int {
        // Native strings lend their bytes as they are, without the copy `withUTF8` needs.
        let lent = lhs.utf8.withContiguousStorageIfAvailable { a in
            rhs.utf8.withContiguousStorageIfAvailable { b in compare(a, b) }
        }
        if let order = lent ?? nil { return order }
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { a in rhs.withUTF8 { b in compare(a, b) } }
    }

    /// `texts.sorted(by: precedes)`, for the many short names of a folder: each text's first
    /// sixteen bytes are read once into two integers, which decide most comparisons; texts that
    /// share them are compared whole. A folder of thousands of articles was sorted through
    /// `memcmp` on every comparison, a sixth of what listing it cost.
    static func sorted(_ texts: [String]) -> [String] {
        guard texts.count > 1 else { return texts }
        var keys: [SortKey] = []
        keys.reserveCapacity(texts.count)
        for (index, text) in texts.enumerated() {
            // Bytes past the end count as zero: a text that ends first sorts first, as in memcmp
            // order, unless the other has a zero byte there, which the whole comparison settles.
            var high: UInt64 = 0, low: UInt64 = 0, shift = 0
            for byte in text.utf8.prefix(16) {
                if shift < 64 { high |= UInt64(byte) << (56 - shift) } else { low |= UInt64(byte) << (120 - shift) }
                shift += 8
            }
            keys.append(SortKey(high: high, low: low, index: index))
        }
        keys.sort { a, b in
            if a.high != b.high { return a.high < b.high }
            if a.low != b.low { return a.low < b.low }
            return compare(texts[a.index], texts[b.index]) < 0
        }
        return keys.map { texts[$0.index] }
    }

    /// A text's first sixteen bytes, big-endian, and its place (`sorted`).
    private struct SortKey {
        var high: UInt64
        var low: UInt64
        var index: Int
    }

    /// A text against bytes (a path as SQLite holds it), in the same order.
    static func compare(_ lhs: String, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        if let order = lhs.utf8.withContiguousStorageIfAvailable({ compare($0, rhs) }) { return order }
        var lhs = lhs
        return lhs.withUTF8 { compare($0, rhs) }
    }

    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let order = memcmp(a.baseAddress!, b.baseAddress!, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }

    /// Whether two texts have the same UTF-8 bytes (not canonical equivalence, as `==` is).
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { a in
            rhs.withUTF8 { b in
                a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
    }
}
