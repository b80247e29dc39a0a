/// Each input file against its stored state, and the stored files no longer in the inputs:
/// what a run has to extract, reuse or forget. Reads no records.
struct FileSurvey: Sendable {
    enum State: Sendable {
        /// Same stamp as stored: its stored records are reused. With the stored hash.
        case unchanged(StoredHash)
        /// Same content under a new stamp: stored records reused, stamp updated.
        case restamped(FileStamp, StoredHash)
        /// New or changed (or stored by another extractor or rules): to be extracted, with what
        /// was measured before reading it.
        case changed(FileStamp?, ContentHash?)

        /// The stored hash of a file whose stored records are reused.
        var reusedHash: StoredHash? {
            switch self {
            case .unchanged(let hash), .restamped(_, let hash): return hash
            case .changed: return nil
            }
        }
    }

    /// The input files, in scan order.
    let files: [InputFile]
    /// Each file's state, same order as `files`.
    let states: [State]
    /// Stored files no longer in the inputs, by path.
    let removed: [StoredFileState]
    /// Whether the removed files' records stay in the chronology (no `--prune`).
    let keepRemoved: Bool
    /// Whether the store has a row for each file (same order as `files`).
    let known: [Bool]
    /// Per stored row, in the byte order of the paths (`StoredFileStates`): the file that has
    /// it (its position in `files`), or -1 for a row no file has (the next of `removed`).
    let fileOfStoredRow: [Int32]

    /// Classifies the scanned files against the store's file states: each file is matched to
    /// its row in one pass over both path-ordered lists; a file whose stamp (the scanner's) is
    /// the stored one is unchanged at once, the others are looked at in parallel.
    init(files: [InputFile], stored: StoredFileStates, extraction: Extraction, keepRemoved: Bool) {
        self.files = files
        let rows = stored.rows
        let (rowOf, matched) = Self.match(files, rows)
        var states = [State](repeating: .changed(nil, nil), count: files.count)
        var others: [Int] = []
        for index in files.indices {
            if let row = rowOf[index], Self.isUnchanged(files[index], stored: rows[row], extraction: extraction) {
                states[index] = .unchanged(rows[row].hash)
            } else {
                others.append(index)
            }
        }
        let looked = others.parallelMap { Self.classify(files[$0], stored: rowOf[$0].map { rows[$0] }, extraction: extraction) }
        for (index, state) in zip(others, looked) { states[index] = state }
        self.states = states
        self.removed = rows.indices.filter { !matched[$0] }.map { rows[$0] }
        self.keepRemoved = keepRemoved
        self.known = rowOf.map { $0 != nil }
        var fileOfRow = [Int32](repeating: -1, count: rows.count)
        for (index, row) in rowOf.enumerated() {
            if let row { fileOfRow[row] = Int32(index) }
        }
        self.fileOfStoredRow = fileOfRow
    }

    /// Each file's row (by position in `rows`), and which rows some file has.
    ///
    /// A merge of the two lists in the byte order of the paths. Then, as the dictionary this
    /// replaces did (String keys compare by canonical equivalence), a file left without a row
    /// takes a row left without a file whose path is the same text in another Unicode
    /// normalization (a name written NFD by one system, NFC by another): a night has few of
    /// either, and most often none of the rows.
    private static func match(_ files: [InputFile], _ rows: [StoredFileState]) -> (rowOf: [Int?], matched: [Bool]) {
        var rowOf = [Int?](repeating: nil, count: files.count)
        var matched = [Bool](repeating: false, count: rows.count)
        // The scan lists files in the byte order of their display paths, which is that of their
        // paths unless several roots are shown differently.
        var order = Array(files.indices)
        if !files.indices.dropFirst().allSatisfy({ ByteOrder.compare(files[$0 - 1].path, files[$0].path) < 0 }) {
            order.sort { ByteOrder.precedes(files[$0].path, files[$1].path) }
        }
        var next = 0
        var unmatched: [Int] = []
        for index in order {
            var comparison = 1
            while next < rows.count {
                comparison = ByteOrder.compare(rows[next].path, files[index].path)
                if comparison >= 0 { break }
                next += 1
            }
            if comparison == 0 {
                rowOf[index] = next
                matched[next] = true
                next += 1
            } else {
                unmatched.append(index)
            }
        }
        let leftRows = rows.indices.filter { !matched[$0] }
        guard !unmatched.isEmpty, !leftRows.isEmpty else { return (rowOf, matched) }
        var byText: [String: Int] = [:]
        for row in leftRows where byText[rows[row].path] == nil { byText[rows[row].path] = row }
        for index in unmatched {
            guard let row = byText[files[index].path] else { continue }
            rowOf[index] = row
            matched[row] = true
        }
        return (rowOf, matched)
    }

    /// Whether `classify` would say `.unchanged` without reading anything: the file's stamp
    /// (taken by the scanner) is the stored one, stored by this extractor version and rules.
    /// Borrows both (no copy of their strings: it runs once a file of the archive).
    static func isUnchanged(_ file: borrowing InputFile, stored old: borrowing StoredFileState, extraction: Extraction) -> Bool {
        guard let stamp = file.stamp, old.stamp == stamp, old.hash != .none else { return false }
        return old.extractorVersion == extraction.version && old.configFingerprint == extraction.configFingerprint
    }

