import Foundation

/// What the store knows about one article file: where it was, its stamp and hash, which
/// extractor and rules read it, and the records they gave.
struct StoredArticle: Sendable, Hashable {
    /// Absolute, standardized path: the key.
    var path: String
    /// The path shown to users.
    var displayPath: String
    var stamp: FileStamp
    /// FNV-1a of the content; nil when the file could not be read (it is then tried again each run).
    var contentHash: String?
    var extractorVersion: String
    var configFingerprint: String
    /// The records as extracted (before corrections), in the form they are stored.
    var payload: RecordPayload
    /// The distinct article URLs of its records (filled when the row is made from records).
    var urls: [String]
    /// The records' summary (`RecordSummary`), when the row is made from records.
    var summary: RecordPayload?

    /// How a row's records are kept: JSON (stores written before the binary form) or `RecordBinary`,
    /// in memory or, for a run's freshly extracted rows, in its spool until they are stored.
    enum RecordPayload: Sendable, Hashable {
        case json(String)
        case binary([UInt8])
        case spooled(ScratchFile.Span)
    }

    init(
        path: String, displayPath: String, stamp: FileStamp, contentHash: String?, extractorVersion: String,
        configFingerprint: String, payload: RecordPayload, urls: [String] = [], summary: RecordPayload? = nil
    ) {
        self.summary = summary
        self.path = path
        self.displayPath = displayPath
        self.stamp = stamp
        self.contentHash = contentHash
        self.extractorVersion = extractorVersion
        self.configFingerprint = configFingerprint
        self.payload = payload
        self.urls = urls
    }

    init(
        path: String, displayPath: String, stamp: FileStamp, contentHash: String?, extractorVersion: String,
        configFingerprint: String, recordsJSON: String, urls: [String] = []
    ) {
        self.init(
            path: path, displayPath: displayPath, stamp: stamp, contentHash: contentHash, extractorVersion: extractorVersion,
            configFingerprint: configFingerprint, payload: .json(recordsJSON), urls: urls)
    }

    /// A row for freshly extracted records (stored in the compact binary form).
    init(
        file: InputFile, stamp: FileStamp, contentHash: String?, extractorVersion: String, configFingerprint: String,
        records: [ArticleRecord]
    ) throws {
        self.init(
            path: file.path, displayPath: file.displayPath, stamp: stamp, contentHash: contentHash,
            extractorVersion: extractorVersion, configFingerprint: configFingerprint,
            payload: .binary(RecordBinary.encode(records)), urls: Self.distinctURLs(records),
            summary: .binary(RecordSummary.encode(records)))
    }

    /// The records as a JSON array (the record contract's form), whatever the stored form.
    var recordsJSON: String {
        switch payload {
        case .json(let text): return text
        case .binary, .spooled:
            guard let records = try? records(), let data = try? RecordJSON.encoder.encode(records) else { return "[]" }
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// The stored records.
    func records() throws -> [ArticleRecord] {
        switch payload {
        case .json(let text): return try JSONDecoder().decode([ArticleRecord].self, from: Data(text.utf8))
        case .binary(let bytes): return try RecordBinary.decode(bytes)
        case .spooled(let span): return try RecordBinary.decode(try span.bytes())
        }
    }

    static func distinctURLs(_ records: [ArticleRecord]) -> [String] {
        // A set beside the list: an export of 64,000 lines spent 20 s in a linear `contains`.
        var seen = Set<String>(minimumCapacity: records.count)
        var urls: [String] = []
        for url in records.compactMap(\.url) where seen.insert(url).inserted { urls.append(url) }
        return urls
    }
}

/// The stored state of one article file without its records: enough to tell whether the file
/// changed, so a run does not load every file's records before knowing which it needs.
///
/// A run over a large archive holds one per stored file from start to end, so it is kept small:
/// the usual content hash (sixteen hex digits, one byte too long for an inline string) as its
/// number, and the version and fingerprint strings shared between rows (`StoredFileStates`).
struct StoredFileState: Sendable, Hashable {
    var path: String
    var displayPath: String
    var stamp: FileStamp
    var hash: StoredHash
    var extractorVersion: String
    var configFingerprint: String

    init(
        path: String, displayPath: String, stamp: FileStamp, contentHash: String?, extractorVersion: String,
        configFingerprint: String
    ) {
        self.path = path
        self.displayPath = displayPath
        self.stamp = stamp
        self.hash = .none
        self.extractorVersion = extractorVersion
        self.configFingerprint = configFingerprint
        self.contentHash = contentHash
    }

    /// The content hash as stored (`ContentHash.description`), nil when the file could not be read.
    var contentHash: String? {
        get { hash.text }
        set { hash = StoredHash(newValue) }
    }
}
