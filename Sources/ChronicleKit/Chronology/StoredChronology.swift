import Foundation

/// The form the store keeps a built chronology in (`ChronologyCache`), also the end of a report
/// outline (`ReportOutline`).
extension BuiltChronology {
    enum StoredForm {
        /// 5: a source holds its article's publication date. 4: the checksum is taken piece by piece (`piece`), so that the stored form can be
        /// written out as it is encoded. 3: the event lists in `EventList`'s stored form.
        /// 5: a problem says which correction matched nothing; ids are kept from run to run and
        /// copies of an article merged (`EventIdentity`, `ArticleCopies`).
        /// 6: a chronology event's source keeps its article's publication date.
        /// 7: each event list ends with its events' content hashes (`EventList.digests`).
        /// 8: each event list says how many of its strings were in use when it was last encoded
        /// whole (`EventList.Storage.freshStrings`).
        static let version: UInt8 = 8

        /// The stored form is written, and its checksum taken, in pieces of this many bytes.
        static let piece = 1 << 20
    }

    /// The stored form in one array (tests, small chronologies); runs stream it (`write(to:)`).
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        // The closure does not throw, so neither does the writing.
        try? write { out.append(contentsOf: $0) }
        return out
    }

    /// The number of bytes of the stored form, found by writing it without keeping it.
    public func encodedCount() -> Int {
        var count = 0
        try? write { count += $0.count }
        return count
    }

    /// Writes the stored form through `emit` in pieces of `piece` bytes (the last shorter), its
    /// checksum last: at a large archive it is tens of megabytes, never held whole. With
    /// `cuttingDated`, the dated events are written as it changes them (`EventList.write`); with
    /// `listingDated`, as their listings (`EventList.writeListings`, without decoding them).
    public func write(
        cuttingDated cut: ((ChronologyEvent) -> ChronologyEvent)? = nil, listingDated: Bool = false,
        to emit: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var hash = Hash128("chronology-cache")
        var w = RecordBinary.Writer()
        w.bytes.reserveCapacity(StoredForm.piece + 64 * 1024)
        func flush(_ w: inout RecordBinary.Writer, final: Bool) throws {
            var start = 0
            try w.bytes.withUnsafeBytes { raw in
                while raw.count - start >= StoredForm.piece || (final && start < raw.count) {
                    let part = UnsafeRawBufferPointer(rebasing: raw[start..<min(raw.count, start + StoredForm.piece)])
                    hash.add(raw: part)
                    try emit(part)
                    start += part.count
                }
            }
            if start > 0 { w.bytes.removeFirst(start) }
        }
        func partial(_ w: inout RecordBinary.Writer) throws {
            if w.bytes.count >= StoredForm.piece { try flush(&w, final: false) }
        }
        w.bytes.append(StoredForm.version)
        w.date(chronology.window.from)
        w.date(chronology.window.to)
        w.int(chronology.outsideWindow)
        if listingDated {
            try chronology.events.writeListings(to: &w, flush: partial)
        } else {
            try chronology.events.write(to: &w, mapping: cut, flush: partial)
        }
        try chronology.undated.write(to: &w, flush: partial)
        w.count(problems.count)
        for problem in problems {
            w.problem(problem)
            try partial(&w)
        }
        w.int(articles)
        w.int(suppressed)
        try flush(&w, final: true)
        // A checksum of all of it: events are decoded only when read, long after this is checked.
        var tail = RecordBinary.Writer()
        tail.digest(hash.digest)
        try tail.bytes.withUnsafeBytes { try emit($0) }
    }

    /// The checksum of a stored form without its last 16 bytes, piece by piece as it was written.
    private static func checksum(_ raw: UnsafeRawBufferPointer) -> Hash128.Digest {
        var hash = Hash128("chronology-cache")
        var start = 0
        while start < raw.count {
            let end = min(raw.count, start + StoredForm.piece)
            hash.add(raw: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
            start = end
        }
        return hash.digest
    }

    public init(decoding bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBytes { try BuiltChronology(decoding: $0) }
    }

    init(decoding stored: UnsafeRawBufferPointer) throws {
        guard stored.count > 16 else { throw RecordBinaryError.corrupt }
        let raw = UnsafeRawBufferPointer(rebasing: stored[0..<(stored.count - 16)])
        var tail = RecordBinary.Reader(bytes: UnsafeRawBufferPointer(rebasing: stored[raw.count...]))
        guard try tail.digest() == Self.checksum(raw) else { throw RecordBinaryError.corrupt }
        var r = RecordBinary.Reader(bytes: raw)
        guard try r.byte() == StoredForm.version else { throw RecordBinaryError.unknownVersion }
        let window = DateWindow(from: try r.date(), to: try r.date())
        let outside = try r.int()
        let events = try EventList(reading: &r)
        let undated = try EventList(reading: &r)
        var problems: [ArticleProblem] = []
        for _ in 0..<(try r.count()) { problems.append(try r.problem()) }
        let articles = try r.int()
        let suppressed = try r.int()
        guard r.offset == raw.count else { throw RecordBinaryError.corrupt }
        self.init(
            chronology: Chronology(window: window, events: events, undated: undated, outsideWindow: outside),
            problems: problems, articles: articles, suppressed: suppressed)
    }
}
