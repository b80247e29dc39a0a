import ChronicleKit
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// A measured section, run in its own child process so each has its own peak memory.
enum BenchPhase: String, CaseIterable, Sendable {
    case extract
    case cold
    /// A cold run with the corpus's files put out of the page cache first, as a first run over
    /// an archive on disk finds them.
    case coldUncached = "cold-uncached"
    case warm
    case warmAdded = "warm-added"

    /// The folder layout of one corpus's work folder.
    struct Layout: Sendable {
        var root: URL
        var input: URL { root.appendingPathComponent("input") }
        /// The night's new articles, inside the input; removed before each cold run.
        var added: URL { input.appendingPathComponent("new") }
        var output: URL { root.appendingPathComponent("output") }
        var state: URL { root.appendingPathComponent("state") }
    }

    /// Runs the phase in this process and returns what it measured.
    func run(layout: Layout, configFile: URL, extractLimit: Int) throws -> PhaseResult {
        switch self {
        case .extract: return try Self.extract(layout: layout, configFile: configFile, limit: extractLimit)
        case .cold, .coldUncached, .warm, .warmAdded: return try runJob(layout: layout, configFile: configFile)
        }
    }

    /// Extraction alone over articles already in memory: one thread, then all cores.
    private static func extract(layout: Layout, configFile: URL, limit: Int) throws -> PhaseResult {
        let clock = ContinuousClock()
        let config = try ChronicleConfig.load(configFile)
        let scanned = try InputScanner().scan([layout.input]).files
        // Files spread evenly over the corpus, not its first ones: a corpus written in order (the
        // real-text one has its single passages under 2022 and its pairs under 2023) would give a large run's sample
        // other text than a small run's.
        let step = max(1, scanned.count / max(1, limit))
        let files = stride(from: 0, to: scanned.count, by: step).map { scanned[$0] }

        // Load (not part of the extraction figures), stopping once `limit` articles are in memory.
        let loader = ArticleLoader(noise: try NoisePhrases.load(configDirectory: config.configDirectory))
        var articles: [Article] = []
        let loadStart = clock.now
        var next = 0
        while next < files.count, articles.count < limit {
            let batch = Array(files[next..<min(files.count, next + 512)])
            next += batch.count
            articles += batch.parallelMap { loader.load($0) }.flatMap { $0 }
        }
        if articles.count > limit { articles.removeLast(articles.count - limit) }
        let loadSeconds = (clock.now - loadStart).seconds

        let rulesStart = clock.now
        let rules = try ExtractionRules.load(configDirectory: config.configDirectory, unitsFile: config.unitsFile)
        let extractor = ArticleExtractor(rules: rules)
        let rulesSeconds = (clock.now - rulesStart).seconds
        let bytes = articles.reduce(0) { $0 + $1.text.utf8.count }

        // Warm caches and lazy tables outside the timed sections.
        for article in articles.prefix(200) { _ = extractor.extract(article) }

        let singleStart = clock.now
        var singleEvents = 0
        for article in articles { singleEvents += extractor.extract(article).count }
        let singleSeconds = (clock.now - singleStart).seconds

        let parallelStart = clock.now, parallelCPU = ProcessorTime.seconds()
        let counts = articles.parallelMap { extractor.extract($0).count }
        let parallelSeconds = (clock.now - parallelStart).seconds
        let cpuSeconds = ProcessorTime.seconds() - parallelCPU
        let parallelEvents = counts.reduce(0, +)

        return PhaseResult(
            phase: BenchPhase.extract.rawValue, seconds: parallelSeconds, articles: articles.count, bytes: bytes,
            events: parallelEvents, peakRSSBytes: ProcessMemory.peakResidentBytes(), cpuSeconds: cpuSeconds,
            singleThreadSeconds: singleSeconds, singleThreadEvents: singleEvents,
            loadSeconds: loadSeconds, rulesSeconds: rulesSeconds)
    }

    /// The whole job (`ChronicleRun.run()`); the cold phase starts from no output and no store.
    private func runJob(layout: Layout, configFile: URL) throws -> PhaseResult {
        var config = try ChronicleConfig.load(configFile)
        config.inputs = [layout.input]
        config.output = layout.output
        config.storeFile = layout.state.appendingPathComponent("state.sqlite")
        config.window = DateWindow(from: PartialDate(year: 2022, month: 1, day: 1), to: PartialDate(year: 2023, month: 12, day: 31))
        if self == .cold || self == .coldUncached {
            for folder in [layout.output, layout.state] where FileManager.default.fileExists(atPath: folder.path) {
                try FileManager.default.removeItem(at: folder)
            }
        }
        if self == .coldUncached { Self.evictFromPageCache(layout.input) }
        try FileManager.default.createDirectory(at: layout.state, withIntermediateDirectories: true)

        // Consecutive nights, as from cron: every run has a new "as of" date.
        let night: Int
        switch self {
        case .extract, .cold, .coldUncached: night = 1
        case .warm: night = 2
        case .warmAdded: night = 3
        }
        let options = RunOptions(config: config, asOf: PartialDate(year: 2024, month: 1, day: night))
        let clock = ContinuousClock()
        let start = clock.now
        let (logger, laps) = LapRecorder.logger()
        let summary = try ChronicleRun(options: options, logger: logger).run()
        let seconds = (clock.now - start).seconds
        let peak = ProcessMemory.peakResidentBytes()
        // Counted after the peak is read: Foundation's walk of every file (URLs, resource values)
        // left some megabytes of heap behind, which were the bench's, not the job's.
        let bytes = Self.inputBytes(layout.input)

        return PhaseResult(
            phase: rawValue, seconds: seconds, articles: summary.articles, bytes: bytes, events: summary.events,
            peakRSSBytes: peak,
            filesRead: summary.filesRead, problems: summary.problems.count, reports: summary.reports.count, laps: laps.all)
    }

    /// Asks the system to drop the cached pages of every file under `folder` (they are clean:
    /// nothing is lost), so that the run reads them from the disk. Linux only; elsewhere the
    /// run finds them as the last phase left them.
    static func evictFromPageCache(_ folder: URL) {
        #if os(Linux)
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return }
            for case let url as URL in enumerator {
                let descriptor = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
                guard descriptor >= 0 else { continue }
                _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
                close(descriptor)
            }
        #endif
    }

    /// Total size of the article files under a folder (measured before the timed section).
    static func inputBytes(_ folder: URL) -> Int {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey]) else { return 0 }
        var total = 0
        for case let url as URL in enumerator {
            total += (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        return total
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
