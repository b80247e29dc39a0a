/// A file's records as the chronology reads them before it merges (`SummaryArchive`): each
/// record cut down to what grouping, event ids, ranking in a merge and the problems read, and a
/// digest of what each event adds to a merged one (`digest`).
///
/// The store keeps one beside each file's records, so a night regroups the archive without
/// reading every record: a merge takes its values from the reports whose content it has not
/// seen yet (copies of one article report the same event many times), and only those records
/// are read whole.
///
/// Form: the version, the number of records, of each record its number of events, where it
/// starts among the cut records and whether it has a problem or warnings, the events' digests
/// (16 bytes each, in order), the cut records (`RecordBinary.encode`), and a checksum of all of
/// it. The header lets a reader take the cut records as they are, without walking them.
enum RecordSummary {
    /// 2: the digest covers what a merge takes from a later report. 1: the first form.
    static let version: UInt8 = 2

    /// The summary of one file's records.
    static func encode(_ records: [ArticleRecord]) -> [UInt8] {
        var writer = Writer()
        for record in records { writer.add(record) }
        return writer.finish()
    }

    /// Builds a summary one record at a time, as extraction makes them.
    struct Writer {
        private var digests: [Hash128.Digest] = []
        private var eventCounts: [Int] = []
        private var flagged: [Bool] = []
        private var cut: [ArticleRecord] = []

        init() {}

        mutating func add(_ record: ArticleRecord) {
            for event in record.events { digests.append(RecordSummary.digest(event)) }
            eventCounts.append(record.events.count)
            flagged.append(record.status != .ok || !record.warnings.isEmpty)
            cut.append(RecordSummary.cut(record))
        }

        consuming func finish() -> [UInt8] {
            var starts: [Int] = []
            let records = RecordBinary.encode(cut) { starts.append($0) }
            var w = RecordBinary.Writer()
            w.bytes.append(RecordSummary.version)
            w.count(eventCounts.count)
            for index in eventCounts.indices {
                w.count(eventCounts[index])
                w.count(starts[index])
                w.flag(flagged[index])
            }
            for digest in digests { w.digest(digest) }
            w.bytes += records
            RecordBinary.seal(&w.bytes)
            return w.bytes
        }
    }

    /// A summary read back: the events' digests, of each record where its digests and its cut
    /// form start and whether it has a problem or warnings, and the cut records' blob.
    struct Parts {
        var digests: [Hash128.Digest]
        var firstDigest: [Int32]
        var starts: [Int32]
        var flagged: [Bool]
        var records: UnsafeRawBufferPointer
        /// Where `records` starts in the summary.
        var recordsStart: Int
    }

    /// Whether a blob is a summary of this version with its checksum right (what `parts` checks
    /// first), without reading it. `sealed`: read from a store that matched its seal
    /// (`StoreSeal`), whose bytes are the ones a run wrote, each summary sealed as written; its
    /// checksum is then not computed again (a night's 50,000 summaries cost 10 ms of it).
    static func isIntact(_ blob: UnsafeRawBufferPointer, sealed: Bool = false) -> Bool {
        guard blob.first == version else { return false }
        return sealed ? blob.count > RecordBinary.checksumSize : (try? RecordBinary.unsealed(blob)) != nil
    }

    /// A summary's body (its checksum checked unless `checked` says it was), its number of
    /// records and where their table starts; throws when it is not one of this version.
    private static func opened(
        _ blob: UnsafeRawBufferPointer, checked: Bool
    ) throws -> (body: UnsafeRawBufferPointer, records: Int, table: Int) {
        guard blob.first == version, blob.count > RecordBinary.checksumSize else { throw RecordBinaryError.unknownVersion }
        let body =
            checked ? UnsafeRawBufferPointer(rebasing: blob[..<(blob.count - RecordBinary.checksumSize)]) : try RecordBinary.unsealed(blob)
        var r = RecordBinary.Reader(bytes: body)
        _ = try r.byte()
        let records = try r.count()
        guard records <= body.count else { throw RecordBinaryError.corrupt }
        return (body, records, r.offset)
    }

