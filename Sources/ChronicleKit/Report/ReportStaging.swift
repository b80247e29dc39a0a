import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of one report run, written to temporary files first and renamed into place only
/// when every format has been written (and the XML validated): a failure anywhere leaves the old
/// reports as they were and no temporary files behind.
final class ReportStaging {
    let root: URL
    private(set) var sinks: [AtomicFileSink] = []

    init(root: URL) {
        self.root = root
    }

    /// Opens a temporary file for `relativePath` under the output folder.
    func open(_ relativePath: String) throws -> AtomicFileSink {
        let sink = try AtomicFileSink(url: root.appendingPathComponent(relativePath))
        sinks.append(sink)
        return sink
    }

    /// Flushes every file to disk, then renames them all into place; returns the targets in the
    /// order they were opened.
    ///
    /// A run writes a thousand unit files and more: one fsync per file and per rename cost more
    /// than rendering them. So the files are closed, the file system is synced once (syncfs(2);
    /// per-file fsync where that is not available), and only then renamed, each folder fsynced
    /// once at the end. A kill still leaves every target either old or new and complete: no
    /// rename happens before all the new data is on disk.
    func commit() throws -> [URL] {
        try Self.commit([self])
    }

    /// Commits several stagings of the same output folder as one: one sync, then every rename.
    static func commit(_ stagings: [ReportStaging]) throws -> [URL] {
        let sinks = stagings.flatMap(\.sinks)
        guard let root = stagings.first?.root else { return [] }
        for sink in sinks { try sink.finish(sync: false) }
        if !Self.syncFileSystem(containing: root) {
            for sink in sinks { try Self.fsyncFile(sink) }
        }
        var folders: [String] = []
        var seen = Set<String>()
        for sink in sinks {
            try sink.commit(syncDirectory: false)
            let folder = sink.url.deletingLastPathComponent().path
            if seen.insert(folder).inserted { folders.append(folder) }
        }
        for folder in folders { AtomicFileSink.syncDirectory(folder) }
        return sinks.map(\.url)
    }

    private static func syncFileSystem(containing folder: URL) -> Bool {
        #if os(Linux)
        // syncfs(2) is a GNU extension Glibc's Swift module does not show; looked up once.
        guard let syncfs = Self.syncfs else { return false }
        let fd = Glibc.open(folder.path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return syncfs(fd) == 0
        #else
        return false
        #endif
    }

    #if os(Linux)
    private typealias SyncFS = @convention(c) (Int32) -> Int32
    nonisolated(unsafe) private static let syncfs: SyncFS? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: SyncFS.self)
    }()
    #endif

    private static func fsyncFile(_ sink: AtomicFileSink) throws {
        let fd = Foundation.open(sink.temporaryURL.path, O_RDONLY)
        guard fd >= 0, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            throw OutputError.cannotWrite(path: sink.url.path, reason: reason)
        }
        close(fd)
    }

    /// Removes every temporary file not yet committed.
    func discard() {
        for sink in sinks { sink.discard() }
    }
}
