/// A compact binary form of a file's records for the state store.
///
/// A warm run reads back the records of every unchanged file; with `JSONDecoder` that was a third
/// of the run. This form has no keys and no escaping: strings are a varint length and their
/// UTF-8 bytes, optionals a 0/1 tag, arrays a varint count, enums their raw value (so reordering
/// cases does not misread an old store), integers zigzag varints. It starts with a version byte;
/// a store row in another version is simply extracted again.
///
/// The JSON form (`RecordJSON`) stays the contract for `chronicle extract`; this one is internal.
enum RecordBinary {
    /// 2: a reference date keeps its evidence (the path a `path` date was read from).
    /// 3: an event's unit keeps the role that named it. 4: a blob ends with its checksum.
    static let version: UInt8 = 4

    /// Bytes of the checksum that ends a records blob.
    static let checksumSize = 8

    /// Encodes the records of one file.
    static func encode(_ records: [ArticleRecord]) -> [UInt8] {
        var w = Writer()
        w.bytes.reserveCapacity(256 + records.count * 512)
        w.bytes.append(version)
        w.count(records.count)
        for record in records { w.record(record) }
        seal(&w.bytes)
        return w.bytes
    }

    /// Appends the checksum of `blob` (FNV-1a, little-endian): flipped bytes in a stored blob
    /// would otherwise decode as plausible wrong names ("quan-1hu-4").
    static func seal(_ blob: inout [UInt8]) {
        LittleEndian.append(ContentHash(bytes: blob).value, to: &blob)
    }

    /// The records part of a sealed blob, once its checksum is verified.
    static func unsealed(_ blob: UnsafeRawBufferPointer) throws -> UnsafeRawBufferPointer {
        guard blob.count > checksumSize else { throw RecordBinaryError.corrupt }
        let body = UnsafeRawBufferPointer(rebasing: blob[..<(blob.count - checksumSize)])
        let stored = LittleEndian.uint64(blob, at: blob.count - checksumSize)
        guard stored == ContentHash(bytes: body).value else { throw RecordBinaryError.checksum }
        return body
    }

    /// Decodes what `encode` wrote; throws on anything else (a truncated, damaged or foreign blob).
    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> [ArticleRecord] {
        guard let first = bytes.first, first == version else { throw RecordBinaryError.unknownVersion }
        let body = try unsealed(bytes)
        var r = Reader(bytes: body)
        _ = try r.byte()
        let count = try r.count()
        var records: [ArticleRecord] = []
        records.reserveCapacity(count)
        for _ in 0..<count { records.append(try r.record()) }
        guard r.offset == body.count else { throw RecordBinaryError.corrupt }
        return records
    }

    static func decode(_ bytes: [UInt8]) throws -> [ArticleRecord] {
        try bytes.withUnsafeBytes { try decode($0) }
    }

    // MARK: Writing

    struct Writer {
        var bytes: [UInt8] = []

