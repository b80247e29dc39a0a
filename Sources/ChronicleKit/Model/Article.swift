/// Whether an input article could be read.
enum ArticleStatus: String, Sendable, Codable {
    case ok, empty, unreadable, unsupported
}

/// The date an article was published (or datelined), against which day-and-month dates are resolved.
struct ReferenceDate: Sendable, Hashable {
    var value: PartialDate
    /// Where it came from: `html-meta`, `html-time`, `published` (crawler export or gold file),
    /// `dateline` (a date line in the text), or `path` (the archive's folders or file name).
    var basis: String
    /// What shows it, when the basis alone does not: for `path`, the part of the path that
    /// gave the date (`PathDate.evidence`).
    var evidence: String?

    init(value: PartialDate, basis: String, evidence: String? = nil) {
        self.value = value
        self.basis = basis
        self.evidence = evidence
    }
}

/// One article after ingest: clean NFC text plus what the page said about itself.
public struct Article: Sendable, Hashable {
    /// File path, or `path:line` for a line of a JSON Lines export.
    var source: String
    var url: String?
    var title: String?
    var referenceDate: ReferenceDate?
    /// The date the file's path gives (basis `path`, see `PathDate`): the reference date only
    /// when neither the page nor a dateline in the text gives one.
    var pathDate: ReferenceDate?
    /// Body text in NFC with scraping noise removed; paragraphs separated by newlines.
    public var text: String {
        get { String(decoding: utf8, as: UTF8.self) }
        set { utf8 = Array(newValue.utf8) }
    }
    /// `text` as the noise filter left it: well-formed UTF-8, kept as bytes because extraction
    /// reads bytes (making a String of them checked every byte again, 4% of extracting an article).
    private(set) var utf8: [UInt8]
    var status: ArticleStatus
    /// Why the article could not be used, written for the user; nil when `status` is `ok`.
    var error: String?
    /// The key of its text (`ArticleFingerprint.text`): copies of one article share it.
    var textKey: UInt64?
    /// A publication date the page or export gave that is not a date, as its field and value
    /// (`published "2022.5"`): the article is read without it, and its record warns of it.
    var unreadableDate: String?

    init(
        source: String, url: String? = nil, title: String? = nil, referenceDate: ReferenceDate? = nil,
        pathDate: ReferenceDate? = nil, text: String, status: ArticleStatus = .ok, error: String? = nil
    ) {
        self.source = source
        self.url = url
        self.title = title
        self.referenceDate = referenceDate
        self.pathDate = pathDate
        self.utf8 = Array(text.utf8)
        self.status = status
        self.error = error
    }

    /// An article of cleaned text bytes (`NoiseFilter.cleanedBytes`), which must be well-formed UTF-8.
    init(source: String, title: String?, utf8: [UInt8]) {
        self.init(source: source, title: title, text: "")
        self.utf8 = utf8
    }

    /// An article that could not be read, with the reason.
    static func failed(source: String, status: ArticleStatus, reason: String) -> Article {
        Article(source: source, text: "", status: status, error: reason)
    }
}
