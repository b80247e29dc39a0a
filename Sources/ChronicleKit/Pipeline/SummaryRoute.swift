import Foundation

/// The chronology built from the records' summaries (`SummaryArchive`) instead of from every
/// stored record: a night that adds a few articles reads each stored file's summary and, of the
/// events merged, the records that add something; the result is the same chronology.
extension ChronicleRun {
    /// The chronology of the surveyed files and the files extracted for it, from the summaries,
    /// with the fingerprint of its inputs (`FileSurvey.fingerprint`, made on another core while
    /// the chronology is built); a night that only adds files after the stored ones continues
    /// the last run's grouping instead (`keptGroupingChronology`). Only for a run without
    /// corrections (they change whole records before grouping). Nil when a record a merge needed could not be read whole (its row
    /// damaged since its summary was written): the caller then builds from the records.
    func summaryChronology(
        _ survey: FileSurvey, inputs: RunInputs, store: ChronicleStore, spool: ScratchFile?, progress: ProgressBar,
        timer: inout PhaseTimer
    ) throws -> (built: BuiltChronology, extracted: ExtractedFiles, fingerprint: String?)? {
        var keeper = SummaryKeeper(spool: spool)
        // The changed files are extracted on the other cores while the stored summaries are read.
        let all = [Bool](repeating: true, count: survey.files.count), extraction = inputs.extraction
        let fresh = BackgroundTask { Self.extract(survey, reused: all, extraction: extraction, spool: spool, progress: progress) }
        if let night = try keptGroupingChronology(
            survey, inputs: inputs, store: store, spool: spool, fresh: fresh, progress: progress, keeper: &keeper, timer: &timer)
        {
            return night
        }
        var stored: StoredSummaries
        do {
            stored = try Self.storedSummaries(survey, store: store, keeper: &keeper)
        } catch {
            _ = try? fresh.result()
            throw error
        }
        var extracted = try fresh.result()
        // A stored file with neither summary nor readable records is extracted again.
        let unsummarized = survey.states.indices.filter { survey.states[$0].reusedHash != nil && stored.reused[$0] == nil }
        if !unsummarized.isEmpty {
            var reused = all
            for index in unsummarized { reused[index] = false }
            let again = Self.extract(survey, reused: reused, changed: false, extraction: extraction, spool: spool, progress: progress)
            extracted.files.merge(again.files)
        }
        progress.finish()
        // A run that extracted most of the archive (a first run) keeps the fresh summaries in the
        // spool: it holds every file's extraction already, and reads each summary twice only.
        if extracted.files.count * 2 > survey.files.count { keeper.budget = 0 }
        try Self.keepStoredSummariesOfUnreadable(&extracted, &stored, survey: survey, store: store)
        extracted.summaries = stored.made
        timer.lap("read stored summaries and extract")
        let fingerprint = inputsFingerprint(survey, extracted: extracted, inputs: inputs)
        // Bound apart, not copied out of the tuple: the tuple would keep a second reference to
        // the events until the scope ends, and setting an id below would then copy them all
        // (26 MiB at 200,000 synthetic articles, at the cold run's peak of memory).
        guard
            case (let grouping, let problems, let articles, let kept)? = try group(
                survey, stored: stored, extracted: extracted, inputs: inputs, store: store, spool: spool, keeper: &keeper)
        else { return nil }
        let built = try finishChronology(
            consume grouping, problems: problems + extracted.keptProblems, articles: articles, kept: kept, store: store)
        let inputsFingerprint = try fingerprint.result()
        timer.lap("chronology from the summaries")
        return (built, extracted, inputsFingerprint)
    }

    /// The fingerprint of the run's inputs (`FileSurvey.fingerprint`), made on another core
    /// while the chronology is built.
    func inputsFingerprint(_ survey: FileSurvey, extracted: ExtractedFiles, inputs: RunInputs) -> BackgroundTask<String?> {
        let (window, directory) = (options.config.window, options.workingDirectory)
        return BackgroundTask { survey.fingerprint(extracted: extracted, inputs: inputs, window: window, workingDirectory: directory) }
    }

