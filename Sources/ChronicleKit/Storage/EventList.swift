/// Chronology events kept in a compact binary form and decoded one at a time when read.
///
/// A chronology of a large archive holds a hundred thousand events, each with its evidence
/// sentence, people, documents and sources: as Swift values that is some 2.5 KB an event, most
/// of it allocation overhead and copies of the same names. Here each event is a few dozen bytes
/// of numbers into one `StringTable`, and what the reports group and sort on (id, unit, kind,
/// date) is kept decoded beside it (`Head`). Reading `list[i]` decodes the whole event.
///
/// It behaves as an array of `ChronologyEvent` (random access, mutable, range-replaceable,
/// value semantics): a changed event is encoded again at the end of the buffer.
struct EventList: Sendable {
    /// What the reports sort and group events on, without decoding them.
    struct Head: Sendable, Hashable {
        var id: String
        var unit: UnitReference
        var kind: EventKind
        var date: PartialDate?
        var corrected: Bool
    }

    final class Storage: @unchecked Sendable {
        // Changed only through a uniquely referenced list (`makeUnique`); shared ones only read.
        var strings: StringTable
        var bodies: ByteArena

        /// The heads' unit strings, each kept once while the list is built: events come from
        /// records decoded a batch at a time, whose names would otherwise be held once a batch
        /// (`seal` drops it).
        var headStrings: [String: String] = [:]

        /// How many strings the table held when each was used by an event: when the list was
        /// last encoded whole; nil while it still is (a list built from its events). A list
        /// extended from an earlier one also keeps the strings of the events it left out; it is
        /// written compacted once those are too many (`writeEvents`).
        var freshStrings: Int?

        /// The list this one extends (`init(extending:)`) as it was then: its bodies and strings
        /// are this one's too, so its events are taken as they are stored.
        var base: Base?

        struct Base {
            let storage: Storage
            let bodies: Int
            let strings: Int
        }

        init(strings: StringTable = StringTable(), bodies: ByteArena = ByteArena()) {
            self.strings = strings
            self.bodies = bodies
        }

        /// `unit` with its strings shared with the heads appended before.
        func shared(_ unit: UnitReference) -> UnitReference {
            var unit = unit
            unit.name = shared(unit.name)
            unit.id = shared(unit.id)
            unit.mention = shared(unit.mention)
            return unit
        }

        private func shared(_ text: String) -> String {
            // Up to 15 bytes a String holds its text itself.
            guard text.utf8.count > 15 else { return text }
            if let known = headStrings[text] { return known }
            headStrings[text] = text
            return text
        }

        func copy() -> Storage {
            let storage = Storage(strings: strings.copy(), bodies: bodies)
            storage.freshStrings = freshStrings
            storage.base = base
            return storage
        }
    }

    private var storage = Storage()
    /// Where each event's body starts in `storage.bodies` (an arena address), and its length.
    private var slots: [Slot] = []
    private(set) var heads: [Head] = []
    /// Each event's content hash (`contentDigest(of:)`), taken when it is encoded: the reports
    /// tell which files changed by these without decoding a single event.
    private(set) var digests: [Hash128.Digest] = []

    struct Slot: Sendable, Hashable {
        var start: Int
        var count: Int
    }

    init() {}

    init<S: Sequence>(_ events: S) where S.Element == ChronologyEvent {
        for item in events { append(item) }
        storage.strings.seal()
    }

    /// An empty list sharing `other`'s bodies and strings (copied when changed), to which
    /// `append(_:of:)` adds `other`'s events as they are stored, without decoding and encoding
    /// them again: a night's chronology takes most of its events from the last run's this way.
    /// New events' strings are numbered as `other` numbers them when it holds them.
    init(extending other: EventList) {
        storage = Storage(strings: other.storage.strings.reopenedCopy(), bodies: other.storage.bodies)
        storage.freshStrings = other.storage.freshStrings ?? other.storage.strings.count
        storage.base = Storage.Base(storage: other.storage, bodies: other.storage.bodies.count, strings: other.storage.strings.count)
    }

    var count: Int { slots.count }

    /// The number of strings the list's table holds (tests: what an edit added).
    var stringCount: Int { storage.strings.count }

    /// The ids of all events, in order.
    var ids: [String] { heads.map(\.id) }

    /// Whether event `index` has the id merging its values gives it (`ChronologyEvent.id(for:)`),
    /// told from its head.
    func hasMergedID(_ index: Int) -> Bool {
        let head = heads[index]
        return head.id == ChronologyEvent.id(date: head.date, unitID: head.unit.id, kind: head.kind)
    }

    /// Whether event `index` is flagged as corrected; set without encoding the event again.
    mutating func setCorrected(_ index: Int, _ value: Bool = true) {
        heads[index].corrected = value
    }

