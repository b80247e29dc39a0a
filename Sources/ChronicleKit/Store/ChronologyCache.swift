import Foundation

/// The store's cached chronology: the last `BuiltChronology`, kept under a fingerprint of
/// everything it was built from.
///
/// A nightly run over an archive where nothing changed finds the same fingerprint and skips
/// reading every file's records, applying the corrections and merging: it only writes the
/// reports again (their "as of" date changes every day).
///
/// The fingerprint covers: every file whose records enter the chronology (path, display path,
/// content hash, whether it is still in the inputs), the extractor version, the rules
/// fingerprint, the window, the corrections file's bytes and the working folder. Any change to one of them — a new,
/// changed or vanished file, an edited correction, another window — gives another fingerprint,
/// and the chronology is built from the records again.
public struct ChronologyCache: Sendable {
    public var fingerprint: String
    public var built: BuiltChronology

    public init(fingerprint: String, built: BuiltChronology) {
        self.fingerprint = fingerprint
        self.built = built
    }

    /// One input of the fingerprint: a file whose records enter the chronology.
    public struct Source: Sendable {
        public var path: String
        public var displayPath: String
        public var contentHash: String
        /// False for a vanished file kept without `--prune`.
        public var current: Bool

        public init(path: String, displayPath: String, contentHash: String, current: Bool) {
            self.path = path
            self.displayPath = displayPath
            self.contentHash = contentHash
            self.current = current
        }
    }

    /// The fingerprint of a chronology's inputs (sources in any order).
    public static func fingerprint(
        sources: [Source], extractorVersion: String, configFingerprint: String, window: DateWindow, corrections: URL,
        workingDirectory: String
    ) -> String {
        var hash = ContentHash.empty
        func add(_ text: String) {
            hash = hash.combined(with: text.utf8)
            hash = hash.combined(with: CollectionOfOne(0))
        }
        add("chronology-cache-1")
        // Problems name the corrections file relative to the working folder.
        add(workingDirectory)
        add(extractorVersion)
        add(configFingerprint)
        add(window.from.description)
        add(window.to.description)
        if let data = FileManager.default.contents(atPath: corrections.path) {
            add(String(data.count))
            hash = hash.combined(with: data)
        } else {
            add("no corrections file")
        }
        // Sources come in scan order, which is this order already but for vanished files.
        let inOrder = zip(sources, sources.dropFirst()).allSatisfy { ByteOrder.precedes($0.path, $1.path) }
        let sorted = inOrder ? sources : sources.sorted { ByteOrder.precedes($0.path, $1.path) }
        add(String(sorted.count))
        // A second, differently seeded hash of the file list: the list is the part that grows
        // with the archive, and two 64-bit hashes make an accidental match out of the question.
        var first = hash.value
        var second: UInt64 = 0x84222325cbf29ce4
        for source in sorted {
            Self.fnv(source.path, &first, &second)
            Self.fnv(source.displayPath, &first, &second)
            Self.fnv(source.contentHash, &first, &second)
            Self.fnv(source.current ? "1" : "0", &first, &second)
        }
        hash = ContentHash(value: first)
        let secondHash = ContentHash(value: second)
        return hash.description + secondHash.description
    }

    /// FNV-1a of `text` then a separator into both hashes (0 into the first, 1 into the
    /// second), as `ContentHash.combined(with:)` gives, over the string's bytes in place.
    private static func fnv(_ text: String, _ first: inout UInt64, _ second: inout UInt64) {
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var text = text
        text.withUTF8 { bytes in
            var a = first, b = second
            for byte in bytes {
                a = (a ^ UInt64(byte)) &* prime
                b = (b ^ UInt64(byte)) &* prime
            }
            first = a &* prime  // ^ 0
            second = (b ^ 1) &* prime
        }
    }

    /// 4: the checksum is taken piece by piece (`piece`), so that the stored form can be written
    /// out as it is encoded. 3: the event lists in `EventList`'s stored form.
    static let version: UInt8 = 4

    /// The stored form is written, and its checksum taken, in pieces of this many bytes.
    static let piece = 1 << 20
}

// MARK: Stored form

/// The form the store keeps a built chronology in (`ChronologyCache`), also the end of a report outline.
extension BuiltChronology {
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
    /// `cuttingDated`, the dated events are written as it changes them (`EventList.write`).
    public func write(
        cuttingDated cut: ((ChronologyEvent) -> ChronologyEvent)? = nil, to emit: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var hash = ReportHash("chronology-cache")
        var w = RecordBinary.Writer()
        w.bytes.reserveCapacity(ChronologyCache.piece + 64 * 1024)
        func flush(_ w: inout RecordBinary.Writer, final: Bool) throws {
            var start = 0
            try w.bytes.withUnsafeBytes { raw in
                while raw.count - start >= ChronologyCache.piece || (final && start < raw.count) {
                    let part = UnsafeRawBufferPointer(rebasing: raw[start..<min(raw.count, start + ChronologyCache.piece)])
                    hash.add(raw: part)
                    try emit(part)
                    start += part.count
                }
            }
            if start > 0 { w.bytes.removeFirst(start) }
        }
        func partial(_ w: inout RecordBinary.Writer) throws {
            if w.bytes.count >= ChronologyCache.piece { try flush(&w, final: false) }
        }
        w.bytes.append(ChronologyCache.version)
        w.date(chronology.window.from)
        w.date(chronology.window.to)
        w.int(chronology.outsideWindow)
        try chronology.events.write(to: &w, mapping: cut, flush: partial)
        try chronology.undated.write(to: &w, flush: partial)
        w.count(problems.count)
        for problem in problems {
            w.string(problem.source)
            w.string(problem.reason)
            try partial(&w)
        }
        w.int(articles)
        w.int(suppressed)
        try flush(&w, final: true)
        // A checksum of all of it: events are decoded only when read, long after this is checked.
        let digest = hash.digest
        var tail: [UInt8] = []
        for lane in [digest.first, digest.second] {
            withUnsafeBytes(of: lane.littleEndian) { tail.append(contentsOf: $0) }
        }
        try tail.withUnsafeBytes { try emit($0) }
    }

    /// The checksum of a stored form without its last 16 bytes, piece by piece as it was written.
    private static func checksum(_ raw: UnsafeRawBufferPointer) -> ReportHash.Digest {
        var hash = ReportHash("chronology-cache")
        var start = 0
        while start < raw.count {
            let end = min(raw.count, start + ChronologyCache.piece)
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
        let digest = Self.checksum(raw)
        guard UInt64(littleEndian: stored.loadUnaligned(fromByteOffset: raw.count, as: UInt64.self)) == digest.first,
              UInt64(littleEndian: stored.loadUnaligned(fromByteOffset: raw.count + 8, as: UInt64.self)) == digest.second
        else { throw RecordBinaryError.corrupt }
        var r = RecordBinary.Reader(bytes: raw)
        guard try r.byte() == ChronologyCache.version else { throw RecordBinaryError.unknownVersion }
        let window = DateWindow(from: try r.date(), to: try r.date())
        let outside = try r.int()
        let events = try EventList(reading: &r)
        let undated = try EventList(reading: &r)
        var problems: [ArticleProblem] = []
        for _ in 0..<(try r.count()) { problems.append(ArticleProblem(source: try r.string(), reason: try r.string())) }
        let articles = try r.int()
        let suppressed = try r.int()
        guard r.offset == raw.count else { throw RecordBinaryError.corrupt }
        self.init(
            chronology: Chronology(window: window, events: events, undated: undated, outsideWindow: outside),
            problems: problems, articles: articles, suppressed: suppressed)
    }
}