    /// Checks a summary's version and (unless `isIntact` said so already) its checksum, and
    /// splits it; throws when it is not one.
    static func parts(of blob: UnsafeRawBufferPointer, checked: Bool = false) throws -> Parts {
        let (body, records, table) = try opened(blob, checked: checked)
        var r = RecordBinary.Reader(bytes: body)
        r.offset = table
        var parts = Parts(
            digests: [], firstDigest: [], starts: [], flagged: [], records: UnsafeRawBufferPointer(start: nil, count: 0), recordsStart: 0)
        parts.firstDigest.reserveCapacity(records)
        parts.starts.reserveCapacity(records)
        parts.flagged.reserveCapacity(records)
        var total = 0
        for _ in 0..<records {
            parts.firstDigest.append(Int32(clamping: total))
            total += try r.count()
            parts.starts.append(Int32(clamping: try r.count()))
            parts.flagged.append(try r.byte() != 0)
        }
        guard total <= body.count / 16 else { throw RecordBinaryError.corrupt }
        parts.digests.reserveCapacity(total)
        for _ in 0..<total { parts.digests.append(try r.digest()) }
        parts.records = UnsafeRawBufferPointer(rebasing: body[r.offset...])
        parts.recordsStart = r.offset
        guard parts.records.first == RecordBinary.version, parts.records.count > RecordBinary.checksumSize,
            parts.starts.allSatisfy({ $0 > 0 && Int($0) < parts.records.count - RecordBinary.checksumSize }),
            zip(parts.starts, parts.starts.dropFirst()).allSatisfy({ $0 < $1 })
        else { throw RecordBinaryError.corrupt }
        return parts
    }

    /// `parts` without making its arrays, for an archive that keeps every file's summary
    /// (`SummaryArchive`): each record's digests are appended to `digests`, and `record` is
    /// called with its start (from the start of the summary), whether it is flagged and where
    /// its digests begin in `digests`. Returns nothing it has not checked `parts` would; on a
    /// throw, `digests` and the calls made so far are to be dropped with the summary.
    static func read(
        _ blob: UnsafeRawBufferPointer, checked: Bool, digests: inout [Hash128.Digest],
        record: (_ start: Int32, _ flagged: Bool, _ firstDigest: Int32) -> Void
    ) throws {
        let (body, records, table) = try opened(blob, checked: checked)
        var r = RecordBinary.Reader(bytes: body)
        r.offset = table
        // The record table is read twice (counts, then starts beside the digests): no array made.
        var total = 0
        for _ in 0..<records {
            total += try r.count()
            _ = try r.count()
            _ = try r.byte()
        }
        guard total <= body.count / 16 else { throw RecordBinaryError.corrupt }
        let digestsStart = r.offset
        let recordsStart = digestsStart + 16 * total
        guard recordsStart < body.count else { throw RecordBinaryError.corrupt }
        let recordsCount = body.count - recordsStart
        guard body[recordsStart] == RecordBinary.version, recordsCount > RecordBinary.checksumSize else { throw RecordBinaryError.corrupt }
        var d = RecordBinary.Reader(bytes: body)
        d.offset = digestsStart
        // No `reserveCapacity`: called once per file on one growing array, it would copy it each time.
        for _ in 0..<total { digests.append(try d.digest()) }
        r.offset = table
        var first = digests.count - total, previous: Int32 = 0
        for _ in 0..<records {
            let count = try r.count()
            let start = Int32(clamping: try r.count())
            let flagged = try r.byte() != 0
            guard start > previous, Int(start) < recordsCount - RecordBinary.checksumSize else { throw RecordBinaryError.corrupt }
            record(start + Int32(recordsStart), flagged, Int32(clamping: first))
            first += count
            previous = start
        }
    }

    /// What the chronology reads of a record before merging: its source, address, title,
    /// status, error, reference date (value and basis), text key and warnings, and of each event
    /// the unit (name and id), kind, date value and the cited documents' codes.
    static func cut(_ record: ArticleRecord) -> ArticleRecord {
        var result = record
        result.referenceDate = record.referenceDate.map { ReferenceDate(value: $0.value, basis: $0.basis, evidence: nil) }
        result.events = record.events.map { event in
            Event(
                unit: UnitReference(name: event.unit.name, id: event.unit.id, mention: ""), kind: event.kind, title: "",
                date: EventDate(value: event.date.value, basis: .unresolved),
                documents: event.documents.map { DocumentReference(code: $0.code, type: "", number: nil, issuer: nil, date: nil) })
        }
        return result
    }

    /// The digest of what a merge takes from an event that is not the first of its group
    /// (`ChronologyBuilder.fill`): chair, organizer, period, people, documents and credits, as
    /// the store writes them. Two reports with equal digests add the same values to a merged
    /// event; copies of an article that resolved other dates still share it.
    static func digest(_ event: Event) -> Hash128.Digest {
        var w = RecordBinary.Writer()
        w.optional(event.chair) { $0.person($1) }
        w.string(event.organizer)
        w.string(event.period)
        w.count(event.people.count)
        for person in event.people { w.person(person) }
        w.count(event.documents.count)
        for document in event.documents { w.document(document) }
        w.count(event.credits.count)
        for credit in event.credits { w.string(credit) }
        var hash = Hash128("summary-fill")
        hash.add(bytes: w.bytes)
        return hash.digest
    }
}