    /// The chronology of a grouping: its events' ids given (`EventIdentity`), its problems sorted.
    func finishChronology(
        _ grouping: consuming ChronologyGrouping, problems: [ArticleProblem], articles: Int, kept: RecordArchive.Blob?,
        store: ChronicleStore
    ) throws -> BuiltChronology {
        let assignment = EventIdentity(memory: try store.eventIDMemory()).assign(grouping, proposed: { _ in nil })
        assignment.apply(to: &grouping)
        var built = BuiltChronology(chronology: grouping.chronology, problems: problems.sorted(), articles: articles, suppressed: 0)
        built.newEventKeys = assignment.newKeys
        built.mergeKeys = grouping.takeMergeKeys()
        built.keptGrouping = kept
        return built
    }

    /// The groups and merged events of the summaries' archive, with its problems, number of
    /// articles and the grouping kept for the next night; nil when a record a merge needed could
    /// not be read whole. The archive (every file's summary) and the last run's merges go before
    /// the ids are assigned: at a large archive, holding them through that was the night's peak
    /// of memory.
    private func group(
        _ survey: FileSurvey, stored: StoredSummaries, extracted: ExtractedFiles, inputs: RunInputs, store: ChronicleStore,
        spool: ScratchFile?, keeper: inout SummaryKeeper
    ) throws -> (grouping: ChronologyGrouping, problems: [ArticleProblem], articles: Int, kept: RecordArchive.Blob?)? {
        // Read while the archive is put together on this core: the other is mostly idle then.
        let earlier = BackgroundTask { try store.earlierMerges() }
        guard
            var archive = Self.summaryArchive(
                survey, stored: stored, extracted: extracted, extraction: inputs.extraction, store: store, spool: spool,
                keeper: &keeper)
        else { return nil }
        archive.earlierMerges = try earlier.result()
        let state = GroupingState.grouping(of: archive, window: options.config.window)
        // A night continues it only from inputs that are all current (`keptGroupingStart`).
        var kept: RecordArchive.Blob?
        let (recordsPerFile, problems) = (archive.recordsPerFile, archive.problems)
        let grouping = ChronologyBuilder(window: options.config.window).merge(consume state, archive) { state in
            guard survey.removed.isEmpty else { return }
            kept = Self.keep(KeptGrouping(state: state, recordsPerFile: recordsPerFile, problems: problems), spool: spool)
        }
        guard !archive.failed else {
            logger.warning("a stored record could not be read whole; building the chronology from the records")
            return nil
        }
        return (grouping, problems, archive.count, kept)
    }

    /// The stored form of a grouping kept for the next night: in the spool when there is one,
    /// out of memory while the events are merged and the reports written.
    static func keep(_ grouping: KeptGrouping, spool: ScratchFile?) -> RecordArchive.Blob {
        let bytes = grouping.encoded()
        if let spool, let span = try? spool.append(bytes) { return .spooled(span) }
        return .bytes(bytes)
    }

    /// The stored summaries a run uses: of the reused files (by position in the survey), of the
    /// known files kept because they could not be read this time (by position), and of the
    /// vanished files kept without `--prune` (by path); and those made from stored records
    /// because a row had none.
    struct StoredSummaries {
        var reused: [RecordArchive.Blob?]
        var kept: [Int: RecordArchive.Blob] = [:]
        var removed: [String: RecordArchive.Blob] = [:]
        var made: [String: [UInt8]] = [:]
    }

    /// Taken in the store's path order (`storedSummariesInPathOrder`) when its rows are those
    /// the survey matched, else looked up by path (`storedSummariesByPath`): the same summaries.
    static func storedSummaries(
        _ survey: FileSurvey, store: ChronicleStore, keeper: inout SummaryKeeper
    ) throws -> StoredSummaries {
        var inOrder = keeper
        if let found = try storedSummariesInPathOrder(survey, store: store, keeper: &inOrder) {
            keeper = inOrder
            return found
        }
        return try storedSummariesByPath(survey, store: store, keeper: &keeper)
    }

