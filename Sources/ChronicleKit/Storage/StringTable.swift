import Foundation

/// Distinct strings kept once, as UTF-8 bytes in a `ByteArena`, and referred to by number.
///
/// A chronology of a large archive names the same units, people, documents and files over and
/// over; as Swift strings each copy would be its own allocation. Here a string is a piece of the
/// arena and a `String` is made only when an event is read.
final class StringTable: @unchecked Sendable {
    // Mutated only while its owner is being built or is uniquely referenced (`EventList`); shared
    // copies are only read, from any thread.
    private(set) var arena = ByteArena()
    /// Arena address just past each string. String `n` starts where `n - 1` ends when both are in
    /// the same chunk, else at the start of its chunk (a string is never split).
    private var ends: [Int] = []
    /// Where equal strings are looked up while building (`Lookup`); dropped once building is done
    /// (`seal`), after which new strings are appended without looking for an equal one.
    private var numbers: Lookup? = Lookup()

    init() {}

    var count: Int { ends.count }

    /// A copy that can be changed without changing this one.
    func copy() -> StringTable {
        let table = StringTable()
        table.arena = arena
        table.ends = ends
        table.numbers = numbers
        return table
    }

    /// Stops looking up equal strings: the lookup table is as large as a tenth of the strings.
    func seal() { numbers = nil }

    /// A copy that can be changed without changing this one and that looks up equal strings
    /// again (`intern`), its lookup made of the strings it holds: a list extended night after
    /// night (`EventList.init(extending:)`) numbers a name it already holds as before.
    func reopenedCopy() -> StringTable {
        let table = copy()
        var lookup = Lookup(capacity: ends.count)
        for number in ends.indices {
            // A table appended to after it was sealed may hold a string twice: the first is found.
            let (found, slot) = withBytes(number) { probe($0, in: lookup) }
            if found == nil { lookup.insert(number, at: slot) { self.withBytes($0) { FNV1a.lookupHash($0) } } }
        }
        table.numbers = lookup
        return table
    }

    func reserveCapacity(_ count: Int) { ends.reserveCapacity(count) }

    /// The number of `text`, added if new.
    func intern(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    func intern(_ utf8: UnsafeRawBufferPointer) -> Int {
        // Looked up through `numbers!`, not a copy held while inserting: that would copy the slots.
        guard numbers != nil else { return append(utf8) }
        let (found, slot) = probe(utf8, in: numbers!)
        if let found { return found }
        let number = append(utf8)
        numbers!.insert(number, at: slot) { self.withBytes($0) { FNV1a.lookupHash($0) } }
        return number
    }

    /// The number of the string equal to `utf8` in `lookup`, or nil and the empty slot its probe
    /// ended at (where it goes).
    private func probe(_ utf8: UnsafeRawBufferPointer, in lookup: Lookup) -> (found: Int?, slot: Int) {
        var slot = lookup.firstSlot(FNV1a.lookupHash(utf8))
        while let found = lookup.number(at: slot) {
            let equal = withBytes(found) { known in
                known.count == utf8.count && (utf8.count == 0 || memcmp(known.baseAddress!, utf8.baseAddress!, utf8.count) == 0)
            }
            if equal { return (found, slot) }
            slot = lookup.nextSlot(slot)
        }
        return (nil, slot)
    }

    /// An open-addressing table of string numbers by the hash of their bytes, probed linearly
    /// and compared by the bytes themselves: four bytes a slot, where a dictionary from hash to
    /// number took some twenty-four an entry (a large chronology interns millions of strings).
    struct Lookup {
        /// A string number, or -1 for an empty slot; the count is a power of two.
        private var slots = [Int32](repeating: -1, count: 16)
        private var used = 0

        init() {}

        /// Empty, with room for `capacity` numbers before it grows.
        init(capacity: Int) {
            var count = 16
            while count < capacity * 2 + 2 { count *= 2 }
            slots = [Int32](repeating: -1, count: count)
        }

        private var mask: Int { slots.count - 1 }

        func firstSlot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash) & mask }

        func nextSlot(_ slot: Int) -> Int { (slot + 1) & mask }

        /// The string number in `slot`, nil when it is empty.
        func number(at slot: Int) -> Int? { slots[slot] >= 0 ? Int(slots[slot]) : nil }

        /// Puts `number` in the empty `slot` its probe ended at; grows (rehashing every number
        /// with `hashOf`) when half full.
        mutating func insert(_ number: Int, at slot: Int, hashOf: (Int) -> UInt64) {
            slots[slot] = Int32(number)
            used += 1
            guard used * 2 > slots.count else { return }
            let old = slots
            slots = [Int32](repeating: -1, count: old.count * 2)
            for number in old where number >= 0 {
                var at = firstSlot(hashOf(Int(number)))
                while slots[at] >= 0 { at = nextSlot(at) }
                slots[at] = number
            }
        }
    }

    /// Adds `utf8` as a new string without looking for an equal one.
    func append(_ utf8: UnsafeRawBufferPointer) -> Int {
        let start = arena.append(utf8)
        ends.append(start + utf8.count)
        return ends.count - 1
    }

    /// Arena address of string `number` (which must exist).
    private func start(_ number: Int) -> Int {
        let chunk = ByteArena.chunk(of: ends[number])
        if number > 0 && ByteArena.chunk(of: ends[number - 1]) == chunk { return ends[number - 1] }
        return chunk << ByteArena.chunkShift
    }

    /// The bytes of string `number` (which must exist).
    private func withBytes<T>(_ number: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let start = start(number)
        return try arena.withBytes(at: start, count: ends[number] - start, body)
    }

    /// The length in bytes of each string, in order.
    func forEachLength(_ body: (Int) throws -> Void) rethrows {
        for number in ends.indices { try body(ends[number] - start(number)) }
    }

    /// String `number`, or nil when there is no such string.
    func string(_ number: Int) -> String? {
        guard number >= 0 && number < ends.count else { return nil }
        return withBytes(number) { String(decoding: $0, as: UTF8.self) }
    }
}
