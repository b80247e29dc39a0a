import Foundation

/// Where a run's chronology comes from.
enum ChronologySource: Sendable {
    /// Nothing changed and the reports' outline of this chronology is at hand: the chronology
    /// itself is read only if a report other than the index page must be written.
    case outline(ReportOutline)
    /// Nothing changed: the chronology the store keeps for these inputs, no record read.
    case cached(BuiltChronology, fingerprint: String)
    /// Built from the records in this run; no fingerprint when some file could not be read.
    case built(BuiltChronology, fingerprint: String?)

    /// What the index page shows of the chronology: all of it, or the outline.
    var index: any ChronologyIndex {
        switch self {
        case .outline(let outline): return outline.outline
        case .cached(let built, _), .built(let built, _): return built.chronology
        }
    }

    /// The problems and counts of the chronology (the outline keeps those of the whole).
    var totals: (problems: [ArticleProblem], articles: Int, suppressed: Int) {
        switch self {
        case .outline(let outline): return (outline.problems, outline.articles, outline.suppressed)
        case .cached(let built, _), .built(let built, _): return (built.problems, built.articles, built.suppressed)
        }
    }

    /// Report keys first seen by a chronology built in this run (`BuiltChronology.newEventKeys`).
    var newEventKeys: [UInt64: String] {
        if case .built(let built, _) = self { return built.newEventKeys }
        return [:]
    }

    /// What becomes of the store's cached chronology.
    var cacheChange: StoreUpdate.CacheChange {
        switch self {
        case .outline, .cached: return .keep
        case .built(let built, let fingerprint):
            return fingerprint.map { .replace(ChronologyCache(fingerprint: $0, built: built)) } ?? .clear
        }
    }
}

/// Reads the whole chronology of a run that took only its outline: the store's cached one.
struct CachedChronologyReader: Sendable {
    let storeURL: URL
    let fingerprint: String
    /// The store as the run holds it open, while it does: opening it again before the run seals
    /// it would check it whole (`PRAGMA quick_check`), some 40 ms at 50,000 articles.
    private let openStore: ChronicleStore?

    /// Reads through a store opened when asked (after the run, which sealed it).
    init(storeURL: URL, fingerprint: String) {
        self.storeURL = storeURL
        self.fingerprint = fingerprint
        openStore = nil
    }

    /// Reads through `store`, which the run has open.
    init(store: ChronicleStore, fingerprint: String) {
        storeURL = store.url
        self.fingerprint = fingerprint
        openStore = store
    }

    func read() throws -> Chronology {
        let store = try openStore ?? ChronicleStore(url: storeURL)
        guard let cached = try store.cachedChronology(fingerprint: fingerprint) else {
            throw StoreError.failed(path: storeURL.path, action: "read the cached chronology", reason: "it is missing or damaged")
        }
        return cached.chronology
    }
}