    /// The stored summaries read in the byte order of the paths, beside the survey's rows in
    /// that order (`FileSurvey.fileOfStoredRow`): the two lists are merged, a row the summaries
    /// pass over having none, and no path is hashed or looked up (a dictionary of every path was
    /// half of reading the summaries). Nil when a summary is not of a row the survey has (a file
    /// matched to its row under another normalization of its path, or a table changed since the
    /// survey).
    static func storedSummariesInPathOrder(
        _ survey: FileSurvey, store: ChronicleStore, keeper: inout SummaryKeeper
    ) throws -> StoredSummaries? {
        var result = StoredSummaries(reused: Array(repeating: nil, count: survey.files.count))
        var rows = StoredRowCursor(survey)
        var inOrder = true
        // Rows with no summary (or a damaged one), and whose they are: a file, or nil for a vanished one.
        var missing: [String: Int?] = [:]
        let sealed = !store.checkedOnOpen
        try store.forEachSummaryBlobInPathOrder { path, blob in
            guard inOrder else { return }
            // The rows before this summary's have none.
            while let row = rows.current, ByteOrder.compare(row.path, path) < 0 {
                if row.isWanted { missing[row.path] = row.file }
                rows.advance()
            }
            guard let row = rows.current, ByteOrder.compare(row.path, path) == 0 else {
                inOrder = false
                return
            }
            rows.advance()
            guard row.isWanted else { return }
            if let blob, RecordSummary.isIntact(blob, sealed: sealed) {
                let summary = keeper.keep(Array(blob))
                if let file = row.file { result.reused[file] = summary } else { result.removed[row.path] = summary }
            } else {
                missing[row.path] = row.file
            }
        }
        guard inOrder else { return nil }
        while let row = rows.current {
            if row.isWanted { missing[row.path] = row.file }
            rows.advance()
        }
        try summariesFromRecords(Set(missing.keys), store: store, archive: survey.files.count) { path, bytes in
            guard let owner = missing[path] else { return }
            let summary = keeper.keep(bytes)
            if let file = owner { result.reused[file] = summary } else { result.removed[path] = summary }
            result.made[path] = bytes
        }
        return result
    }

    /// The survey's stored rows in the byte order of their paths: each a file's (reused or not)
    /// or a vanished file's.
    private struct StoredRowCursor {
        let survey: FileSurvey
        private var next = 0, nextRemoved = 0
        private(set) var current: Row?

        struct Row {
            var path: String
            /// The file's position in the survey; nil for a vanished file.
            var file: Int?
            /// Whether its summary is used: a reused file's, or a vanished one's kept without `--prune`.
            var isWanted: Bool
        }

        init(_ survey: FileSurvey) {
            self.survey = survey
            advance()
        }

        mutating func advance() {
            guard next < survey.fileOfStoredRow.count else {
                current = nil
                return
            }
            let file = survey.fileOfStoredRow[next]
            next += 1
            if file >= 0 {
                let index = Int(file)
                current = Row(path: survey.files[index].path, file: index, isWanted: survey.states[index].reusedHash != nil)
            } else if nextRemoved < survey.removed.count {
                current = Row(path: survey.removed[nextRemoved].path, file: nil, isWanted: survey.keepRemoved)
                nextRemoved += 1
            } else {
                current = nil
            }
        }
    }

    /// The stored summaries of the reused and the kept vanished files, each row's path looked
    /// up in a dictionary of theirs.
    static func storedSummariesByPath(
        _ survey: FileSurvey, store: ChronicleStore, keeper: inout SummaryKeeper
    ) throws -> StoredSummaries {
        var reusedIndex: [String: Int] = [:]
        for (index, state) in survey.states.enumerated() where state.reusedHash != nil {
            reusedIndex[survey.files[index].path] = index
        }
        let removed = survey.keepRemoved ? Set(survey.removed.map(\.path)) : []
        var result = StoredSummaries(reused: Array(repeating: nil, count: survey.files.count))
        try readSummaries(where: { reusedIndex[$0] != nil || removed.contains($0) }, store: store, archive: survey.files.count) {
            path, bytes, made in
            let summary = keeper.keep(bytes)
            if let index = reusedIndex[path] { result.reused[index] = summary } else { result.removed[path] = summary }
            if made { result.made[path] = bytes }
        }
        return result
    }

