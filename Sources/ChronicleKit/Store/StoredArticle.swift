import Foundation

/// What the store knows about one article file: where it was, its stamp and hash, which
/// extractor and rules read it, and the records they gave.
public struct StoredArticle: Sendable, Hashable {
    /// Absolute, standardized path: the key.
    public var path: String
    /// The path shown to users.
    public var displayPath: String
    public var stamp: FileStamp
    /// FNV-1a of the content; nil when the file could not be read (it is then tried again each run).
    public var contentHash: String?
    public var extractorVersion: String
    public var configFingerprint: String
    /// The records as extracted (before corrections), as a JSON array.
    public var recordsJSON: String
    /// The distinct article URLs of its records (filled when the row is made from records).
    public var urls: [String]

    public init(
        path: String, displayPath: String, stamp: FileStamp, contentHash: String?, extractorVersion: String,
        configFingerprint: String, recordsJSON: String, urls: [String] = []
    ) {
        self.path = path
        self.displayPath = displayPath
        self.stamp = stamp
        self.contentHash = contentHash
        self.extractorVersion = extractorVersion
        self.configFingerprint = configFingerprint
        self.recordsJSON = recordsJSON
        self.urls = urls
    }

    /// A row for freshly extracted records.
    public init(
        file: InputFile, stamp: FileStamp, contentHash: String?, extractorVersion: String, configFingerprint: String,
        records: [ArticleRecord]
    ) throws {
        self.init(
            path: file.url.standardizedFileURL.path, displayPath: file.displayPath, stamp: stamp, contentHash: contentHash,
            extractorVersion: extractorVersion, configFingerprint: configFingerprint,
            recordsJSON: String(decoding: try RecordJSON.encoder.encode(records), as: UTF8.self),
            urls: Self.distinctURLs(records))
    }

    /// The stored records.
    public func records() throws -> [ArticleRecord] {
        try JSONDecoder().decode([ArticleRecord].self, from: Data(recordsJSON.utf8))
    }

    private static func distinctURLs(_ records: [ArticleRecord]) -> [String] {
        var seen: [String] = []
        for url in records.compactMap(\.url) where !seen.contains(url) { seen.append(url) }
        return seen
    }
}
