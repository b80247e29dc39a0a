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

    /// Classifies the scanned files against the store's file states, in parallel.
    init(files: [InputFile], stored: [String: StoredFileState], extraction: Extraction, keepRemoved: Bool) {
        self.files = files
        self.states = files.parallelMap { Self.classify($0, stored: stored, extraction: extraction) }
        var seen = Set<String>(minimumCapacity: files.count)
        for file in files { seen.insert(file.path) }
        self.removed = stored.values.filter { !seen.contains($0.path) }.sorted { ByteOrder.precedes($0.path, $1.path) }
        self.keepRemoved = keepRemoved
        self.known = files.map { stored[$0.path] != nil }
    }

    /// Whether a file is unchanged (same size and mtime, or else same content hash) since it was
    /// stored by this extractor version and rules; reads no records.
    static func classify(_ file: InputFile, stored: [String: StoredFileState], extraction: Extraction) -> State {
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
        var sources: [ChronologyCache.Source] = []
        sources.reserveCapacity(files.count + removed.count)
        for (index, file) in files.enumerated() {
            let hash = extracted.files[index].map { $0.contentHash?.description } ?? states[index].reusedHash?.text
            guard let hash else { return nil }
            sources.append(.init(path: file.path, displayPath: file.displayPath, contentHash: hash, current: true))
        }
        if keepRemoved {
            for row in removed {
                sources.append(.init(path: row.path, displayPath: row.displayPath, contentHash: row.contentHash ?? "-", current: false))
            }
        }
        return ChronologyCache.fingerprint(
            sources: sources, extractorVersion: inputs.extraction.version, configFingerprint: inputs.extraction.configFingerprint,
            window: window, corrections: inputs.corrections.file, workingDirectory: workingDirectory)
    }
}

/// The files extracted in this run (changed ones, and unchanged ones whose stored records could
/// not be read), by position in the survey; held until the store commit makes their rows.
struct ExtractedFiles: Sendable {
    var files: [Int: ExtractedFile] = [:]
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
