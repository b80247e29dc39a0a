/// What Chronicle understood of one article: the line `chronicle extract --format jsonl` prints.
public struct ArticleRecord: Sendable, Hashable {
    var source: String
    var url: String?
    var title: String?
    var status: ArticleStatus
    var error: String?
    var referenceDate: ReferenceDate?
    var events: [Event]
    /// The key of the article's text (`ArticleFingerprint.text`): records of copies of one
    /// article (another path, an export's line) share it. Not part of the record contract.
    var textKey: UInt64?
    /// What was read but could not be used, written for the user (an `IngestWarning`): the run
    /// reports each as a warning with the record's source, on every run the record is used.
    var warnings: [String] = []

    init(
        source: String, url: String?, title: String? = nil, status: ArticleStatus, error: String?,
        referenceDate: ReferenceDate?, events: [Event], textKey: UInt64? = nil, warnings: [String] = []
    ) {
        self.source = source
        self.url = url
        self.title = title
        self.status = status
        self.error = error
        self.referenceDate = referenceDate
        self.events = events
        self.textKey = textKey
        self.warnings = warnings
    }

    init(article: Article, events: [Event]) {
        self.init(
            source: article.source, url: article.url, title: article.title, status: article.status,
            error: article.error, referenceDate: article.referenceDate, events: events, textKey: article.textKey)
    }
}
