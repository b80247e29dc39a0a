import Logging

/// Logs how long each phase of a run took and the peak memory so far (seen with `--verbose`), so
/// a slow or large archive shows where its time and memory go.
struct PhaseTimer {
    let logger: Logger
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    init(logger: Logger) {
        self.logger = logger
        last = clock.now
    }

    /// Logs the time since the previous lap (or the start) under `name`.
    mutating func lap(_ name: String) {
        let now = clock.now
        let parts = (now - last).components
        let milliseconds = parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
        let mebibyte = 1024 * 1024
        let peak = ProcessMemory.peakResidentBytes() / mebibyte
        let resident = ProcessMemory.residentBytes().map { "resident \($0 / mebibyte) MiB, " } ?? ""
        logger.info("timing: \(name) \(milliseconds) ms, \(resident)peak \(peak) MiB")
        last = now
    }
}
