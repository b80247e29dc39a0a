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
        // 2: copies of an article merged, outside-window meetings counted once, ids kept.
        add("chronology-cache-2")
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
        var second = FNV1a.offsetBasis << 32 | FNV1a.offsetBasis >> 32  // 0x84222325cbf29ce4
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

    /// Both hashes continued with `text` (FNV-1a over the string's bytes in place) then a
    /// separator, 0 into the first and 1 into the second.
    private static func fnv(_ text: String, _ first: inout UInt64, _ second: inout UInt64) {
        var text = text
        text.withUTF8 { bytes in
            first = FNV1a.mix(FNV1a.hash(bytes, from: first), 0)
            second = FNV1a.mix(FNV1a.hash(bytes, from: second), 1)
        }
    }
}
