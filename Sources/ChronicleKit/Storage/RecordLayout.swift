/// The field order of each type in its stored forms (`RecordBinary` blobs, `EventList` bodies,
/// the stored chronology, the report outline), written once: each type's writer beside its
/// reader. Adding, removing or reordering a field here changes every stored form that holds the
/// type: bump `RecordBinary.version` and `BuiltChronology.StoredForm.version` (CONTRIBUTING.md).
extension RecordBinary.Writer {
    mutating func date(_ value: PartialDate) {
        int(value.year)
        optional(value.month) { $0.int($1) }
        optional(value.day) { $0.int($1) }
    }
}

extension RecordBinary.Reader {
    mutating func date() throws -> PartialDate {
        let year = try int()
        let month = try present() ? try int() : nil
        let day = try present() ? try int() : nil
        return PartialDate(year: year, month: month, day: day)
    }
}

// MARK: Person

extension RecordBinary.Writer {
    mutating func person(_ value: Person) {
        string(value.rank)
        string(value.name)
        count(value.positions.count)
        for position in value.positions { string(position) }
        string(value.role.rawValue)
    }
}

extension RecordBinary.Reader {
    mutating func person() throws -> Person {
        let rank = try optionalSharedString()
        let name = try sharedString()
        var positions: [String] = []
        let count = try count()
        positions.reserveCapacity(count)
        for _ in 0..<count { positions.append(try sharedString()) }
        return Person(rank: rank, name: name, positions: positions, role: try raw(PersonRole.self))
    }
}

// MARK: Document

extension RecordBinary.Writer {
    mutating func document(_ value: DocumentReference) {
        string(value.code)
        string(value.type)
        string(value.number)
        string(value.issuer)
        optional(value.date) { $0.date($1) }
    }
}

extension RecordBinary.Reader {
    mutating func document() throws -> DocumentReference {
        DocumentReference(
            code: try sharedString(), type: try sharedString(), number: try optionalSharedString(),
            issuer: try optionalSharedString(), date: try present() ? try date() : nil)
    }
}

// MARK: Event

/// An event's first fields, in their stored order: what `EventList.Head` keeps (unit, kind,
/// date) and the organizer and title between them. Readers of the head (`EventList`) read
/// these and stop; `Reader.event()` reads them and goes on.
struct EventHead {
    /// The unit without its role, which is stored last.
    var unit: UnitReference
    var organizer: String?
    var kind: EventKind
    var title: String
    var date: PartialDate?
}

extension RecordBinary.Writer {
    mutating func event(_ value: Event) {
        // The head (`EventHead`).
        string(value.unit.name)
        string(value.unit.id)
        string(value.unit.mention)
        string(value.organizer)
        string(value.kind.rawValue)
        string(value.title)
        optional(value.date.value) { $0.date($1) }
        // The rest.
        string(value.date.partOfDay?.rawValue)
        string(value.date.basis.rawValue)
        string(value.date.evidence)
        string(value.period)
        optional(value.chair) { $0.person($1) }
        count(value.people.count)
        for person in value.people { self.person(person) }
        count(value.documents.count)
        for document in value.documents { self.document(document) }
        count(value.credits.count)
        for credit in value.credits { string(credit) }
        // Last, so readers of an event's head need not know of it.
        string(value.unit.role)
    }
}

extension RecordBinary.Reader {
    /// The head of an event (`EventHead`); with `skippingText`, the organizer and title are
    /// passed over (nil and empty).
    mutating func eventHead(skippingText: Bool = false) throws -> EventHead {
        try eventHead(skippingOrganizer: skippingText, skippingTitle: skippingText)
    }

    /// The head of an event with the organizer, the title or both passed over (nil and empty).
    mutating func eventHead(skippingOrganizer: Bool, skippingTitle: Bool) throws -> EventHead {
        let unit = UnitReference(name: try sharedString(), id: try sharedString(), mention: try sharedString())
        var organizer: String?
        if try present() {
            if skippingOrganizer { try skipString() } else { organizer = try sharedString() }
        }
        let kind = try raw(EventKind.self)
        var title = ""
        if skippingTitle { try skipString() } else { title = try string() }
        let date = try present() ? try date() : nil
        return EventHead(unit: unit, organizer: organizer, kind: kind, title: title, date: date)
    }

