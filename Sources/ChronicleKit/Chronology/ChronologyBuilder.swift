/// Builds the chronology: keeps events inside the window, merges reports of the same meeting
/// from several articles and sorts them.
///
/// Two reports are one meeting when unit and kind agree and their dates are compatible: equal,
/// one a coarser date that contains the other, or day dates closer than the longest span a
/// meeting of that kind has (a congress reported on its opening day by one paper and on its
/// closing day by another).
struct ChronologyBuilder: Sendable {
    var window: DateWindow

    init(window: DateWindow) {
        self.window = window
    }

    func build(_ records: [ArticleRecord]) -> Chronology {
        build(from: records)
    }

    /// The chronology of `records` with ids given as on a first run (`EventIdentity` without
    /// memory): each event's date, unit and kind, made unique.
    func build<Input: ChronologyInput>(from records: Input) -> Chronology {
        var grouping = group(from: records)
        EventIdentity(memory: EventIDMemory()).assign(grouping, proposed: { _ in nil }).apply(to: &grouping)
        return grouping.chronology
    }

    /// Groups the reports of `records` into events: copies of one article first (`ArticleCopies`:
    /// the same URL or text, the same event of it, whatever date each copy resolved), then
    /// reports of the same meeting (`sameMeeting`). Events outside the window are grouped too,
    /// so that `outsideWindow` counts meetings, not reports. Reports in `pinned` (corrected
    /// ones) give the merged event its values before any other.
    ///
    /// Each record is decoded twice at most: once to group its reports (only unit, kind, date
    /// and cited documents are kept of them) and once when its group is merged, so the input
    /// can keep its records in stored form.
    func group<Input: ChronologyInput>(from records: Input, pinned: Set<ReportPosition> = []) -> ChronologyGrouping {
        merge(GroupingState.grouping(of: records, window: window), records, pinned: pinned)
    }

    /// The events of the groups `state` holds, `state` extended with every record of `records`.
    /// `keep` is given the state before it is let go (a large archive's grouping holds several
    /// values per report, which the merges do not need).
    func merge<Input: ChronologyInput>(
        _ state: consuming GroupingState, _ records: Input, pinned: Set<ReportPosition> = [], keep: (GroupingState) -> Void = { _ in }
    ) -> ChronologyGrouping {
        precondition(state.recordCount == records.recordCount, "the state groups every record of the input")
        keep(state)
        var lists = state.groups(pinned: pinned)
        let outside = state.groupCount(list: 2), copies = state.copies
        _ = consume state
        let datedGroups = lists[0], undatedGroups = lists[1]
        lists = []
        var (events, members, keys) = Self.merged(datedGroups, records, undated: false)
        var (undated, undatedMembers, undatedKeys) = Self.merged(undatedGroups, records, undated: true)
        let dated = Self.sorted(events), undatedOrder = Self.sorted(undated)
        events.reorder(dated)
        undated.reorder(undatedOrder)
        var grouping = ChronologyGrouping(
            chronology: Chronology(window: window, events: consume events, undated: consume undated, outsideWindow: outside),
            members: dated.map { members[$0] }, undatedMembers: undatedOrder.map { undatedMembers[$0] }, copies: copies)
        if !keys.isEmpty || !undatedKeys.isEmpty {
            // Moved, not copied: a large archive holds a key per event.
            keys.permute(dated)
            undatedKeys.permute(undatedOrder)
            grouping.mergeKeys = consume keys
            grouping.undatedMergeKeys = consume undatedKeys
        }
        return grouping
    }

    /// Records decoded at a time for grouping (`GroupingState.extend`).
    static let groupingBatch = 4096

    /// One report: an event of one record, by position in the input, with what grouping needs
    /// (a large archive's grouping holds one per report: numbers, no strings).
    struct Report: Equatable {
        var position: ReportPosition
        var date: PackedDate
        /// The number of the documents key of an undated report (`GroupingState.documents`), -1
        /// for none.
        var documents: Int32
        /// A corrected report: its values come first when its group is merged.
        var pinned = false
        /// A copy of another report of the group (the same article elsewhere): its values come last.
        var copy = false

        var record: Int32 { position.record }
        var event: Int32 { position.event }
    }

    /// A (unit id, kind) pair: the reports that may merge. The unit id is numbered
    /// (`GroupingState.units`): equal numbers, equal ids.
    struct BucketKey: Hashable, Sendable {
        var unit: Int32
        var kind: EventKind
    }