extension ChronicleRun {
    /// The chronology of the surveyed files: its outline, or the store's cached one, when nothing
    /// it depends on changed; else built from the records, with the files extracted for it.
    func chronologySource(
        _ survey: FileSurvey, inputs: RunInputs, store: ChronicleStore, timer: inout PhaseTimer
    ) throws -> (ChronologySource, ExtractedFiles) {
        let config = options.config
        let progress = ProgressBar(total: survey.files.count, label: "reading articles", enabled: options.showProgress)
        if let fingerprint = survey.fingerprint(
            extracted: ExtractedFiles(), inputs: inputs, window: config.window, workingDirectory: options.workingDirectory)
        {
            if let outline = ReportOutline(contentsOf: Self.reportOutlineURL(for: config), fingerprint: fingerprint),
                try store.cachedChronologyFingerprint() == fingerprint
            {
                progress.finish()
                timer.lap("chronology unchanged, its outline taken")
                return (.outline(outline), ExtractedFiles())
            }
            if let cached = try store.cachedChronology(fingerprint: fingerprint) {
                progress.finish()
                timer.lap("chronology unchanged, taken from the store")
                return (.cached(cached, fingerprint: fingerprint), ExtractedFiles())
            }
        }
        let spool = recordSpool()
        if inputs.corrections.corrections.isEmpty,
            let (built, extracted, fingerprint) = try summaryChronology(
                survey, inputs: inputs, store: store, spool: spool, progress: progress, timer: &timer)
        {
            return (.built(built, fingerprint: fingerprint), extracted)
        }
        let (archive, extracted) = try recordArchive(survey, inputs: inputs, store: store, spool: spool, progress: progress)
        timer.lap("read stored records and extract")
        ProcessMemory.releaseFreedMemory()
        var built = Self.build(
            from: consume archive, corrections: inputs.corrections, window: config.window, memory: try store.eventIDMemory(),
            workingDirectory: options.workingDirectory)
        if !extracted.keptProblems.isEmpty { built.problems = (built.problems + extracted.keptProblems).sorted() }
        timer.lap("corrections and chronology")
        let fingerprint = survey.fingerprint(
            extracted: extracted, inputs: inputs, window: config.window, workingDirectory: options.workingDirectory)
        return (.built(built, fingerprint: fingerprint), extracted)
    }

    /// Where records wait in binary form (checked, not kept decoded) until the chronology is
    /// built; nil (records kept in memory) when it cannot be created.
    func recordSpool() -> ScratchFile? {
        do {
            return try ScratchFile(directory: Self.stateDirectory(for: options.config), name: "records")
        } catch {
            logger.warning("\(error); keeping the records in memory")
            return nil
        }
    }

    /// Every record of the chronology in display-path order: the stored records of the
    /// unchanged (and kept removed) files, read in one pass over the store, and those of the
    /// files extracted now (changed ones, and any whose stored records cannot be read).
    private func recordArchive(
        _ survey: FileSurvey, inputs: RunInputs, store: ChronicleStore, spool: ScratchFile?, progress: ProgressBar
    ) throws -> (RecordArchive, ExtractedFiles) {
        let stored = try Self.storedRecords(survey, store: store, spool: spool)
        var extracted = Self.extract(
            survey, reused: stored.reused.map { $0 != nil }, extraction: inputs.extraction, spool: spool, progress: progress)
        progress.finish()
        let fallback = try Self.keepStoredRecordsOfUnreadable(&extracted, survey: survey, store: store)
        var entries: [(path: String, entry: RecordArchive.Entry)] = []
        entries.reserveCapacity(survey.files.count + stored.removed.count)
        for (index, file) in survey.files.enumerated() {
            if let entry = extracted.files[index]?.entry ?? stored.reused[index] ?? fallback[index] {
                entries.append((file.displayPath, entry))
            }
        }
        for row in survey.removed {
            if let entry = stored.removed[row.path] { entries.append((row.displayPath, entry)) }
        }
        entries.sort { ByteOrder.precedes($0.path, $1.path) }
        var archive = RecordArchive()
        for item in entries { archive.append(item.entry) }
        return (archive, extracted)
    }

    /// Stored records of reused files (by position in the survey, nil when they cannot be read)
    /// and of the removed files kept without `--prune` (by path).
    private struct StoredRecords {
        var reused: [RecordArchive.Entry?]
        var removed: [String: RecordArchive.Entry] = [:]
    }

    private static func storedRecords(_ survey: FileSurvey, store: ChronicleStore, spool: ScratchFile?) throws -> StoredRecords {
        var reusedIndex: [String: Int] = [:]
        for (index, state) in survey.states.enumerated() where state.reusedHash != nil {
            reusedIndex[survey.files[index].path] = index
        }
        let removed = survey.keepRemoved ? Set(survey.removed.map(\.path)) : []
        var records = StoredRecords(reused: Array(repeating: nil, count: survey.files.count))
        try store.forEachRecordBlob(where: { reusedIndex[$0] != nil || removed.contains($0) }) { path, blob in
            let entry = blob.flatMap { RecordArchive.Entry(stored: $0, spool: spool) }
            if let index = reusedIndex[path] {
                records.reused[index] = entry
            } else if let entry {
                records.removed[path] = entry.readableOnly()
            }
        }
        return records
    }

