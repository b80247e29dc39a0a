import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the last run left in the output folder: for each report file, the key of what it shows
/// (`ReportKeys`) and the identity of the file it wrote (inode, size, modification time).
///
/// A report whose key has not changed and whose file is still the one written (not edited,
/// replaced or deleted since) is not written again, so a nightly run over an unchanged archive
/// costs a `stat` per report instead of rendering every report again. Kept in
/// `<output>/.chronicle/reports.manifest`; a missing or unreadable manifest only means every
/// report is written.
struct ReportManifest: Equatable {
    struct Entry: Equatable {
        var key: String
        var identity: FileIdentity
    }

    /// Entries by path relative to the output folder.
    private(set) var entries: [String: Entry] = [:]

    static let header = "chronicle-report-manifest 1"

    init() {}

    /// Reads a manifest; nil when it is missing or not one this version wrote.
    init?(contentsOf url: URL) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let parsed: [String: Entry]? = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)[...]
            guard let first = lines.popFirst(), first.elementsEqual(Self.header.utf8) else { return nil }
            var entries: [String: Entry] = [:]
            entries.reserveCapacity(lines.count)
            for line in lines {
                let fields = line.split(separator: 0x09, maxSplits: 5, omittingEmptySubsequences: false)
                guard fields.count == 6, let size = Self.number(fields[1]), let inode = Self.number(fields[2]),
                    let seconds = Self.number(fields[3]), let nanoseconds = Self.number(fields[4])
                else { return nil }
                entries[String(decoding: fields[5], as: UTF8.self)] = Entry(
                    key: String(decoding: fields[0], as: UTF8.self),
                    identity: FileIdentity(size: Int64(size), inode: inode, seconds: Int64(seconds), nanoseconds: Int64(nanoseconds)))
            }
            return entries
        }
        guard let parsed else { return nil }
        entries = parsed
    }

    /// A decimal number of ASCII digits; nil for anything else.
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 19 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + UInt64(byte - 0x30)
        }
        return value
    }

    /// Whether `path` (relative to `root`) still holds what was written from `key`.
    func isCurrent(_ path: String, key: String, root: URL) -> Bool {
        guard let entry = entries[path], entry.key == key else { return false }
        return FileIdentity(path: root.path + "/" + path) == entry.identity
    }

    /// Paths in the order the entries were added (the writer adds them in report order), so the
    /// text is the same from run to run without sorting thousands of paths.
    private(set) var order: [String] = []

    mutating func set(_ path: String, _ entry: Entry) {
        if entries.updateValue(entry, forKey: path) == nil { order.append(path) }
    }

    /// The manifest's text, one line per entry.
    var text: String {
        var out = Self.header + "\n"
        for path in order {
            let entry = entries[path]!
            let id = entry.identity
            out += "\(entry.key)\t\(id.size)\t\(id.inode)\t\(id.seconds)\t\(id.nanoseconds)\t\(path)\n"
        }
        return out
    }

    func write(to url: URL) throws {
        try AtomicFileWriter.write(text, to: url)
    }
}

/// Which file a path names and in what state: a rename puts a new inode in place, an edit moves
/// the size or the modification time.
struct FileIdentity: Equatable {
    var size: Int64
    var inode: UInt64
    var seconds: Int64
    var nanoseconds: Int64

    init(size: Int64, inode: UInt64, seconds: Int64, nanoseconds: Int64) {
        self.size = size
        self.inode = inode
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The identity of a regular file; nil when there is none at `path`.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        #if canImport(Darwin)
            seconds = Int64(info.st_mtimespec.tv_sec)
            nanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
            seconds = Int64(info.st_mtim.tv_sec)
            nanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
    }
}
