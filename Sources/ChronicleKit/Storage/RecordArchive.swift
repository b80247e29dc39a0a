/// The records a chronology is built from, kept in their stored binary form (`RecordBinary`, one
/// blob per file, shared with the store rows) and decoded one record at a time when needed.
///
/// At a large archive the decoded records weigh three times their binary form, and a run used to
/// hold all of them while it merged; the builder needs only a few fields of each report to group
/// them, and whole records only for the groups it merges.
struct RecordArchive {
    private var blobs: [Blob] = []
    /// Names decoded once for all records (see `StringPool`).
    let pool = StringPool()
    private var locations: [Location] = []
    /// Records the corrections changed, by index; they take the place of the stored ones.
    private var replaced: [Int: ArticleRecord] = [:]
    /// Articles that could not be read, and the warnings of those read, in the order they were added.
    private(set) var problems: [ArticleProblem] = []

    private struct Location {
        var blob: Int32
        var offset: Int32
    }

    init() {}

    var count: Int { locations.count }

    /// A file's records in binary form: in memory, or written to the run's spool.
    enum Blob: Sendable {
        case bytes([UInt8])
        case spooled(ScratchFile.Span)

        func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
            switch self {
            case .bytes(let bytes): return try bytes.withUnsafeBytes(body)
            case .spooled(let span): return try span.bytes().withUnsafeBytes(body)
            }
        }

        /// The bytes from `start` up to `end` (the end of the records when nil): one record of
        /// a spooled blob is read alone, so a crawler export of thousands of lines is not read
        /// whole again for every line.
        func withBytes<T>(from start: Int, to end: Int?, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
            var reader: ScratchFileReader? = nil
            return try withBytes(from: start, to: end, reader: &reader, body)
        }

