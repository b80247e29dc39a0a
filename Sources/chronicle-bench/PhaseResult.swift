/// What one benchmark phase measured, printed by the child process as one JSON line.
struct PhaseResult: Codable, Sendable {
    /// A phase of a run as its verbose log times it (`timing: … N ms`).
    struct Lap: Codable, Sendable {
        var name: String
        var seconds: Double
        /// Processor time of all the run's threads in the lap: what "per core" is counted on.
        var cpuSeconds: Double
    }

    var phase: String
    /// Wall-clock seconds of the timed section (for `extract`: the all-cores pass).
    var seconds: Double
    /// Articles processed in the timed section.
    var articles: Int
    /// Bytes processed: article text (extract) or input files (runs).
    var bytes: Int
    var events: Int
    /// Peak resident memory of the phase's process, in bytes.
    var peakRSSBytes: Int

    // extract only
    /// Processor time of the all-cores pass, all threads together.
    var cpuSeconds: Double?
    var singleThreadSeconds: Double?
    var singleThreadEvents: Int?
    var loadSeconds: Double?
    var rulesSeconds: Double?

    // runs only
    var filesRead: Int?
    var problems: Int?
    var reports: Int?
    var laps: [Lap]?

    func lap(_ name: String) -> Lap? { laps?.first { $0.name == name } }
}
