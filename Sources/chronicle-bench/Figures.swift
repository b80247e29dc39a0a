/// The medians over the repetitions of what the table shows and the goals judge. Ratios (× grep,
/// share of the cold run) are taken within each repetition first, whose parts ran minutes apart
/// at most, then their median.
struct Figures: Codable, Sendable {
    /// The lap of a run that reads and extracts the articles (named after what it reads of the
    /// stored files: their summaries, or their records when corrections apply).
    static let extractionLaps = [
        "read stored summaries and extract", "read stored records and extract", "read the kept grouping and extract",
    ]

    var grepSeconds: Double?
    var extractSingleRate: Double?
    var extractRate: Double?
    /// Articles per processor-second of the all-cores pass.
    var extractPerCore: Double?
    var eventsPerArticle: Double?
    var coldExtractSeconds: Double?
    var coldExtractRate: Double?
    var coldExtractPerCore: Double?
    var coldSeconds: Double?
    var coldTimesGrep: Double?
    /// The cold run with the files out of the page cache, and its read-and-extract lap.
    var coldUncachedSeconds: Double?
    var coldUncachedExtractSeconds: Double?
    var warmSeconds: Double?
    var addedSeconds: Double?
    var addedShareOfCold: Double?
    /// The +1% night's wall time by stage (`NightStage`), medians.
    var addedStages: [String: Double] = [:]
    /// The largest peak resident memory of each phase over the repetitions.
    var peakRSS: [String: Int] = [:]
    var reports: [String: Int] = [:]

    /// The read-and-extract lap of a run.
    static func extractionLap(_ phase: PhaseResult?) -> PhaseResult.Lap? {
        phase.flatMap { phase in extractionLaps.lazy.compactMap { phase.lap($0) }.first }
    }

    init(_ runs: [CorpusResult.Run]) {
        func median(_ value: (CorpusResult.Run) -> Double?) -> Double? {
            let values = runs.compactMap(value).filter(\.isFinite).sorted()
            return values.isEmpty ? nil : values[(values.count - 1) / 2]
        }
        func rate(_ count: Int?, _ seconds: Double?) -> Double? {
            guard let count, let seconds, seconds > 0 else { return nil }
            return Double(count) / seconds
        }
        grepSeconds = median { $0.grepSeconds }
        extractSingleRate = median { rate($0.phase(.extract)?.articles, $0.phase(.extract)?.singleThreadSeconds) }
        extractRate = median { rate($0.phase(.extract)?.articles, $0.phase(.extract)?.seconds) }
        extractPerCore = median { rate($0.phase(.extract)?.articles, $0.phase(.extract)?.cpuSeconds) }
        eventsPerArticle = median { run in run.phase(.extract).map { Double($0.events) / Double(max(1, $0.articles)) } }
        let lap = { (run: CorpusResult.Run) in Figures.extractionLap(run.phase(.cold)) }
        coldExtractSeconds = median { lap($0)?.seconds }
        coldExtractRate = median { rate($0.phase(.cold)?.articles, lap($0)?.seconds) }
        coldExtractPerCore = median { rate($0.phase(.cold)?.articles, lap($0)?.cpuSeconds) }
        coldSeconds = median { $0.phase(.cold)?.seconds }
        coldTimesGrep = median { run in run.phase(.cold).map { $0.seconds / run.grepSeconds } }
        coldUncachedSeconds = median { $0.phase(.coldUncached)?.seconds }
        coldUncachedExtractSeconds = median { Figures.extractionLap($0.phase(.coldUncached))?.seconds }
        warmSeconds = median { $0.phase(.warm)?.seconds }
        addedSeconds = median { $0.phase(.warmAdded)?.seconds }
        addedShareOfCold = median { run in
            guard let added = run.phase(.warmAdded), let cold = run.phase(.cold) else { return nil }
            return added.seconds / cold.seconds
        }
        for stage in NightStage.allCases {
            addedStages[stage.rawValue] = median { $0.phase(.warmAdded).flatMap { stage.seconds(of: $0) } }
        }
        for phase in BenchPhase.allCases {
            let results = runs.compactMap { $0.phase(phase) }
            guard let last = results.last else { continue }
            peakRSS[phase.rawValue] = results.map(\.peakRSSBytes).max()
            if let reports = last.reports { self.reports[phase.rawValue] = reports }
        }
    }
}
