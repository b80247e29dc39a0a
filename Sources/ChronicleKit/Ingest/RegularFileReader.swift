import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads an article file whole through one descriptor: opened without waiting on a pipe,
/// checked to be a regular file, read to its end. `stat` by path and then `Data(contentsOf:)`
/// looked the path up twice and built a URL on the way, some 7% of a cold run's processor time
/// on real press text.
enum RegularFileReader {
    enum Outcome: Equatable {
        case bytes([UInt8])
        /// A pipe, device, socket or folder: opened, never read.
        case notARegularFile
        /// More than the limit: the size found (at most the limit and one more read).
        case tooLarge(bytes: Int)
        /// Could not be opened: the caller asks again for the reason it gives users.
        case unopened
        /// Opened but not read to its end.
        case failed(reason: String)
    }

    /// The bytes of the file at `path` (links followed), unless it holds more than `limit`.
    static func contents(of path: String, limit: Int) -> Outcome {
        // Opening a FIFO without O_NONBLOCK waits for a writer; a terminal must not become ours.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return .unopened }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failed(reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notARegularFile }
        let size = Int(info.st_size)
        guard size <= limit else { return .tooLarge(bytes: size) }
        // The size stat gave, and one byte more to see the end (the file may have grown since).
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= limit else { return .tooLarge(bytes: filled) }
                bytes += repeatElement(0, count: min(max(bytes.count, 4096), limit + 1 - bytes.count))
            }
            let asked = bytes.count - filled
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, asked) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failed(reason: String(cString: strerror(errno)))
            }
            if got == 0 { break }
            filled += got
            // A regular file reads short only at its end: the size stat gave, read in fewer
            // bytes than asked, is the whole file without a last read to see nothing more come
            // (that read was a second system call for every article).
            if got < asked && filled == size { break }
        }
        bytes.removeLast(bytes.count - filled)
        return .bytes(bytes)
    }
}