    /// Whether a file is unchanged (same size and mtime, or else same content hash) since it was
    /// stored (as `old`) by this extractor version and rules; reads no records.
    static func classify(_ file: InputFile, stored old: StoredFileState?, extraction: Extraction) -> State {
        let path = file.path
        // Stamp before hash before reading: if the file changes meanwhile, the stored stamp is
        // the older one and the next run looks again. The scanner's stamp, when it took one, is
        // older still.
        let stamp = file.stamp ?? FileStamp(path: path)
        if let old, let stamp, let oldHash = old.contentHash,
            old.extractorVersion == extraction.version, old.configFingerprint == extraction.configFingerprint
        {
            if old.stamp == stamp { return .unchanged(old.hash) }
            let hash = ContentHash(fileAt: path)
            if hash?.description == oldHash { return .restamped(stamp, old.hash) }
            return .changed(stamp, hash)
        }
        // A file new to the store (or stored by other rules) is extracted whatever its content:
        // its hash is taken from the bytes extraction reads, not by reading it once more here.
        return .changed(stamp, nil)
    }

    /// The fingerprint of the chronology's inputs (`ChronologyCache.fingerprint`), with the
    /// content hashes of the files extracted in this run; nil while a changed file is not
    /// extracted yet, or when one could not be read (it has no hash).
    func fingerprint(extracted: ExtractedFiles, inputs: RunInputs, window: DateWindow, workingDirectory: String) -> String? {
        func hash(_ index: Int) -> String? {
            extracted.files[index].map { $0.contentHash?.description } ?? states[index].reusedHash?.text
        }
        // Checked before anything is hashed: a night with new files asks first, none extracted
        // yet. Without making the hashes' text (`hash`): that took every file before the first
        // new one, and new files mostly sort last.
        func hasHash(_ index: Int) -> Bool {
            if let file = extracted.files[index] { return file.contentHash != nil }
            guard let stored = states[index].reusedHash else { return false }
            return stored != .none
        }
        for index in states.indices where !hasHash(index) { return nil }
        // Each file's source made as it is hashed, not a list of every file's (a night makes the
        // fingerprint beside the chronology, at its peak of memory).
        let current = files.count, all = current + (keepRemoved ? removed.count : 0)
        let sources = (0..<all).lazy.map { index -> ChronologyCache.Source in
            guard index >= current else {
                let file = files[index]
                return .init(path: file.path, displayPath: file.displayPath, contentHash: hash(index)!, current: true)
            }
            let row = removed[index - current]
            return .init(path: row.path, displayPath: row.displayPath, contentHash: row.contentHash ?? "-", current: false)
        }
        return Self.fingerprint(sources, inputs: inputs, window: window, workingDirectory: workingDirectory)
    }

    /// `ChronologyCache.fingerprint` of `sources` with the rest of this run's inputs.
    private static func fingerprint<Sources: Collection>(
        _ sources: Sources, inputs: RunInputs, window: DateWindow, workingDirectory: String
    ) -> String where Sources.Element == ChronologyCache.Source {
        ChronologyCache.fingerprint(
            sources: sources, extractorVersion: inputs.extraction.version, configFingerprint: inputs.extraction.configFingerprint,
            window: window, corrections: inputs.corrections.file, workingDirectory: workingDirectory)
    }

    /// The fingerprint (`ChronologyCache.fingerprint`) of the files whose stored records are
    /// reused, as if they were all the inputs: the last run's, when this run only adds files
    /// (`KeptGrouping`). Nil when one has no hash.
    func fingerprintOfReused(inputs: RunInputs, window: DateWindow, workingDirectory: String) -> String? {
        let reused = states.indices.filter { states[$0].reusedHash != nil }
        guard reused.allSatisfy({ states[$0].reusedHash != StoredHash.none }) else { return nil }
        let sources = reused.lazy.map { index in
            ChronologyCache.Source(
                path: files[index].path, displayPath: files[index].displayPath, contentHash: states[index].reusedHash!.text!, current: true)
        }
        return Self.fingerprint(sources, inputs: inputs, window: window, workingDirectory: workingDirectory)
    }
}

/// The files extracted in this run (changed ones, and unchanged ones whose stored records could
/// not be read), by position in the survey; held until the store commit makes their rows.
struct ExtractedFiles: Sendable {
    var files = ExtractedFileList()
    /// Known files that could not be read this time and keep their stored records, as problems.
    var keptProblems: [ArticleProblem] = []
    /// Summaries made from the stored records of files whose row had none, by path: the store
    /// keeps them (`StoreUpdate.summaries`).
    var summaries: [String: [UInt8]] = [:]

    /// Files whose stored records are reused and whose rows stay as stored (but for the stamp).
    func reusedCount(of survey: FileSurvey) -> Int {
        survey.states.indices.reduce(0) { $0 + (files[$1] == nil && survey.states[$1].reusedHash != nil ? 1 : 0) }
    }
}

/// What a run reads before it touches anything: a bad config, corrections file or input folder
/// stops it here.
struct RunInputs: Sendable {
    let corrections: CorrectionSet
    let extraction: Extraction
    let scan: InputScanner.Result
}

/// The inputs while the scan of the input folders may still be running (`BackgroundScan`).
struct PendingInputs: Sendable {
    let corrections: CorrectionSet
    let extraction: Extraction
    let scan: BackgroundScan

    /// The inputs, once the scan is done.
    func finished() throws -> RunInputs {
        RunInputs(corrections: corrections, extraction: extraction, scan: try scan.result())
    }
}
