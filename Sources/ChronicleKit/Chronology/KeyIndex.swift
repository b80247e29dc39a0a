/// Keys (an article's text key, its address's hash) to the first record that had each
/// (`GroupingState`): those of a kept grouping in sorted arrays, searched as they were read
/// (a night does not hash the archive's keys into a table again), those added since in a table.
struct KeyIndex<Key: Hashable & Comparable & Sendable>: Sendable {
    private var sortedKeys: [Key] = []
    private var sortedValues: [Int32] = []
    private var added: [Key: Int32] = [:]

    init() {}

    /// Keys in ascending order, each once, with their records.
    init?(sortedKeys: [Key], values: [Int32]) {
        guard sortedKeys.count == values.count, zip(sortedKeys, sortedKeys.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self.sortedKeys = sortedKeys
        sortedValues = values
    }

    var count: Int { sortedKeys.count + added.count }

    /// The record that had `key` first, if any did.
    func value(_ key: Key) -> Int32? {
        var low = 0, high = sortedKeys.count
        while low < high {
            let middle = (low + high) / 2
            if sortedKeys[middle] < key { low = middle + 1 } else { high = middle }
        }
        if low < sortedKeys.count, sortedKeys[low] == key { return sortedValues[low] }
        return added[key]
    }

    /// Records that `record` is the first with `key` (which no record had).
    mutating func insert(_ key: Key, _ record: Int32) {
        added[key] = record
    }

    /// Every key with its record, in ascending order of the keys (the kept form).
    func sorted() -> (keys: [Key], values: [Int32]) {
        let more = added.sorted { $0.key < $1.key }
        var keys: [Key] = [], values: [Int32] = []
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
        var next = 0
        for (key, value) in more {
            while next < sortedKeys.count, sortedKeys[next] < key {
                keys.append(sortedKeys[next])
                values.append(sortedValues[next])
                next += 1
            }
            keys.append(key)
            values.append(value)
        }
        keys.append(contentsOf: sortedKeys[next...])
        values.append(contentsOf: sortedValues[next...])
        return (keys, values)
    }
}
