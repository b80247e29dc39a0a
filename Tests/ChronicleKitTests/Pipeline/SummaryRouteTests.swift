import Foundation
import GRDB
import Testing
@testable import ChronicleKit

/// A night's chronology from the stored summaries (`SummaryRoute`): the same as from the
/// records, after an upgrade that left rows without a summary, and when a stored record turns
/// out unreadable.
struct SummaryRouteTests {
    static let first = "event: 2022-12-26 | Quân đoàn 1 | year-end-review\nurl: https://qdnd.vn/bai-1\n"
    static let copy = "Bản đăng lại.\nevent: 2022-12 | Quân đoàn 1 | year-end-review\nurl: https://qdnd.vn/bai-1/\n"
    static let other = "event: 2023-06-20 | Quân đoàn 2 | mid-year-review\n"

    /// The chronology a cold run gives over the sandbox's files now (store and reports removed first).
    static func coldChronology(_ box: Sandbox) throws -> Chronology {
        try FileManager.default.removeItem(at: ChronicleRun.storeURL(for: try box.config()).deletingLastPathComponent())
        try FileManager.default.removeItem(at: box.output)
        return try box.run().fullChronology()
    }

    /// A sandbox with two articles, after its first run.
    static func firstNight() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("2022/a.txt", first)
        try box.write("2023/b.txt", other)
        try box.run()
        return box
    }

    static func database(_ box: Sandbox) throws -> DatabaseQueue {
        try DatabaseQueue(path: ChronicleRun.storeURL(for: try box.config()).path)
    }

    @Test func rowsWithoutASummaryGetOneAndTheChronologyIsTheSame() throws {
        let box = try Self.firstNight()
        // A store from before summaries: no file has one.
        try Self.database(box).write { db in try db.execute(sql: "DELETE FROM file_summary") }
        try box.write("2022/c.txt", Self.copy)
        let night = try box.run()
        #expect(night.extracted == 1 && night.unchanged == 2)
        let missing = try Self.database(box).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_file WHERE path NOT IN (SELECT path FROM file_summary)")
        }
        #expect(missing == 0)
        let events = try night.fullChronology().events
        #expect(events.count == 2 && events[0].sources.count == 2)
        #expect(events == (try Self.coldChronology(box)).events)
    }

    @Test func aStoredRecordThatCannotBeReadIsExtractedAgain() throws {
        let box = try Self.firstNight()
        // The summary is intact, the records behind it are not: the merge finds out (without the
        // cached chronology, whose events it would otherwise take as they are).
        try Self.database(box).write { db in
            try db.execute(sql: "UPDATE article_file SET records_bin = x'0102' WHERE path LIKE '%/b.txt'")
            try db.execute(sql: "DELETE FROM chronology_cache")
        }
        try box.write("2022/c.txt", Self.copy)
        let night = try box.run()
        #expect(night.extracted == 2 && night.unchanged == 1)
        let events = try night.fullChronology().events
        #expect(events.map(\.id) == ["2022-12-26-quan-doan-1-year-end-review", "2023-06-20-quan-doan-2-mid-year-review"])
        #expect(events == (try Self.coldChronology(box)).events)
    }

    @Test func theStoreKeepsEachEventsPlanKeyAndHoldsNoLargeCachedChronology() throws {
        let box = try Sandbox()
        try box.write("2022/a.txt", Self.first)
        try box.write("2022/c.txt", Self.copy)
        try box.write("2023/b.txt", Self.other)
        try box.run()
        let store = try box.store()
        let earlier = try #require(try store.earlierMerges())
        let fingerprint = try #require(try store.cachedChronologyFingerprint())
        let cached = try #require(try store.cachedChronology(fingerprint: fingerprint))
        #expect(cached.chronology.events.count == 2)
        // Every event is known by its plan key, and gives back its reports' values.
        let events = cached.chronology.events.map(\.event)
        #expect(events.allSatisfy { event in earlier.knownEvents.contains(event) })
        // Above the bound, the night merges from the records rather than hold the cached chronology.
        #expect(try store.earlierMerges(largest: 16) == nil)
    }

    @Test func aNightFromSummariesGivesTheEventsTheRecordsRouteGives() throws {
        // Copies of one article in several folders, one of them vanished (kept without --prune)
        // and sorting between the others, and a new copy: the order of the archive decides which
        // copy leads.
        let box = try Sandbox()
        func copy(_ title: String) -> String {
            "url: https://qdnd.vn/tin-1\nevent: 2022-12-26 | Quân đoàn 1 | year-end-review | \(title)\n"
        }
        try box.write("2022/10/d.txt", copy("Tiêu đề D"))
        try box.write("2022/12/b.txt", copy("Tiêu đề B"))
        try box.write("2023/01/a.txt", copy("Tiêu đề A"))
        try box.write("2023/06/c.txt", Self.other)
        try box.run()
        // d, the copy first in path order (the one the event takes its values from), vanishes and
        // is kept; e sorts after it.
        try FileManager.default.removeItem(at: box.articles.appendingPathComponent("2022/10/d.txt"))
        try box.write("2022/11/e.txt", copy("Tiêu đề E"))
        let night = try box.run()
        #expect(night.extracted == 1 && night.vanished == 1)
        // The same night from the records: a correction that matches nothing keeps that route.
        try box.corrections("corrections:\n  - id: 2021-01-01-khong-co-year-end-review\n    suppress: true\n")
        try Self.database(box).write { db in try db.execute(sql: "DELETE FROM chronology_cache") }
        let fromRecords = try box.run()
        #expect(try night.fullChronology().events == fromRecords.fullChronology().events)
        let event = try #require(try night.fullChronology().events.first)
        #expect(event.sources.count == 4 && event.event.title == "Tiêu đề D")
    }

    @Test func aDamagedSummaryIsMadeAgainFromTheRecords() throws {
        let box = try Self.firstNight()
        try Self.database(box).write { db in
            try db.execute(sql: "UPDATE file_summary SET summary_bin = x'02030405' WHERE path LIKE '%/a.txt'")
        }
        try box.write("2022/c.txt", Self.copy)
        let night = try box.run()
        #expect(night.extracted == 1)
        let intact = try Self.database(box).read { db in
            try Data.fetchOne(db, sql: "SELECT summary_bin FROM file_summary WHERE path LIKE '%/a.txt'")
        }
        #expect(intact.map { data in data.withUnsafeBytes { RecordSummary.isIntact($0) } } == true)
        #expect(try night.fullChronology().events == (try Self.coldChronology(box)).events)
    }
}
