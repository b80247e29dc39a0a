/// What a run keeps of its chronology's grouping for the next night (`GroupingState`), with
/// what the night needs of the records it grouped and will not read: how many records each file
/// gave (files in input order) and their problems. The store keeps it beside the cached
/// chronology, under the same fingerprint of the inputs (`ChronicleStore.keptGrouping`).
struct KeptGrouping: Sendable {
    var state: GroupingState
    /// Per input file, in input order, how many records it gave.
    var recordsPerFile: [Int32]
    /// The records' problems (`SummaryArchive.problems`).
    var problems: [ArticleProblem]

    /// 1: the first form.
    static let version: UInt8 = 1

    init(state: GroupingState, recordsPerFile: [Int32], problems: [ArticleProblem]) {
        self.state = state
        self.recordsPerFile = recordsPerFile
        self.problems = problems
    }

    /// The stored form, with its checksum: some 20 bytes a record at a large archive.
    func encoded() -> [UInt8] {
        var w = RecordBinary.Writer()
        w.bytes.append(Self.version)
        w.date(state.window.from)
        w.date(state.window.to)
        w.count(recordsPerFile.count)
        for count in recordsPerFile { w.count(Int(count)) }
        w.count(problems.count)
        for problem in problems { w.problem(problem) }
        Self.writeRecords(state, to: &w)
        Self.writeNames(state, to: &w)
        let kinds = Dictionary(uniqueKeysWithValues: EventKind.allCases.enumerated().map { ($1, $0) })
        for list in state.lists {
            w.count(list.keys.count)
            for (key, groups) in zip(list.keys, list.groupCounts) {
                w.count(Int(key.unit))
                w.count(kinds[key.kind]!)
                w.count(Int(groups))
            }
        }
        w.count(state.items.count)
        var previous: Int32 = 0
        for item in state.items {
            w.count(Int(item.position.record - previous))
            previous = item.position.record
            w.count(Int(item.position.event))
            let dated = item.date.value != nil
            w.bytes.append(item.list | (item.isLead ? 4 : 0) | (dated ? 8 : 0))
            w.count(Int(item.bucket))
            w.count(Int(item.group))
            if dated { w.varint(UInt64(bitPattern: item.date.raw)) }
            w.count(Int(item.documents + 1))
        }
        w.count(state.digests.count)
        for digest in state.digests { w.digest(digest) }
        RecordBinary.seal(&w.bytes)
        return w.bytes
    }

    private static func writeRecords(_ state: GroupingState, to w: inout RecordBinary.Writer) {
        w.count(state.recordCount)
        for (record, root) in state.roots.enumerated() { w.count(record - Int(root)) }
        for identity in state.identities { identity.write(to: &w) }
        let text = state.byText.sorted()
        w.count(text.keys.count)
        for (key, record) in zip(text.keys, text.values) {
            w.uint64(key)
            w.count(Int(record))
        }
        let url = state.byURL.sorted()
        w.count(url.keys.count)
        for (key, record) in zip(url.keys, url.values) {
            w.digest(key)
            w.count(Int(record))
        }
    }

    private static func writeNames(_ state: GroupingState, to w: inout RecordBinary.Writer) {
        for numbering in [state.units, state.documents] {
            w.count(numbering.names.count)
            for name in numbering.names { w.string(name) }
        }
        // Kinds by name: a build that orders them otherwise reads the same kinds.
        w.count(EventKind.allCases.count)
        for kind in EventKind.allCases { w.string(kind.rawValue) }
    }