    mutating func event() throws -> Event {
        let head = try eventHead()
        let partOfDay = try present() ? try raw(PartOfDay.self) : nil
        let basis = try raw(DateBasis.self)
        let evidence = try optionalString()
        let period = try optionalSharedString()
        let chair = try present() ? try person() : nil
        var people: [Person] = []
        for _ in 0..<(try count()) { people.append(try person()) }
        var documents: [DocumentReference] = []
        for _ in 0..<(try count()) { documents.append(try document()) }
        var credits: [String] = []
        for _ in 0..<(try count()) { credits.append(try sharedString()) }
        var unit = head.unit
        unit.role = try optionalSharedString()
        return Event(
            unit: unit, organizer: head.organizer, kind: head.kind, title: head.title,
            date: EventDate(value: head.date, partOfDay: partOfDay, basis: basis, evidence: evidence),
            period: period, chair: chair, people: people, documents: documents, credits: credits)
    }
}

// MARK: Record

extension RecordBinary.Writer {
    mutating func record(_ value: ArticleRecord) {
        string(value.source)
        string(value.url)
        string(value.title)
        string(value.status.rawValue)
        string(value.error)
        optional(value.referenceDate) {
            $0.date($1.value)
            $0.string($1.basis)
            $0.string($1.evidence)
        }
        count(value.events.count)
        for event in value.events { self.event(event) }
        optional(value.textKey) { $0.uint64($1) }
        count(value.warnings.count)
        for warning in value.warnings { string(warning) }
    }
}

extension RecordBinary.Reader {
    mutating func record() throws -> ArticleRecord {
        let source = try string()
        let url = try optionalString()
        let title = try optionalString()
        let status = try raw(ArticleStatus.self)
        let error = try optionalString()
        let referenceDate =
            try present()
            ? ReferenceDate(value: try date(), basis: try string(), evidence: try optionalString()) : nil
        var events: [Event] = []
        let count = try count()
        events.reserveCapacity(count)
        for _ in 0..<count { events.append(try event()) }
        let textKey = try present() ? try uint64() : nil
        var warnings: [String] = []
        for _ in 0..<(try self.count()) { warnings.append(try string()) }
        return ArticleRecord(
            source: source, url: url, title: title, status: status, error: error, referenceDate: referenceDate,
            events: events, textKey: textKey, warnings: warnings)
    }
}

// MARK: Grouping view

extension RecordBinary.Reader {
    /// A record as grouping reads it (`ChronologyBuilder.group`): source, URL, status, error,
    /// text key, warnings and, of each event, the unit, kind, date value and cited documents' codes. Every
    /// other field is passed over without being made; the title and date basis are left empty.
    mutating func recordForGrouping() throws -> ArticleRecord {
        let source = try string()
        let url = try optionalString()
        try skipOptionalString()  // title
        let status = try raw(ArticleStatus.self)
        let error = try optionalString()
        if try present() {
            try skipDate()
            try skipString()  // basis
            try skipOptionalString()  // evidence
        }
        var events: [Event] = []
        let count = try count()
        events.reserveCapacity(count)
        for _ in 0..<count { events.append(try eventForGrouping()) }
        let textKey = try present() ? try uint64() : nil
        var warnings: [String] = []
        for _ in 0..<(try self.count()) { warnings.append(try string()) }
        return ArticleRecord(
            source: source, url: url, title: nil, status: status, error: error, referenceDate: nil, events: events, textKey: textKey,
            warnings: warnings)
    }

