/// What Chronicle understood of one article: the line `chronicle extract --format jsonl` prints.
public struct ArticleRecord: Sendable, Hashable {
    public var source: String
    public var url: String?
    public var title: String?
    public var status: ArticleStatus
    public var error: String?
    public var referenceDate: ReferenceDate?
    public var events: [Event]

    public init(
        source: String, url: String?, title: String? = nil, status: ArticleStatus, error: String?,
        referenceDate: ReferenceDate?, events: [Event]
    ) {
        self.source = source
        self.url = url
        self.title = title
        self.status = status
        self.error = error
        self.referenceDate = referenceDate
        self.events = events
    }

    public init(article: Article, events: [Event]) {
        self.init(
            source: article.source, url: article.url, title: article.title, status: article.status,
            error: article.error, referenceDate: article.referenceDate, events: events)
    }
}
