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
    /// Article paths inside this folder are shown relative to it in records and reports.
    public var workingDirectory: String

    public init(
        config: ChronicleConfig, asOf: PartialDate, strict: Bool = false, prune: Bool = false, showProgress: Bool = false,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.config = config
        self.asOf = asOf
        self.strict = strict
        self.prune = prune
        self.showProgress = showProgress
        self.workingDirectory = workingDirectory
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
    /// Events in the window whose date no article gives (`--strict` fails on them).
    public var undated: Int = 0
    public var newEventIDs: Set<String>
    public var corrected: Int
    public var suppressed: Int
    /// Articles that could not be read, unreadable folders, unmatched corrections, and the
    /// warnings of articles read (`ArticleProblem.isWarning`), sorted.
    public var problems: [ArticleProblem]
    public var reports: [URL]
    /// The run's id in the store.
    public var runID: Int64
    /// The chronology the reports were written from (corrections applied); nil when the run
    /// read only its outline (`outline`).
    public var chronology: Chronology?
    /// What the index page showed of the chronology, when the run read no more of it: nothing
    /// changed and the reports, but for `chronology.md`, were all current.
    public var outline: ChronologyOutline?
    /// Whether the chronology was taken from the store's cache (nothing it depends on changed).
    public var chronologyReused: Bool = false
    var fullChronologyReader: CachedChronologyReader?

    /// Whether the run read only the outline of the chronology.
    public var chronologyIsOutline: Bool { outline != nil }

    /// The whole chronology, read from the store's cache when the run took only its outline.
    public func fullChronology() throws -> Chronology {
        if let chronology { return chronology }
        guard let fullChronologyReader else { throw ReportError.outlineWithoutChronology }
        return try fullChronologyReader.read()
    }
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

    /// The outline of the last chronology the reports were written from (`ReportOutline`).
    public static func reportOutlineURL(for config: ChronicleConfig) -> URL {
        stateDirectory(for: config).appendingPathComponent("report-outline.bin")
    }

    /// What the last run's reports were written from (`ReportManifest`).
    public static func reportManifestURL(for config: ChronicleConfig) -> URL {
        stateDirectory(for: config).appendingPathComponent("reports.manifest")
    }

    /// Each known event's first-seen date: the "as of" date of the run that first found it.
    static func firstSeenDates(knownEvents: [String: Int64], runs: [RunRecord]) -> [String: PartialDate] {
        var dates: [Int64: PartialDate] = [:]
        for run in runs {
            if let date = PartialDate(iso: run.asOf) { dates[run.id] = date }
        }
        var result: [String: PartialDate] = [:]
        result.reserveCapacity(knownEvents.count)
        for (event, run) in knownEvents {
            if let date = dates[run] { result[event] = date }
        }
        return result
    }

    public static func lockURL(for config: ChronicleConfig) -> URL {
        stateDirectory(for: config).appendingPathComponent("lock")
    }

    public func run() throws -> RunSummary {
        let startedAt = ISO8601DateFormatter().string(from: Date())
        var timer = PhaseTimer(logger: logger)
        // 1. Read-only checks first: a bad config or a missing input folder touches nothing.
        let inputs = try readInputs()
        let locks = try lockState()
        defer { for lock in locks.reversed() { lock.release() } }
        let store = try ChronicleStore(url: Self.storeURL(for: options.config))
        // A store configured outside its output may be shared by mistake; one inside it moves with it.
        if options.config.storeFile != nil {
            try store.claim(for: options.config.output.standardizedFileURL.path)
        }
        let survey = FileSurvey(
            files: inputs.scan.files, stored: try store.fileStates(), extraction: inputs.extraction, keepRemoved: !options.prune)
        timer.lap("scan, store state and classify")

        // 2. The chronology: taken as it was when nothing changed, else built from the records.
        let (source, extracted) = try chronologySource(survey, inputs: inputs, store: store, timer: &timer)
        logChronology(source, survey: survey, extracted: extracted)

        // 3. The store, in one transaction; the extracted files go with it.
        let stored = try updateStore(
            store, survey: survey, inputs: inputs, source: source, extracted: consume extracted, startedAt: startedAt)
        timer.lap("store commit")

        // 4. Reports (those whose content changed), then 5. mark them written.
        let outcome = try writeReports(source, stored: stored, inputs: inputs)
        timer.lap("reports")
        try store.markReportsWritten(run: stored.runID)
        logger.info(
            "\(source.totals.articles) articles, \(source.index.datedHeads.count) events in the window, \(outcome.written.count) of \(outcome.files.count) reports written (the others unchanged)"
        )
        return summary(inputs: inputs, survey: survey, source: source, stored: stored, reports: outcome.written)
    }

    /// Corrections, extraction rules and the input files: everything read before anything is written.
    private func readInputs() throws -> RunInputs {
        let config = options.config
        let corrections = try CorrectionSet.load(config: config)
        let extraction = try self.extraction ?? Extraction.standard(config: config)
        let scan = try InputScanner(workingDirectory: options.workingDirectory).scan(config.inputs)
        logger.info("found \(scan.files.count) article files, \(scan.skipped.count) other files skipped")
        if options.prune {
            // Pruning what could not be read this time would erase history for a passing fault.
            if let folder = scan.unreadableFolders.first {
                throw InputError.pruneRefused(reason: "the folder \(folder.path) cannot be listed (\(folder.reason))")
            }
            if let root = scan.emptyRoots.first {
                throw InputError.pruneRefused(reason: "the input folder \(root) holds no article files (not mounted?)")
            }
        }
        return RunInputs(corrections: corrections, extraction: extraction, scan: scan)
    }

    /// Creates the state folder, takes the run lock and removes what a killed run left.
    private func lockState() throws -> [RunLock] {
        let config = options.config
        let stateDirectory = Self.stateDirectory(for: config)
        do {
            try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreateDirectory(path: stateDirectory.path, reason: Self.reason(error))
        }
        let lock = try RunLock.acquire(at: Self.lockURL(for: config))
        // The store may be configured outside the output (and shared by mistake): its own lock
        // makes a second run wait its turn (75) instead of failing inside SQLite.
        let storeLock: RunLock
        do {
            let storeURL = Self.storeURL(for: config)
            do {
                try FileManager.default.createDirectory(at: storeURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw OutputError.cannotCreateDirectory(path: storeURL.deletingLastPathComponent().path, reason: Self.reason(error))
            }
            storeLock = try RunLock.acquire(at: storeURL.appendingPathExtension("lock"))
        } catch {
            lock.release()
            throw error
        }
        removeStaleTemporaryFiles(in: config.output)
        return [lock, storeLock]
    }

    private func logChronology(_ source: ChronologySource, survey: FileSurvey, extracted: ExtractedFiles) {
        logger.info("\(extracted.reusedCount(of: survey)) articles unchanged, \(extracted.files.count) extracted")
        if !survey.removed.isEmpty {
            logger.info("\(survey.removed.count) stored articles no longer in the inputs: \(options.prune ? "pruned" : "kept")")
        }
        for problem in source.totals.problems {
            logger.warning("\(problem.source): \(problem.reason)")
        }
    }

    /// What the store says of this run, for the reports and the summary.
    struct StoredRun {
        var runID: Int64
        var newEventIDs: Set<String>
        /// The "as of" date of the run the new events are new since (the last one whose reports
        /// were all written); nil on a first run.
        var newSince: PartialDate?
        var firstSeenDates: [String: PartialDate]
        var unchanged: Int
        var extracted: Int
    }

    /// Commits the run to the store and finds what is new since the last run whose reports were
    /// all written.
    private func updateStore(
        _ store: ChronicleStore, survey: FileSurvey, inputs: RunInputs, source: ChronologySource,
        extracted: consuming ExtractedFiles, startedAt: String
    ) throws -> StoredRun {
        let chronology = source.index, totals = source.totals
        // Read only now: a large archive's event ids need not sit beside the chronology being built.
        let knownEvents = try store.knownEvents()
        let eventIDs = chronology.eventIDs
        var newEventIDs = Set<String>()
        let baseline = try store.lastReportedRun()
        if let baseline {
            newEventIDs = Set(eventIDs.filter { id in knownEvents[id].map { $0 > baseline } ?? true })
        }
        logger.info(
            "\(chronology.datedHeads.count) events in the window, \(newEventIDs.count) new, \(chronology.correctedCount) corrected, \(totals.suppressed) suppressed"
        )
        let unchanged = extracted.reusedCount(of: survey), extractedCount = extracted.files.count
        let run = RunRecord(
            startedAt: startedAt, asOf: options.asOf.description, extractorVersion: inputs.extraction.version,
            configFingerprint: inputs.extraction.configFingerprint, files: survey.files.count, unchanged: unchanged,
            extracted: extractedCount, pruned: options.prune ? survey.removed.count : 0, articles: totals.articles,
            events: chronology.datedHeads.count, newEvents: newEventIDs.count, problems: totals.problems.count)
        let runID = try store.commit(
            storeUpdate(
                run, survey: survey, extraction: inputs.extraction, extracted: consume extracted, eventIDs: eventIDs,
                cacheChange: source.cacheChange, eventKeys: source.newEventKeys))
        // The extracted rows and the encoded chronology went with the update: the reports need
        // neither, and at a large archive they weigh hundreds of MB.
        ProcessMemory.releaseFreedMemory()
        let runs = try store.runs()
        return StoredRun(
            runID: runID, newEventIDs: newEventIDs,
            newSince: baseline.flatMap { id in runs.first { $0.id == id }.flatMap { PartialDate(iso: $0.asOf) } },
            firstSeenDates: Self.firstSeenDates(knownEvents: knownEvents, runs: runs),
            unchanged: unchanged, extracted: extractedCount)
    }

    private func storeUpdate(
        _ run: RunRecord, survey: FileSurvey, extraction: Extraction, extracted: consuming ExtractedFiles, eventIDs: [String],
        cacheChange: StoreUpdate.CacheChange, eventKeys: [UInt64: String]
    ) -> StoreUpdate {
        var rows: [StoredArticle] = []
        var restamped: [String: FileStamp] = [:]
        for (index, file) in survey.files.enumerated() {
            if let done = extracted.files[index] {
                rows.append(done.row(file: file, extraction: extraction))
            } else if case .restamped(let stamp, _) = survey.states[index] {
                restamped[file.path] = stamp
            }
        }
        let removed = survey.removed.map(\.path)
        var update = StoreUpdate(
            run: run, extracted: rows, restamped: restamped, seen: survey.files.map(\.path),
            removed: options.prune ? removed : [], eventIDs: eventIDs, pruneEvents: options.prune,
            chronologyCache: cacheChange, unseen: removed)
        update.eventKeys = eventKeys
        return update
    }

    /// Writes the reports whose content changed, and keeps the outline of a chronology taken
    /// whole for the next run (or removes a stale one).
    private func writeReports(_ source: ChronologySource, stored: StoredRun, inputs: RunInputs) throws -> ReportWriter.Outcome {
        let config = options.config
        let totals = source.totals
        let context = ReportContext(
            problems: (inputs.scan.folderProblems + totals.problems).sorted(), asOf: options.asOf, newEventIDs: stored.newEventIDs,
            newSince: stored.newSince, firstSeenDates: stored.firstSeenDates, articlesRead: totals.articles,
            filesSkipped: inputs.scan.skipped.count)
        let writer = ReportWriter(config: config), manifest = Self.reportManifestURL(for: config)
        let outlineURL = Self.reportOutlineURL(for: config)
        let built: BuiltChronology, fingerprint: String?
        switch source {
        case .outline(let outline):
            let whole = CachedChronologyReader(storeURL: Self.storeURL(for: config), fingerprint: outline.fingerprint)
            return try writer.write(outline, context: context, manifest: manifest, loadWhole: whole.read)
        case .cached(let known, let knownFingerprint): (built, fingerprint) = (known, knownFingerprint)
        case .built(let known, let knownFingerprint): (built, fingerprint) = (known, knownFingerprint)
        }
        let outcome = try writer.write(ReportInput(chronology: built.chronology, context: context), manifest: manifest)
        guard let fingerprint else {
            ReportOutline.remove(at: outlineURL)
            return outcome
        }
        do {
            try ReportOutline.write(fingerprint: fingerprint, full: built, digests: outcome.digests, to: outlineURL)
        } catch {
            logger.warning("\(error)")
        }
        return outcome
    }

    private func summary(
        inputs: RunInputs, survey: FileSurvey, source: ChronologySource, stored: StoredRun, reports: [URL]
    ) -> RunSummary {
        let chronology = source.index, totals = source.totals
        var summary = RunSummary(
            filesRead: inputs.scan.files.count, filesSkipped: inputs.scan.skipped.count, unchanged: stored.unchanged,
            extracted: stored.extracted, vanished: survey.removed.count, pruned: options.prune ? survey.removed.count : 0,
            articles: totals.articles, events: chronology.datedHeads.count, newEventIDs: stored.newEventIDs,
            corrected: chronology.correctedCount, suppressed: totals.suppressed,
            problems: (inputs.scan.folderProblems + totals.problems).sorted(),
            reports: reports, runID: stored.runID)
        summary.undated = chronology.undated.count
        switch source {
        case .outline(let outline):
            summary.chronologyReused = true
            summary.outline = outline.outline
            summary.fullChronologyReader = CachedChronologyReader(
                storeURL: Self.storeURL(for: options.config), fingerprint: outline.fingerprint)
        case .cached(let built, _):
            summary.chronologyReused = true
            summary.chronology = built.chronology
        case .built(let built, _):
            summary.chronology = built.chronology
        }
        return summary
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

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