        /// The same, a spooled record read through `reader` when there is one (a loop over
        /// records in about the order they were spooled: one `pread` for a window of them).
        func withBytes<T>(
            from start: Int, to end: Int?, reader: inout ScratchFileReader?, _ body: (UnsafeRawBufferPointer) throws -> T
        ) throws -> T {
            switch self {
            case .bytes(let bytes):
                let stop = end ?? bytes.count - RecordBinary.checksumSize
                return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<stop])) }
            case .spooled(let span):
                let stop = end ?? span.count - RecordBinary.checksumSize
                let part = ScratchFile.Span(file: span.file, offset: span.offset + Int64(start), count: stop - start)
                if reader != nil { return try reader!.withBytes(part, body) }
                return try part.bytes().withUnsafeBytes(body)
            }
        }
    }

    /// One file's records in binary form with where each starts.
    struct Entry: Sendable {
        private(set) var blob: Blob
        /// Where each record starts in the blob.
        private(set) var offsets: [Int32]
        /// The records that could not be read, by position in `offsets`, as problems: few, so
        /// kept apart rather than an optional beside every offset of a large export.
        private(set) var unreadable: [(index: Int32, problem: ArticleProblem)]
        /// The warnings of its readable records (`ArticleRecord.warnings`), each with its record's source.
        private(set) var warnings: [ArticleProblem]

        init(blob: Blob, offsets: [Int32], unreadable: [(index: Int32, problem: ArticleProblem)], warnings: [ArticleProblem]) {
            self.blob = blob
            self.offsets = offsets
            self.unreadable = unreadable
            self.warnings = warnings
        }

        /// The bytes, if they are still in memory.
        var bytes: [UInt8]? {
            if case .bytes(let bytes) = blob { return bytes }
            return nil
        }

        /// Moves the bytes to `spool`; they stay in memory if they cannot be written there.
        mutating func spill(to spool: ScratchFile?) {
            guard let spool, let bytes, let span = try? spool.append(bytes) else { return }
            blob = .spooled(span)
        }

        /// Encodes freshly extracted records (as `EntryWriter` does, in memory).
        init(records: [ArticleRecord]) {
            var writer = EntryWriter()
            for record in records { writer.add(record) }
            self = writer.finish(spool: nil)
        }

        /// Checks a stored blob (its checksum, and each record walked to its end); nil when it does
        /// not decode.
        init?(blob: [UInt8]) {
            guard let entry = blob.withUnsafeBytes({ Entry(stored: $0, spool: nil) }) else { return nil }
            self = entry
        }

        /// Checks a stored blob where it lies (the store's own buffer): its checksum, and each
        /// record walked to its end in its grouping view; keeps it in `spool` (in memory when there is none or it cannot be written);
        /// nil when it does not decode. A large export's records are not copied out first.
        init?(stored blob: UnsafeRawBufferPointer, spool: ScratchFile?) {
            guard blob.count < Int(Int32.max) else { return nil }
            var offsets: [Int32] = []
            var unreadable: [(index: Int32, problem: ArticleProblem)] = []
            var warnings: [ArticleProblem] = []
            do {
                try blob.withUnsafeBytes { raw in
                    // Each record walked and checked; only what its problems need is made.
                    try RecordBinary.forEachRecord(in: raw, groupingView: true) { start, record in
                        if let problem = Self.problem(record) { unreadable.append((Int32(offsets.count), problem)) }
                        offsets.append(Int32(start))
                        warnings += Self.warnings(record)
                    }
                }
            } catch {
                return nil
            }
            let kept: Blob = (try? spool?.append(blob)).map { .spooled($0) } ?? .bytes(Array(blob))
            self.init(blob: kept, offsets: offsets, unreadable: unreadable, warnings: warnings)
        }

        /// Record `index` of the file decoded whole, with names decoded through `pool`; nil when
        /// it does not decode.
        func record(at index: Int, pool: StringPool? = nil) -> ArticleRecord? {
            guard offsets.indices.contains(index) else { return nil }
            let next = index + 1 < offsets.count ? Int(offsets[index + 1]) : nil
            return try? blob.withBytes(from: Int(offsets[index]), to: next) { raw in
                var r = RecordBinary.Reader(bytes: raw)
                r.pool = pool
                return try r.record()
            }
        }

        /// The entry without the records that could not be read and without warnings (a
        /// vanished file keeps its events; what was wrong with it is no longer news).
        func readableOnly() -> Entry {
            var entry = self
            let dropped = Set(unreadable.map(\.index))
            entry.offsets = offsets.indices.filter { !dropped.contains(Int32($0)) }.map { offsets[$0] }
            entry.unreadable = []
            entry.warnings = []
            return entry
        }

        /// The problem of a record that could not be read; nil for one that could.
        static func problem(_ record: ArticleRecord) -> ArticleProblem? {
            record.status == .ok ? nil : ArticleProblem(source: record.source, reason: record.error ?? record.status.rawValue)
        }

        static func warnings(_ record: ArticleRecord) -> [ArticleProblem] {
            record.warnings.map { ArticleProblem(source: record.source, reason: $0) }
        }
    }

    /// Adds one file's records after those already added.
    mutating func append(_ entry: Entry) {
        let blob = Int32(blobs.count)
        blobs.append(entry.blob)
        for offset in entry.offsets { locations.append(Location(blob: blob, offset: offset)) }
        problems += entry.unreadable.map(\.problem)
        problems += entry.warnings
    }

    /// The record at `index`: the corrected one if the corrections changed it.
    func record(_ index: Int) -> ArticleRecord {
        read(index) { try $0.record() }
    }

    /// What grouping reads of the record at `index`, the rest of it passed over: `fields` of a
    /// stored one (`Reader.groupingFields`), `whole` of one the corrections replaced. Grouping
    /// reads every record, merging only some.
    func grouping<T>(_ index: Int, fields: (GroupingFields) -> T, whole: (ArticleRecord) -> T) -> T {
        var reader: ScratchFileReader? = nil
        return grouping(index, fields: fields, whole: whole, reader: &reader)
    }

    private func grouping<T>(
        _ index: Int, fields: (GroupingFields) -> T, whole: (ArticleRecord) -> T, reader: inout ScratchFileReader?
    ) -> T {
        if let record = replaced[index] { return whole(record) }
        return fields(read(index, pooled: false, reader: &reader) { try $0.groupingFields() })
    }

    /// The same for the records of `range`, in order, read on all cores, a run of neighbours at a
    /// time through a window of the spool (`ScratchFileReader`): the records of a large
    /// archive's night and of every cold run are mostly spooled, in the order read here, and one
    /// `pread` a record was a third of reading them. Grouping reads every record of the archive,
    /// on a night the longest part of building the chronology.
    func groupingOnAllCores<T: Sendable>(
        _ range: Range<Int>, fields: @escaping @Sendable (GroupingFields) -> T, whole: @escaping @Sendable (ArticleRecord) -> T
    ) -> [T] {
        let archive = SharedArchive(archive: self)
        let runs = Array(stride(from: range.lowerBound, to: range.upperBound, by: Self.groupingRun))
        return runs.parallelMap(chunk: 1) { start in
            var reader: ScratchFileReader? = ScratchFileReader()
            return (start..<min(start + Self.groupingRun, range.upperBound)).map {
                archive.archive.grouping($0, fields: fields, whole: whole, reader: &reader)
            }
        }.flatMap { $0 }
    }

    /// Records a thread reads through one window in `groupingOnAllCores`: some 300 bytes each
    /// in a summary archive, about half the reader's window.
    static let groupingRun = 256

    /// The archive read from several threads: only reads that leave the string pool alone.
    private struct SharedArchive: @unchecked Sendable {
        let archive: RecordArchive
    }

    /// What ranking in a merge reads of the record at `index` (`Reader.recordForRanking`).
    func rankingView(_ index: Int) -> RankingView {
        if let record = replaced[index] {
            return RankingView(source: EventSource(record), dates: record.events.map(\.date.value))
        }
        return read(index, decoding: { try $0.recordForRanking() })
    }

    private func read(_ index: Int, _ decode: (inout RecordBinary.Reader) throws -> ArticleRecord) -> ArticleRecord {
        if let record = replaced[index] { return record }
        return read(index, decoding: decode)
    }

    private func read<T>(_ index: Int, pooled: Bool = true, decoding decode: (inout RecordBinary.Reader) throws -> T) -> T {
        var reader: ScratchFileReader? = nil
        return read(index, pooled: pooled, reader: &reader, decoding: decode)
    }

    private func read<T>(
        _ index: Int, pooled: Bool, reader: inout ScratchFileReader?, decoding decode: (inout RecordBinary.Reader) throws -> T
    ) -> T {
        let location = locations[index]
        // The record ends where the next one of the same blob starts, or where the records end.
        let next = index + 1 < locations.count && locations[index + 1].blob == location.blob ? Int(locations[index + 1].offset) : nil
        let record = try? blobs[Int(location.blob)].withBytes(from: Int(location.offset), to: next, reader: &reader) { raw -> T in
            var r = RecordBinary.Reader(bytes: raw)
            r.pool = pooled ? pool : nil
            return try decode(&r)
        }
        // The entry decoded (or encoded) this very record; failing now would mean the bytes
        // changed under the run (its scratch file altered).
        guard let record else { preconditionFailure("a record of this run no longer decodes") }
        return record
    }

    /// Puts `record` in the place of the record at `index`.
    mutating func replace(_ index: Int, with record: ArticleRecord) {
        replaced[index] = record
    }
}
