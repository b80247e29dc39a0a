import Foundation

/// The vocabularies and gazetteer extraction works from, loaded once per run from `config/`.
public struct ExtractionRules: Sendable {
    public init() {}

    /// Loads the gazetteer and rule tables from the config folder.
    public static func load(configDirectory: URL, unitsFile: URL) throws -> ExtractionRules {
        // TEMPORARY (extraction work in progress).
        ExtractionRules()
    }
}

/// Reads the conference(s) an article reports.
public struct ArticleExtractor: Sendable {
    /// Changes whenever extraction can give a different result for the same input; stored records
    /// made by another version are extracted again.
    public static let version = "0.1.0"

    public let rules: ExtractionRules

    public init(rules: ExtractionRules) {
        self.rules = rules
    }

    public func extract(_ article: Article) -> [Event] {
        // TEMPORARY (extraction work in progress).
        []
    }

    public func record(for article: Article) -> ArticleRecord {
        ArticleRecord(article: article, events: article.status == .ok ? extract(article) : [])
    }
}
