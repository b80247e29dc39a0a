import Foundation
@testable import ChronicleKit

/// Rules and noise phrases loaded once from the repository's config folder for the tests.
enum ExtractTestSupport {
    static let root = TestPaths.root
    static let rules: ExtractionRules = {
        let config = root.appendingPathComponent("config")
        return try! ExtractionRules.load(configDirectory: config, unitsFile: config.appendingPathComponent("units.yml"))
    }()
    static let extractor = ArticleExtractor(rules: rules)
    /// The noise phrases of the repository's config folder, and a loader reading with them as a run does.
    static let noise = try! NoisePhrases.load(configDirectory: root.appendingPathComponent("config"))
    static let loader = ArticleLoader(noise: noise)

    static func article(_ text: String, published: String? = nil) -> Article {
        Article(
            source: "test", referenceDate: published.flatMap { PartialDate(iso: $0) }.map { ReferenceDate(value: $0, basis: "published") },
            text: text)
    }

    static func event(_ text: String, published: String? = nil) -> Event? {
        extractor.extract(article(text, published: published)).first
    }

    static func dates(_ text: String) -> [DateMention] {
        DateFinder.find(in: ArticleText(text, rules: rules))
    }
}
