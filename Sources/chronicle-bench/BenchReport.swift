import Foundation

/// All figures of one benchmark, with the goals they are judged against.
struct BenchReport: Codable, Sendable {
    struct Check: Codable, Sendable {
        var name: String
        var target: String
        var measured: String
        /// Nil when it could not be judged (no real text to compare with).
        var pass: Bool?
        /// What the figure was measured on, or why the comparison is only indicative.
        var note: String?

        var result: String { pass.map { $0 ? "PASS" : "FAIL" } ?? "SKIP" }
    }

    /// The goals of issue 18, per core counted on processor time.
    static let perCoreGoal = 10_000.0
    static let coldTimesGrepGoal = 3.0
    static let addedShareGoal = 0.1
    static let syntheticSpread = 0.2

    var cores: Int
    var articles: Int
    var runs: Int
    var corpora: [CorpusResult]
    /// Why the real-text corpus is missing, when it is.
    var realTextMissing: String?
    var goals: [Check]
    /// Targets of earlier issues, on the synthetic corpus and scaled to its size: shown, not judged
    /// by `--check`.
    var earlierTargets: [Check]

    init(cores: Int, articles: Int, runs: Int, corpora: [CorpusResult], realTextMissing: String?) {
        self.cores = cores
        self.articles = articles
        self.runs = runs
        self.corpora = corpora
        self.realTextMissing = realTextMissing
        let synthetic = corpora.first { $0.name == .synthetic }
        let real = corpora.first { $0.name == .real }
        goals = Self.goals(synthetic: synthetic, real: real)
        earlierTargets = synthetic.map { Self.earlierTargets($0, articles: articles) } ?? []
    }

    func corpus(_ name: CorpusResult.Name) -> CorpusResult? { corpora.first { $0.name == name } }

    /// Whether no goal failed (a skipped one does not fail).
    var goalsMet: Bool { !goals.contains { $0.pass == false } }

    /// The goals, on the real text when there is some, else on the synthetic corpus.
    static func goals(synthetic: CorpusResult?, real: CorpusResult?) -> [Check] {
        guard let judged = real ?? synthetic else { return [] }
        let on = real == nil ? "on the synthetic corpus (no real text)" : "on the real text"
        var checks: [Check] = []
        let perCore = judged.figures.coldExtractPerCore
        checks.append(
            Check(
                name: "extraction per core", target: "≥ \(Format.count(perCoreGoal)) articles/s",
                measured: perCore.map { "\(Format.count($0)) /s" } ?? "—", pass: perCore.map { $0 >= perCoreGoal },
                note: "\(on): the cold run's read-and-extract phase, articles per processor-second"))
        let times = judged.figures.coldTimesGrep
        checks.append(
            Check(
                name: "cold run, whole job", target: "≤ \(Format.fixed(coldTimesGrepGoal, decimals: 0))× grep",
                measured: times.map { "\(Format.fixed($0, decimals: 1))× grep" } ?? "—", pass: times.map { $0 <= coldTimesGrepGoal },
                note: on))
        let share = judged.figures.addedShareOfCold
        checks.append(
            Check(
                name: "night with +1% new", target: "≤ \(Format.fixed(addedShareGoal, decimals: 1))× the cold run",
                measured: share.map { "\(Format.fixed($0, decimals: 2))×" } ?? "—", pass: share.map { $0 <= addedShareGoal }, note: on))
        checks.append(syntheticCheck(synthetic: synthetic, real: real))
        return checks
    }

    /// The synthetic corpus's per-core extraction against the real text's, both as the cold run
    /// reads and extracts and on articles held in memory: it must be within 20% in both.
    static func syntheticCheck(synthetic: CorpusResult?, real: CorpusResult?) -> Check {
        let name = "synthetic per core vs real", target = "within ±\(Format.fixed(syntheticSpread * 100, decimals: 0))%"
        guard let synthetic, let real else {
            return Check(name: name, target: target, measured: "—", pass: nil, note: "needs both corpora")
        }
        let ratios = [
            ratio(synthetic.figures.coldExtractPerCore, real.figures.coldExtractPerCore),
            ratio(synthetic.figures.extractPerCore, real.figures.extractPerCore),
        ]
        guard let inRun = ratios[0], let alone = ratios[1] else {
            return Check(name: name, target: target, measured: "—", pass: nil, note: "a figure is missing")
        }
        return Check(
            name: name, target: target, measured: "\(Format.percent(inRun - 1)) (alone \(Format.percent(alone - 1)))",
            pass: abs(inRun - 1) <= syntheticSpread && abs(alone - 1) <= syntheticSpread,
            note: "per processor-second: the cold run's read-and-extract phase, and extraction alone on articles in memory")
    }

    static func ratio(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b, b > 0 else { return nil }
        return a / b
    }

    /// Earlier issues' targets, scaled linearly to the corpus's size.
    static func earlierTargets(_ synthetic: CorpusResult, articles: Int) -> [Check] {
        let figures = synthetic.figures
        let scaled = "scaled linearly to \(Format.count(Double(articles))) articles"
        var checks: [Check] = []
        if let cold = figures.coldSeconds {
            let target = 15.0 * Double(articles) / 50_000
            checks.append(
                Check(
                    name: "cold run", target: "< \(Format.seconds(target)) s (15 s at 50,000)", measured: "\(Format.seconds(cold)) s",
                    pass: cold < target, note: articles == 50_000 ? nil : scaled))
        }
        if let warm = figures.warmSeconds {
            let target = 3.0 * Double(articles) / 200_000
            checks.append(
                Check(
                    name: "warm run, unchanged", target: "< \(Format.seconds(target)) s (3 s at 200,000)",
                    measured: "\(Format.seconds(warm)) s", pass: warm < target, note: articles == 200_000 ? nil : scaled))
        }
        let runs = BenchPhase.allCases.filter { $0 != .extract }.compactMap { figures.peakRSS[$0.rawValue] }
        if let peak = runs.max() {
            checks.append(
                Check(
                    name: "peak memory, runs", target: "< 300 MiB at 200,000", measured: "\(Format.mebibytes(peak)) MiB",
                    pass: peak < 300 * 1_048_576, note: articles >= 200_000 ? nil : "measured at \(Format.count(Double(articles))) articles"
                ))
        }
        return checks
    }

    /// The machine-readable line.
    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
