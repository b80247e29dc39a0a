import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the run lock could not be taken.
enum RunLockError: Error, CustomStringConvertible, Equatable {
    /// Another process holds the lock.
    case held(path: String)
    /// The lock file cannot be created or opened.
    case cannotOpen(path: String, reason: String)

    var description: String {
        switch self {
        case .held(let path): return "another chronicle run holds the lock on \(path)"
        case .cannotOpen(let path, let reason): return "\(path): cannot create the lock file: \(reason)"
        }
    }
}

/// An exclusive, non-blocking flock(2) on a lock file, held until `release()` or the process
/// ends. The kernel drops the lock when the process dies, even by SIGKILL, so a killed run never
/// leaves a stale lock behind; the file itself stays and is reused.
final class RunLock: @unchecked Sendable {
    let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// Takes the lock or fails at once with `RunLockError.held`.
    static func acquire(at url: URL) throws -> RunLock {
        let path = url.path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RunLockError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(fd)
            if code == EWOULDBLOCK || code == EAGAIN { throw RunLockError.held(path: path) }
            throw RunLockError.cannotOpen(path: path, reason: String(cString: strerror(code)))
        }
        // Who holds it, for a person looking at the file; informative only.
        let note = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
        return RunLock(path: path, fd: fd)
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