    /// What ranking in a merge reads of a record (`ChronologyBuilder.MergePlan`): its source as
    /// a merged event shows it and each event's date, the rest passed over. Reads only to the
    /// end of the last event's date.
    mutating func recordForRanking() throws -> RankingView {
        let source = try string()
        let url = try optionalString()
        let title = try optionalString()
        try skipString()  // status
        try skipOptionalString()  // error
        var published: PartialDate?
        if try present() {
            published = try date()
            try skipString()  // basis
            try skipOptionalString()  // evidence
        }
        var dates: [PartialDate?] = []
        let count = try count()
        dates.reserveCapacity(count)
        for index in 0..<count {
            for _ in 0..<3 { try skipString() }  // unit name, id, mention
            try skipOptionalString()  // organizer
            try skipString()  // kind
            try skipString()  // title
            dates.append(try present() ? try date() : nil)
            guard index + 1 < count else { break }
            try skipOptionalString()  // part of day
            try skipString()  // basis
            try skipOptionalString()  // evidence
            try skipOptionalString()  // period
            if try present() { try skipPerson() }
            for _ in 0..<(try self.count()) { try skipPerson() }
            for _ in 0..<(try self.count()) {
                try skipString()  // code
                try skipString()  // type
                try skipOptionalString()  // number
                try skipOptionalString()  // issuer
                if try present() { try skipDate() }
            }
            for _ in 0..<(try self.count()) { try skipString() }  // credits
            try skipOptionalString()  // the unit's role
        }
        return RankingView(source: EventSource(source: source, url: url, title: title, date: published), dates: dates)
    }

    private mutating func eventForGrouping() throws -> Event {
        let head = try eventHead(skippingText: true)
        try skipOptionalString()  // part of day
        try skipString()  // basis
        try skipOptionalString()  // evidence
        try skipOptionalString()  // period
        if try present() { try skipPerson() }
        for _ in 0..<(try count()) { try skipPerson() }
        var documents: [DocumentReference] = []
        for _ in 0..<(try count()) {
            let code = try sharedString()
            try skipString()  // type
            try skipOptionalString()  // number
            try skipOptionalString()  // issuer
            if try present() { try skipDate() }
            documents.append(DocumentReference(code: code, type: "", number: nil, issuer: nil, date: nil))
        }
        for _ in 0..<(try count()) { try skipString() }  // credits
        try skipOptionalString()  // the unit's role
        return Event(
            unit: head.unit, kind: head.kind, title: "", date: EventDate(value: head.date, basis: .unresolved), documents: documents)
    }

    /// A record's fields that grouping reads (`GroupingView`), made straight from the bytes: of
    /// each event only the unit id is made a string (and an undated one's documents' codes);
    /// names, title, warnings and everything else are passed over.
    mutating func groupingFields() throws -> GroupingFields {
        let source = try string()
        let url = try optionalString()
        try skipOptionalString()  // title
        let status = try raw(ArticleStatus.self)
        try skipOptionalString()  // error
        if try present() {
            try skipDate()
            try skipString()  // basis
            try skipOptionalString()  // evidence
        }
        var reports: [GroupingFields.Report] = []
        let count = try count()
        reports.reserveCapacity(count)
        for _ in 0..<count { reports.append(try groupingReport()) }
        let textKey = try present() ? try uint64() : nil
        for _ in 0..<(try self.count()) { try skipString() }  // warnings
        return GroupingFields(source: source, url: url, status: status, textKey: textKey, reports: reports)
    }

    /// One event of `groupingFields`: the fields of `event()` in their order, most passed over.
    private mutating func groupingReport() throws -> GroupingFields.Report {
        try skipString()  // unit name
        let unitID = try string()
        try skipString()  // mention
        try skipOptionalString()  // organizer
        let kind = try raw(EventKind.self)
        try skipString()  // title
        let date = try present() ? try self.date() : nil
        if try present() { try skipString() }  // part of day
        try skipString()  // basis
        try skipOptionalString()  // evidence
        try skipOptionalString()  // period
        if try present() { try skipPerson() }
        for _ in 0..<(try count()) { try skipPerson() }
        var documents: [String] = []
        for _ in 0..<(try count()) {
            if date == nil { documents.append(try string()) } else { try skipString() }
            try skipString()  // type
            try skipOptionalString()  // number
            try skipOptionalString()  // issuer
            if try present() { try skipDate() }
        }
        for _ in 0..<(try count()) { try skipString() }  // credits
        try skipOptionalString()  // the unit's role
        return GroupingFields.Report(unitID: unitID, kind: kind, date: date, documents: documents)
    }

