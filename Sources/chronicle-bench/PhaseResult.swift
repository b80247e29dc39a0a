/// What one benchmark phase measured, printed by the child process as one JSON line.
struct PhaseResult: Codable, Sendable {
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
    var singleThreadSeconds: Double?
    var singleThreadEvents: Int?
    var loadSeconds: Double?
    var rulesSeconds: Double?

    // runs only
    var filesRead: Int?
    var problems: Int?
    var reports: Int?
}
