/// Whether an input article could be read.
public enum ArticleStatus: String, Sendable, Codable {
    case ok, empty, unreadable, unsupported
}

/// The date an article was published (or datelined), against which day-and-month dates are resolved.
public struct ReferenceDate: Sendable, Hashable {
    public var value: PartialDate
    /// Where it came from: `html-meta`, `html-time`, `published` (crawler export or gold file),
    /// `dateline` (a date line in the text), or `path` (the archive's folders or file name).
    public var basis: String
    /// What shows it, when the basis alone does not: for `path`, the part of the path that
    /// gave the date (`PathDate.evidence`).
    public var evidence: String?

    public init(value: PartialDate, basis: String, evidence: String? = nil) {
        self.value = value
        self.basis = basis
        self.evidence = evidence
    }
}

/// One article after ingest: clean NFC text plus what the page said about itself.
public struct Article: Sendable, Hashable {
    /// File path, or `path:line` for a line of a JSON Lines export.
    public var source: String
    public var url: String?
    public var title: String?
    public var referenceDate: ReferenceDate?
    /// The date the file's path gives (basis `path`, see `PathDate`): the reference date only
    /// when neither the page nor a dateline in the text gives one.
    public var pathDate: ReferenceDate?
    /// Body text in NFC with scraping noise removed; paragraphs separated by newlines.
    public var text: String
    public var status: ArticleStatus
    /// Why the article could not be used, written for the user; nil when `status` is `ok`.
    public var error: String?

    public init(
        source: String, url: String? = nil, title: String? = nil, referenceDate: ReferenceDate? = nil,
        pathDate: ReferenceDate? = nil, text: String, status: ArticleStatus = .ok, error: String? = nil
    ) {
        self.source = source
        self.url = url
        self.title = title
        self.referenceDate = referenceDate
        self.pathDate = pathDate
        self.text = text
        self.status = status
        self.error = error
    }

    /// An article that could not be read, with the reason.
    public static func failed(source: String, status: ArticleStatus, reason: String) -> Article {
        Article(source: source, text: "", status: status, error: reason)
    }
}