    private mutating func skipPerson() throws {
        try skipOptionalString()  // rank
        try skipString()  // name
        for _ in 0..<(try count()) { try skipString() }  // positions
        try skipString()  // role
    }

    private mutating func skipDate() throws {
        _ = try varint()
        if try present() { _ = try varint() }
        if try present() { _ = try varint() }
    }

    private mutating func skipOptionalString() throws {
        if try present() { try skipString() }
    }
}

// MARK: Chronology event

extension RecordBinary.Writer {
    /// A chronology event without its corrected flag: id, event, sources (path, URL, title,
    /// publication date) (`EventList`'s body of
    /// an event; the list keeps the flag beside it, and the report keys add it after).
    mutating func chronologyEvent(_ item: ChronologyEvent) {
        string(item.id)
        event(item.event)
        count(item.sources.count)
        for source in item.sources {
            string(source.source)
            string(source.url)
            string(source.title)
            optional(source.date) { $0.date($1) }
        }
    }
}

extension RecordBinary.Reader {
    mutating func chronologyEvent(corrected: Bool) throws -> ChronologyEvent {
        let id = try string()
        let event = try event()
        var sources: [EventSource] = []
        let count = try count()
        sources.reserveCapacity(count)
        for _ in 0..<count {
            sources.append(
                EventSource(
                    source: try string(), url: try optionalString(), title: try optionalString(), date: try present() ? try date() : nil))
        }
        return ChronologyEvent(id: id, event: event, sources: sources, corrected: corrected)
    }

    /// The id and event head of a chronology event, its organizer and title passed over.
    mutating func chronologyEventHead() throws -> (id: String, event: EventHead) {
        (try string(), try eventHead(skippingText: true))
    }

    /// A chronology event cut down to what a listing of it shows (`ChronologyEvent.listing`):
    /// id, unit (without its role, stored last), kind, title and the date's value, part of day
    /// and basis. Reads the event's first fields only: its people, documents and sources are
    /// never decoded.
    mutating func chronologyEventListing(corrected: Bool) throws -> ChronologyEvent {
        let id = try string()
        let head = try eventHead(skippingOrganizer: true, skippingTitle: false)
        let partOfDay = try present() ? try raw(PartOfDay.self) : nil
        let basis = try raw(DateBasis.self)
        let date = EventDate(value: head.date, partOfDay: partOfDay, basis: basis)
        return ChronologyEvent(
            id: id, event: Event(unit: head.unit, kind: head.kind, title: head.title, date: date), sources: [], corrected: corrected)
    }
}

// MARK: Problem, digest

extension RecordBinary.Writer {
    mutating func problem(_ value: ArticleProblem) {
        string(value.source)
        string(value.reason)
        optional(value.correction) {
            $0.string($1.key)
            $0.string($1.target)
        }
    }

    /// A 128-bit hash: its two lanes, first then second, eight bytes each.
    mutating func digest(_ value: Hash128.Digest) {
        uint64(value.first)
        uint64(value.second)
    }
}

extension RecordBinary.Reader {
    mutating func problem() throws -> ArticleProblem {
        let source = try string(), reason = try string()
        let correction = try present() ? ArticleProblem.CorrectionReference(key: try string(), target: try string()) : nil
        return ArticleProblem(source: source, reason: reason, correction: correction)
    }

    mutating func digest() throws -> Hash128.Digest {
        Hash128.Digest(first: try uint64(), second: try uint64())
    }
}

/// What grouping reads of a stored record (`Reader.groupingFields`), the rest passed over.
struct GroupingFields: Sendable {
    var source: String
    var url: String?
    var status: ArticleStatus
    var textKey: UInt64?
    var reports: [Report]

    /// One event: its unit id, kind and date, and, undated, the codes of the documents it cites.
    struct Report: Sendable {
        var unitID: String
        var kind: EventKind
        var date: PartialDate?
        var documents: [String]
    }
}

/// What ranking in a merge reads of a record: its source as a merged event shows it, and each
/// event's date (`Reader.recordForRanking`).
struct RankingView: Sendable, Equatable {
    var source: EventSource
    var dates: [PartialDate?]
}
