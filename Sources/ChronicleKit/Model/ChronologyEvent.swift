/// An article that reported an event.
struct EventSource: Sendable, Hashable, Codable, Comparable {
    /// File path, or `path:line` for a JSON Lines export.
    var source: String
    var url: String?
    var title: String?
    /// The article's publication date (its reference date: page metadata, export field,
    /// dateline or path), which the briefing shows beside the outlet.
    var date: PartialDate?

    init(source: String, url: String? = nil, title: String? = nil, date: PartialDate? = nil) {
        self.source = source
        self.url = url
        self.title = title
        self.date = date
    }

    /// The article of `record` as a merged event shows it.
    init(_ record: ArticleRecord) {
        self.init(source: record.source, url: record.url, title: record.title, date: record.referenceDate?.value)
    }

    static func < (lhs: EventSource, rhs: EventSource) -> Bool {
        (lhs.source, lhs.url ?? "") < (rhs.source, rhs.url ?? "")
    }
}

/// One meeting in the chronology: the merged record of every article that reported it.
public struct ChronologyEvent: Sendable, Hashable {
    /// Stable id built from date, unit and kind, e.g. `2022-12-26-quan-doan-1-year-end-review`.
    var id: String
    var event: Event
    /// Every article that reported it, in path order.
    var sources: [EventSource]
    /// Set when an analyst's correction changed or confirmed the event (`config/corrections.yml`).
    var corrected: Bool

    init(id: String, event: Event, sources: [EventSource], corrected: Bool = false) {
        self.id = id
        self.event = event
        self.sources = sources
        self.corrected = corrected
    }

    /// The event cut down to what a listing of it shows (the index page, the timeline, a report
    /// outline): id, unit without its role, kind, title, the date's value, part of day and basis.
    var listing: ChronologyEvent {
        var unit = event.unit
        unit.role = nil
        let date = EventDate(value: event.date.value, partOfDay: event.date.partOfDay, basis: event.date.basis)
        return ChronologyEvent(
            id: id, event: Event(unit: unit, kind: event.kind, title: event.title, date: date), sources: [], corrected: corrected)
    }

    /// The id an event gets in the chronology.
    static func id(for event: Event) -> String { id(date: event.date.value, unitID: event.unit.id, kind: event.kind) }

    /// The id of an event of this date, unit and kind (`id(for:)`).
    static func id(date: PartialDate?, unitID: String, kind: EventKind) -> String {
        "\(date?.description ?? "undated")-\(unitID)-\(kind.rawValue)"
    }
}
