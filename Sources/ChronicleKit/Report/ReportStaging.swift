import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of one report run, written to temporary files first and renamed into place only
/// when every format has been written (and the XML validated): a failure before the renames
/// leaves the old reports as they were and no temporary files behind; the renames themselves are
/// journaled (`PublishJournal`), so a run stopped among them is completed by the next start.
final class ReportStaging {
    let root: URL
    private(set) var sinks: [AtomicFileSink] = []
    /// Each sink's target, relative to `root`.
    private var paths: [String] = []
    /// The files being synced ahead of the commit (`syncAhead`): the first `count` sinks, and
    /// the thread's failures once `done` is signalled.
    private var ahead: (count: Int, done: DispatchSemaphore, failures: FailureList)?

    init(root: URL) {
        self.root = root
    }

    /// Opens a temporary file for `relativePath` under the output folder.
    /// Formats write their files one after another, so opening a file closes the previous one
    /// (written, not yet synced): a thousand unit files never hold a thousand descriptors and buffers.
    func open(_ relativePath: String) throws -> AtomicFileSink {
        try sinks.last?.finish(sync: false)
        let sink = try AtomicFileSink(url: root.appendingPathComponent(relativePath))
        sinks.append(sink)
        paths.append(relativePath)
        return sink
    }

    /// Flushes every file to disk, then renames them all into place; returns the targets in the
    /// order they were opened.
    ///
    /// A run writes a thousand unit files and more: one fsync after each file and one of its
    /// folder after each rename cost more than rendering them. So the files are closed, then
    /// fsynced from several threads at once (the file system commits them in shared journal
    /// transactions; syncfs(2) would also wait for every other process's writes), and only then
    /// renamed, each folder fsynced once at the end. A kill still leaves every target either
    /// old or new and complete: no rename happens before all the new data is on disk.
    func commit(journal: PublishJournal? = nil) throws -> [URL] {
        try Self.commit([self], journal: journal)
    }

    /// Closes the files written so far and starts making them durable on another thread, so that
    /// the commit of several stagings waits only for the files of the last one written: the
    /// disk writes a format's files while the other formats are still rendered.
    func syncAhead() throws {
        precondition(ahead == nil, "a staging is synced ahead once")
        for sink in sinks { try sink.finish(sync: false) }
        let files = unsynced
        let done = DispatchSemaphore(value: 0), failures = FailureList()
        ahead = (sinks.count, done, failures)
        let worker = Thread {
            Self.fsyncAll(files, failures: failures)
            done.signal()
        }
        worker.start()
    }

    /// Waits for the files synced ahead; the first failure, as the commit reports it.
    private func waitForAhead() -> (String, String)? {
        guard let ahead else { return nil }
        ahead.done.wait()
        ahead.done.signal()
        return ahead.failures.first()
    }

    /// The files the commit still has to sync: those not synced ahead.
    private var unsynced: [(temporary: String, target: String)] {
        sinks.dropFirst(ahead?.count ?? 0).map { ($0.temporaryURL.path, $0.url.path) }
    }

    /// Commits several stagings of the same output folder as one: one sync pass, then every
    /// rename. With a `journal`, the renames are written down first (when there are two or more:
    /// one rename is atomic by itself), so that a run stopped among them leaves the set for the
    /// next start to complete rather than a mix of old and new reports; from then on a failed
    /// rename leaves the temporary files in place for it. `afterRename` is called with the number
    /// of files renamed so far, after each rename (tests stop a commit half-way through with it).
    static func commit(
        _ stagings: [ReportStaging], journal: PublishJournal? = nil, afterRename: ((Int) throws -> Void)? = nil
    ) throws -> [URL] {
        let sinks = stagings.flatMap(\.sinks)
        for sink in sinks { try sink.finish(sync: false) }
        let failures = FailureList()
        fsyncAll(stagings.flatMap(\.unsynced), failures: failures)
        for staging in stagings { if let (target, reason) = staging.waitForAhead() { failures.add(target, reason) } }
        if let (target, reason) = failures.first() { throw OutputError.cannotWrite(path: target, reason: reason) }
        if let journal, sinks.count > 1 {
            try journal.write(stagings.flatMap(\.renames))
            for sink in sinks { sink.journal() }
        }
        var folders: [String] = []
        var seen = Set<String>()
        for (index, sink) in sinks.enumerated() {
            try sink.commit(syncDirectory: false)
            try afterRename?(index + 1)
            let folder = sink.url.deletingLastPathComponent().path
            if seen.insert(folder).inserted { folders.append(folder) }
        }
        for folder in folders { AtomicFileSink.syncDirectory(folder) }
        if let journal, sinks.count > 1 { journal.remove() }
        return sinks.map(\.url)
    }

    /// Each file's rename, relative to the output folder, for the publish journal.
    private var renames: [PublishJournal.Rename] {
        zip(sinks, paths).map { sink, path in
            let temporary = sink.temporaryURL.lastPathComponent
            let folder = (path as NSString).deletingLastPathComponent
            return PublishJournal.Rename(temporary: folder.isEmpty ? temporary : folder + "/" + temporary, target: path)
        }
    }

    /// fsyncs the files (temporary path, target path for messages) on up to 16 threads: fsync
    /// blocks on the disk, not the CPU, so more threads than cores help.
    private static func fsyncAll(_ files: [(temporary: String, target: String)], failures: FailureList) {
        guard !files.isEmpty else { return }
        let threads = min(16, files.count)
        let group = DispatchGroup()
        for thread in 0..<threads {
            group.enter()
            let worker = Thread {
                defer { group.leave() }
                var index = thread
                while index < files.count {
                    if let reason = fsyncFile(files[index].temporary) { failures.add(files[index].target, reason) }
                    index += threads
                }
            }
            worker.start()
        }
        group.wait()
    }

    /// fsyncs one file; the error text, or nil.
    private static func fsyncFile(_ path: String) -> String? {
        let fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        return fsync(fd) == 0 ? nil : String(cString: strerror(errno))
    }

    private final class FailureList: @unchecked Sendable {
        private var items: [(String, String)] = []
        private let lock = NSLock()

        func add(_ target: String, _ reason: String) {
            lock.lock()
            items.append((target, reason))
            lock.unlock()
        }

        func first() -> (String, String)? {
            lock.lock()
            defer { lock.unlock() }
            return items.min { $0.0 < $1.0 }
        }
    }

    /// Removes every temporary file not yet committed.
    func discard() {
        // No sync thread is left working on files removed under it.
        _ = waitForAhead()
        for sink in sinks { sink.discard() }
    }
}
