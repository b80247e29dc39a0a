import Foundation
import Testing
@testable import ChronicleKit

@Suite struct OrderedHandoffTests {
    /// Whatever the count against the chunk (fewer, exactly some chunks, a partial last one,
    /// more than the ring holds), every value is taken once, in order, as a plain loop gives it.
    @Test(arguments: [0, 1, 31, 32, 33, 64, 255, 256, 257, 1_000, 5_003])
    func takesWhatAPlainLoopMakesInOrder(count: Int) {
        func make(_ index: Int) -> [String] { ["Đảng ủy Quân khu \(index % 9)", String(repeating: "x", count: index % 40)] }
        var taken: [[String]] = []
        var places: [Int] = []
        OrderedHandoff.run(count: count, make: make) { index, value in
            places.append(index)
            taken.append(value)
        }
        #expect(places == Array(0..<count))
        #expect(taken == (0..<count).map(make))
    }

    /// `make` runs on one thread only, so state it alone touches needs no lock.
    @Test func makesOnOneThreadInOrder() {
        final class Log: @unchecked Sendable { var made: [Int] = [] }
        let log = Log()
        OrderedHandoff.run(count: 2_000, chunk: 16, ahead: 2, make: { index in log.made.append(index) }) { _, _ in }
        #expect(log.made == Array(0..<2_000))
    }
}
