import Foundation
import Testing

@testable import ChronicleKit

/// The map on threads of its own (for reading files) gives what the map on the cores gives.
@Suite struct ParallelMapTests {
    @Test func theMapOnThreadsAgreesWithThePlainMap() {
        for count in [0, 1, 63, 64, 65, 1000, 4097] {
            for (chunk, threads) in [(1, 2), (32, 8), (32, 1), (7, 33), (1000, 4)] {
                let input = Array(0..<count)
                let mapped = input.parallelMap(chunk: chunk, threads: threads) { $0 &* 31 &+ 7 }
                #expect(mapped == input.map { $0 &* 31 &+ 7 }, "count \(count), chunk \(chunk), threads \(threads)")
            }
        }
    }

    /// Each element is transformed once, and every thread has let `transform` go when the map
    /// returns (the threads are lent it by address; `withoutActuallyEscaping` traps otherwise,
    /// which many short maps in a row would show).
    @Test func eachElementOnceAndNothingKeptAfter() {
        for _ in 0..<300 {
            let calls = Counter()
            let mapped = Array(0..<200).parallelMap(chunk: 4, threads: 8) { value -> Int in
                calls.add(1)
                return value
            }
            #expect(mapped == Array(0..<200))
            #expect(calls.value == 200)
        }
    }
}
