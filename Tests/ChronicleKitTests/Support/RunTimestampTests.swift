import Foundation
import Testing

@testable import ChronicleKit

/// The run's start time made without a formatter agrees with `ISO8601DateFormatter`, the plain
/// way it was made before.
@Suite struct RunTimestampTests {
    @Test func agreesWithTheFormatter() {
        let formatter = ISO8601DateFormatter()
        // Day and year ends, a leap day, before 1970, and times a hair before a second (the
        // formatter rounds to the millisecond first).
        var times: [Double] = [
            0, 0.999, -0.5, 951_782_400.9999, 1_704_067_199.999_999_9, 1_709_164_800, 4_102_444_800, -2_208_988_800,
            1_000_000_000.5, -1_705_733_151.000_481,
        ]
        var generator = SeededGenerator(state: 20_240_115)
        for _ in 0..<20_000 { times.append(Double(generator.next() % 6_700_000_000_000) / 1000 - 2_500_000_000) }
        for time in times {
            let date = Date(timeIntervalSince1970: time)
            #expect(RunTimestamp.iso8601(date) == formatter.string(from: date), "at \(time)")
        }
    }
}
