/// A fixed open-addressing hash table from 64-bit keys to ids, built once per run. Look-ups use
/// a multiplicative mix instead of the seeded SipHash of `Dictionary`, and key and value share a
/// slot, so a look-up touches one cache line — this is on the per-token hot path.
struct IDTable: Sendable {
    private struct Slot: Sendable {
        var key: UInt64
        /// `Int32.min` marks an empty slot.
        var value: Int32
    }

    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, value: Int32.min), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always) subscript(key: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var i = slot(key)
            while true {
                let s = table[i]
                if s.value == Int32.min { return nil }
                if s.key == key { return s.value }
                i = (i + 1) & mask
            }
        }
    }

    mutating func insert(_ key: UInt64, _ value: Int32) {
        precondition(value != Int32.min)
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = slot(key)
        while slots[i].value != Int32.min {
            if slots[i].key == key {
                slots[i].value = value
                return
            }
            i = (i + 1) & mask
        }
        slots[i] = Slot(key: key, value: value)
        count += 1
    }

    /// Rebuilds the table at the smallest size that keeps it at most half full, once the last
    /// key is in. The vocabulary and the phrase trie are made with room for thousands of keys
    /// and hold hundreds: their look-ups were spread over 128 and 256 KB, past the first-level
    /// cache, and were a tenth of extraction.
    mutating func shrinkToFit() {
        let fitted = IDTable(capacity: count)
        guard fitted.slots.count < slots.count else { return }
        let old = slots
        self = fitted
        for s in old where s.value != Int32.min { insert(s.key, s.value) }
    }

    private mutating func grow() {
        let old = slots
        self = IDTable(capacity: slots.count)
        for s in old where s.value != Int32.min { insert(s.key, s.value) }
    }
}
