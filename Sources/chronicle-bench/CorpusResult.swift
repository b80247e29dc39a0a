import ChronicleBenchSupport

/// Everything measured on one corpus: how it was made, what its text is like, and each
/// repetition's figures with their medians.
struct CorpusResult: Codable, Sendable {
    enum Name: String, Codable, Sendable {
        case synthetic
        case real = "real-text"
    }

    /// Files written for the benchmark.
    struct Files: Codable, Sendable {
        var articles: Int
        var textFiles: Int
        var exportFiles: Int
        var bytes: Int

        init(_ stats: CorpusWriteStats) {
            articles = stats.articles
            textFiles = stats.textFiles
            exportFiles = stats.exportFiles
            bytes = stats.bytes
        }
    }

    /// One repetition: the grep pass and the phases.
    struct Run: Codable, Sendable {
        var grepSeconds: Double
        var phases: [PhaseResult]

        func phase(_ phase: BenchPhase) -> PhaseResult? { phases.first { $0.phase == phase.rawValue } }
    }

    var name: Name
    /// Where the text comes from, for the table.
    var source: String
    var files: Files
    var added: Files
    var generationSeconds: Double
    var profile: CorpusProfile
    var runs: [Run]
    var figures: Figures

    init(name: Name, source: String, files: Files, added: Files, generationSeconds: Double, profile: CorpusProfile, runs: [Run]) {
        self.name = name
        self.source = source
        self.files = files
        self.added = added
        self.generationSeconds = generationSeconds
        self.profile = profile
        self.runs = runs
        figures = Figures(runs)
    }
}
