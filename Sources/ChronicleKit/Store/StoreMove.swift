import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Moves a store from where earlier versions kept it by default (`<output>/.chronicle/state.sqlite`,
/// inside the reports folder, where sharing or cleaning the reports took the history with them)
/// to its place beside the configuration file.
///
/// Run at the start of a run, holding the run lock and the new store's lock. The history is never
/// lost and there are never two live stores: on one file system the store is renamed (one atomic
/// step); across file systems it is copied by SQLite (`VACUUM INTO`) to a staged file beside its
/// new place (`state.sqlite.moving`), fsynced, the old store removed, and only then the staged
/// file renamed into place. A run stopped before the old store is removed starts the move again;
/// one stopped after finds the staged file complete and finishes it.
struct StoreMove {
    /// Where earlier versions kept the store.
    let from: URL
    /// Where the store lives now.
    let to: URL
    /// Copy even when a rename would do (tests take the path a move across file systems takes).
    var forceCopy = false

    enum Outcome: Equatable {
        /// No store at the old place: nothing to move.
        case nothing
        /// The store was renamed to its new place.
        case renamed
        /// The store was copied to its new place and the old one removed.
        case copied
        /// A copy a stopped run had made was put in place.
        case finished
    }

    init(from: URL, to: URL, forceCopy: Bool = false) {
        self.from = from
        self.to = to
        self.forceCopy = forceCopy
    }

    /// The staged copy of a move across file systems.
    var staged: URL { to.appendingPathExtension("moving") }

    /// SQLite's files beside a database: a hot journal or a write-ahead log holds data the
    /// main file does not have yet.
    static let companions = ["-journal", "-wal", "-shm"]

    /// The refusal when there is a store at both places, naming the one written last; nil otherwise.
    func twoStores() -> StoreError? {
        guard Self.exists(from), Self.exists(to) else { return nil }
        return StoreError.foundInTwoPlaces(current: to.path, former: from.path, newer: Self.newer(to, from).path)
    }

    func run() throws -> Outcome {
        if let refusal = twoStores() { throw refusal }
        let fromExists = Self.exists(from), toExists = Self.exists(to)
        if toExists {
            unlink(staged.path)
            return .nothing
        }
        if !fromExists {
            // Only a copy that was complete is staged when the old store is gone (it is removed after).
            guard Self.exists(staged) else { return .nothing }
            try rename(staged, to)
            removeCompanions(of: from)
            return .finished
        }
        Self.settle(from)
        if !forceCopy && !Self.companions.contains(where: { Self.exists(URL(fileURLWithPath: from.path + $0)) }) {
            if Foundation.rename(from.path, to.path) == 0 {
                AtomicFileSink.syncDirectory(to.deletingLastPathComponent().path)
                AtomicFileSink.syncDirectory(from.deletingLastPathComponent().path)
                return .renamed
            }
            guard errno == EXDEV else { throw failure(String(cString: strerror(errno))) }
        }
        try copy()
        return .copied
    }

    /// Copies the store to the staged file, removes the old one, puts the copy in place.
    private func copy() throws {
        unlink(staged.path)
        do {
            let queue = try DatabaseQueue(path: from.path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [staged.path]) }
            try queue.close()
        } catch {
            unlink(staged.path)
            throw failure("cannot copy it: \(Self.reason(error))")
        }
        let fd = open(staged.path, O_RDONLY)
        guard fd >= 0, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            unlink(staged.path)
            throw failure("cannot make its copy durable: \(reason)")
        }
        close(fd)
        AtomicFileSink.syncDirectory(to.deletingLastPathComponent().path)
        // The main file first: with it gone, a stopped run takes the staged copy (`run`); its
        // journal or log removed first would leave a main file missing data to copy again.
        guard unlink(from.path) == 0 else { throw failure("cannot remove it after copying: \(String(cString: strerror(errno)))") }
        removeCompanions(of: from)
        AtomicFileSink.syncDirectory(from.deletingLastPathComponent().path)
        try rename(staged, to)
    }

    private func rename(_ source: URL, _ target: URL) throws {
        guard Foundation.rename(source.path, target.path) == 0 else { throw failure(String(cString: strerror(errno))) }
        AtomicFileSink.syncDirectory(target.deletingLastPathComponent().path)
    }

    private func removeCompanions(of store: URL) {
        for suffix in Self.companions { unlink(store.path + suffix) }
    }

    private func failure(_ reason: String) -> StoreError {
        StoreError.cannotMove(from: from.path, to: to.path, reason: reason)
    }

    /// Opens and closes the store, so that SQLite rolls back a hot journal a crash left or
    /// checkpoints a write-ahead log into the main file; a store it cannot open is moved as it is.
    private static func settle(_ url: URL) {
        guard let queue = try? DatabaseQueue(path: url.path) else { return }
        _ = try? queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
        try? queue.close()
    }

    private static func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    /// Of two files, the one modified last.
    private static func newer(_ first: URL, _ second: URL) -> URL {
        func modified(_ url: URL) -> Date {
            ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
        }
        return modified(second) > modified(first) ? second : first
    }

    private static func reason(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
