import Foundation
import Logging

/// A log handler that keeps the phase timings a run logs (`timing: <phase> N ms, …`, from
/// `PhaseTimer`), each with the wall and processor time since the previous one, and drops every
/// other message; the benchmark reads the cold run's extraction phase from it, as
/// `chronicle run --verbose` shows it.
struct LapRecorder: LogHandler {
    /// The laps so far, shared by the copies of the handler a logger makes.
    final class Laps: @unchecked Sendable {
        private let lock = NSLock()
        private var laps: [PhaseResult.Lap] = []
        private var lastWall = ContinuousClock.now
        private var lastCPU = ProcessorTime.seconds()

        var all: [PhaseResult.Lap] { lock.withLock { laps } }

        func record(_ name: String) {
            let wall = ContinuousClock.now, cpu = ProcessorTime.seconds()
            lock.withLock {
                laps.append(PhaseResult.Lap(name: name, seconds: (wall - lastWall).seconds, cpuSeconds: cpu - lastCPU))
                lastWall = wall
                lastCPU = cpu
            }
        }
    }

    let laps: Laps
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let message = event.message.description
        guard message.hasPrefix("timing: ") else { return }
        // "timing: scan, store state and classify 12 ms, resident …": the words before "N ms".
        let body = message.dropFirst("timing: ".count)
        guard let end = body.range(of: " ms")?.lowerBound else { return }
        let words = body[..<end].split(separator: " ")
        guard words.count > 1 else { return }
        laps.record(words.dropLast().joined(separator: " "))
    }

    /// A logger that records into a fresh set of laps, which starts its clocks now.
    static func logger() -> (Logger, Laps) {
        let laps = Laps()
        return (Logger(label: "chronicle-bench") { _ in LapRecorder(laps: laps) }, laps)
    }
}
