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
    public var newEventIDs: Set<String>
    public var corrected: Int
    public var suppressed: Int
    public var problems: [ArticleProblem]
    public var reports: [URL]
    /// The run's id in the store.
    public var runID: Int64
    /// The chronology the reports were written from (corrections applied).
    public var chronology: Chronology
    /// Whether the chronology was taken from the store's cache (nothing it depends on changed).
    public var chronologyReused: Bool = false
    /// Whether `chronology` is the cut-down outline of the reports (`ReportOutline`): a run with
    /// nothing changed whose reports, but for `chronology.md`, were all current.
    public var chronologyIsOutline: Bool = false
    var loadChronology: (@Sendable () throws -> Chronology)?

    /// The whole chronology, also when `chronology` is only its outline.
    public func fullChronology() throws -> Chronology {
        guard chronologyIsOutline, let loadChronology else { return chronology }
        return try loadChronology()
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
        ProcessMemory.configureAllocator()
        let config = options.config
        let startedAt = ISO8601DateFormatter().string(from: Date())
        var timer = PhaseTimer(logger: logger)

        // Read-only checks first: a bad config or a missing input folder touches nothing.
        let corrections = try CorrectionSet.load(config: config)
        let extraction = try self.extraction ?? Extraction.standard(config: config)
        let scan = try InputScanner(workingDirectory: options.workingDirectory).scan(config.inputs)
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
        var stored = try store.fileStates()
        timer.lap("scan and store state")

        // 2. Reuse or extract. Files are first classified by stamp (and hash when the stamp
        // moved) without touching their records; stored records are then streamed once from the
        // store for the files that did not change.
        let progress = ProgressBar(total: scan.files.count, label: "reading articles", enabled: options.showProgress)
        var outcomes: [FileOutcome] = scan.files.parallelMap { [stored] file in
            let outcome = Self.classify(file, stored: stored, extraction: extraction)
            if case .extracted = outcome { progress.advance() }
            return outcome
        }
        var paths: [String] = scan.files.map(\.path)
        var seenSet = Set<String>(minimumCapacity: paths.count)
        for path in paths { seenSet.insert(path) }
        let vanished = stored.values.filter { !seenSet.contains($0.path) }
            .sorted { ByteOrder.precedes($0.path, $1.path) }
        // The outcomes carry what else is needed of the stored states (their hashes).
        stored = [:]
        seenSet = []
        let keepVanished = !options.prune
        // The fingerprint of the chronology's inputs; nil while some file is still to be extracted
        // (or could not be read, so it has no hash).
        func cacheFingerprint() -> String? {
            var sources: [ChronologyCache.Source] = []
            sources.reserveCapacity(outcomes.count + vanished.count)
            for (index, outcome) in outcomes.enumerated() {
                let hash: String?
                switch outcome {
                case .unchanged(let known), .restamped(_, let known): hash = known.text
                case .extracted(let file): hash = file.contentHash?.description
                case .extract: return nil
                }
                guard let hash else { return nil }
                sources.append(.init(path: paths[index], displayPath: scan.files[index].displayPath, contentHash: hash, current: true))
            }
            if keepVanished {
                for row in vanished {
                    sources.append(.init(path: row.path, displayPath: row.displayPath, contentHash: row.contentHash ?? "-", current: false))
                }
            }
            return ChronologyCache.fingerprint(
                sources: sources, extractorVersion: extraction.version, configFingerprint: extraction.configFingerprint,
                window: config.window, corrections: corrections.file, workingDirectory: options.workingDirectory)
        }

        let built: BuiltChronology
        var reused = false
        var cacheChange = StoreUpdate.CacheChange.clear
        let outlineURL = Self.reportOutlineURL(for: config)
        var outline: ReportOutline?
        var currentFingerprint = cacheFingerprint()
        let storeURL = Self.storeURL(for: config)
        let loadChronology: @Sendable () throws -> Chronology = { [currentFingerprint] in
            guard let fingerprint = currentFingerprint,
                  let cached = try ChronicleStore(url: storeURL).cachedChronology(fingerprint: fingerprint)
            else { throw StoreError.failed(path: storeURL.path, action: "read the cached chronology", reason: "it is missing or damaged") }
            return cached.chronology
        }
        if let fingerprint = currentFingerprint, let found = ReportOutline(contentsOf: outlineURL, fingerprint: fingerprint),
           try store.cachedChronologyFingerprint() == fingerprint
        {
            // Nothing changed and the reports' outline of this chronology is at hand: the
            // chronology itself is read only if a report other than the index page must be written.
            outline = found
            built = found.cache
            reused = true
            cacheChange = .keep
            progress.finish()
            timer.lap("classify (chronology unchanged, its outline taken)")
        } else if let fingerprint = currentFingerprint, let cached = try store.cachedChronology(fingerprint: fingerprint) {
            // Nothing the chronology depends on changed: no record is read, nothing rebuilt.
            built = cached
            reused = true
            cacheChange = .keep
            progress.finish()
            timer.lap("classify (chronology unchanged, taken from the store)")
        } else {
            built = try buildChronology(
                scan: scan, paths: paths, outcomes: &outcomes, vanished: vanished, keepVanished: keepVanished,
                store: store, extraction: extraction, corrections: corrections, progress: progress, timer: &timer)
            currentFingerprint = cacheFingerprint()
            if let fingerprint = currentFingerprint { cacheChange = .replace(ChronologyCache(fingerprint: fingerprint, built: built)) }
            timer.lap("corrections and chronology")
        }
        let chronology = built.chronology
        let problems = built.problems

        var unchanged = 0
        var extractedRows: [StoredArticle] = []
        var restamped: [String: FileStamp] = [:]
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .unchanged: unchanged += 1
            case .restamped(let stamp, _):
                unchanged += 1
                restamped[paths[index]] = stamp
            case .extracted(let file): extractedRows.append(file.row(file: scan.files[index], extraction: extraction))
            case .extract: break
            }
        }
        outcomes = []
        let seen = paths
        paths = []
        logger.info("\(unchanged) articles unchanged, \(extractedRows.count) extracted")
        if !vanished.isEmpty {
            logger.info("\(vanished.count) stored articles no longer in the inputs: \(options.prune ? "pruned" : "kept")")
        }
        for problem in problems {
            logger.warning("\(problem.source): \(problem.reason)")
        }
        // Read only now: a large archive's event ids need not sit beside the chronology being built.
        let knownEvents = try store.knownEvents()
        let baseline = try store.lastReportedRun()
        let eventIDs = chronology.events.ids + chronology.undated.ids
        var newEventIDs = Set<String>()
        if let baseline {
            newEventIDs = Set(eventIDs.filter { id in knownEvents[id].map { $0 > baseline } ?? true })
        }
        let correctedCount = chronology.events.heads.reduce(0) { $0 + ($1.corrected ? 1 : 0) }
            + chronology.undated.heads.reduce(0) { $0 + ($1.corrected ? 1 : 0) }
        let records = (count: built.articles, suppressed: built.suppressed)
        logger.info("\(chronology.events.count) events in the window, \(newEventIDs.count) new, \(correctedCount) corrected, \(built.suppressed) suppressed")

        // 3. Store, in one transaction. The extracted rows and the encoded chronology are let go
        // right after: the reports need neither, and at a large archive they weigh hundreds of MB.
        let extractedCount = extractedRows.count
        let runID = try store.commit(StoreUpdate(
            run: RunRecord(
                startedAt: startedAt, asOf: options.asOf.description, extractorVersion: extraction.version,
                configFingerprint: extraction.configFingerprint, files: scan.files.count, unchanged: unchanged,
                extracted: extractedRows.count, pruned: options.prune ? vanished.count : 0, articles: records.count,
                events: chronology.events.count, newEvents: newEventIDs.count, problems: problems.count),
            extracted: extractedRows, restamped: restamped, seen: seen,
            removed: options.prune ? vanished.map(\.path) : [], eventIDs: eventIDs, pruneEvents: options.prune,
            chronologyCache: cacheChange, unseen: vanished.map(\.path)))
        extractedRows = []
        cacheChange = .keep
        ProcessMemory.releaseFreedMemory()
        timer.lap("store commit")

        // 4. Reports (those whose content changed), then 5. mark them written.
        let input = ReportInput(
            chronology: chronology, problems: problems, asOf: options.asOf, newEventIDs: newEventIDs,
            articlesRead: records.count, filesSkipped: scan.skipped.count,
            firstSeenDates: try Self.firstSeenDates(knownEvents: knownEvents, runs: store.runs()))
        let outcome = try ReportWriter(config: config).write(
            input, manifest: Self.reportManifestURL(for: config), outline: outline, fullChronology: loadChronology)
        let reports = outcome.written
        if outline == nil {
            if let fingerprint = currentFingerprint {
                do {
                    try ReportOutline.write(fingerprint: fingerprint, full: built, digests: outcome.digests, to: outlineURL)
                } catch {
                    logger.warning("\(error)")
                }
            } else {
                ReportOutline.remove(at: outlineURL)
            }
        }
        timer.lap("reports")
        try store.markReportsWritten(run: runID)
        logger.info(
            "\(records.count) articles, \(chronology.events.count) events in the window, \(reports.count) of \(outcome.files.count) reports written (the others unchanged)")

        return RunSummary(
            filesRead: scan.files.count, filesSkipped: scan.skipped.count, unchanged: unchanged,
            extracted: extractedCount, vanished: vanished.count, pruned: options.prune ? vanished.count : 0,
            articles: records.count, events: chronology.events.count, newEventIDs: newEventIDs, corrected: correctedCount,
            suppressed: records.suppressed, problems: problems, reports: reports, runID: runID,
            chronology: chronology, chronologyReused: reused, chronologyIsOutline: outline != nil,
            loadChronology: outline != nil ? loadChronology : nil)
    }

    /// Reads the stored records of the unchanged (and kept vanished) files in one pass over the
    /// store, extracts the new and changed ones (and any whose stored records cannot be read),
    /// applies the corrections and builds the chronology. `outcomes` ends with no `.extract` left.
    private func buildChronology(
        scan: InputScanner.Result, paths: [String], outcomes: inout [FileOutcome], vanished: [StoredFileState],
        keepVanished: Bool, store: ChronicleStore, extraction: Extraction, corrections: CorrectionSet,
        progress: ProgressBar, timer: inout PhaseTimer
    ) throws -> BuiltChronology {
        var reusedIndex: [String: Int] = [:]
        for (index, outcome) in outcomes.enumerated() {
            if case .unchanged = outcome { reusedIndex[paths[index]] = index }
            if case .restamped = outcome { reusedIndex[paths[index]] = index }
        }
        let vanishedSet = keepVanished ? Set(vanished.map(\.path)) : []
        // Records stay in binary form (checked, not kept decoded), spooled to disk, until the
        // chronology is built; without a spool (it could not be created) they stay in memory.
        let spool: ScratchFile?
        do {
            spool = try ScratchFile(directory: Self.stateDirectory(for: options.config), name: "records")
        } catch {
            logger.warning("\(error); keeping the records in memory")
            spool = nil
        }
        var reusedEntries = [RecordArchive.Entry?](repeating: nil, count: outcomes.count)
        var vanishedEntries: [String: RecordArchive.Entry] = [:]
        try store.forEachRecordBlob(where: { reusedIndex[$0] != nil || vanishedSet.contains($0) }) { path, blob in
            var entry = blob.flatMap(RecordArchive.Entry.init(blob:))
            entry?.spill(to: spool)
            if let index = reusedIndex[path] {
                reusedEntries[index] = entry
            } else if let entry {
                vanishedEntries[path] = entry.readableOnly()
            }
        }
        // Stored records that cannot be decoded: the file is extracted again.
        var again: [Int] = []
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .unchanged, .restamped: if reusedEntries[index] == nil { again.append(index) }
            case .extract: again.append(index)
            case .extracted: break
            }
        }
        let work = again.map { (index: $0, outcome: outcomes[$0], path: paths[$0]) }
        let files = scan.files
        let redone = work.parallelMap { item -> FileOutcome in
            defer { progress.advance() }
            let file = files[item.index]
            if case .extract(let stamp, let hash) = item.outcome {
                return Self.extract(file, stamp: stamp, hash: hash, extraction: extraction, spool: spool)
            }
            return Self.extract(
                file, stamp: FileStamp(path: item.path), hash: ContentHash(fileAt: item.path), extraction: extraction,
                spool: spool)
        }
        for (index, outcome) in zip(again, redone) { outcomes[index] = outcome }
        progress.finish()
        timer.lap("read stored records and extract")

        var entries: [(path: String, entry: RecordArchive.Entry)] = []
        entries.reserveCapacity(outcomes.count + vanished.count)
        for (index, file) in scan.files.enumerated() {
            switch outcomes[index] {
            case .unchanged, .restamped:
                if let entry = reusedEntries[index] { entries.append((file.displayPath, entry)) }
            case .extracted(let extracted): entries.append((file.displayPath, extracted.entry))
            case .extract: break
            }
        }
        reusedEntries = []
        if keepVanished {
            for row in vanished {
                guard let entry = vanishedEntries[row.path] else { continue }
                entries.append((row.displayPath, entry))
            }
        }
        vanishedEntries = [:]
        entries.sort { ByteOrder.precedes($0.path, $1.path) }
        var archive = RecordArchive()
        for item in entries { archive.append(item.entry) }
        entries = []
        ProcessMemory.releaseFreedMemory()

        // Corrections, chronology, problems.
        var pass = CorrectionPass(set: corrections, groups: corrections.groups(of: archive))
        if !corrections.corrections.isEmpty {
            for index in 0..<archive.count {
                if let changed = pass.apply(to: archive.record(index)) { archive.replace(index, with: changed) }
            }
        }
        var chronology = ChronologyBuilder(window: options.config.window).build(from: archive)
        chronology.markCorrected(pass.corrected)
        var problems = archive.problems
        problems += corrections.problems(for: pass.unmatched, displayPath: Self.display(corrections.file.path))
        problems.sort()
        return BuiltChronology(chronology: chronology, problems: problems, articles: archive.count, suppressed: pass.suppressed)
    }

    enum FileOutcome: Sendable {
        /// Same stamp as stored: its stored records are reused. With the stored hash.
        case unchanged(StoredHash)
        /// Same content under a new stamp: stored records reused, stamp updated.
        case restamped(FileStamp, StoredHash)
        /// New or changed: to be extracted (with what was measured before reading it).
        case extract(FileStamp?, ContentHash?)
        /// Extracted: what its store row is made of, with its records in binary form.
        case extracted(ExtractedFile)
    }

    /// Whether a file is unchanged (same size and mtime, or else same content hash) since it was
    /// stored by this extractor version and rules; reads no records.
    static func classify(_ file: InputFile, stored: [String: StoredFileState], extraction: Extraction) -> FileOutcome {
        let path = file.path
        // Stamp before hash before reading: if the file changes meanwhile, the stored stamp is
        // the older one and the next run looks again.
        let stamp = FileStamp(path: path)
        if let old = stored[path], let stamp, let oldHash = old.contentHash,
           old.extractorVersion == extraction.version, old.configFingerprint == extraction.configFingerprint
        {
            if old.stamp == stamp { return .unchanged(old.hash) }
            let hash = ContentHash(fileAt: path)
            if hash?.description == oldHash { return .restamped(stamp, old.hash) }
            return .extract(stamp, hash)
        }
        return .extract(stamp, ContentHash(fileAt: path))
    }

    private static func extract(
        _ file: InputFile, stamp: FileStamp?, hash: ContentHash?, extraction: Extraction, spool: ScratchFile?
    ) -> FileOutcome {
        let records = extraction.records(file)
        // A file that could not be read gets no hash, so the next run tries it again.
        let readable = hash != nil && !records.contains { $0.status == .unreadable }
        var entry = RecordArchive.Entry(records: records)
        entry.spill(to: spool)
        return .extracted(ExtractedFile(
            stamp: stamp ?? FileStamp(size: -1, modified: -1), contentHash: readable ? hash : nil, records: records,
            entry: entry))
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

    private static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let base = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
