import Foundation
import Logging

/// Options of one run of the main job, on top of the config file.
public struct RunOptions: Sendable {
    public var config: ChronicleConfig
    public var asOf: PartialDate
    public var strict: Bool
    /// Forget files that disappeared from the inputs (and events no longer reported); without
    /// it their records stay in the store and their events in the chronology.
    public var prune: Bool
    /// Draw a progress bar on stderr (the command line sets it when stderr is a terminal).
    public var showProgress: Bool

    public init(config: ChronicleConfig, asOf: PartialDate, strict: Bool = false, prune: Bool = false, showProgress: Bool = false) {
        self.config = config
        self.asOf = asOf
        self.strict = strict
        self.prune = prune
        self.showProgress = showProgress
    }
}

/// What a run did, for the log, the exit code and tests.
public struct RunSummary: Sendable {
    /// Article files found in the inputs.
    public var filesRead: Int
    public var filesSkipped: Int
    /// Files whose stored records were reused (same stamp, or same content hash).
    public var unchanged: Int
    /// Files read and extracted in this run.
    public var extracted: Int
    /// Stored files no longer in the inputs: kept, or removed with `--prune`.
    public var vanished: Int
    public var pruned: Int
    public var articles: Int
    public var events: Int
    public var newEventIDs: Set<String>
    public var corrected: Int
    public var suppressed: Int
    public var problems: [ArticleProblem]
    public var reports: [URL]
    /// The run's id in the store.
    public var runID: Int64
    /// The chronology the reports were written from (corrections applied).
    public var chronology: Chronology
}

/// The main job: ingest → extract → chronology → reports, incrementally over a state store.
///
/// Order of effects, so that a kill at any moment loses nothing:
/// 1. read-only checks (corrections, rules, inputs), then the run lock (`<output>/.chronicle/lock`);
/// 2. unchanged files are taken from the store, new or changed ones extracted in parallel;
/// 3. the store is updated in one transaction (files, events, a run row);
/// 4. reports are written, each file atomically (temporary file, fsync, rename);
/// 5. the run is marked "reports written" — the baseline of "new since the last run".
/// A run killed before 3 leaves store and reports as they were; between 3 and 5 the previous
/// reports (or some already replaced by complete new ones) stay, and the next run, finding
/// nothing changed, writes them all again with the same "new" events.
///
/// "New since the last run" (`ReportInput.newEventIDs`): chronology events first seen after the
/// last run whose reports were all written, i.e. not yet shown in any report. A first run marks
/// nothing new (everything would be). Widening the window shows older events as new, since no
/// report has shown them.
public struct ChronicleRun: Sendable {
    public let options: RunOptions
    public let logger: Logger
    private let extraction: Extraction?

    /// - Parameter extraction: how files become records; nil means the real loader and extractor.
    public init(options: RunOptions, logger: Logger = Logger(label: "chronicle"), extraction: Extraction? = nil) {
        self.options = options
        self.logger = logger
        self.extraction = extraction
    }

    /// `<output>/.chronicle`, home of the lock and (by default) the store.
    public static func stateDirectory(for config: ChronicleConfig) -> URL {
        config.output.appendingPathComponent(".chronicle", isDirectory: true)
    }

    public static func storeURL(for config: ChronicleConfig) -> URL {
        config.storeFile ?? stateDirectory(for: config).appendingPathComponent("state.sqlite")
    }

    public static func lockURL(for config: ChronicleConfig) -> URL {
        stateDirectory(for: config).appendingPathComponent("lock")
    }

