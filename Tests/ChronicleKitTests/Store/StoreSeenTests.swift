import Foundation
import GRDB
import Testing
@testable import ChronicleKit

/// Seen-marking (migration v4): a run writes only the rows whose seen state changes, and the
/// last run that saw each file (and which events to prune) stays what it was.
@Suite struct StoreSeenTests {
    private func run(_ n: Int) -> RunRecord {
        .fixture(n, files: 2, articles: 2)
    }

    private func row(_ name: String) -> StoredArticle {
        StoredArticle(
            path: "/archive/\(name)", displayPath: name, stamp: FileStamp(size: 1, modified: 2), contentHash: "aa",
            extractorVersion: "v", configFingerprint: "f", recordsJSON: "[]")
    }

    /// The event ids read through SQLite's C API (`EventIDMemory(_:)`) are those GRDB's rows give,
    /// keys of one id sharing its string, ids without keys and keys beyond Int64's sign alike.
    @Test func eventIDsReadInPlaceAreThoseTheRowsGive() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ChronicleStore(url: folder.appendingPathComponent("state.sqlite"))
        var update = StoreUpdate(
            run: run(1), eventIDs: ["2022-12-26-quan-doan-1", "2023-06-20-hoc-vien-chinh-tri", "khong-khoa"], unseen: [])
        update.eventKeys = [
            1: "2022-12-26-quan-doan-1", UInt64.max: "2022-12-26-quan-doan-1", 42: "2023-06-20-hoc-vien-chinh-tri",
            1 << 63: "2023-06-20-hoc-vien-chinh-tri",
        ]
        _ = try store.commit(update)
        let memory = try store.eventIDMemory()
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("state.sqlite").path)
        let (keys, events) = try queue.read { db in
            (
                try Row.fetchAll(db, sql: "SELECT key, event_id FROM event_key"),
                try Row.fetchAll(db, sql: "SELECT id, first_seen_run FROM event")
            )
        }
        #expect(memory.idByKey == Dictionary(uniqueKeysWithValues: keys.map { (UInt64(bitPattern: $0[0] as Int64), $0[1] as String) }))
        #expect(memory.firstSeen == Dictionary(uniqueKeysWithValues: events.map { ($0[0] as String, $0[1] as Int64) }))
        #expect(memory.keyedIDs == ["2022-12-26-quan-doan-1", "2023-06-20-hoc-vien-chinh-tri"])
    }

    @Test func vanishedFilesKeepTheirLastRunAndComeBackAndEventsPruneByTheLastRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ChronicleStore(url: folder.appendingPathComponent("state.sqlite"))
        let first = try store.commit(
            StoreUpdate(
                run: run(1), extracted: [row("a.txt"), row("b.txt")], eventIDs: ["e1", "e2"], unseen: []))
        let second = try store.commit(StoreUpdate(run: run(2), eventIDs: ["e1"], unseen: ["/archive/b.txt"]))
        #expect(try store.lastSeenRuns() == ["/archive/a.txt": second, "/archive/b.txt": first])
        let third = try store.commit(StoreUpdate(run: run(3), eventIDs: ["e1"], unseen: ["/archive/b.txt"]))
        #expect(try store.lastSeenRuns() == ["/archive/a.txt": third, "/archive/b.txt": first])
        // b is back (unchanged): seen again without being rewritten by an extraction.
        let fourth = try store.commit(StoreUpdate(run: run(4), eventIDs: ["e1", "e2", "e2"], unseen: []))
        #expect(try store.lastSeenRuns() == ["/archive/a.txt": fourth, "/archive/b.txt": fourth])
        #expect(try store.knownEvents() == ["e1": first, "e2": first])
        // Only the listed paths are seen when the update names them one by one.
        let fifth = try store.commit(StoreUpdate(run: run(5), seen: ["/archive/b.txt"], eventIDs: ["e2"]))
        #expect(try store.lastSeenRuns() == ["/archive/a.txt": fourth, "/archive/b.txt": fifth])
        // Pruning forgets the events this run did not report.
        try store.commit(StoreUpdate(run: run(6), eventIDs: ["e1"], pruneEvents: true, unseen: []))
        #expect(try store.knownEvents() == ["e1": first])
    }
}
