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
    /// Whether the night continued the grouping the last run kept (it only added files, all
    /// sorting after the stored ones) instead of grouping the whole archive.
    public var groupingContinued: Bool = false
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
/// 1. read-only checks (corrections, rules, inputs), then the run lock (`<output>/.chronicle/lock`)
///    and the store's; a store an earlier version kept in the output is moved (`StoreMove`) and a
///    publish of reports a killed run left half-done is completed (`PublishJournal`);
/// 2. unchanged files are taken from the store, new or changed ones extracted in parallel;
/// 3. the store is updated in one transaction (files, events, a run row);
/// 4. reports are written to temporary files, all fsynced, then renamed into place under a
///    publish journal (`PublishJournal`) that the next start completes if the run stops among them;
/// 5. the run is marked "reports written" — the baseline of "new since the last run".
/// A run killed before 3 leaves store and reports as they were; between 3 and 5 the previous
/// reports stay, or the whole new set once the next start has completed its publish, and the
/// next run, finding nothing changed, writes again those not current with the same "new" events.
///
/// "New since the last run" (`ReportInput.newEventIDs`): chronology events first seen after the
/// last run whose reports were all written, i.e. not yet shown in any report. A first run marks
/// nothing new (everything would be). Widening the window shows older events as new, since no
/// report has shown them.
public struct ChronicleRun: Sendable {
    public let options: RunOptions
    public let logger: Logger
    private let extraction: Extraction?
    /// Called after each report file is renamed into place (`ReportWriter.afterRename`): tests
    /// stop a run in the middle of publishing its reports with it.
    var afterReportRename: (@Sendable (Int) throws -> Void)?

    /// - Parameter extraction: how files become records; nil means the real loader and extractor.
    public init(options: RunOptions, logger: Logger = Logger(label: "chronicle"), extraction: Extraction? = nil) {
        self.options = options
        self.logger = logger
        self.extraction = extraction
    }

    /// `<output>/.chronicle`, home of the run lock and of what the job keeps about the reports.
    public static func stateDirectory(for config: ChronicleConfig) -> URL {
        config.stateDirectory
    }

    /// The SQLite store: `store:` in the configuration, else beside the configuration file
    /// (`config/chronicle.state/state.sqlite`), else, for a configuration built in code,
    /// `<output>/.chronicle/state.sqlite`.
    public static func storeURL(for config: ChronicleConfig) -> URL {
        config.storeFile ?? config.defaultStoreFile ?? outputStoreURL(for: config)
    }

    /// `<output>/.chronicle/state.sqlite`: the store of a configuration built in code, and where
    /// earlier versions kept every store not configured.
    static func outputStoreURL(for config: ChronicleConfig) -> URL {
        stateDirectory(for: config).appendingPathComponent("state.sqlite")
    }

    /// Where an earlier version kept the store that now lives beside the configuration file, to
    /// move it from (`StoreMove`); nil when the store is configured or built in code.
    static func formerStoreURL(for config: ChronicleConfig) -> URL? {
        config.storeFile == nil && config.defaultStoreFile != nil ? outputStoreURL(for: config) : nil
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
        let startedAt = RunTimestamp.iso8601(Date())
        var timer = PhaseTimer(logger: logger)
        // 1. Read-only checks first: a bad config or a missing input folder touches nothing.
        let inputs = try readInputs()
        let locks = try lockState()
        defer { for lock in locks.reversed() { lock.release() } }
        let store = try ChronicleStore(url: Self.storeURL(for: options.config))
        // A store outside its output (configured, or beside the configuration file) may be shared
        // by mistake: by two configurations, or by one run with `--output` elsewhere. One built in
        // code lives inside its output and moves with it.
        let inOutput = Self.outputStoreURL(for: options.config).standardizedFileURL.path
        if store.url.standardizedFileURL.path != inOutput {
            try store.claim(output: options.config.output)
        }
        // 2. and 3.: the file list and its survey end with them, before the reports are written.
        let (source, stored, facts) = try chronologyAndStore(consume inputs, store: store, startedAt: startedAt, timer: &timer)

        // 4. Reports (those whose content changed), published once the commit is done, then 5.
        // mark them written.
        let outcome: ReportWriter.Outcome
        do {
            outcome = try writeReports(source, store: store, stored: stored, facts: facts)
        } catch {
            // The store's transaction ends, kept or rolled back, before the run does.
            _ = try? stored.commit.result()
            throw error
        }
        let runID = try stored.commit.result()
        timer.lap(stored.besideReports ? "reports, the store committed beside them" : "reports")
        try store.markReportsWritten(run: runID)
        store.seal()
        logger.info(
            "\(source.totals.articles) articles, \(source.index.datedHeads.count) events in the window, \(outcome.written.count) of \(outcome.files.count) reports written (the others unchanged)"
        )
        return summary(facts: facts, source: source, stored: stored, runID: runID, reports: outcome.written)
    }

