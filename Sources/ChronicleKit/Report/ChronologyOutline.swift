/// What the `chronology.md` index page and the timeline show of a chronology: each dated event
/// cut down to its id, date, unit, kind and title (`EventListing`), and the undated events whole.
/// It has no chair, people, documents or sources to give: a report that shows them needs the
/// `Chronology` itself.
public struct ChronologyOutline: Sendable {
    public let window: DateWindow
    /// How many dated events fell outside the window.
    public let outsideWindow: Int
    /// The dated events as cut down (`ReportOutline.cut`); read only through `listing(_:)`.
    private let dated: EventList
    /// Events whose date could not be resolved even to a year, whole.
    let undated: EventList

    /// - Parameter cutDown: a chronology whose dated events hold only what an `EventListing` does.
    init(cutDown chronology: Chronology) {
        window = chronology.window
        outsideWindow = chronology.outsideWindow
        dated = chronology.events
        undated = chronology.undated
    }

    /// The outline of a whole chronology (tests; runs write it as they go, `ReportOutline.write`).
    public init(_ chronology: Chronology) {
        self.init(
            cutDown: Chronology(
                window: chronology.window, events: EventList(chronology.events.map(ReportOutline.cut)),
                undated: chronology.undated, outsideWindow: chronology.outsideWindow))
    }

    /// What the reports sort and group the dated events on, in date order.
    var datedHeads: [EventList.Head] { dated.heads }

    /// What the index page shows of dated event `index`.
    public func listing(_ index: Int) -> EventListing { EventListing(dated.listing(index)) }
}

/// A dated event as the index page and the timeline list it.
public struct EventListing: Sendable, Equatable {
    public var id: String
    var unit: UnitReference
    var kind: EventKind
    public var title: String
    public var date: PartialDate?
    var partOfDay: PartOfDay?
    public var corrected: Bool

    init(_ item: ChronologyEvent) {
        id = item.id
        unit = item.event.unit
        kind = item.event.kind
        title = item.event.title
        date = item.event.date.value
        partOfDay = item.event.date.partOfDay
        corrected = item.corrected
    }
}

/// What the index page of `chronology.md`, the summary, the report keys and the timeline read of
/// a chronology: the whole `Chronology`, or its `ChronologyOutline`.
protocol ChronologyIndex: Sendable {
    var window: DateWindow { get }
    var outsideWindow: Int { get }
    var datedHeads: [EventList.Head] { get }
    var undated: EventList { get }
    func listing(_ index: Int) -> EventListing
}

extension ChronologyOutline: ChronologyIndex {}

extension Chronology: ChronologyIndex {
    var datedHeads: [EventList.Head] { events.heads }
    func listing(_ index: Int) -> EventListing { EventListing(events.listing(index)) }
}

extension ChronologyIndex {
    /// Ids of every event, dated then undated.
    var eventIDs: [String] { datedHeads.map(\.id) + undated.ids }

    /// Events (dated and undated) flagged as corrected.
    var correctedCount: Int {
        datedHeads.reduce(0) { $0 + ($1.corrected ? 1 : 0) } + undated.heads.reduce(0) { $0 + ($1.corrected ? 1 : 0) }
    }
}
