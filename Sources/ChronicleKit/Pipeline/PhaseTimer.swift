import Logging

/// Logs how long each phase of a run took (seen with `--verbose`), so a slow archive shows
/// where its time goes.
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
        logger.info("timing: \(name) \(milliseconds) ms")
        last = now
    }
}