    /// What a run says of its input files once the list itself is let go.
    struct InputFacts: Sendable {
        var filesRead: Int
        var filesSkipped: Int
        /// Stored files no longer in the inputs.
        var vanished: Int
        /// Problems of the input folders and files found by the scan.
        var problems: [ArticleProblem]
    }

    /// 2. The chronology: taken as it was when nothing changed, else built from the records;
    /// 3. the store, in one transaction, the extracted files with it (started here, and for a
    /// chronology built now going on beside the reports: `StoredRun.commit`). Takes the inputs so that
    /// the file list and the survey (a large archive's paths, tens of megabytes) are let go
    /// before the reports are written.
    private func chronologyAndStore(
        _ pending: consuming PendingInputs, store: ChronicleStore, startedAt: String, timer: inout PhaseTimer
    ) throws -> (ChronologySource, StoredRun, InputFacts) {
        // The store's states are read while the scan may still run.
        let states = try store.sortedFileStates()
        let inputs = try pending.finished()
        let survey = FileSurvey(files: inputs.scan.files, stored: states, extraction: inputs.extraction, keepRemoved: !options.prune)
        timer.lap("scan, store state and classify")
        let (source, extracted) = try chronologySource(survey, inputs: inputs, store: store, timer: &timer)
        logChronology(source, survey: survey, extracted: extracted)
        let stored = try updateStore(
            store, survey: survey, inputs: inputs, source: source, extracted: consume extracted, startedAt: startedAt)
        if !stored.besideReports { timer.lap("store commit") }
        let facts = InputFacts(
            filesRead: inputs.scan.files.count, filesSkipped: inputs.scan.skipped.count, vanished: survey.removed.count,
            problems: inputs.scan.problems)
        return (source, stored, facts)
    }

    /// Corrections, extraction rules and the input files: everything read before anything is
    /// written. The input folders are walked on a thread of their own (`BackgroundScan`); what
    /// would stop the scan (an input missing, not a file or folder, or a folder that cannot be
    /// listed) is checked here all the same, and with `--prune` the whole scan is waited for.
    private func readInputs() throws -> PendingInputs {
        let config = options.config
        let scanner = InputScanner(workingDirectory: options.workingDirectory)
        let scan = BackgroundScan(scanner, roots: config.inputs, logger: logger)
        let corrections = try CorrectionSet.load(config: config)
        let extraction = try self.extraction ?? Extraction.standard(config: config)
        try scanner.checkRoots(config.inputs)
        if options.prune {
            let scan = try scan.result()
            // Pruning what could not be read this time would erase history for a passing fault.
            if let folder = scan.unreadableFolders.first {
                throw InputError.pruneRefused(reason: "the folder \(folder.path) cannot be listed (\(folder.reason))")
            }
            if let root = scan.emptyRoots.first {
                throw InputError.pruneRefused(reason: "the input folder \(root) holds no article files (not mounted?)")
            }
        }
        return PendingInputs(corrections: corrections, extraction: extraction, scan: scan)
    }