    public func run() throws -> RunSummary {
        let config = options.config
        let startedAt = ISO8601DateFormatter().string(from: Date())

        // Read-only checks first: a bad config or a missing input folder touches nothing.
        let corrections = try CorrectionSet.load(config: config)
        let extraction = try self.extraction ?? Extraction.standard(config: config)
        let scan = try InputScanner().scan(config.inputs)
        logger.info("found \(scan.files.count) article files, \(scan.skipped.count) other files skipped")

        let stateDirectory = Self.stateDirectory(for: config)
        do {
            try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreateDirectory(path: stateDirectory.path, reason: Self.reason(error))
        }
        let lock = try RunLock.acquire(at: Self.lockURL(for: config))
        defer { lock.release() }
        removeStaleTemporaryFiles(in: config.output)

        let store = try ChronicleStore(url: Self.storeURL(for: config))
        let stored = try store.articles()
        let knownEvents = try store.knownEvents()
        let baseline = try store.lastReportedRun()

        // 2. Reuse or extract.
        let progress = ProgressBar(total: scan.files.count, label: "reading articles", enabled: options.showProgress)
        let outcomes: [FileOutcome] = scan.files.parallelMap { file in
            defer { progress.advance() }
            return Self.process(file, stored: stored, extraction: extraction)
        }
        progress.finish()

        var unchanged = 0
        var extractedRows: [StoredArticle] = []
        var restamped: [String: FileStamp] = [:]
        var seen: [String] = []
        var entries: [(path: String, records: [ArticleRecord], current: Bool)] = []
        for (file, outcome) in zip(scan.files, outcomes) {
            let path = file.url.standardizedFileURL.path
            seen.append(path)
            switch outcome {
            case .unchanged(let records):
                unchanged += 1
                entries.append((file.displayPath, records, true))
            case .restamped(let stamp, let records):
                unchanged += 1
                restamped[path] = stamp
                entries.append((file.displayPath, records, true))
            case .extracted(let row, let records):
                extractedRows.append(row)
                entries.append((file.displayPath, records, true))
            }
        }
        let seenSet = Set(seen)
        let vanished = stored.values.filter { !seenSet.contains($0.path) }
        if !options.prune {
            for row in vanished {
                guard let records = try? row.records() else { continue }
                // A vanished file keeps its events; that it once could not be read is no longer news.
                entries.append((row.displayPath, records.filter { $0.status == .ok }, false))
            }
        }
        entries.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        let records = entries.flatMap(\.records)
        logger.info("\(unchanged) articles unchanged, \(extractedRows.count) extracted")
        if !vanished.isEmpty {
            logger.info("\(vanished.count) stored articles no longer in the inputs: \(options.prune ? "pruned" : "kept")")
        }

        // Corrections, chronology, problems.
        let corrected = corrections.apply(to: records)
        var chronology = ChronologyBuilder(window: config.window).build(corrected.records)
        chronology.markCorrected(corrected.corrected)
        var problems = Self.problems(corrected.records)
        problems += corrections.problems(for: corrected.unmatched, displayPath: Self.display(corrections.file.path))
        problems.sort()
        for problem in problems {
            logger.warning("\(problem.source): \(problem.reason)")
        }
        let eventIDs = (chronology.events + chronology.undated).map(\.id)
        var newEventIDs = Set<String>()
        if let baseline {
            newEventIDs = Set(eventIDs.filter { id in knownEvents[id].map { $0 > baseline } ?? true })
        }
        let correctedCount = (chronology.events + chronology.undated).filter(\.corrected).count
        logger.info("\(chronology.events.count) events in the window, \(newEventIDs.count) new, \(correctedCount) corrected, \(corrected.suppressed) suppressed")

        // 3. Store, in one transaction.
        let runID = try store.commit(StoreUpdate(
            run: RunRecord(
                startedAt: startedAt, asOf: options.asOf.description, extractorVersion: extraction.version,
                configFingerprint: extraction.configFingerprint, files: scan.files.count, unchanged: unchanged,
                extracted: extractedRows.count, pruned: options.prune ? vanished.count : 0, articles: records.count,
                events: chronology.events.count, newEvents: newEventIDs.count, problems: problems.count),
            extracted: extractedRows, restamped: restamped, seen: seen,
            removed: options.prune ? vanished.map(\.path) : [], eventIDs: eventIDs, pruneEvents: options.prune))

        // 4. Reports, then 5. mark them written.
        let input = ReportInput(
            chronology: chronology, problems: problems, asOf: options.asOf, newEventIDs: newEventIDs,
            articlesRead: records.count, filesSkipped: scan.skipped.count)
        let reports = try ReportWriter(config: config).write(input)
        try store.markReportsWritten(run: runID)
        logger.info("\(records.count) articles, \(chronology.events.count) events in the window, \(reports.count) reports written")

        return RunSummary(
            filesRead: scan.files.count, filesSkipped: scan.skipped.count, unchanged: unchanged,
            extracted: extractedRows.count, vanished: vanished.count, pruned: options.prune ? vanished.count : 0,
            articles: records.count, events: chronology.events.count, newEventIDs: newEventIDs, corrected: correctedCount,
            suppressed: corrected.suppressed, problems: problems, reports: reports, runID: runID,
            chronology: chronology)
    }