    /// One merged event per group, in the order given, with the positions of the reports merged
    /// into each. The list extends the last run's `undated` or dated one when the input has it:
    /// an event taken whole is taken as it is stored.
    static func merged<Input: ChronologyInput>(
        _ groups: [[Report]], _ records: Input, undated: Bool
    ) -> (EventList, [[ReportPosition]], [MergeKeys]) {
        let earlier = records.keepsDigests ? records.earlierList(undated: undated) : nil
        var result = earlier.map(EventList.init(extending:)) ?? EventList()
        var members: [[ReportPosition]] = []
        result.reserveCapacity(groups.count)
        members.reserveCapacity(groups.count)
        // Events are merged on another core while this one encodes them into the list.
        let input = SharedInput(records: records)
        guard records.keepsDigests else {
            OrderedHandoff.run(count: groups.count, make: { ChronologyBuilder.merge(groups[$0], input.records) }) { index, event in
                result.append(event)
                members.append(groups[index].map(\.position))
            }
            result.seal()
            return (result, members, [])
        }
        // With digests, the plans of a batch of groups first, so the records they read are
        // fetched at once; a batch at a time, so that what is held does not grow with the archive.
        var keys: [MergeKeys] = []
        keys.reserveCapacity(groups.count)
        var start = 0
        while start < groups.count {
            let batch = Array(groups[start..<min(groups.count, start + mergeBatch)])
            records.prepare(batch)
            let plans = Self.plans(batch, records)
            records.prefetch(plans.flatMap(\.reads))
            OrderedHandoff.run(
                count: plans.count,
                make: { index -> MergedEvent in
                    let plan = plans[index]
                    if earlier != nil, let place = plan.storedPlace(input.records, undated: undated) { return .stored(place) }
                    return .merged(plan.merged(input.records))
                }
            ) { index, event in
                event.add(to: &result, from: earlier)
                members.append(batch[index].map(\.position))
                keys.append(plans[index].keys)
            }
            records.releaseFetched()
            start += batch.count
        }
        result.seal()
        return (result, members, keys)
    }

    /// A merged event, or the place of an earlier one taken as it is stored (`merged`).
    private enum MergedEvent {
        case merged(ChronologyEvent)
        case stored(Int)

        /// Appends the event to `list`; a stored one as it is stored when `list` extends
        /// `earlier`, else decoded (as merging it would give it: the corrected flag cleared).
        func add(to list: inout EventList, from earlier: EventList?) {
            switch self {
            case .merged(let event): list.append(event)
            case .stored(let place):
                guard let earlier else { preconditionFailure("an event stored in no earlier list") }
                if list.append(place, of: earlier) { return }
                var event = earlier[place]
                event.corrected = false
                list.append(event)
            }
        }
    }

    /// Groups merged in one batch (`merged`).
    static let mergeBatch = 4096

    /// The merge plans of a batch of groups, made on all cores: a plan only reads the input
    /// (ranking views, digests, plan keys), which an input that keeps digests
    /// (`SummaryArchive`, `KeptArchive`) allows from several threads at once.
    static func plans<Input: ChronologyInput>(_ batch: [[Report]], _ records: Input) -> [MergePlan] {
        let plan = PlanMaker { MergePlan(batch[$0], records) }
        return Array(batch.indices).parallelMap(chunk: 16) { plan.make($0) }
    }

    /// The input read by the thread that merges events (`OrderedHandoff`): only that thread
    /// reads records while the events are merged (reading may pool their strings).
    private struct SharedInput<Input>: @unchecked Sendable {
        let records: Input
    }

    /// Makes the plan of a group of the batch: what the threads share, which they only read.
    private struct PlanMaker: @unchecked Sendable {
        let make: (Int) -> MergePlan
    }

