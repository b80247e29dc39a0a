import Foundation

/// A scratch file for bytes a run needs again later but should not hold: the records it
/// extracts or reads back while it builds the chronology, the Markdown rows of the reports.
///
/// At a large archive the records' binary form alone is hundreds of megabytes. Held in memory it
/// would sit beside the chronology being built; written here, each piece is read back with
/// `pread` when needed, and those pages stay in the system's file cache rather than in the
/// job's own memory. The file is unlinked as soon as it is opened, so nothing is left behind
/// whatever way the run ends.
final class ScratchFile: @unchecked Sendable {
    private let descriptor: Int32
    private let path: String
    private let lock = NSLock()
    /// Where the next blob goes.
    private var end: Int64 = 0
    /// The bytes in the file: those after it, up to `end`, wait in `pending`. A cold run spools a
    /// record and a summary per article; a write each was a fifth of its kernel time.
    private var written: Int64 = 0
    private var pending: [UInt8] = []
    /// A write failed (the disk full): what was pending stays in memory and is read from there,
    /// and every later append fails, so that its caller keeps its bytes itself.
    private var failure: (any Error)?

    /// A blob written to the spool.
    struct Span: Sendable, Hashable {
        let file: ScratchFile
        let offset: Int64
        let count: Int

        /// The bytes written there.
        func bytes() throws -> [UInt8] { try file.read(self) }

        static func == (lhs: Span, rhs: Span) -> Bool {
            lhs.file === rhs.file && lhs.offset == rhs.offset && lhs.count == rhs.count
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(ObjectIdentifier(file))
            hasher.combine(offset)
        }
    }

    /// Opens a new, already unlinked scratch file in `directory`; `name` tells what it holds.
    init(directory: URL, name: String) throws {
        path = directory.appendingPathComponent(".\(name)-\(getpid()).scratch").path
        descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw OutputError.scratchFile(path: path, action: "create", reason: String(cString: strerror(errno)))
        }
        unlink(path)
    }

    deinit { close(descriptor) }

    /// Appends `bytes`; safe to call from several threads.
    func append(_ bytes: [UInt8]) throws -> Span {
        try append(pieces: [bytes])
    }

    /// Appends the pieces one after the other as one span (a blob built in pieces is not
    /// joined in memory first); safe to call from several threads.
    func append(pieces: [[UInt8]]) throws -> Span {
        lock.lock()
        defer { lock.unlock() }
        return try gather(count: pieces.reduce(0) { $0 + $1.count }) { take in
            for piece in pieces { try piece.withUnsafeBytes(take) }
        }
    }

    /// Appends bytes held elsewhere (a stored blob read in place); safe to call from several threads.
    func append(_ bytes: UnsafeRawBufferPointer) throws -> Span {
        lock.lock()
        defer { lock.unlock() }
        return try gather(count: bytes.count) { take in try take(bytes) }
    }

    /// One blob of `count` bytes, given in parts to `parts`' argument: gathered in memory, or
    /// written straight to the file when it is as large as a flush. Lock held.
    private func gather(
        count: Int, _ parts: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws -> Span {
        try makeRoom(for: count)
        let span = Span(file: self, offset: end, count: count)
        if count >= Self.flushSize {
            try parts { try writeThrough($0) }
        } else {
            try parts { pending.append(contentsOf: $0) }
            end += Int64(count)
        }
        return span
    }

    /// Bytes gathered before they are written at once.
    static let flushSize = 256 << 10

    /// Writes what is pending when `count` more bytes would pass `flushSize` (or when they go
    /// straight to the file); throws when a write failed, now or before. Called with the lock held.
    private func makeRoom(for count: Int) throws {
        if let failure { throw failure }
        if !pending.isEmpty, pending.count + count >= Self.flushSize { try flush() }
    }

    /// Writes the pending bytes; on failure they stay pending, read from memory. Lock held.
    private func flush() throws {
        guard !pending.isEmpty else { return }
        do {
            try pending.withUnsafeBytes { try write($0, at: written) }
        } catch {
            failure = error
            throw error
        }
        written = end
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes a large blob straight after the pending bytes (written first). Lock held.
    private func writeThrough(_ bytes: UnsafeRawBufferPointer) throws {
        try flush()
        do {
            try write(bytes, at: end)
        } catch {
            failure = error
            throw error
        }
        end += Int64(bytes.count)
        written = end
    }

    /// Runs `body` with the file's descriptor at its start, for a reader that reads a descriptor
    /// to its end (libxml2's `xmlReaderForFd`); the descriptor stays the file's.
    func withDescriptorAtStart<T>(_ body: (Int32) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try flush()
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw OutputError.scratchFile(path: path, action: "read", reason: String(cString: strerror(errno)))
        }
        return try body(descriptor)
    }

    private func write(_ raw: UnsafeRawBufferPointer, at offset: Int64) throws {
        var done = 0
        while done < raw.count {
            let count = pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(offset) + off_t(done))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw OutputError.scratchFile(path: path, action: "write", reason: String(cString: strerror(errno)))
            }
            done += count
        }
    }

    /// Up to `count` written bytes from `offset` on, for `ScratchFileReader`; nil when `offset`
    /// is not written yet (a pending span is read from memory by `read`). A span starting at
    /// `offset` and no longer than `count` lies whole inside the result.
    func window(from offset: Int64, atMost count: Int) throws -> [UInt8]? {
        lock.lock()
        let available = written - offset
        lock.unlock()
        guard available > 0 else { return nil }
        return try read(Span(file: self, offset: offset, count: Int(min(Int64(count), available))))
    }

    fileprivate func read(_ span: Span) throws -> [UInt8] {
        // A span is pending whole or written whole: a flush writes whole spans.
        lock.lock()
        if span.offset >= written {
            defer { lock.unlock() }
            let start = Int(span.offset - written)
            guard start + span.count <= pending.count else {
                throw OutputError.scratchFile(path: path, action: "read", reason: "it is shorter than written")
            }
            return Array(pending[start..<(start + span.count)])
        }
        lock.unlock()
        return try [UInt8](unsafeUninitializedCapacity: span.count) { buffer, initialized in
            var done = 0
            while done < span.count {
                let got = pread(descriptor, buffer.baseAddress! + done, span.count - done, off_t(span.offset) + off_t(done))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    throw OutputError.scratchFile(
                        path: path, action: "read", reason: got == 0 ? "it is shorter than written" : String(cString: strerror(errno)))
                }
                done += got
            }
            initialized = span.count
        }
    }
}
