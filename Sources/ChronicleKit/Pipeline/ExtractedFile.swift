/// A file extracted in this run, as the run holds it until the store commit: the file's store
/// row is made from it only then (`row(file:extraction:)`).
///
/// A cold run over a large archive holds one of these per file through the whole chronology
/// phase; it leaves out what a `StoredArticle` repeats (paths, versions) and keeps the hash as a
/// number rather than a sixteen-character string (one heap allocation per file).
struct ExtractedFile: Sendable {
    var stamp: FileStamp
    /// The content hash, nil when the file could not be read (it is then tried again next run).
    var contentHash: ContentHash?
    /// The distinct article URLs of its records.
    var urls: [String]
    /// Its records in binary form (in memory or in the run's spool).
    var entry: RecordArchive.Entry
    /// Its records' summary (`RecordSummary`), stored beside them; in the run's spool with the
    /// records (a cold run holds one per file until the store commit).
    var summary: RecordArchive.Blob
    /// Why the file could not be read at all (an I/O error, not bad content), when so: a file
    /// the store knows then keeps its stored records for this run.
    var readFailure: String?

    /// Extracts `file`, encoding its records one at a time as they are made (`EntryWriter`), with
    /// the blob written to `spool`: a large export is never held as its records.
    /// - Parameter contentHash: the hash measured before reading, if it was (else the hash of
    /// the bytes extraction read, or measured after); kept only if every record could be read.
    init(extracting file: InputFile, stamp: FileStamp, contentHash: ContentHash?, extraction: Extraction, spool: ScratchFile?) {
        var writer = RecordArchive.EntryWriter()
        var summary = RecordSummary.Writer()
        var urls = URLList()
        var readable = true
        var first: ArticleRecord?
        func add(_ record: ArticleRecord) {
            if writer.count == 0 { first = record }
            if record.status == .unreadable { readable = false }
            if let url = record.url { urls.add(url) }
            writer.add(record)
            summary.add(record)
        }
        var readHash: UInt64?
        if let failed = extraction.forEachRecord(file, &readHash, add) {
            // It could not be read to its end: the failed record stands for the whole file.
            (writer, summary, urls, readable) = (RecordArchive.EntryWriter(), RecordSummary.Writer(), URLList(), true)
            add(failed)
        }
        let count = writer.count
        self.stamp = stamp
        // A file that could not be read gets no hash, so the next run tries it again.
        self.contentHash = readable ? contentHash ?? readHash.map(ContentHash.init(value:)) ?? ContentHash(fileAt: file.path) : nil
        self.urls = urls.urls
        self.entry = writer.finish(spool: spool)
        let summaryBytes = summary.finish()
        self.summary = (try? spool?.append(summaryBytes)).map { .spooled($0) } ?? .bytes(summaryBytes)
        if count == 1, let record = first, record.status == .unreadable, let error = record.error,
            error.hasPrefix(IngestFailure.cannotReadPrefix)
        {
            readFailure = String(error.dropFirst(IngestFailure.cannotReadPrefix.count))
        }
    }

    /// The distinct URLs of a file's records, in order; a set beside the list (an export of
    /// 64,000 lines spent 20 s in a linear `contains`).
    private struct URLList {
        var urls: [String] = []
        var seen = Set<String>()

        mutating func add(_ url: String) {
            if seen.insert(url).inserted { urls.append(url) }
        }
    }

    /// The store row of `file`.
    func row(file: InputFile, extraction: Extraction) -> StoredArticle {
        let payload: StoredArticle.RecordPayload
        switch entry.blob {
        case .bytes(let bytes): payload = .binary(bytes)
        case .spooled(let span): payload = .spooled(span)
        }
        return StoredArticle(
            path: file.path, displayPath: file.displayPath, stamp: stamp, contentHash: contentHash?.description,
            extractorVersion: extraction.version, configFingerprint: extraction.configFingerprint, payload: payload,
            urls: urls, summary: summaryPayload)
    }

    private var summaryPayload: StoredArticle.RecordPayload {
        switch summary {
        case .bytes(let bytes): return .binary(bytes)
        case .spooled(let span): return .spooled(span)
        }
    }

    /// The summary's bytes; nil when the spool cannot be read back.
    var summaryBytes: [UInt8]? {
        try? summary.withBytes { Array($0) }
    }
}
