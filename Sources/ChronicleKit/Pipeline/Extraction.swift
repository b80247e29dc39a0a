import Foundation

/// How a run turns one article file into records, with what identifies the result: the
/// loader's and extractor's versions and the fingerprint of the rules it read. Stored records
/// made under another version or fingerprint are extracted again.
public struct Extraction: Sendable {
    var version: String
    var configFingerprint: String
    /// Reads and extracts one file, handing each record to the body in order as soon as it is
    /// made (a crawler export one line at a time); must not throw and must be safe to call
    /// concurrently. Returns nil when the file was read to its end; else the record that stands
    /// for the whole file (it could not be read), replacing the records the body was given. Sets
    /// the `UInt64?` to the content hash of the bytes it read (`ContentHash`), when it knows it.
    var forEachRecord: @Sendable (InputFile, inout UInt64?, (ArticleRecord) -> Void) -> ArticleRecord?

    /// The versions stored with each article's records: a change makes the next run extract it again.
    public static let currentVersion = ArticleExtractor.version + "+ingest." + ArticleLoader.version

    init(
        version: String, configFingerprint: String,
        forEachRecord: @escaping @Sendable (InputFile, inout UInt64?, (ArticleRecord) -> Void) -> ArticleRecord?
    ) {
        self.version = version
        self.configFingerprint = configFingerprint
        self.forEachRecord = forEachRecord
    }

    /// An extraction that gives each file's records at once.
    init(version: String, configFingerprint: String, records: @escaping @Sendable (InputFile) -> [ArticleRecord]) {
        self.init(version: version, configFingerprint: configFingerprint) { file, _, body in
            for record in records(file) { body(record) }
            return nil
        }
    }

    /// All the records of one file.
    func records(_ file: InputFile) -> [ArticleRecord] {
        var records: [ArticleRecord] = []
        var contentHash: UInt64?
        if let failed = forEachRecord(file, &contentHash, { records.append($0) }) { return [failed] }
        return records
    }

    /// The real pipeline: `ArticleLoader` then `ArticleExtractor`, with the noise phrases and
    /// the rules of the config folder; each article is extracted as soon as it is read.
    static func standard(config: ChronicleConfig) throws -> Extraction {
        let rules = try ExtractionRules.load(configDirectory: config.configDirectory, unitsFile: config.unitsFile)
        let extractor = ArticleExtractor(rules: rules)
        let loader = ArticleLoader(noise: try NoisePhrases.load(configDirectory: config.configDirectory))
        // Both the loader and the extractor decide what a file's records are.
        let version = Self.currentVersion
        return Extraction(version: version, configFingerprint: ConfigFingerprint.compute(config: config)) { file, contentHash, body in
            // The articles of a large export are extracted a bounded batch at a time on all
            // cores (a run with one big export would otherwise use one), in order.
            var batch: [Article] = []
            func flush() {
                for record in batch.parallelMap({ extractor.record(for: $0) }) { body(record) }
                batch.removeAll(keepingCapacity: true)
            }
            let failed = loader.load(file, contentHash: &contentHash) { article in
                batch.append(article)
                if batch.count == Self.batchSize { flush() }
            }
            if let failed { return extractor.record(for: failed) }
            flush()
            return nil
        }
    }

    /// Articles of one file extracted together (`parallelMap` splits them on the cores).
    static let batchSize = 512
}