    enum FileOutcome: Sendable {
        case unchanged([ArticleRecord])
        case restamped(FileStamp, [ArticleRecord])
        case extracted(StoredArticle, [ArticleRecord])
    }

    /// Reuses the stored records of an unchanged file, or extracts it. Same size and mtime means
    /// unchanged without reading; otherwise the content hash decides.
    static func process(_ file: InputFile, stored: [String: StoredArticle], extraction: Extraction) -> FileOutcome {
        let path = file.url.standardizedFileURL.path
        // Stamp before hash before reading: if the file changes meanwhile, the stored stamp is
        // the older one and the next run looks again.
        let stamp = FileStamp(path: path)
        if let old = stored[path], let stamp, let oldHash = old.contentHash,
           old.extractorVersion == extraction.version, old.configFingerprint == extraction.configFingerprint
        {
            if old.stamp == stamp, let records = try? old.records() {
                return .unchanged(records)
            }
            let hash = ContentHash(fileAt: path)
            if hash?.description == oldHash, let records = try? old.records() {
                return .restamped(stamp, records)
            }
            return extract(file, stamp: stamp, hash: hash, extraction: extraction)
        }
        return extract(file, stamp: stamp, hash: ContentHash(fileAt: path), extraction: extraction)
    }

    private static func extract(_ file: InputFile, stamp: FileStamp?, hash: ContentHash?, extraction: Extraction) -> FileOutcome {
        let records = extraction.records(file)
        // A file that could not be read gets no hash, so the next run tries it again.
        let readable = hash != nil && !records.contains { $0.status == .unreadable }
        let row = try? StoredArticle(
            file: file, stamp: stamp ?? FileStamp(size: -1, modified: -1), contentHash: readable ? hash?.description : nil,
            extractorVersion: extraction.version, configFingerprint: extraction.configFingerprint, records: records)
        guard let row else {
            // Records always encode; should one not, the file is simply extracted again next run.
            return .extracted(
                StoredArticle(
                    path: file.url.standardizedFileURL.path, displayPath: file.displayPath, stamp: FileStamp(size: -1, modified: -1),
                    contentHash: nil, extractorVersion: extraction.version, configFingerprint: extraction.configFingerprint,
                    recordsJSON: "[]"),
                records)
        }
        return .extracted(row, records)
    }

    /// Removes temporary report files a killed run left (`.name.<pid>.tmp`); holding the lock,
    /// no other run can be writing them.
    private func removeStaleTemporaryFiles(in directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.dropLast(4).split(separator: ".")
            guard let pid = parts.last, Int(pid) != nil else { continue }
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
            logger.info("removed \(name) left by an interrupted run")
        }
    }

    /// Articles that could not be read, and meetings that could not be dated.
    static func problems(_ records: [ArticleRecord]) -> [ArticleProblem] {
        var problems: [ArticleProblem] = []
        for record in records {
            if record.status != .ok {
                problems.append(ArticleProblem(source: record.source, reason: record.error ?? record.status.rawValue))
                continue
            }
            for event in record.events where event.date.value == nil {
                problems.append(ArticleProblem(
                    source: record.source,
                    reason: "\(event.kind.rawValue) of \(event.unit.name): no date or year can be justified from the article"))
            }
        }
        return problems.sorted()
    }

    private static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let base = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
