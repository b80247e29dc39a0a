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
public struct EventList: Sendable {
    /// What the reports sort and group events on, without decoding them.
    public struct Head: Sendable, Hashable {
        public var id: String
        public var unit: UnitReference
        public var kind: EventKind
        public var date: PartialDate?
        public var corrected: Bool
    }

    final class Storage: @unchecked Sendable {
        // Changed only through a uniquely referenced list (`makeUnique`); shared ones only read.
        var strings: StringTable
        var bodies: [UInt8]

        init(strings: StringTable = StringTable(), bodies: [UInt8] = []) {
            self.strings = strings
            self.bodies = bodies
        }

        func copy() -> Storage { Storage(strings: strings.copy(), bodies: bodies) }
    }

    private var storage = Storage()
    /// Where each event's body starts in `storage.bodies`, and its length.
    private var slots: [Slot] = []
    public private(set) var heads: [Head] = []

    struct Slot: Sendable, Hashable {
        var start: Int
        var count: Int
    }

    public init() {}

    public init<S: Sequence>(_ events: S) where S.Element == ChronologyEvent {
        for item in events { append(item) }
        storage.strings.seal()
    }

    public var count: Int { slots.count }

    /// The ids of all events, in order.
    public var ids: [String] { heads.map(\.id) }

    /// Whether event `index` is flagged as corrected; set without encoding the event again.
    public mutating func setCorrected(_ index: Int, _ value: Bool = true) {
        heads[index].corrected = value
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// Adds an event at the end.
    public mutating func append(_ item: ChronologyEvent) {
        makeUnique()
        slots.append(Self.encode(item, into: storage))
        heads.append(Self.head(of: item))
    }

    /// Stops looking for equal strings when more are added (done building: saves the lookup's memory).
    mutating func seal() {
        makeUnique()
        storage.strings.seal()
    }

    /// The same events in the order `order` gives (positions into this list), sharing the bytes.
    func reordered(_ order: [Int]) -> EventList {
        var result = EventList()
        result.storage = storage
        result.slots = order.map { slots[$0] }
        result.heads = order.map { heads[$0] }
        return result
    }

    private static func encode(_ item: ChronologyEvent, into storage: Storage) -> Slot {
        var w = RecordBinary.Writer()
        w.table = storage.strings
        w.bytes.reserveCapacity(128)
        w.string(item.id)
        w.event(item.event)
        w.count(item.sources.count)
        for source in item.sources {
            w.string(source.source)
            w.string(source.url)
            w.string(source.title)
        }
        let start = storage.bodies.count
        storage.bodies.append(contentsOf: w.bytes)
        return Slot(start: start, count: w.bytes.count)
    }

    private static func head(of item: ChronologyEvent) -> Head {
        Head(id: item.id, unit: item.event.unit, kind: item.event.kind, date: item.event.date.value, corrected: item.corrected)
    }

    private func decode(_ index: Int) throws -> ChronologyEvent {
        let slot = slots[index]
        return try storage.bodies.withUnsafeBytes { raw in
            var r = RecordBinary.Reader(bytes: UnsafeRawBufferPointer(rebasing: raw[slot.start..<(slot.start + slot.count)]))
            r.table = storage.strings
            let id = try r.string()
            let event = try r.event()
            var sources: [EventSource] = []
            let count = try r.count()
            sources.reserveCapacity(count)
            for _ in 0..<count {
                sources.append(EventSource(source: try r.string(), url: try r.optionalString(), title: try r.optionalString()))
            }
            guard r.offset == slot.count else { throw RecordBinaryError.corrupt }
            return ChronologyEvent(id: id, event: event, sources: sources, corrected: heads[index].corrected)
        }
    }

    // MARK: Stored form

    /// Appends the list to `w`: the events' bodies in list order, the string table, the
    /// corrected flags. What `init(reading:)` reads back.
    func write(to w: inout RecordBinary.Writer) {
        w.count(slots.count)
        storage.bodies.withUnsafeBytes { raw in
            for slot in slots {
                w.count(slot.count)
                w.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[slot.start..<(slot.start + slot.count)]))
            }
        }
        let strings = storage.strings
        w.count(strings.count)
        var previous = 0
        for end in strings.ends {
            w.count(end - previous)
            previous = end
        }
        w.bytes.append(contentsOf: strings.bytes)
        for head in heads { w.bytes.append(head.corrected ? 1 : 0) }
    }

    /// Reads what `write(to:)` wrote; every body is checked to decode.
    init(reading r: inout RecordBinary.Reader) throws {
        let count = try r.count()
        var slots: [Slot] = []
        slots.reserveCapacity(count)
        let bodiesStart = r.offset
        for _ in 0..<count {
            let length = try r.count()
            guard length <= r.bytes.count - r.offset else { throw RecordBinaryError.corrupt }
            slots.append(Slot(start: r.offset - bodiesStart, count: length))
            r.offset += length
        }
        let bodies = [UInt8](UnsafeRawBufferPointer(rebasing: r.bytes[bodiesStart..<r.offset]))
        let stringCount = try r.count()
        var ends: [Int] = []
        ends.reserveCapacity(stringCount)
        var end = 0
        for _ in 0..<stringCount {
            end += try r.count()
            ends.append(end)
        }
        guard end <= r.bytes.count - r.offset else { throw RecordBinaryError.corrupt }
        let text = [UInt8](UnsafeRawBufferPointer(rebasing: r.bytes[r.offset..<(r.offset + end)]))
        r.offset += end
        storage = Storage(strings: StringTable(bytes: text, ends: ends), bodies: bodies)
        self.slots = slots
        heads.reserveCapacity(count)
        // Names repeat: each decoded once.
        var names: [UInt64: String] = [:]
        for slot in slots {
            let corrected = try r.present()
            heads.append(try Self.readHead(slot, storage: storage, names: &names, corrected: corrected))
        }
    }

    /// The head of a stored body: id, unit, kind and date are its first fields.
    private static func readHead(_ slot: Slot, storage: Storage, names: inout [UInt64: String], corrected: Bool) throws -> Head {
        try storage.bodies.withUnsafeBytes { raw in
            var r = RecordBinary.Reader(bytes: UnsafeRawBufferPointer(rebasing: raw[slot.start..<(slot.start + slot.count)]))
            r.table = storage.strings
            func name() throws -> String {
                let number = try r.varint()
                if let known = names[number] { return known }
                guard number < UInt64(storage.strings.count), let text = storage.strings.string(Int(number)) else {
                    throw RecordBinaryError.corrupt
                }
                names[number] = text
                return text
            }
            let id = try r.string()
            let unit = UnitReference(name: try name(), id: try name(), mention: try name())
            if try r.present() { try r.skipString() }
            guard let kind = EventKind(rawValue: try name()) else { throw RecordBinaryError.corrupt }
            try r.skipString()
            let date = try r.present() ? try r.date() : nil
            return Head(id: id, unit: unit, kind: kind, date: date, corrected: corrected)
        }
    }
}