    /// Gives event `index` the id `id`: what `self[index].id = id` does, without encoding the
    /// event again. Its body keeps every string number after the id. Encoding it again would
    /// append all of its strings to a sealed table (`seal`) a second time; the kept night gives
    /// back the remembered ids of a hundred events of hundreds of sources each, and its list's
    /// table grew by three quarters and was written compacted every such night.
    mutating func setID(_ index: Int, _ id: String) {
        let slot = slots[index]
        // Bodies are encoded by this type and read back checked (`init(reading:)`).
        guard var item = try? decode(index) else { preconditionFailure("an event of the chronology no longer decodes") }
        makeUnique()
        var w = RecordBinary.Writer()
        w.table = storage.strings
        w.string(id)
        let rest = storage.bodies.withBytes(at: slot.start, count: slot.count) { raw -> [UInt8] in
            var r = RecordBinary.Reader(bytes: raw)
            r.table = storage.strings
            guard (try? r.string()) != nil else { preconditionFailure("an event of the chronology no longer decodes") }
            return Array(raw[r.offset...])
        }
        w.bytes += rest
        slots[index] = Slot(start: storage.bodies.append(w.bytes), count: w.bytes.count)
        item.id = id
        heads[index].id = id
        digests[index] = Self.contentDigest(of: item)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// Adds an event at the end.
    mutating func append(_ item: ChronologyEvent) {
        makeUnique()
        slots.append(Self.encode(item, into: storage))
        var head = Self.head(of: item)
        head.unit = storage.shared(head.unit)
        heads.append(head)
        digests.append(Self.contentDigest(of: item))
    }

    /// Adds event `index` of `other` as it is stored, its corrected flag cleared (what
    /// `append(other[index])` would hold, with the flag cleared) when this list extends `other`
    /// as it is now (`init(extending:)`); false, and nothing added, otherwise.
    mutating func append(_ index: Int, of other: EventList) -> Bool {
        guard let base = storage.base, base.storage === other.storage, other.storage.bodies.count == base.bodies,
            other.storage.strings.count == base.strings
        else { return false }
        makeUnique()
        slots.append(other.slots[index])
        var head = other.heads[index]
        head.corrected = false
        heads.append(head)
        digests.append(other.digests[index])
        return true
    }

    /// Stops looking for equal strings when more are added (done building: saves the lookup's
    /// memory), and for events of the list it extends.
    mutating func seal() {
        makeUnique()
        storage.strings.seal()
        storage.headStrings = [:]
        storage.base = nil
    }

    /// The same events in the order `order` gives (positions into this list), sharing the bytes.
    func reordered(_ order: [Int]) -> EventList {
        var result = EventList()
        result.storage = storage
        result.slots = order.map { slots[$0] }
        result.heads = order.map { heads[$0] }
        result.digests = order.map { digests[$0] }
        return result
    }

    /// Puts the events in the order `order` gives (positions into this list), in place: the
    /// heads (the list's largest part but for the bytes) are moved along the permutation's
    /// cycles, not copied, so the two orders are never held at once.
    mutating func reorder(_ order: [Int]) {
        precondition(order.count == heads.count, "an order of every event")
        slots = order.map { slots[$0] }
        digests = order.map { digests[$0] }
        heads.permute(order)
    }

    private static func encode(_ item: ChronologyEvent, into storage: Storage) -> Slot {
        let body = Self.body(item, table: storage.strings)
        return Slot(start: storage.bodies.append(body), count: body.count)
    }

    /// An event's body (`Writer.chronologyEvent`) with every string a number in `table`.
    private static func body(_ item: ChronologyEvent, table: StringTable) -> [UInt8] {
        var w = RecordBinary.Writer()
        w.table = table
        w.bytes.reserveCapacity(128)
        w.chronologyEvent(item)
        return w.bytes
    }

    /// The hash of everything an event holds but its corrected flag (which `setCorrected` changes
    /// without encoding it again): its body written without a string table.
    static func contentDigest(of item: ChronologyEvent) -> Hash128.Digest {
        var w = RecordBinary.Writer()
        w.bytes.reserveCapacity(1024)
        w.chronologyEvent(item)
        var hash = Hash128("event")
        hash.add(bytes: w.bytes)
        return hash.digest
    }

    /// Event `index` cut down to what a listing shows (`ChronologyEvent.listing`), read from
    /// the first fields of its body only.
    func listing(_ index: Int) -> ChronologyEvent {
        let slot = slots[index]
        let item = try? storage.bodies.withBytes(at: slot.start, count: slot.count) { raw in
            var r = RecordBinary.Reader(bytes: raw)
            r.table = storage.strings
            return try r.chronologyEventListing(corrected: heads[index].corrected)
        }
        // Bodies are encoded by this type and read back checked (`init(reading:)`).
        guard let item else { preconditionFailure("an event of the chronology no longer decodes") }
        return item
    }

    private static func head(of item: ChronologyEvent) -> Head {
        Head(id: item.id, unit: item.event.unit, kind: item.event.kind, date: item.event.date.value, corrected: item.corrected)
    }

    /// The reports' values of event `index` (`ChronologyEvent.event`), its sources passed over;
    /// nil when its body does not decode.
    func reportedEvent(_ index: Int) -> Event? {
        let slot = slots[index]
        return try? storage.bodies.withBytes(at: slot.start, count: slot.count) { raw in
            var r = RecordBinary.Reader(bytes: raw)
            r.table = storage.strings
            _ = try r.string()  // id
            return try r.event()
        }
    }

    /// Event `index` whole; nil when its body does not decode.
    func decoded(_ index: Int) -> ChronologyEvent? { try? decode(index) }

    private func decode(_ index: Int) throws -> ChronologyEvent {
        let slot = slots[index]
        return try storage.bodies.withBytes(at: slot.start, count: slot.count) { raw in
            var r = RecordBinary.Reader(bytes: raw)
            r.table = storage.strings
            let item = try r.chronologyEvent(corrected: heads[index].corrected)
            guard r.offset == slot.count else { throw RecordBinaryError.corrupt }
            return item
        }
    }

    // MARK: Stored form

    /// Appends the list to `w`: the events' bodies in list order, the string table, the
    /// corrected flags. What `init(reading:)` reads back. `flush` is called every so often to
    /// let the caller take the bytes written so far out of `w`.
    ///
    /// With `mapping`, each event is written as `mapping` changes it, its strings numbered in a
    /// table of their own: the list that would be read back is never built (`ReportOutline`).
    /// A list extended night after night holds the strings of the events it replaced; it is
    /// written compacted (each event encoded again, into a table of its own) once the table has
    /// grown by a quarter since it was (`Storage.freshStrings`), so its stored form stays in
    /// proportion to its events.
    func write(
        to w: inout RecordBinary.Writer, mapping: ((ChronologyEvent) -> ChronologyEvent)? = nil,
        flush: (inout RecordBinary.Writer) throws -> Void
    ) rethrows {
        if let mapping {
            try writeEvents(to: &w, mapping: { mapping(self[$0]) }, flush: flush)
        } else if needsCompacting {
            try writeEvents(to: &w, mapping: { self[$0] }, keepingDigests: true, flush: flush)
        } else {
            try writeEvents(to: &w, mapping: nil, flush: flush)
        }
    }

    /// Whether the string table has outgrown the one encoding every event again would make
    /// (`write`): by a quarter, and by more than a few names.
    var needsCompacting: Bool {
        let fresh = storage.freshStrings ?? storage.strings.count
        return storage.strings.count > fresh + fresh / 4 + Self.compactingSlack
    }

    static let compactingSlack = 1024

    /// `write(to:mapping:flush:)` with every event cut down to its listing
    /// (`ChronologyEvent.listing`), read without decoding the rest of it.
    func writeListings(to w: inout RecordBinary.Writer, flush: (inout RecordBinary.Writer) throws -> Void) rethrows {
        try writeEvents(to: &w, mapping: { listing($0) }, flush: flush)
    }

    /// With `keepingDigests`, `mapping` changes no event's content (compacting), so the digests are kept.
    private func writeEvents(
        to w: inout RecordBinary.Writer, mapping: ((Int) -> ChronologyEvent)?, keepingDigests: Bool = false,
        flush: (inout RecordBinary.Writer) throws -> Void
    ) rethrows {
        w.count(slots.count)
        let strings: StringTable
        var mappedDigests: [Hash128.Digest] = []
        if let mapping {
            strings = StringTable()
            mappedDigests.reserveCapacity(slots.count)
            for index in slots.indices {
                let item = mapping(index)
                let body = Self.body(item, table: strings)
                if !keepingDigests { mappedDigests.append(Self.contentDigest(of: item)) }
                w.count(body.count)
                w.bytes.append(contentsOf: body)
                try flush(&w)
            }
        } else {
            strings = storage.strings
            for slot in slots {
                w.count(slot.count)
                storage.bodies.withBytes(at: slot.start, count: slot.count) { w.bytes.append(contentsOf: $0) }
                try flush(&w)
            }
        }
        w.count(strings.count)
        w.count(mapping == nil ? storage.freshStrings ?? strings.count : strings.count)
        try strings.forEachLength { length in
            w.count(length)
            try flush(&w)
        }
        // The strings' bytes in order: the arena's chunks one after the other.
        try strings.arena.forEachChunk { raw in
            var start = 0
            while start < raw.count {
                let end = Swift.min(raw.count, start + (1 << 16))
                w.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                try flush(&w)
                start = end
            }
        }
        for head in heads { w.bytes.append(head.corrected ? 1 : 0) }
        try flush(&w)
        for digest in mapping == nil || keepingDigests ? digests : mappedDigests {
            w.digest(digest)
            try flush(&w)
        }
    }

    /// Reads what `write(to:)` wrote; every body is checked to decode.
    init(reading r: inout RecordBinary.Reader) throws {
        let count = try r.count()
        var slots: [Slot] = []
        slots.reserveCapacity(count)
        var bodies = ByteArena()
        for _ in 0..<count {
            let length = try r.count()
            guard length <= r.bytes.count - r.offset else { throw RecordBinaryError.corrupt }
            slots.append(
                Slot(start: bodies.append(UnsafeRawBufferPointer(rebasing: r.bytes[r.offset..<(r.offset + length)])), count: length))
            r.offset += length
        }
        let stringCount = try r.count()
        let freshStrings = try r.count()
        guard stringCount <= r.bytes.count - r.offset, freshStrings <= stringCount else { throw RecordBinaryError.corrupt }
        var lengths: [Int] = []
        lengths.reserveCapacity(stringCount)
        var total = 0
        for _ in 0..<stringCount {
            let length = try r.count()
            total += length
            lengths.append(length)
        }
        guard total <= r.bytes.count - r.offset else { throw RecordBinaryError.corrupt }
        let strings = StringTable()
        strings.seal()
        strings.reserveCapacity(stringCount)
        for length in lengths {
            _ = strings.append(UnsafeRawBufferPointer(rebasing: r.bytes[r.offset..<(r.offset + length)]))
            r.offset += length
        }
        storage = Storage(strings: strings, bodies: bodies)
        storage.freshStrings = freshStrings
        self.slots = slots
        heads.reserveCapacity(count)
        // Names repeat: each decoded once.
        let names = RecordBinary.TableNames()
        for slot in slots {
            let corrected = try r.present()
            heads.append(try Self.readHead(slot, storage: storage, names: names, corrected: corrected))
        }
        guard count <= (r.bytes.count - r.offset) / 16 else { throw RecordBinaryError.corrupt }
        digests.reserveCapacity(count)
        for _ in 0..<count { digests.append(try r.digest()) }
    }

    /// The head of a stored body: the id and the head of the event (`Reader.chronologyEventHead`).
    private static func readHead(_ slot: Slot, storage: Storage, names: RecordBinary.TableNames, corrected: Bool) throws -> Head {
        try storage.bodies.withBytes(at: slot.start, count: slot.count) { raw in
            var r = RecordBinary.Reader(bytes: raw)
            r.table = storage.strings
            r.tableNames = names
            let (id, event) = try r.chronologyEventHead()
            return Head(id: id, unit: event.unit, kind: event.kind, date: event.date, corrected: corrected)
        }
    }
}

extension EventList: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { slots.count }

