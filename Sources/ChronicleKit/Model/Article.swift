/// Whether an input article could be read.
public enum ArticleStatus: String, Sendable, Codable {
    case ok, empty, unreadable, unsupported
}

/// The date an article was published (or datelined), against which day-and-month dates are resolved.
public struct ReferenceDate: Sendable, Hashable, Codable {
    public var value: PartialDate
    /// Where it came from: `html-meta`, `html-time`, `published` (crawler export or gold file),
    /// or `dateline` (a date line in the text).
    public var basis: String

    public init(value: PartialDate, basis: String) {
        self.value = value
        self.basis = basis
    }
}

/// One article after ingest: clean NFC text plus what the page said about itself.
public struct Article: Sendable, Hashable {
    /// File path, or `path:line` for a line of a JSON Lines export.
    public var source: String
    public var url: String?
    public var title: String?
    public var referenceDate: ReferenceDate?
    /// Body text in NFC with scraping noise removed; paragraphs separated by newlines.
    public var text: String
    public var status: ArticleStatus
    /// Why the article could not be used, written for the user; nil when `status` is `ok`.
    public var error: String?

    public init(
        source: String, url: String? = nil, title: String? = nil, referenceDate: ReferenceDate? = nil,
        text: String, status: ArticleStatus = .ok, error: String? = nil
    ) {
        self.source = source
        self.url = url
        self.title = title
        self.referenceDate = referenceDate
        self.text = text
        self.status = status
        self.error = error
    }

    /// An article that could not be read, with the reason.
    public static func failed(source: String, status: ArticleStatus, reason: String) -> Article {
        Article(source: source, text: "", status: status, error: reason)
    }
}
