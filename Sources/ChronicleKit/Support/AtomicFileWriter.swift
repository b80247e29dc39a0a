import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Errors writing output files.
enum OutputError: Error, CustomStringConvertible {
    case cannotCreateDirectory(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    /// A scratch file of the run (`ScratchFile`) could not be created, written or read.
    case scratchFile(path: String, action: String, reason: String)
    /// The reports' publish a killed or failed run left half-done cannot be completed
    /// (`PublishJournal`, at `path`).
    case interruptedPublish(path: String, reason: String)

    var description: String {
        switch self {
        case .interruptedPublish(let path, let reason):
            return "\(path): a run was stopped while it replaced the reports, and its work cannot be completed: \(reason). "
                + "Fix the cause and run again; or remove this journal: the next run then writes again every report it replaces"
        case .scratchFile(let path, let action, let reason): return "\(path): cannot \(action) this run's scratch file: \(reason)"
        case .cannotCreateDirectory(let path, let reason): return "\(path): cannot create folder: \(reason)"
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        }
    }
}

/// Writes a file whole or not at all: the bytes go to a temporary file beside the target, are
/// flushed to disk, and the temporary file is renamed over the target. A reader (or a run killed
/// half-way) sees either the old file or the new one, never a mix.
enum AtomicFileWriter {
    /// Writes every byte to `fd`, retrying short writes and EINTR; the error text on failure.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }

    static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreateDirectory(path: directory.path, reason: String(cString: strerror(errno)))
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw OutputError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        var failure = data.withUnsafeBytes { writeAll($0, to: fd) }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil && rename(temporary.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw OutputError.cannotWrite(path: url.path, reason: failure)
        }
        // Make the rename itself durable.
        let dirfd = open(directory.path, O_RDONLY)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }

    static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}

/// The streaming variant of `AtomicFileWriter`: bytes are appended through a buffer to a temporary
/// file beside the target; `finish()` flushes and fsyncs it, `commit()` renames it over the target
/// and `discard()` removes it. Until `commit()`, the target is untouched, so a writer that fails
/// half-way (or a set of files of which one fails) leaves the old files in place and no temp files.
final class AtomicFileSink {
    let url: URL
    let temporaryURL: URL
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    private var finished = false
    private var done = false
    /// Listed in a publish journal: only the rename, or the next start completing it, may
    /// touch the temporary file now.
    private var journaled = false

    /// Creates the folder if needed and opens the temporary file.
    init(url: URL) throws {
        self.url = url
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreateDirectory(path: directory.path, reason: Self.reason(error))
        }
        temporaryURL = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        fd = open(temporaryURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw OutputError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
    }

    deinit {
        if !done { discard() }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }

    /// Appends text as UTF-8.
    func write(_ text: String) throws {
        var text = text
        text.withUTF8 { bytes in buffer.append(contentsOf: bytes) }
        if buffer.count >= capacity { try flush() }
    }

    /// Appends raw bytes.
    func write(bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    private func flush() throws {
        let failure = buffer.withUnsafeBytes { AtomicFileWriter.writeAll($0, to: fd) }
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw OutputError.cannotWrite(path: url.path, reason: failure) }
    }

    /// Writes what is buffered, fsyncs and closes the temporary file (the target is not yet replaced).
    func finish() throws {
        try finish(sync: true)
    }

    /// Writes what is buffered and closes the temporary file; with `sync: false` the caller
    /// makes the data durable itself (`ReportStaging` syncs all its files at once) before `commit`.
    func finish(sync: Bool) throws {
        guard !finished else { return }
        try flush()
        // A run stages a thousand files and more until the commit: their buffers are let go here.
        buffer = []
        if sync && fsync(fd) != 0 { throw OutputError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        close(fd)
        fd = -1
        finished = true
    }

    /// Renames the finished temporary file over the target and makes the rename durable.
    func commit() throws {
        try commit(syncDirectory: true)
    }

    /// Renames the finished temporary file over the target; with `syncDirectory: false` the
    /// caller fsyncs the folder once for all the files renamed into it.
    func commit(syncDirectory: Bool) throws {
        try finish()
        if rename(temporaryURL.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            done = true
            throw OutputError.cannotWrite(path: url.path, reason: reason)
        }
        done = true
        if syncDirectory { Self.syncDirectory(url.deletingLastPathComponent().path) }
    }

    /// fsyncs a folder, making renames into it durable.
    static func syncDirectory(_ path: String) {
        let dirfd = open(path, O_RDONLY)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }

    /// Hands the finished temporary file to a publish journal that lists it: a failed rename
    /// or `discard()` no longer removes it, since the next start renames it into place with
    /// the rest of the set.
    func journal() {
        journaled = true
    }

    /// Removes the temporary file, unless a publish journal lists it; the target keeps its old content.
    func discard() {
        guard !done, !journaled else { return }
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        unlink(temporaryURL.path)
        done = true
    }
}
