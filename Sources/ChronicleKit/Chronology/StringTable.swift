import Foundation

/// Distinct strings kept once, as UTF-8 bytes in one buffer, and referred to by number.
///
/// A chronology of a large archive names the same units, people, documents and files over and
/// over; as Swift strings each copy would be its own allocation. Here a string is a range of one
/// byte buffer and a `String` is made only when an event is read.
final class StringTable: @unchecked Sendable {
    // Mutated only while its owner is being built or is uniquely referenced (`EventList`); shared
    // copies are only read, from any thread.
    private(set) var bytes: [UInt8] = []
    /// End offset in `bytes` of each string; string `n` starts where `n - 1` ends.
    private(set) var ends: [Int] = []
    /// Hash of a string's bytes → its number; dropped once building is done (`seal`), after which
    /// new strings are appended without looking for an equal one.
    private var numbers: [UInt64: Int32]? = [:]

    init() {}

    /// A table read back from its stored form.
    init(bytes: [UInt8], ends: [Int]) {
        self.bytes = bytes
        self.ends = ends
        self.numbers = nil
    }

    var count: Int { ends.count }

    /// A copy that can be changed without changing this one.
    func copy() -> StringTable {
        let table = StringTable(bytes: bytes, ends: ends)
        table.numbers = numbers
        return table
    }

    /// Stops looking up equal strings: the lookup table is as large as a tenth of the strings.
    func seal() { numbers = nil }

    /// The number of `text`, added if new.
    func intern(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    func intern(_ utf8: UnsafeRawBufferPointer) -> Int {
        guard numbers != nil else { return append(utf8) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        if let found = numbers![hash] {
            let number = Int(found)
            let start = number == 0 ? 0 : ends[number - 1]
            let equal = bytes.withUnsafeBytes { all in
                ends[number] - start == utf8.count && (utf8.count == 0 || memcmp(all.baseAddress! + start, utf8.baseAddress!, utf8.count) == 0)
            }
            // Two strings with one hash: the second is simply kept again.
            if equal { return number }
            return append(utf8)
        }
        let number = append(utf8)
        numbers![hash] = Int32(number)
        return number
    }

    private func append(_ utf8: UnsafeRawBufferPointer) -> Int {
        bytes.append(contentsOf: utf8)
        ends.append(bytes.count)
        return ends.count - 1
    }

    /// String `number`, or nil when there is no such string.
    func string(_ number: Int) -> String? {
        guard number >= 0 && number < ends.count else { return nil }
        let start = number == 0 ? 0 : ends[number - 1]
        return bytes.withUnsafeBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[start..<ends[number]]), as: UTF8.self) }
    }
}
