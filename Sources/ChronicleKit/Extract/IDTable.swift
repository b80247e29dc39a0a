/// A fixed open-addressing hash table from 64-bit keys to ids, built once per run. Look-ups use
/// a multiplicative mix instead of the seeded SipHash of `Dictionary`, which matters on the
/// per-token hot path.
struct IDTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var used: [Bool]
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        used = [Bool](repeating: false, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always) subscript(key: UInt64) -> Int32? {
        let mask = keys.count - 1
        var i = slot(key)
        while used[i] {
            if keys[i] == key { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(key)
        while used[i] {
            if keys[i] == key {
                values[i] = value
                return
            }
            i = (i + 1) & mask
        }
        used[i] = true
        keys[i] = key
        values[i] = value
        count += 1
    }

    private mutating func grow() {
        let old = (keys, values, used)
        self = IDTable(capacity: keys.count)
        for i in old.0.indices where old.2[i] { insert(old.0[i], old.1[i]) }
    }
}