    /// Reads the summaries of the wanted stored files: each row's own, or one made from its
    /// stored records when the row has none or a damaged one (`made`; all of them at once after
    /// an upgrade); a file with neither is left out.
    private static func readSummaries(
        where wanted: (String) -> Bool, store: ChronicleStore, archive: Int,
        _ body: (_ path: String, _ summary: [UInt8], _ made: Bool) -> Void
    ) throws {
        var missing = Set<String>()
        let sealed = !store.checkedOnOpen
        try store.forEachSummaryBlob(where: wanted) { path, blob in
            if let blob, RecordSummary.isIntact(blob, sealed: sealed) { body(path, Array(blob), false) } else { missing.insert(path) }
        }
        try summariesFromRecords(missing, store: store, archive: archive) { body($0, $1, true) }
    }

    /// Summaries made from the stored records of the files at `paths`; a file whose records
    /// cannot be read is left out.
    private static func summariesFromRecords(
        _ paths: Set<String>, store: ChronicleStore, archive: Int, _ body: (_ path: String, _ summary: [UInt8]) -> Void
    ) throws {
        guard !paths.isEmpty else { return }
        try store.forEachRecordBlob(paths: paths, archive: archive) { path, blob in
            guard let blob, let records = try? RecordBinary.decode(blob) else { return }
            body(path, RecordSummary.encode(records))
        }
    }

    /// A known file that could not be read this time keeps its stored summary and records, as
    /// `keepStoredRecordsOfUnreadable` does for a build from the records.
    private static func keepStoredSummariesOfUnreadable(
        _ extracted: inout ExtractedFiles, _ stored: inout StoredSummaries, survey: FileSurvey, store: ChronicleStore
    ) throws {
        var failed: [String: (index: Int, reason: String)] = [:]
        for (index, file) in extracted.files where survey.known[index] {
            if let reason = file.readFailure { failed[survey.files[index].path] = (index, reason) }
        }
        guard !failed.isEmpty else { return }
        var kept: [(index: Int, reason: String)] = []
        try readSummaries(where: { failed[$0] != nil }, store: store, archive: survey.files.count) { path, summary, made in
            guard let (index, reason) = failed[path] else { return }
            stored.kept[index] = .bytes(summary)
            if made { stored.made[path] = summary }
            kept.append((index, reason))
        }
        for (index, reason) in kept {
            extracted.files[index] = nil
            extracted.keptProblems.append(
                ArticleProblem(
                    source: survey.files[index].displayPath, reason: "could not be read this time (\(reason)); its stored events are kept"))
        }
        extracted.keptProblems.sort()
    }

