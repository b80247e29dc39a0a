/// 64-bit FNV-1a, the one implementation: file content hashes (`ContentHash`, also the records
/// blob's checksum), the lookups of `StringPool` and `StringTable`, the file list of a
/// chronology's fingerprint; `Hash128`'s first lane is its word-at-a-time variant. Cheap and
/// stable across platforms and runs; not a security hash.
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
}
