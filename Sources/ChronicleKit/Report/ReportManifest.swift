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
    var entries: [String: Entry] = [:]

    static let header = "chronicle-report-manifest 1"

    init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// Reads a manifest; nil when it is missing or not one this version wrote.
    init?(contentsOf url: URL) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(Self.header) else { return nil }
        for line in lines.dropFirst() {
            let fields = line.split(separator: "\t", maxSplits: 5, omittingEmptySubsequences: false)
            guard fields.count == 6, let size = Int64(fields[1]), let inode = UInt64(fields[2]),
                  let seconds = Int64(fields[3]), let nanoseconds = Int64(fields[4])
            else { return nil }
            entries[String(fields[5])] = Entry(
                key: String(fields[0]),
                identity: FileIdentity(size: size, inode: inode, seconds: seconds, nanoseconds: nanoseconds))
        }
    }

    /// Whether `path` (relative to `root`) still holds what was written from `key`.
    func isCurrent(_ path: String, key: String, root: URL) -> Bool {
        guard let entry = entries[path], entry.key == key else { return false }
        return FileIdentity(path: root.appendingPathComponent(path).path) == entry.identity
    }

    /// The manifest's text, entries sorted by path.
    var text: String {
        var out = Self.header + "\n"
        for path in entries.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
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