    /// Every file's summary in display-path order, as the build from the records orders them;
    /// nil when one does not decode (the chronology is then built from the records).
    static func summaryArchive(
        _ survey: FileSurvey, stored: StoredSummaries, extracted: ExtractedFiles, extraction: Extraction, store: ChronicleStore,
        spool: ScratchFile?, keeper: inout SummaryKeeper
    ) -> SummaryArchive? {
        let label = extraction.version + "|" + extraction.configFingerprint
        func identity(_ path: String, _ displayPath: String, _ hash: String?) -> Hash128.Digest {
            // A file without a hash (kept because it could not be read) matches no earlier merge.
            SummaryArchive.fileIdentity(path: path, displayPath: displayPath, contentHash: hash ?? "-\(path)-unknown-", extraction: label)
        }
        let archiveSize = survey.files.count + survey.removed.count
        var archive = SummaryArchive(
            fetch: { paths, body in try store.forEachRecordBlob(paths: paths, archive: archiveSize) { body($0, $1) } }, spool: spool)
        // Summaries spooled by this run are read in about the order they were written.
        var reader = ScratchFileReader()
        func add(_ summary: RecordArchive.Blob, _ origin: SummaryArchive.Origin, _ identity: Hash128.Digest, readableOnly: Bool) -> Bool {
            let bytes: [UInt8], kept: RecordArchive.Blob
            switch summary {
            case .bytes(let held): (bytes, kept) = (held, summary)
            case .spooled(let span):
                guard let read = try? reader.bytes(span) else { return false }
                // A fresh summary is brought into memory while the budget allows.
                (bytes, kept) = (read, origin.isFresh ? keeper.keep(read, spooled: summary) : summary)
            }
            // Stored summaries were checked as they were read (`readSummaries`); fresh ones were made now.
            return archive.append(
                summary: bytes, keptIn: kept, origin: origin, identity: identity, readableOnly: readableOnly, checked: true)
        }
        // Files in display-path order (the scan's, checked), the vanished ones kept merged in
        // where they sort: no list of every file's summary is made and sorted.
        let files = survey.files
        let ordered = zip(files, files.dropFirst()).allSatisfy { ByteOrder.precedes($0.displayPath, $1.displayPath) }
        let order =
            ordered ? Array(files.indices) : files.indices.sorted { ByteOrder.precedes(files[$0].displayPath, files[$1].displayPath) }
        let removed = survey.removed.compactMap { row in stored.removed[row.path].map { (row: row, summary: $0) } }
            .sorted { ByteOrder.precedes($0.row.displayPath, $1.row.displayPath) }
        var nextRemoved = 0
        func addRemoved(before displayPath: String?) -> Bool {
            while nextRemoved < removed.count, displayPath.map({ ByteOrder.precedes(removed[nextRemoved].row.displayPath, $0) }) ?? true {
                let (row, summary) = removed[nextRemoved]
                nextRemoved += 1
                let id = identity(row.path, row.displayPath, row.contentHash)
                guard add(summary, .stored(path: row.path), id, readableOnly: true) else { return false }
            }
            return true
        }
        for index in order {
            let file = files[index]
            let (path, shown) = (file.path, file.displayPath)
            guard addRemoved(before: shown) else { return nil }
            let added: Bool
            if let done = extracted.files[index] {
                added = add(done.summary, .fresh(done.entry), identity(path, shown, done.contentHash?.description), readableOnly: false)
            } else if let summary = stored.reused[index] {
                added = add(summary, .stored(path: path), identity(path, shown, survey.states[index].reusedHash?.text), readableOnly: false)
            } else if let summary = stored.kept[index] {
                added = add(summary, .stored(path: path), identity(path, shown, nil), readableOnly: true)
            } else {
                continue
            }
            guard added else { return nil }
        }
        guard addRemoved(before: nil) else { return nil }
        return archive
    }
}

/// Keeps summaries in memory up to `budget` bytes (they are read several times each), the rest
/// in the run's spool: an archive's summaries are some 300 bytes a file. 12 MiB: at 200,000
/// articles the summaries held sit at the night's peak of memory; 16 MiB was no faster at 50,000.
struct SummaryKeeper {
    let spool: ScratchFile?
    var budget = 12 << 20
    private var held = 0

    init(spool: ScratchFile?) {
        self.spool = spool
    }

    /// Where to keep `bytes`: in memory while under the budget, else in the spool (where
    /// `spooled` says they are already, if so).
    mutating func keep(_ bytes: [UInt8], spooled: RecordArchive.Blob? = nil) -> RecordArchive.Blob {
        // An array's header and the allocator's rounding count too: some 48 bytes a summary.
        let cost = bytes.count + 48
        if held + cost <= budget || spool == nil {
            held += cost
            return .bytes(bytes)
        }
        if case .spooled(let span) = spooled { return .spooled(span) }
        return (try? spool?.append(bytes)).flatMap { $0.map { RecordArchive.Blob.spooled($0) } } ?? .bytes(bytes)
    }
}