    /// Creates the state folder, takes the run lock and completes or removes what a killed run
    /// left; the caller releases the locks returned.
    func lockState() throws -> [RunLock] {
        let config = options.config
        let stateDirectory = Self.stateDirectory(for: config)
        do {
            try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreateDirectory(path: stateDirectory.path, reason: Self.reason(error))
        }
        let lock = try RunLock.acquire(at: Self.lockURL(for: config))
        // The store lives outside the output (beside the configuration, or where `store:` says)
        // and may be shared by mistake: its own lock makes a second run wait its turn (75)
        // instead of failing inside SQLite.
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
        do {
            try moveFormerStore()
            try finishInterruptedPublish()
        } catch {
            storeLock.release()
            lock.release()
            throw error
        }
        removeStaleTemporaryFiles()
        return [lock, storeLock]
    }

    /// Moves the store from the reports folder, where earlier versions kept it, to its place
    /// beside the configuration file (`StoreMove`), holding its old lock too.
    private func moveFormerStore() throws {
        let config = options.config
        guard let former = Self.formerStoreURL(for: config) else { return }
        var formerLock: RunLock?
        if FileManager.default.fileExists(atPath: former.path) {
            formerLock = try RunLock.acquire(at: former.appendingPathExtension("lock"))
        }
        defer { formerLock?.release() }
        let store = Self.storeURL(for: config)
        switch try StoreMove(from: former, to: store).run() {
        case .nothing: return
        case .renamed, .copied, .finished:
            logger.info("moved the state store from \(former.path) to \(store.path), beside the configuration")
        }
        // Its old lock file goes too; no run of this version takes it again.
        try? FileManager.default.removeItem(at: former.appendingPathExtension("lock"))
    }

    /// Completes the publish of reports a killed run left half-done (`PublishJournal`), before
    /// anything else touches the output folder: its temporary files are the new reports.
    private func finishInterruptedPublish() throws {
        guard let renamed = try PublishJournal(config: options.config).rollForward() else { return }
        logger.info("completed the publish of reports an interrupted run had begun: \(renamed) files renamed into place")
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
        /// The store's commit of the run, giving the run's id: done, or going on beside the reports.
        var commit: BackgroundTask<Int64>
        /// Whether the commit goes on while the reports are written.
        var besideReports: Bool
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
        // Read before the commit: the runs the known events name are all earlier ones.
        let runs = try store.runs()
        let update = Handoff(
            storeUpdate(
                run, survey: survey, extraction: inputs.extraction, extracted: consume extracted, eventIDs: eventIDs,
                cacheChange: source.cacheChange, eventKeys: source.newEventKeys))
        let commit = BackgroundTask<Int64> {
            let runID = try store.commit(update.take())
            // The extracted rows and the encoded chronology went with the update: the reports
            // need neither, and at a large archive they weigh hundreds of MB.
            ProcessMemory.releaseFreedMemory()
            return runID
        }
        // A chronology built now is all the reports read, so the commit goes on beside them (on
        // a first run it writes every record); a chronology taken from the store may be read
        // from it again by the reports, so its (small) commit ends first.
        let besideReports: Bool
        if case .built = source { besideReports = true } else { besideReports = false }
        if !besideReports { _ = try commit.result() }
        return StoredRun(
            commit: commit, besideReports: besideReports, newEventIDs: newEventIDs,
            newSince: baseline.flatMap { id in runs.first { $0.id == id }.flatMap { PartialDate(iso: $0.asOf) } },
            firstSeenDates: Self.firstSeenDates(knownEvents: knownEvents, runs: runs),
            unchanged: unchanged, extracted: extractedCount)
    }

    private func storeUpdate(
        _ run: RunRecord, survey: FileSurvey, extraction: Extraction, extracted: consuming ExtractedFiles, eventIDs: [String],
        cacheChange: StoreUpdate.CacheChange, eventKeys: [UInt64: String]
    ) -> StoreUpdate {
        // Sized at once: grown by appending, a cold run's rows (some 200 bytes a file) were held
        // twice while the array moved (its reports phase peaked at 297 MiB, not 295, at 200,000
        // synthetic articles).
        var rows: [StoredArticle] = []
        rows.reserveCapacity(extracted.files.count)
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
        update.summaries = extracted.summaries
        return update
    }

