import Foundation

/// `config/ingest/noise.yml`: the words of the scraping noise of Vietnamese press pages that
/// `NoiseFilter` drops, and how the site names that end a page's `<title>` read
/// (`HTMLArticleParser`). Word knowledge is data: it lives in the config folder, and its
/// fingerprint decides, with the rest of the folder, when stored records are extracted again.
public struct NoisePhrases: Sendable {
    /// Words of share, print and social widgets; a short line made only of them is dropped.
    var widgetPhrases: [String]
    /// Labels of a comment form; the trailing block starting at one of them is dropped.
    var commentLabels: [String]
    /// Headings of a related-news list; dropped with the headline-like lines after them.
    var relatedHeadings: [String]
    /// How the site name after a `<title>`'s last separator starts ("báo ", "tạp chí ").
    var siteNamePrefixes: [String]
    /// How it ends (" online").
    var siteNameSuffixes: [String]

    /// The file's place under a config folder.
    static let relativePath = "ingest/noise.yml"

    /// Reads `ingest/noise.yml` under the config folder.
    public static func load(configDirectory: URL) throws -> NoisePhrases {
        try load(configDirectory.appendingPathComponent(relativePath))
    }

    /// Reads and checks the file; every phrase is lowercased and NFC, as the lines it is
    /// compared with are.
    static func load(_ url: URL) throws -> NoisePhrases {
        let document = try YAMLDocument.load(url)
        try document.rejectUnknownKeys(["widget_phrases", "comment_labels", "related_headings", "site_names"])
        let widgetPhrases = try phrases(document, "widget_phrases", expected: "a list of widget phrases")
        let commentLabels = try phrases(document, "comment_labels", expected: "a list of comment-form labels")
        let relatedHeadings = try phrases(document, "related_headings", expected: "a list of related-news headings")
        guard let siteNames = try document.mapping("site_names") else {
            throw ConfigError.missingKey(path: document.path, key: "site_names", expected: "a mapping with 'prefixes' and 'suffixes'")
        }
        try siteNames.rejectUnknownKeys(["prefixes", "suffixes"])
        return NoisePhrases(
            widgetPhrases: widgetPhrases, commentLabels: commentLabels, relatedHeadings: relatedHeadings,
            siteNamePrefixes: try phrases(siteNames, "prefixes", expected: "a list of how site names start", words: false),
            siteNameSuffixes: try phrases(siteNames, "suffixes", expected: "a list of how site names end", words: false))
    }

    /// A required list of phrases. `words`: whole words with single spaces between them (the
    /// filter splits lines at spaces); otherwise any non-empty text, spaces kept ("báo ").
    private static func phrases(_ document: YAMLDocument, _ key: String, expected: String, words: Bool = true) throws -> [String] {
        guard let list = try document.strings(key) else {
            throw ConfigError.missingKey(path: document.path, key: document.keyPath(key), expected: expected)
        }
        return try list.enumerated().map { index, text in
            let phrase = text.precomposedStringWithCanonicalMapping.lowercased()
            let wellFormed =
                words
                ? !phrase.isEmpty && phrase.split(separator: " ", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty }
                : !phrase.isEmpty
            guard wellFormed else {
                throw ConfigError.wrongValue(
                    path: document.path, key: "\(document.keyPath(key))[\(index)]",
                    expected: words ? "words separated by single spaces" : "a non-empty text", found: "'\(text)'")
            }
            return phrase
        }
    }
}
