import Foundation

/// How a run turns one article file into records, with what identifies the result: the
/// loader's and extractor's versions and the fingerprint of the rules it read. Stored records
/// made under another version or fingerprint are extracted again.
public struct Extraction: Sendable {
    var version: String
    var configFingerprint: String
    /// Reads and extracts one file; must not throw and must be safe to call concurrently.
    var records: @Sendable (InputFile) -> [ArticleRecord]

    /// The versions stored with each article's records: a change makes the next run extract it again.
    public static let currentVersion = ArticleExtractor.version + "+ingest." + ArticleLoader.version

    init(version: String, configFingerprint: String, records: @escaping @Sendable (InputFile) -> [ArticleRecord]) {
        self.version = version
        self.configFingerprint = configFingerprint
        self.records = records
    }

    /// The real pipeline: `ArticleLoader` then `ArticleExtractor`, with the noise phrases and
    /// the rules of the config folder.
    static func standard(config: ChronicleConfig) throws -> Extraction {
        let rules = try ExtractionRules.load(configDirectory: config.configDirectory, unitsFile: config.unitsFile)
        let extractor = ArticleExtractor(rules: rules)
        let loader = ArticleLoader(noise: try NoisePhrases.load(configDirectory: config.configDirectory))
        // Both the loader and the extractor decide what a file's records are.
        let version = Self.currentVersion
        return Extraction(version: version, configFingerprint: ConfigFingerprint.compute(config: config)) { file in
            loader.load(file).map { extractor.record(for: $0) }
        }
    }
}
