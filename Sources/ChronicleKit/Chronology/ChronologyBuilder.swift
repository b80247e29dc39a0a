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
        // (unit, kind) bucket, and inside a bucket only among the groups that could match (see
        // `Bucket`): linear in the number of reports, not quadratic.
        var groups: [String: Bucket] = [:]
        var undatedGroups: [String: Bucket] = [:]
        var outside = 0
        // Inputs arrive in path order; grouping in that order keeps the result deterministic.
        for record in records where record.status == .ok {
            let source = EventSource(source: record.source, url: record.url, title: record.title)
            for event in record.events {
                let key = event.unit.id + "|" + event.kind.rawValue
                guard let date = event.date.value else {
                    undatedGroups[key, default: Bucket()].add((event, source))
                    continue
                }
                guard window.contains(date) else {
                    outside += 1
                    continue
                }
                groups[key, default: Bucket()].add((event, source))
            }
        }
        let events = groups.values.lazy.flatMap(\.groups).map(Self.merge).sorted(by: Self.order)
        let undated = undatedGroups.values.lazy.flatMap(\.groups).map(Self.merge).sorted(by: Self.order)
        return Chronology(window: window, events: events, undated: undated, outsideWindow: outside)
    }

    /// The groups of one (unit, kind), in the order they were started, indexed so that a new
    /// report is compared only with groups it could merge with: for a dated report, groups
    /// holding a report of the same or a neighbouring year (a meeting spans at most a few days;
    /// other matches need the same year); for an undated one, groups holding a report citing
    /// the same documents (undated reports without documents merge with nothing). The first
    /// matching group in start order wins, as a scan over all groups would give.
    struct Bucket {
        var groups: [[(Event, EventSource)]] = []
        private var byYear: [Int: [Int]] = [:]
        private var byDocuments: [String: [Int]] = [:]

        mutating func add(_ item: (Event, EventSource)) {
            let event = item.0
            if let date = event.date.value {
                var candidates: [Int] = []
                for year in (date.year - 1)...(date.year + 1) { candidates += byYear[year] ?? [] }
                if let index = firstMatch(Set(candidates).sorted(), item) {
                    groups[index].append(item)
                    if !(byYear[date.year] ?? []).contains(index) { byYear[date.year, default: []].append(index) }
                    return
                }
                byYear[date.year, default: []].append(groups.count)
                groups.append([item])
                return
            }
            guard !event.documents.isEmpty else {
                groups.append([item])
                return
            }
            let key = Set(event.documents.map(\.code)).sorted().joined(separator: "\u{0}")
            if let index = firstMatch(byDocuments[key] ?? [], item) {
                groups[index].append(item)
                return
            }
            byDocuments[key, default: []].append(groups.count)
            groups.append([item])
        }

        private func firstMatch(_ candidates: [Int], _ item: (Event, EventSource)) -> Int? {
            candidates.first { index in groups[index].contains { ChronologyBuilder.sameMeeting($0.0, item.0) } }
        }
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
