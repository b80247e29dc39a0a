/// A 128-bit hash of what a report file shows, in two lanes of different construction (FNV-1a,
/// and a rotate-xor-multiply hash), so an accidental match between two different contents is
/// out of the question. Not for adversaries: it only decides whether a file must be written again.
struct ReportHash {
    private var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private var second: UInt64 = 0x9e37_79b9_7f4a_7c15

    init(_ label: String) {
        add(label)
    }

    mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        var a = first, b = second
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = ((b << 5 | b >> 59) ^ UInt64(byte)) &* 0x517c_c1b7_2722_0a95
        }
        first = a
        second = b
    }

    /// Adds a string and a separator, so ("ab", "c") and ("a", "bc") differ.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: $0) }
        add(bytes: CollectionOfOne(0xFF))
    }

    mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { add(bytes: $0) }
    }

    mutating func add(_ value: Int) { add(UInt64(bitPattern: Int64(value))) }

    mutating func add(_ flag: Bool) { add(bytes: CollectionOfOne(flag ? 1 : 0)) }

    mutating func add(_ digest: Digest) {
        add(digest.first)
        add(digest.second)
    }

    /// The two lanes, for hashes that are combined into other hashes.
    struct Digest: Hashable, Sendable {
        var first: UInt64
        var second: UInt64
    }

    var digest: Digest { Digest(first: first, second: second) }

    /// 32 hex digits.
    var key: String { Self.hex(first) + Self.hex(second) }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