    subscript(position: Int) -> ChronologyEvent {
        get {
            // Bodies are encoded by this type and read back checked (`init(reading:)`).
            guard let item = try? decode(position) else { preconditionFailure("an event of the chronology no longer decodes") }
            return item
        }
        set {
            makeUnique()
            slots[position] = Self.encode(newValue, into: storage)
            heads[position] = Self.head(of: newValue)
            digests[position] = Self.contentDigest(of: newValue)
        }
    }

    mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C)
    where C.Element == ChronologyEvent {
        makeUnique()
        var newSlots: [Slot] = []
        var newHeads: [Head] = []
        var newDigests: [Hash128.Digest] = []
        for item in newElements {
            newSlots.append(Self.encode(item, into: storage))
            newHeads.append(Self.head(of: item))
            newDigests.append(Self.contentDigest(of: item))
        }
        slots.replaceSubrange(subrange, with: newSlots)
        heads.replaceSubrange(subrange, with: newHeads)
        digests.replaceSubrange(subrange, with: newDigests)
    }

    mutating func reserveCapacity(_ n: Int) {
        slots.reserveCapacity(n)
        heads.reserveCapacity(n)
        digests.reserveCapacity(n)
    }
}

extension EventList: ExpressibleByArrayLiteral {
    init(arrayLiteral elements: ChronologyEvent...) {
        self.init(elements)
    }
}

extension EventList: Equatable {
    static func == (lhs: EventList, rhs: EventList) -> Bool {
        lhs.count == rhs.count && lhs.heads == rhs.heads && lhs.elementsEqual(rhs)
    }
}

extension EventList: CustomStringConvertible {
    var description: String { Array(self).description }
}
