/// What grouping reads of one record (`ChronologyBuilder.group`): whether its article was read,
/// what makes it a copy of another (its address, its text), what identifies its reports across
/// runs, and each event's unit, kind, date and, undated, the documents it cites.
///
/// Made on all cores (`ChronologyInput.groupingViews`), so that the pass that groups the
/// records in order, on one core, only looks values up: normalizing an address, hashing a
/// path and keying an undated event's documents are done before it.
struct GroupingView: Sendable, Equatable {
    /// Whether the article was read (`ArticleStatus.ok`): only those are grouped.
    var isRead: Bool
    /// The record's address as copies are matched on (`ArticleFingerprint.url`), hashed
    /// (`urlKey(_:)`): a kept grouping keeps one per record.
    var urlKey: Hash128.Digest?
    var textKey: UInt64?
    var identity: ArticleIdentity
    var reports: [Report]

    /// One event as grouping reads it.
    struct Report: Sendable, Equatable {
        var unitID: String
        var kind: EventKind
        var date: PackedDate
        /// `ChronologyBuilder.documentsKey` of an undated event; nil for a dated one.
        var documentsKey: String?

        init(unitID: String, kind: EventKind, date: PartialDate?, documents: [String]) {
            self.unitID = unitID
            self.kind = kind
            self.date = PackedDate(date)
            documentsKey = date == nil ? Self.documentsKey(documents) : nil
        }

        init(_ event: Event) {
            self.init(unitID: event.unit.id, kind: event.kind, date: event.date.value, documents: event.documents.map(\.code))
        }

        /// The documents an undated report cites, as one key (undated reports merge only when
        /// they cite the same set); nil when it cites none.
        static func documentsKey(_ codes: [String]) -> String? {
            codes.isEmpty ? nil : Set(codes).sorted().joined(separator: "\u{0}")
        }
    }

    init(isRead: Bool, source: String, url: String?, textKey: UInt64?, reports: [Report]) {
        self.isRead = isRead
        let normalizedURL = url.flatMap(ArticleFingerprint.url)
        urlKey = normalizedURL.map(Self.urlKey)
        self.textKey = textKey
        identity = ArticleIdentity(source: source, normalizedURL: normalizedURL, textKey: textKey)
        self.reports = reports
    }

    /// The key copies are matched on of an address normalized by `ArticleFingerprint.url`.
    static func urlKey(_ normalizedURL: String) -> Hash128.Digest {
        var hash = Hash128("article-url")
        hash.add(normalizedURL)
        return hash.digest
    }

    /// The view of a record's fields as the store holds them (`Reader.groupingFields`).
    init(_ fields: GroupingFields) {
        self.init(
            isRead: fields.status == .ok, source: fields.source, url: fields.url, textKey: fields.textKey,
            reports: fields.reports.map { Report(unitID: $0.unitID, kind: $0.kind, date: $0.date, documents: $0.documents) })
    }

    init(_ record: ArticleRecord) {
        self.init(
            isRead: record.status == .ok, source: record.source, url: record.url, textKey: record.textKey,
            reports: record.events.map(Report.init))
    }
}
