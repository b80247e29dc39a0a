/// Builds the chronology: keeps events inside the window, merges reports of the same meeting
/// from several articles and sorts them.
///
/// Two reports are one meeting when unit and kind agree and their dates are compatible: equal,
/// one a coarser date that contains the other, or day dates closer than the longest span a
/// meeting of that kind has (a congress reported on its opening day by one paper and on its
/// closing day by another).
public struct ChronologyBuilder: Sendable {
    public var window: DateWindow

    public init(window: DateWindow) {
        self.window = window
    }

    public func build(_ records: [ArticleRecord]) -> Chronology {
        // Only reports of the same unit and kind can merge, so candidates are looked up per
        // (unit, kind) bucket: linear in the number of reports, not quadratic.
        var groups: [String: [[(Event, EventSource)]]] = [:]
        var undatedGroups: [String: [[(Event, EventSource)]]] = [:]
        var outside = 0
        // Inputs arrive in path order; grouping in that order keeps the result deterministic.
        for record in records where record.status == .ok {
            let source = EventSource(source: record.source, url: record.url, title: record.title)
            for event in record.events {
                let key = event.unit.id + "|" + event.kind.rawValue
                guard let date = event.date.value else {
                    Self.add((event, source), to: &undatedGroups[key, default: []])
                    continue
                }
                guard window.contains(date) else {
                    outside += 1
                    continue
                }
                Self.add((event, source), to: &groups[key, default: []])
            }
        }
        let events = groups.values.joined().map(Self.merge).sorted(by: Self.order)
        let undated = undatedGroups.values.joined().map(Self.merge).sorted(by: Self.order)
        return Chronology(window: window, events: events, undated: undated, outsideWindow: outside)
    }

    private static func add(_ item: (Event, EventSource), to groups: inout [[(Event, EventSource)]]) {
        for index in groups.indices where groups[index].contains(where: { sameMeeting($0.0, item.0) }) {
            groups[index].append(item)
            return
        }
        groups.append([item])
    }

    /// Whether two reports describe the same meeting.
    public static func sameMeeting(_ a: Event, _ b: Event) -> Bool {
        guard a.unit.id == b.unit.id, a.kind == b.kind else { return false }
        switch (a.date.value, b.date.value) {
        case (nil, nil):
            // Undated reports of the same unit and kind merge only when they cite the same documents.
            return !a.documents.isEmpty && Set(a.documents.map(\.code)) == Set(b.documents.map(\.code))
        case (nil, _), (_, nil):
            return false
        case let (x?, y?):
            if x.precision == .day && y.precision == .day {
                return abs(x.dayNumber - y.dayNumber) < a.kind.maximumSpanDays
            }
            return contains(x, y) || contains(y, x)
        }
    }

    /// Whether `outer` (of any precision) covers the date `inner`.
    private static func contains(_ outer: PartialDate, _ inner: PartialDate) -> Bool {
        guard outer.precision >= inner.precision, outer.year == inner.year else { return false }
        if let month = outer.month, month != inner.month { return false }
        if let day = outer.day, day != inner.day { return false }
        return true
    }

    /// One event from several reports: the most precise (earliest) date, and fields the chosen
    /// report lacks taken from the others.
    private static func merge(_ items: [(Event, EventSource)]) -> ChronologyEvent {
        let ranked = items.sorted { lhs, rhs in
            let l = lhs.0.date.value, r = rhs.0.date.value
            let lp = l?.precision ?? .year, rp = r?.precision ?? .year
            if lp != rp { return lp < rp }
            if let l, let r, l != r { return l < r }
            return lhs.1 < rhs.1
        }
        var event = ranked[0].0
        for (other, _) in ranked.dropFirst() {
            if event.chair == nil { event.chair = other.chair }
            if event.organizer == nil { event.organizer = other.organizer }
            if event.period == nil { event.period = other.period }
            for document in other.documents where !event.documents.contains(where: { $0.code == document.code }) {
                event.documents.append(document)
            }
            for person in other.people where !event.people.contains(where: { $0.name == person.name }) {
                event.people.append(person)
            }
            for credit in other.credits where !event.credits.contains(credit) {
                event.credits.append(credit)
            }
        }
        var sources: [EventSource] = []
        for (_, source) in items where !sources.contains(source) { sources.append(source) }
        return ChronologyEvent(id: ChronologyEvent.id(for: event), event: event, sources: sources.sorted())
    }

    private static func order(_ a: ChronologyEvent, _ b: ChronologyEvent) -> Bool {
        let x = a.event, y = b.event
        let xd = x.date.value?.dayNumber ?? Int.max, yd = y.date.value?.dayNumber ?? Int.max
        if xd != yd { return xd < yd }
        let xp = x.date.value?.precision ?? .year, yp = y.date.value?.precision ?? .year
        if xp != yp { return xp < yp }
        if x.unit.name != y.unit.name { return VietnameseCollation.precedes(x.unit.name, y.unit.name) }
        if x.kind != y.kind { return x.kind < y.kind }
        return a.id < b.id
    }
}