    /// Writes the reports whose content changed, and keeps the outline of a chronology taken
    /// whole for the next run (or removes a stale one).
    private func writeReports(
        _ source: ChronologySource, store: ChronicleStore, stored: StoredRun, facts: InputFacts
    ) throws -> ReportWriter.Outcome {
        let config = options.config
        let totals = source.totals
        let context = ReportContext(
            problems: (facts.problems + totals.problems).sorted(), asOf: options.asOf, newEventIDs: stored.newEventIDs,
            newSince: stored.newSince, firstSeenDates: stored.firstSeenDates, articlesRead: totals.articles,
            filesSkipped: facts.filesSkipped)
        var writer = ReportWriter(config: config)
        writer.afterRename = afterReportRename
        let commit = stored.commit
        writer.beforePublish = { _ = try commit.result() }
        let manifest = Self.reportManifestURL(for: config)
        let outlineURL = Self.reportOutlineURL(for: config)
        let built: BuiltChronology, fingerprint: String?
        switch source {
        case .outline(let outline):
            let whole = CachedChronologyReader(store: store, fingerprint: outline.fingerprint)
            return try writer.write(outline, context: context, manifest: manifest, loadWhole: whole.read)
        case .cached(let known, let knownFingerprint): (built, fingerprint) = (known, knownFingerprint)
        case .built(let known, let knownFingerprint): (built, fingerprint) = (known, knownFingerprint)
        }
        // The outline is written on another thread while the reports are, and put in place
        // once they are published (a failed run leaves the last one).
        let staged = fingerprint.map { fingerprint in
            let full = Handoff(built)
            return BackgroundTask {
                let built = full.take()
                return OutlineFile(
                    sink: try ReportOutline.staged(
                        fingerprint: fingerprint, full: built, digests: ReportKeys.digests(of: built.chronology), for: outlineURL))
            }
        }
        let outcome: ReportWriter.Outcome
        do {
            outcome = try writer.write(ReportInput(chronology: built.chronology, context: context), manifest: manifest)
        } catch {
            (try? staged?.result())?.sink.discard()
            throw error
        }
        guard let staged else {
            ReportOutline.remove(at: outlineURL)
            return outcome
        }
        do {
            try staged.result().sink.commit()
        } catch {
            logger.warning("\(error)")
        }
        return outcome
    }

    /// A staged outline handed back from the thread that wrote it.
    private struct OutlineFile: @unchecked Sendable {
        let sink: AtomicFileSink
    }

    private func summary(facts: InputFacts, source: ChronologySource, stored: StoredRun, runID: Int64, reports: [URL]) -> RunSummary {
        let chronology = source.index, totals = source.totals
        var summary = RunSummary(
            filesRead: facts.filesRead, filesSkipped: facts.filesSkipped, unchanged: stored.unchanged,
            extracted: stored.extracted, vanished: facts.vanished, pruned: options.prune ? facts.vanished : 0,
            articles: totals.articles, events: chronology.datedHeads.count, newEventIDs: stored.newEventIDs,
            corrected: chronology.correctedCount, suppressed: totals.suppressed,
            problems: (facts.problems + totals.problems).sorted(),
            reports: reports, runID: runID)
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
            summary.groupingContinued = built.groupingContinued
        }
        return summary
    }

    /// Removes the temporary files a killed run left (`.name.<pid>.tmp`, as `AtomicFileSink`
    /// names them) in the output folder, its `units/` and `years/` and its state folder; holding
    /// the lock, no other run can be writing them. Other files, a user's `.notes.tmp` among
    /// them, are left alone. Called after `finishInterruptedPublish`, which has renamed the
    /// temporary files a publish journal listed.
    private func removeStaleTemporaryFiles() {
        let output = options.config.output
        let folders = [
            output, output.appendingPathComponent("units"), output.appendingPathComponent("years"),
            Self.stateDirectory(for: options.config),
        ]
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names where Self.isTemporaryName(name) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                logger.info("removed \(folder.lastPathComponent)/\(name) left by an interrupted run")
            }
        }
    }

    /// Whether `name` is one of the job's temporary files: `.`, a file name, `.`, a process id, `.tmp`.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let pid = parts.last, !pid.isEmpty, pid.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return false
        }
        return !parts.dropLast().joined(separator: ".").isEmpty
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