        mutating func varint(_ value: UInt64) {
            var v = value
            while v >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        mutating func count(_ value: Int) { varint(UInt64(value)) }

        /// Eight bytes, least significant first.
        mutating func uint64(_ value: UInt64) { LittleEndian.append(value, to: &bytes) }

        /// A 128-bit hash: its two lanes, first then second.
        mutating func digest(_ value: ReportHash.Digest) {
            uint64(value.first)
            uint64(value.second)
        }

        mutating func int(_ value: Int) {
            let v = Int64(value)
            varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
        }

        /// When set, each distinct string is written once: a repeat is its number in order of
        /// first appearance plus one, a first appearance is 0 then the string (`ChronologyCache`).
        var interned: [InternKey: Int]?

        /// When set, every string is a number in this table (`EventList`'s form).
        var table: StringTable?

        mutating func string(_ value: String) {
            if let table {
                count(table.intern(value))
                return
            }
            if interned != nil {
                let key = InternKey(value)
                if let number = interned![key] {
                    count(number + 1)
                    return
                }
                interned![key] = interned!.count
                bytes.append(0)
            }
            var value = value
            value.withUTF8 { utf8 in
                count(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func optional<T>(_ value: T?, _ body: (inout Writer, T) -> Void) {
            guard let value else {
                bytes.append(0)
                return
            }
            bytes.append(1)
            body(&self, value)
        }

        mutating func string(_ value: String?) { optional(value) { $0.string($1) } }

        mutating func date(_ value: PartialDate) {
            int(value.year)
            optional(value.month) { $0.int($1) }
            optional(value.day) { $0.int($1) }
        }

        mutating func person(_ value: Person) {
            string(value.rank)
            string(value.name)
            count(value.positions.count)
            for position in value.positions { string(position) }
            string(value.role.rawValue)
        }

        /// A chronology event: id, event, sources and the corrected flag (the chronology cache's
        /// form, also what the report keys hash).
        mutating func chronologyEvent(_ item: ChronologyEvent) {
            string(item.id)
            event(item.event)
            count(item.sources.count)
            for source in item.sources {
                string(source.source)
                string(source.url)
                string(source.title)
            }
            bytes.append(item.corrected ? 1 : 0)
        }

        mutating func event(_ value: Event) {
            string(value.unit.name)
            string(value.unit.id)
            string(value.unit.mention)
            string(value.organizer)
            string(value.kind.rawValue)
            string(value.title)
            optional(value.date.value) { $0.date($1) }
            string(value.date.partOfDay?.rawValue)
            string(value.date.basis.rawValue)
            string(value.date.evidence)
            string(value.period)
            optional(value.chair) { $0.person($1) }
            count(value.people.count)
            for person in value.people { self.person(person) }
            count(value.documents.count)
            for document in value.documents {
                string(document.code)
                string(document.type)
                string(document.number)
                string(document.issuer)
                optional(document.date) { $0.date($1) }
            }
            count(value.credits.count)
            for credit in value.credits { string(credit) }
            // Last, so readers of an event's head (EventList) need not know of it.
            string(value.unit.role)
        }

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
        }
    }

    // MARK: Reading

    struct Reader {
        let bytes: UnsafeRawBufferPointer

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
        var offset = 0

        mutating func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw RecordBinaryError.corrupt }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func varint() throws -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = try byte()
                result |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return result }
                shift += 7
                guard shift < 64 else { throw RecordBinaryError.corrupt }
            }
        }

        mutating func count() throws -> Int {
            let value = try varint()
            guard value <= UInt64(bytes.count) else { throw RecordBinaryError.corrupt }
            return Int(value)
        }

        mutating func int() throws -> Int {
            let v = try varint()
            return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
        }

        mutating func uint64() throws -> UInt64 {
            guard bytes.count - offset >= 8 else { throw RecordBinaryError.corrupt }
            defer { offset += 8 }
            return LittleEndian.uint64(bytes, at: offset)
        }

        mutating func digest() throws -> ReportHash.Digest {
            ReportHash.Digest(first: try uint64(), second: try uint64())
        }

        /// Strings seen so far, when the writer interned them.
        var interned: [String]?

        /// When set, strings are numbers in this table (`EventList`'s form).
        var table: StringTable?

        mutating func string() throws -> String {
            if let table {
                let number = try varint()
                guard number < UInt64(table.count), let text = table.string(Int(number)) else { throw RecordBinaryError.corrupt }
                return text
            }
            if interned != nil {
                let number = try count()
                if number > 0 {
                    guard number <= interned!.count else { throw RecordBinaryError.corrupt }
                    return interned![number - 1]
                }
                let text = try plainString()
                interned!.append(text)
                return text
            }
            return try plainString()
        }

        /// Where strings that repeat across records (units, people, documents) are shared, when set.
        var pool: StringPool?

        /// A string of a field whose values repeat across records: taken from `pool` when set.
        mutating func sharedString() throws -> String {
            guard interned == nil, table == nil, let pool else { return try string() }
            let length = try count()
            guard length <= bytes.count - offset else { throw RecordBinaryError.corrupt }
            let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
            offset += length
            return pool.string(slice)
        }

        mutating func optionalSharedString() throws -> String? { try present() ? try sharedString() : nil }

        private mutating func plainString() throws -> String {
            let length = try count()
            guard length <= bytes.count - offset else { throw RecordBinaryError.corrupt }
            let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
            offset += length
            return String(decoding: slice, as: UTF8.self)
        }