    /// Whether two reports describe the same meeting.
    static func sameMeeting(_ a: Event, _ b: Event) -> Bool {
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

    /// `sameMeeting` for two dated reports of one unit and kind, with their day numbers.
    static func sameMeeting(_ x: PartialDate, _ xDay: Int, _ y: PartialDate, _ yDay: Int, span: Int) -> Bool {
        if x.day != nil && y.day != nil { return abs(xDay - yDay) < span }
        return contains(x, y) || contains(y, x)
    }

    /// Whether `outer` (of any precision) covers the date `inner`.
    private static func contains(_ outer: PartialDate, _ inner: PartialDate) -> Bool {
        guard outer.precision >= inner.precision, outer.year == inner.year else { return false }
        if let month = outer.month, month != inner.month { return false }
        if let day = outer.day, day != inner.day { return false }
        return true
    }

    /// One event from several reports: a corrected report's values first, else the most precise
    /// (earliest) date of a report that is not a copy, and fields the chosen report lacks taken
    /// from the others.
    static func merge<Input: ChronologyInput>(_ reports: [Report], _ records: Input) -> ChronologyEvent {
        if reports.count == 1 {
            let record = records.record(Int(reports[0].record))
            let event = record.events[Int(reports[0].event)]
            return ChronologyEvent(id: ChronologyEvent.id(for: event), event: event, sources: [source(record)])
        }
        // Each record of the group decoded once.
        var decoded: [Int32: ArticleRecord] = [:]
        for report in reports where decoded[report.record] == nil { decoded[report.record] = records.record(Int(report.record)) }
        func record(_ report: Report) -> ArticleRecord { decoded[report.record]! }
        func eventOf(_ report: Report) -> Event { record(report).events[Int(report.event)] }
        let ranked = reports.sorted {
            ranksBefore($0, eventOf($0).date.value, source(record($0)), $1, eventOf($1).date.value, source(record($1)))
        }
        var event = eventOf(ranked[0])
        for report in ranked.dropFirst() { fill(&event, from: eventOf(report)) }
        return ChronologyEvent(
            id: ChronologyEvent.id(for: event), event: event, sources: distinctSorted(reports.map { source(record($0)) }))
    }

    /// The sources each once (the first of equal ones kept), sorted: a merged event's sources.
    static func distinctSorted(_ sources: [EventSource]) -> [EventSource] {
        var seen = Set<EventSource>()
        return sources.filter { seen.insert($0).inserted }.sorted()
    }

    /// `distinctSorted(sorted + added)` for two lists that each came from `distinctSorted`: an
    /// event's sources with those of the reports a night adds to it. Each added source is placed
    /// by binary search after the sources it does not precede, so extending an event of hundreds
    /// of sources with a few copies hashes and sorts none of them.
    static func union(_ sorted: [EventSource], _ added: [EventSource]) -> [EventSource] {
        guard !added.isEmpty else { return sorted }
        assert(zip(sorted, sorted.dropFirst()).allSatisfy { !($1 < $0) }, "an event's sources out of order")
        var result: [EventSource] = []
        result.reserveCapacity(sorted.count + added.count)
        var next = 0
        for source in added {
            var low = next, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if source < sorted[middle] { high = middle } else { low = middle + 1 }
            }
            result.append(contentsOf: sorted[next..<low])
            next = low
            // Only the sources that rank equal to it (same path and address) can be the same one.
            var place = result.count - 1, seen = false
            while place >= 0, !(result[place] < source) {
                if result[place] == source {
                    seen = true
                    break
                }
                place -= 1
            }
            if !seen { result.append(source) }
        }
        result.append(contentsOf: sorted[next...])
        return result
    }

    /// What a merged event shows of a report's article.
    static func source(_ record: ArticleRecord) -> EventSource { EventSource(record) }

    /// Whether report `a` gives a merged event its values before `b`: a corrected report first,
    /// then one that is not a copy, then the more precise date, the earlier date, the source.
    static func ranksBefore(
        _ a: Report, _ aDate: PartialDate?, _ aSource: @autoclosure () -> EventSource, _ b: Report, _ bDate: PartialDate?,
        _ bSource: @autoclosure () -> EventSource
    ) -> Bool {
        if a.pinned != b.pinned { return a.pinned }
        if a.copy != b.copy { return b.copy }
        let lp = aDate?.precision ?? .year, rp = bDate?.precision ?? .year
        if lp != rp { return lp < rp }
        if let aDate, let bDate, aDate != bDate { return aDate < bDate }
        return aSource() < bSource()
    }

    /// Takes into `event` what it lacks of `other`: chair, organizer and period when it has
    /// none, and the documents, people and credits it does not name. Taking the same report's
    /// values twice changes nothing, which `MergePlan` relies on.
    static func fill(_ event: inout Event, from other: Event) {
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

    /// The order of events by date (first day, then precision), unit name in Vietnamese order,
    /// kind, id: positions into `items`.
    ///
    /// The keys are computed once per event (the collation key once per unit name) rather than
    /// in the comparator, which runs some n·log n times; the sort is stable, as before.
    static func sorted(_ items: EventList) -> [Int] {
        guard items.count > 1 else { return Array(0..<items.count) }
        // Fields read in place (`heads[i].unit.name`): a head bound whole is a copy of its strings.
        let heads = items.heads
        var names: [String: Int] = [:]
        for i in heads.indices where names[heads[i].unit.name] == nil { names[heads[i].unit.name] = 0 }
        let ranked = names.keys.map { (VietnameseCollation.key($0), $0) }.sorted { $0.0 < $1.0 }
        for (rank, pair) in ranked.enumerated() { names[pair.1] = rank }
        var kindRank: [EventKind: Int] = [:]
        for (rank, kind) in EventKind.allCases.enumerated() { kindRank[kind] = rank }
        let keys = heads.indices.map { i -> SortKey in
            let date = heads[i].date
            let precision = date?.precision ?? .year
            return SortKey(
                day: date?.dayNumber ?? Int.max, precision: precision == .day ? 0 : precision == .month ? 1 : 2,
                unit: names[heads[i].unit.name]!, kind: kindRank[heads[i].kind]!)
        }
        var order = Array(heads.indices)
        order.sort { a, b in
            let x = keys[a], y = keys[b]
            if x.day != y.day { return x.day < y.day }
            if x.precision != y.precision { return x.precision < y.precision }
            if x.unit != y.unit { return x.unit < y.unit }
            if x.kind != y.kind { return x.kind < y.kind }
            return heads[a].id < heads[b].id
        }
        return order
    }

    private struct SortKey {
        var day: Int
        var precision: Int
        var unit: Int
        var kind: Int
    }
}