    /// Reads the stored form; throws when it is damaged, of another version, or does not hold
    /// together (an index out of its range).
    init(decoding blob: UnsafeRawBufferPointer) throws {
        guard blob.first == Self.version else { throw RecordBinaryError.unknownVersion }
        var r = RecordBinary.Reader(bytes: try RecordBinary.unsealed(blob))
        _ = try r.byte()
        let window = DateWindow(from: try r.date(), to: try r.date())
        let files = try Self.count(&r)
        recordsPerFile = try (0..<files).map { _ in Int32(try Self.count(&r)) }
        problems = try (0..<(try Self.count(&r))).map { _ in try r.problem() }
        let records = try Self.count(&r)
        guard recordsPerFile.reduce(0, { $0 + Int($1) }) == records else { throw RecordBinaryError.corrupt }
        // Room for the night's records: growing an archive's arrays copies them, beside the
        // last chronology the night reads at the same time (the night's peak of memory).
        var roots: [Int32] = [], identities: [ArticleIdentity] = []
        roots.reserveCapacity(Self.room(records))
        identities.reserveCapacity(Self.room(records))
        for record in 0..<records {
            let back = try r.count()
            guard back <= record else { throw RecordBinaryError.corrupt }
            roots.append(Int32(record - back))
        }
        for _ in 0..<records { identities.append(try ArticleIdentity(reading: &r)) }
        let byText = try Self.keyIndex(&r, records: records) { try $0.uint64() }
        let byURL = try Self.keyIndex(&r, records: records) { try $0.digest() }
        let units = try Self.numbering(&r), documents = try Self.numbering(&r)
        let kinds = try (0..<(try Self.count(&r))).map { _ in try r.string() }.map(EventKind.init(rawValue:))
        var lists: [GroupingState.GroupList] = []
        for _ in 0..<3 {
            var keys: [ChronologyBuilder.BucketKey] = [], groups: [Int32] = []
            for _ in 0..<(try Self.count(&r)) {
                let unit = try Self.count(&r), kind = try Self.count(&r)
                guard unit < units.names.count, kind < kinds.count, let known = kinds[kind] else { throw RecordBinaryError.corrupt }
                keys.append(ChronologyBuilder.BucketKey(unit: Int32(unit), kind: known))
                groups.append(Int32(try Self.count(&r)))
            }
            guard let list = GroupingState.GroupList(keys: keys, groupCounts: groups) else { throw RecordBinaryError.corrupt }
            lists.append(list)
        }
        let items = try Self.items(&r, records: records, lists: lists, documents: documents.names.count)
        let digestCount = try Self.count(&r)
        guard digestCount == 0 || digestCount == items.count else { throw RecordBinaryError.corrupt }
        var digests: [Hash128.Digest] = []
        digests.reserveCapacity(digestCount == 0 ? 0 : Self.room(digestCount))
        for _ in 0..<digestCount { digests.append(try r.digest()) }
        guard r.offset == r.bytes.count else { throw RecordBinaryError.corrupt }
        state = GroupingState(
            window: window, roots: roots, identities: identities, byText: byText, byURL: byURL, items: items, digests: digests,
            units: units, documents: documents, lists: lists)
    }

    private static func items(
        _ r: inout RecordBinary.Reader, records: Int, lists: [GroupingState.GroupList], documents: Int
    ) throws -> [GroupingState.Item] {
        let count = try Self.count(&r)
        var items: [GroupingState.Item] = []
        items.reserveCapacity(room(count))
        var record = 0
        for _ in 0..<count {
            record += try r.count()
            let event = try r.count(), flags = try r.byte()
            let list = Int(flags & 3), bucket = try r.count(), group = try r.count()
            guard record < records, event <= Int(Int32.max), flags < 16, list < 3, bucket < lists[list].keys.count,
                group < lists[list].groupCounts[bucket]
            else { throw RecordBinaryError.corrupt }
            let date = flags & 8 != 0 ? PackedDate(raw: Int64(bitPattern: try r.varint())) : PackedDate(nil)
            let number = try r.count() - 1
            guard number < documents, date.isValid else { throw RecordBinaryError.corrupt }
            items.append(
                GroupingState.Item(
                    position: ReportPosition(record: record, event: event), date: date, key: lists[list].keys[bucket],
                    documents: Int32(number), list: UInt8(list), isLead: flags & 4 != 0, bucket: Int32(bucket), group: Int32(group)))
        }
        return items
    }

    /// The capacity of an array of `count` kept values: room for a night's new ones besides.
    private static func room(_ count: Int) -> Int { count + count / 16 + 1024 }

    /// A count that cannot be more than the bytes left (each counted thing takes one at least).
    private static func count(_ r: inout RecordBinary.Reader) throws -> Int {
        let count = try r.count()
        guard count <= r.bytes.count - r.offset else { throw RecordBinaryError.corrupt }
        return count
    }

    private static func numbering(_ r: inout RecordBinary.Reader) throws -> Numbering {
        let names = try (0..<(try count(&r))).map { _ in try r.string() }
        guard let numbering = Numbering(names: names) else { throw RecordBinaryError.corrupt }
        return numbering
    }

    private static func keyIndex<Key>(
        _ r: inout RecordBinary.Reader, records: Int, key: (inout RecordBinary.Reader) throws -> Key
    ) throws -> KeyIndex<Key> {
        let count = try count(&r)
        var keys: [Key] = [], values: [Int32] = []
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
        for _ in 0..<count {
            keys.append(try key(&r))
            let record = try r.count()
            guard record < records else { throw RecordBinaryError.corrupt }
            values.append(Int32(record))
        }
        guard let index = KeyIndex(sortedKeys: keys, values: values) else { throw RecordBinaryError.corrupt }
        return index
    }
}
