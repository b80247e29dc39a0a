import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Size and modification time of a file, from one stat(2): the fast "unchanged" test of a run.
struct FileStamp: Sendable, Hashable {
    var size: Int64
    /// Modification time in nanoseconds since 1970.
    var modified: Int64

    init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    /// The stamp of the file at `path`, or nil when it cannot be stat'ed.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The stamp of the file `name` in the folder open as `folder` (symbolic links followed, as
    /// `init(path:)` does), or nil when it cannot be stat'ed.
    init?(name: String, in folder: Int32) {
        var info = stat()
        guard fstatat(folder, name, &info, 0) == 0 else { return nil }
        self.init(info)
    }

    /// The stamp that a stat(2) gave.
    init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Self.modified(info)
    }

    /// A stat's modification time, in nanoseconds since 1970.
    static func modified(_ info: stat) -> Int64 {
        #if canImport(Darwin)
            nanoseconds(info.st_mtimespec)
        #else
            nanoseconds(info.st_mtim)
        #endif
    }

    /// A stat's status-change time, in nanoseconds since 1970.
    static func statusChanged(_ info: stat) -> Int64 {
        #if canImport(Darwin)
            nanoseconds(info.st_ctimespec)
        #else
            nanoseconds(info.st_ctim)
        #endif
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
