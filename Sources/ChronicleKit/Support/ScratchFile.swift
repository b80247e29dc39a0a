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
    private var end: Int64 = 0

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
        let span = reserve(pieces.reduce(0) { $0 + $1.count })
        var at = span.offset
        for piece in pieces {
            try piece.withUnsafeBytes { try write($0, at: at) }
            at += Int64(piece.count)
        }
        return span
    }

    /// Appends bytes held elsewhere (a stored blob read in place); safe to call from several threads.
    func append(_ bytes: UnsafeRawBufferPointer) throws -> Span {
        let span = reserve(bytes.count)
        try write(bytes, at: span.offset)
        return span
    }

    /// Runs `body` with the file's descriptor at its start, for a reader that reads a descriptor
    /// to its end (libxml2's `xmlReaderForFd`); the descriptor stays the file's.
    func withDescriptorAtStart<T>(_ body: (Int32) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw OutputError.scratchFile(path: path, action: "read", reason: String(cString: strerror(errno)))
        }
        return try body(descriptor)
    }

    /// The next `count` bytes of the file, for one writer to fill.
    private func reserve(_ count: Int) -> Span {
        lock.lock()
        defer { lock.unlock() }
        let offset = end
        end += Int64(count)
        return Span(file: self, offset: offset, count: count)
    }

    private func write(_ raw: UnsafeRawBufferPointer, at offset: Int64) throws {
        var done = 0
        while done < raw.count {
            let written = pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(offset) + off_t(done))
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                throw OutputError.scratchFile(path: path, action: "write", reason: String(cString: strerror(errno)))
            }
            done += written
        }
    }

    fileprivate func read(_ span: Span) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: span.count) { buffer, initialized in
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
