/// 64-bit FNV-1a, the one implementation: file content hashes (`ContentHash`, also the records
/// blob's checksum) and article identities; `Hash128`'s first lane and `lookupHash` (the
/// lookups of `StringPool` and `StringTable`) are its word-at-a-time variants. Cheap and stable
/// across platforms and runs; not a security hash.
///
/// (`Extract/Vocabulary` hashes folded scalars, 32-bit values, with the same constants.)
enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// `hash` continued with one byte.
    @inline(__always)
    static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    /// `hash` continued with a 64-bit value taken whole (not byte by byte).
    @inline(__always)
    static func mix(_ hash: UInt64, word: UInt64) -> UInt64 { (hash ^ word) &* prime }

    /// `hash` (by default the hash of nothing) continued with `bytes`.
    @inline(__always)
    static func hash<Bytes: Sequence>(_ bytes: Bytes, from hash: UInt64 = offsetBasis) -> UInt64
    where Bytes.Element == UInt8 {
        var hash = hash
        for byte in bytes { hash = mix(hash, byte) }
        return hash
    }

    /// `hash(_:from:)` over bytes in memory, read through a pointer: the generic loop over a raw
    /// buffer called the standard library's iterator for every byte (a file's content hash on
    /// every file a run reads).
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer, from hash: UInt64 = offsetBasis) -> UInt64 {
        guard let base = bytes.baseAddress else { return hash }
        let start = base.assumingMemoryBound(to: UInt8.self)
        var hash = hash
        for index in 0..<bytes.count { hash = mix(hash, start[index]) }
        return hash
    }

    /// A hash of `bytes` for lookups in memory (`StringTable`, `StringPool`), eight bytes at a
    /// time, its bits mixed at the end so that any of them can pick a slot. Not stable across
    /// versions: never stored, never compared with a stored hash.
    @inline(__always)
    static func lookupHash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = offsetBasis
        let count = bytes.count
        var offset = 0
        while offset + 8 <= count {
            hash = mix(hash, word: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            for index in offset..<count { tail = tail << 8 | UInt64(bytes[index]) }
            hash = mix(hash, word: tail)
        }
        hash = mix(hash, word: UInt64(count))
        hash ^= hash >> 32
        hash = hash &* 0xd6e8_feb8_6659_fd93
        hash ^= hash >> 32
        return hash
    }
}