    /// A known file that could not be read this time (a share gone for a moment, an I/O error)
    /// keeps its stored records and row, as a vanished file does, and says so; the next run tries
    /// it again. Returns those records by position; reads the store only when such files exist.
    private static func keepStoredRecordsOfUnreadable(
        _ extracted: inout ExtractedFiles, survey: FileSurvey, store: ChronicleStore
    ) throws -> [Int: RecordArchive.Entry] {
        var failed: [String: (index: Int, reason: String)] = [:]
        for (index, file) in extracted.files where survey.known[index] {
            if let reason = file.readFailure { failed[survey.files[index].path] = (index, reason) }
        }
        guard !failed.isEmpty else { return [:] }
        var kept: [Int: RecordArchive.Entry] = [:]
        try store.forEachRecordBlob(where: { failed[$0] != nil }) { path, blob in
            guard let (index, reason) = failed[path], let entry = blob.flatMap({ RecordArchive.Entry(stored: $0, spool: nil) }) else {
                return
            }
            kept[index] = entry.readableOnly()
            extracted.files[index] = nil
            extracted.keptProblems.append(
                ArticleProblem(
                    source: survey.files[index].displayPath, reason: "could not be read this time (\(reason)); its stored events are kept"))
        }
        extracted.keptProblems.sort()
        return kept
    }

    /// Extracts, in parallel, the changed files (unless `changed` is false) and the unchanged
    /// ones whose stored records cannot be read (`reused` false).
    static func extract(
        _ survey: FileSurvey, reused: [Bool], changed: Bool = true, extraction: Extraction, spool: ScratchFile?,
        progress: ProgressBar
    ) -> ExtractedFiles {
        let work: [(index: Int, stamp: FileStamp?, hash: ContentHash?)] = survey.states.indices.compactMap { index in
            switch survey.states[index] {
            case .changed(let stamp, let hash): return changed ? (index, stamp, hash) : nil
            case .unchanged, .restamped:
                guard !reused[index] else { return nil }
                let path = survey.files[index].path
                return (index, FileStamp(path: path), nil)
            }
        }
        let files = survey.files
        let gate = FileReading.Gate()
        let done = work.parallelMap(threads: FileReading.threads) { item in
            defer { progress.advance() }
            return gate.reading(size: item.stamp?.size) {
                extract(files[item.index], stamp: item.stamp, hash: item.hash, extraction: extraction, spool: spool)
            }
        }
        var extracted = ExtractedFiles()
        extracted.files = ExtractedFileList(done, at: work.map(\.index), surveySize: survey.files.count)
        return extracted
    }

    private static func extract(
        _ file: InputFile, stamp: FileStamp?, hash: ContentHash?, extraction: Extraction, spool: ScratchFile?
    ) -> ExtractedFile {
        ExtractedFile(
            extracting: file, stamp: stamp ?? FileStamp(size: -1, modified: -1), contentHash: hash, extraction: extraction, spool: spool)
    }

    /// Applies the corrections to the records and builds the chronology, with the problems.
    private static func build(
        from archive: consuming RecordArchive, corrections: CorrectionSet, window: DateWindow, memory: EventIDMemory,
        workingDirectory: String
    ) -> BuiltChronology {
        let corrected = corrections.build(&archive, window: window, memory: memory)
        var problems = archive.problems
        let correctionsPath = display(corrections.file.path, relativeTo: workingDirectory)
        problems += corrections.problems(for: corrected.unmatched, displayPath: correctionsPath)
        problems.sort()
        var built = BuiltChronology(
            chronology: corrected.chronology, problems: problems, articles: archive.count, suppressed: corrected.suppressed)
        built.newEventKeys = corrected.newKeys
        return built
    }

    /// `path` relative to `directory` when it lies inside it.
    static func display(_ path: String, relativeTo directory: String) -> String {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
