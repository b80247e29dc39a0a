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
    /// Why the file could not be read at all (an I/O error, not bad content), when so: a file
    /// the store knows then keeps its stored records for this run.
    var readFailure: String?

    init(stamp: FileStamp, contentHash: ContentHash?, records: [ArticleRecord], entry: RecordArchive.Entry) {
        self.stamp = stamp
        self.contentHash = contentHash
        self.urls = StoredArticle.distinctURLs(records)
        self.entry = entry
        if records.count == 1, records[0].status == .unreadable, let error = records[0].error,
            error.hasPrefix(IngestFailure.cannotReadPrefix)
        {
            readFailure = String(error.dropFirst(IngestFailure.cannotReadPrefix.count))
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
            urls: urls)
    }
}