        /// Passes over a string without making it.
        mutating func skipString() throws {
            if table != nil {
                _ = try varint()
                return
            }
            if interned != nil {
                // A first appearance must still be numbered.
                _ = try string()
                return
            }
            let length = try count()
            guard length <= bytes.count - offset else { throw RecordBinaryError.corrupt }
            offset += length
        }

        mutating func present() throws -> Bool {
            switch try byte() {
            case 0: return false
            case 1: return true
            default: throw RecordBinaryError.corrupt
            }
        }

        mutating func optionalString() throws -> String? { try present() ? try string() : nil }

        mutating func raw<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
            guard let value = T(rawValue: try string()) else { throw RecordBinaryError.corrupt }
            return value
        }

        mutating func date() throws -> PartialDate {
            let year = try int()
            let month = try present() ? try int() : nil
            let day = try present() ? try int() : nil
            return PartialDate(year: year, month: month, day: day)
        }

        mutating func person() throws -> Person {
            let rank = try optionalSharedString()
            let name = try sharedString()
            var positions: [String] = []
            let count = try count()
            positions.reserveCapacity(count)
            for _ in 0..<count { positions.append(try sharedString()) }
            return Person(rank: rank, name: name, positions: positions, role: try raw(PersonRole.self))
        }

        mutating func event() throws -> Event {
            var unit = UnitReference(name: try sharedString(), id: try sharedString(), mention: try sharedString())
            let organizer = try optionalSharedString()
            let kind = try raw(EventKind.self)
            let title = try string()
            let value = try present() ? try date() : nil
            let partOfDay = try present() ? try raw(PartOfDay.self) : nil
            let basis = try raw(DateBasis.self)
            let evidence = try optionalString()
            let period = try optionalSharedString()
            let chair = try present() ? try person() : nil
            var people: [Person] = []
            for _ in 0..<(try count()) { people.append(try person()) }
            var documents: [DocumentReference] = []
            for _ in 0..<(try count()) {
                documents.append(DocumentReference(
                    code: try sharedString(), type: try sharedString(), number: try optionalSharedString(),
                    issuer: try optionalSharedString(),
                    date: try present() ? try date() : nil))
            }
            var credits: [String] = []
            for _ in 0..<(try count()) { credits.append(try sharedString()) }
            unit.role = try optionalSharedString()
            return Event(
                unit: unit, organizer: organizer, kind: kind, title: title,
                date: EventDate(value: value, partOfDay: partOfDay, basis: basis, evidence: evidence),
                period: period, chair: chair, people: people, documents: documents, credits: credits)
        }

        mutating func record() throws -> ArticleRecord {
            let source = try string()
            let url = try optionalString()
            let title = try optionalString()
            let status = try raw(ArticleStatus.self)
            let error = try optionalString()
            let referenceDate = try present()
                ? ReferenceDate(value: try date(), basis: try string(), evidence: try optionalString()) : nil
            var events: [Event] = []
            let count = try count()
            events.reserveCapacity(count)
            for _ in 0..<count { events.append(try event()) }
            return ArticleRecord(
                source: source, url: url, title: title, status: status, error: error, referenceDate: referenceDate,
                events: events)
        }
    }
}

/// A string compared and hashed by its UTF-8 bytes: interning must give back exactly the bytes
/// it was given (String equality would merge canonically equivalent spellings), and hashing
/// the bytes skips the normalization String hashing does on non-ASCII text.
struct InternKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: InternKey, rhs: InternKey) -> Bool {
        ByteOrder.equal(lhs.text, rhs.text)
    }
}

/// A stored binary record blob that cannot be read (truncated, or written by another version).
enum RecordBinaryError: Error, CustomStringConvertible {
    case unknownVersion
    case corrupt
    /// The bytes do not match the checksum they were stored with.
    case checksum

    var description: String {
        switch self {
        case .unknownVersion: return "stored records were written by another Chronicle version"
        case .corrupt: return "stored records are truncated or damaged"
        case .checksum: return "stored records do not match their checksum (damaged on disk)"
        }
    }
}
