/// A small seeded pseudo-random generator (SplitMix64) whose sequence is fixed by its seed on every
/// platform and Swift version, so a synthetic corpus is the same from run to run.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`. Plain modulo (not `Int.random(in:using:)`, whose algorithm may change
    /// between Swift versions); the bias is negligible for the small bounds used here.
    package mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next() % UInt64(bound))
    }

    /// A value in `range`.
    package mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// One element of a non-empty array.
    package mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }
}
