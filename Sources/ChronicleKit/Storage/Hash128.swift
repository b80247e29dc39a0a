/// A 128-bit hash in two lanes of different construction (an FNV-style xor-multiply-shift and a
/// rotate-xor-multiply hash, over 64-bit words), so an accidental match between two different
/// contents is out of the question: the key of what a report file shows (`ReportKeys`), the
/// checksum of a stored chronology. Not for adversaries: it only tells changed from unchanged and
/// damaged from whole. (It was `ReportHash`; the values are the same.)
struct Hash128 {
    private var first: UInt64 = FNV1a.offsetBasis
    private var second: UInt64 = 0x9e37_79b9_7f4a_7c15

    init(_ label: String) {
        add(label)
    }

    mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ add(raw: UnsafeRawBufferPointer($0)) }) { return done }
        add(raw: Array(bytes))
    }

    private mutating func add(raw bytes: [UInt8]) {
        bytes.withUnsafeBytes { add(raw: $0) }
    }

    /// Eight bytes at a time (then the tail byte by byte): the events of a large chronology are
    /// hashed on every run.
    mutating func add(raw bytes: UnsafeRawBufferPointer) {
        var a = first, b = second
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            let word = LittleEndian.uint64(bytes, at: offset)
            a = FNV1a.mix(a, word: word)
            a ^= a >> 29
            b = ((b << 5 | b >> 59) ^ word) &* 0x517c_c1b7_2722_0a95
            offset += 8
        }
        while offset < count {
            let byte = bytes[offset]
            a = FNV1a.mix(a, byte)
            b = ((b << 5 | b >> 59) ^ UInt64(byte)) &* 0x517c_c1b7_2722_0a95
            offset += 1
        }
        // The length, so that a tail of zero bytes is not lost.
        a = FNV1a.mix(a, word: UInt64(count))
        first = a
        second = b
    }

    /// Adds a string; its length is hashed too, so ("ab", "c") and ("a", "bc") differ.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(raw: UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ value: UInt64) {
        first = FNV1a.mix(first, word: value)
        first ^= first >> 29
        second = ((second << 5 | second >> 59) ^ value) &* 0x517c_c1b7_2722_0a95
    }

    mutating func add(_ value: Int) { add(UInt64(bitPattern: Int64(value))) }

    mutating func add(_ flag: Bool) { add(UInt64(flag ? 1 : 0)) }

    mutating func add(_ digest: Digest) {
        add(digest.first)
        add(digest.second)
    }

    /// The two lanes, for hashes that are combined into other hashes.
    struct Digest: Hashable, Sendable, Comparable {
        var first: UInt64
        var second: UInt64

        static func < (a: Digest, b: Digest) -> Bool { a.first != b.first ? a.first < b.first : a.second < b.second }
    }

    var digest: Digest { Digest(first: first, second: second) }

    /// 32 hex digits.
    var key: String { Self.hex(first) + Self.hex(second) }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
