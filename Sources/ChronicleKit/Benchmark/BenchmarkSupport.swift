import Foundation
import Logging

/// Helpers for `chronicle-bench`: the job's own parallel map and the process's peak memory, so the
/// benchmark measures extraction the way `ChronicleRun` schedules it.
public enum BenchmarkSupport {
    /// Maps on all cores in input order, with the same chunked `concurrentPerform` the pipeline uses.
    public static func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        items.parallelMap(transform)
    }

    /// Peak resident memory of this process so far, in bytes.
    public static func peakResidentBytes() -> Int {
        ProcessMemory.peakResidentBytes()
    }
}

extension BenchmarkSupport {
    /// The main job with logging at error level, as the CLI runs it without `--verbose`, so the
    /// benchmark does not time log lines nobody reads.
    public static func quietRun(options: RunOptions) -> ChronicleRun {
        var logger = Logger(label: "chronicle-bench")
        logger.logLevel = .error
        return ChronicleRun(options: options, logger: logger)
    }
}
