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
        fingerprint(
            sources: sources[...], extractorVersion: extractorVersion, configFingerprint: configFingerprint, window: window,
            corrections: corrections, workingDirectory: workingDirectory)
    }

    /// The same for sources made as they are read (a lazy collection): a list of them is made
    /// only when they are not in path order.
    static func fingerprint<Sources: Collection>(
        sources: Sources, extractorVersion: String, configFingerprint: String, window: DateWindow, corrections: URL,
        workingDirectory: String
    ) -> String where Sources.Element == Source {
        var hash = ContentHash.empty
        func add(_ text: String) {
            hash = hash.combined(with: text.utf8)
            hash = hash.combined(with: CollectionOfOne(0))
        }
        // 2: copies of an article merged, outside-window meetings counted once, ids kept;
        // 3: the file list in a `Hash128`.
        add("chronology-cache-3")
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
        add(String(sources.count))
        // The file list, the part that grows with the archive, in a 128-bit hash taken eight bytes
        // at a time (two byte-by-byte FNV-1a hashes of every path cost a night some 20 ms at 50,000 files).
        var list = Hash128("chronology-cache-files")
        func addSource(_ source: Source) {
            list.add(source.path)
            list.add(source.displayPath)
            list.add(source.contentHash)
            list.add(source.current)
        }
        // Sources come in scan order, which is this order already but for vanished files: they
        // are hashed as they come, each made once, and sorted only when one is out of order.
        var previous: String?
        for source in sources {
            if let previous, !ByteOrder.precedes(previous, source.path) {
                list = Hash128("chronology-cache-files")
                for source in sources.sorted(by: { ByteOrder.precedes($0.path, $1.path) }) { addSource(source) }
                break
            }
            addSource(source)
            previous = source.path
        }
        let digest = list.digest
        return hash.description + ContentHash(value: digest.first).description + ContentHash(value: digest.second).description
    }
}
