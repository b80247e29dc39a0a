import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a store file was when the last run that finished with it left it: its device, inode,
/// size, modification and status-change times, and SQLite's file change counter (header bytes
/// 24–27, which every committed transaction changes). Kept beside the store
/// (`state.sqlite.sealed`).
///
/// Opening a store checks it with `PRAGMA quick_check`, which reads every page: a third of a
/// night's work on the main thread. A store that still matches its seal has not been written
/// since that run's last commit, by Chronicle or anything else (a write changes the times and
/// the status-change time cannot be set back), so the check would find what it found then. A
/// run killed mid-commit leaves a store that no longer matches; a hot journal beside it, a
/// store copied or moved into place, a missing or unreadable seal: each means the check runs.
struct StoreSeal: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var statusChanged: Int64
    var changeCounter: UInt32

    /// The seal the store at `path` would have now; nil when it cannot be read, or when a hot
    /// journal lies beside it (SQLite rolls it back on the first read: the store is changing).
    init?(storeAt path: String) {
        var journal = stat()
        if stat(path + "-journal", &journal) == 0 && journal.st_size > 0 { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        var header = [UInt8](repeating: 0, count: 4)
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            header.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, 4, 24) }) == 4
        else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = FileStamp.modified(info)
        statusChanged = FileStamp.statusChanged(info)
        changeCounter = header.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Where the seal of the store at `store` is kept.
    static func url(for store: URL) -> URL {
        store.deletingLastPathComponent().appendingPathComponent(store.lastPathComponent + ".sealed")
    }

    /// Whether the store at `store` matches the seal kept beside it.
    static func matches(store: URL) -> Bool {
        guard let kept = read(url(for: store)), let now = StoreSeal(storeAt: store.path) else { return false }
        return kept == now
    }

    /// Seals the store at `store` as it is now; false when it cannot be (the next run checks it).
    @discardableResult
    static func seal(store: URL) -> Bool {
        guard let now = StoreSeal(storeAt: store.path) else {
            remove(store: store)
            return false
        }
        // Not synced: a seal lost or cut short by a crash only means the next run checks.
        let target = url(for: store)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(now.text.utf8).write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else {
                unlink(temporary.path)
                return false
            }
            return true
        } catch {
            unlink(temporary.path)
            return false
        }
    }

    /// Removes the seal of the store at `store`, if any.
    static func remove(store: URL) {
        unlink(url(for: store).path)
    }

    private static let label = "chronicle store seal 1"

    private var text: String {
        "\(Self.label)\n\(device) \(inode) \(size) \(modified) \(statusChanged) \(changeCounter)\n"
    }

    private init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, statusChanged: Int64, changeCounter: UInt32) {
        (self.device, self.inode, self.size) = (device, inode, size)
        (self.modified, self.statusChanged, self.changeCounter) = (modified, statusChanged, changeCounter)
    }

    /// The seal kept at `url`; nil when there is none or it is not one (a regular file only).
    private static func read(_ url: URL) -> StoreSeal? {
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size < 256,
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 3, lines[0] == label, lines[2].isEmpty else { return nil }
        let fields = lines[1].split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 6, let device = UInt64(fields[0]), let inode = UInt64(fields[1]), let size = Int64(fields[2]),
            let modified = Int64(fields[3]), let statusChanged = Int64(fields[4]), let changeCounter = UInt32(fields[5])
        else { return nil }
        return StoreSeal(
            device: device, inode: inode, size: size, modified: modified, statusChanged: statusChanged, changeCounter: changeCounter)
    }
}