extension EventList: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { slots.count }

    public subscript(position: Int) -> ChronologyEvent {
        get {
            // Bodies are encoded by this type and read back checked (`init(reading:)`).
            guard let item = try? decode(position) else { preconditionFailure("an event of the chronology no longer decodes") }
            return item
        }
        set {
            makeUnique()
            slots[position] = Self.encode(newValue, into: storage)
            heads[position] = Self.head(of: newValue)
        }
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C)
    where C.Element == ChronologyEvent {
        makeUnique()
        var newSlots: [Slot] = []
        var newHeads: [Head] = []
        for item in newElements {
            newSlots.append(Self.encode(item, into: storage))
            newHeads.append(Self.head(of: item))
        }
        slots.replaceSubrange(subrange, with: newSlots)
        heads.replaceSubrange(subrange, with: newHeads)
    }

    public mutating func reserveCapacity(_ n: Int) {
        slots.reserveCapacity(n)
        heads.reserveCapacity(n)
    }
}

extension EventList: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: ChronologyEvent...) {
        self.init(elements)
    }
}

extension EventList: Equatable {
    public static func == (lhs: EventList, rhs: EventList) -> Bool {
        lhs.count == rhs.count && lhs.heads == rhs.heads && lhs.elementsEqual(rhs)
    }
}

extension EventList: CustomStringConvertible {
    public var description: String { Array(self).description }
}
