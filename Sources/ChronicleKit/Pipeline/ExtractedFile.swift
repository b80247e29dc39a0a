/// A file extracted in this run, as the run holds it until the store commit: the file's store
/// row is made from it only then (`row(file:extraction:)`).
///
/// A cold run over a large archive holds one of these per file through the whole chronology
/// phase; a `StoredArticle` with its hash and URLs as separate strings weighed three times as much.
struct ExtractedFile: Sendable {
    var stamp: FileStamp
    /// The content hash, nil when the file could not be read (it is then tried again next run).
    var contentHash: ContentHash?
    /// The distinct article URLs of its records, one per line.
    var urls: String
    /// Its records in binary form (in memory or in the run's spool).
    var entry: RecordArchive.Entry

    init(stamp: FileStamp, contentHash: ContentHash?, records: [ArticleRecord], entry: RecordArchive.Entry) {
        self.stamp = stamp
        self.contentHash = contentHash
        self.urls = StoredArticle.distinctURLs(records).joined(separator: "\n")
        self.entry = entry
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
            urls: urls.isEmpty ? [] : urls.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }
}
