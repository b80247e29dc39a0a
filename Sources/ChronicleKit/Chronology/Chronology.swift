/// The events of a window in date order, with what was left out and why.
public struct Chronology: Sendable {
    var window: DateWindow
    /// Events dated inside the window, sorted by date, then unit, then kind.
    var events: EventList
    /// Events whose date could not be resolved even to a year.
    var undated: EventList
    /// How many dated events fell outside the window.
    var outsideWindow: Int

    init(window: DateWindow, events: EventList, undated: EventList = [], outsideWindow: Int = 0) {
        self.window = window
        self.events = events
        self.undated = undated
        self.outsideWindow = outsideWindow
    }

    init(window: DateWindow, events: [ChronologyEvent], undated: [ChronologyEvent] = [], outsideWindow: Int = 0) {
        self.init(window: window, events: EventList(events), undated: EventList(undated), outsideWindow: outsideWindow)
    }

    /// Years of the window that have events, ascending.
    var years: [Int] {
        Array(Set(events.heads.compactMap { $0.date?.year })).sorted()
    }

    /// Units that have events, in Vietnamese alphabetical order of their names, each once.
    var units: [UnitReference] {
        var seen: [String: UnitReference] = [:]
        for head in events.heads where seen[head.unit.id] == nil { seen[head.unit.id] = head.unit }
        return seen.values
            .map { (VietnameseCollation.key($0.name), $0) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.id < $1.1.id }
            .map(\.1)
    }
}
