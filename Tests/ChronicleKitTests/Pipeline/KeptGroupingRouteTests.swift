import Foundation
import GRDB
import Testing
@testable import ChronicleKit

/// A night that only adds files after the stored ones continues the grouping the last run kept
/// (`KeptGroupingRoute`), and its chronology is the one a cold run gives; any other night, or
/// one whose files the kept grouping cannot take, groups the whole archive.
struct KeptGroupingRouteTests {
    /// A sandbox after its first run: two reports of one meeting (one a page, the other dated to
    /// the month), a meeting with a second event in the same article, one outside the window.
    static func firstNight() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("2022/12/a.txt", "url: https://qdnd.vn/tin-1\nevent: 2022-12-26 | Quân đoàn 1 | year-end-review | Tổng kết\n")
        try box.write("2022/12/b.txt", "event: 2022-12 | Quân đoàn 1 | year-end-review | Tổng kết năm\n")
        try box.write(
            "2023/06/c.txt", "event: 2023-06-20 | Quân đoàn 2 | mid-year-review\nevent: 2023 | Tổng cục Kỹ thuật | year-end-review\n")
        try box.write("2023/07/d.txt", "event: 2019-05-01 | Quân đoàn 2 | year-end-review\n")
        try box.run()
        return box
    }

    /// The night's chronology is the cold run's; with `ids`, the events' ids too (a night keeps
    /// an event's first id when a later report dates it otherwise, which a cold run never saw).
    static func expectCold(_ night: RunSummary, _ box: Sandbox, ids: Bool = true) throws {
        let got = try night.fullChronology(), cold = try SummaryRouteTests.coldChronology(box)
        func values(_ list: EventList) -> [String] { list.map { ids ? "\($0)" : "\($0.event) \($0.sources)" } }
        #expect(values(got.events) == values(cold.events) && values(got.undated) == values(cold.undated))
        #expect(got.outsideWindow == cold.outsideWindow)
    }

    @Test func aNightThatAddsFilesAfterTheStoredOnesContinuesTheGrouping() throws {
        let box = try Self.firstNight()
        // A copy of a's page, the closing day of c's meeting, a meeting of its own.
        try box.write("2024/01/e.txt", "url: https://qdnd.vn/tin-1/\nevent: 2022-12-26 | Quân đoàn 1 | year-end-review | Đăng lại\n")
        try box.write("2024/01/f.txt", "event: 2023-06-21 | Quân đoàn 2 | mid-year-review | Bế mạc\n")
        try box.write("2024/01/g.txt", "event: 2023-12-28 | Tổng cục Kỹ thuật | party-congress\n")
        let night = try box.run()
        #expect(night.groupingContinued && night.extracted == 3 && night.unchanged == 4)
        let events = try night.fullChronology().events
        #expect(events.first { $0.event.kind == .yearEndReview && $0.event.unit.id == "quan-doan-1" }?.sources.count == 3)
        try Self.expectCold(night, box)
    }

    @Test func aSecondNightContinuesWhatTheFirstKept() throws {
        let box = try Self.firstNight()
        try box.write("2024/01/e.txt", "event: 2023-06-21 | Quân đoàn 2 | mid-year-review\n")
        #expect(try box.run(asOf: PartialDate(year: 2024, month: 1, day: 16)).groupingContinued)
        try box.write("2024/02/f.txt", "url: https://qdnd.vn/tin-1\nevent: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try box.write("2024/02/g.txt", "event: 2023 | Quân đoàn 2 | mid-year-review\n")
        let night = try box.run(asOf: PartialDate(year: 2024, month: 1, day: 17))
        #expect(night.groupingContinued)
        try Self.expectCold(night, box)
    }

    @Test func aNewFileAmongTheStoredOnesGroupsTheWholeArchive() throws {
        let box = try Self.firstNight()
        try box.write("2022/12/c2.txt", "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        let night = try box.run()
        #expect(!night.groupingContinued && night.extracted == 1)
        try Self.expectCold(night, box)
    }

    @Test func aNewCopyThatDatesAStoredReportMorePreciselyGroupsTheWholeArchive() throws {
        let box = try Sandbox()
        try box.write("2022/12/a.txt", "url: https://qdnd.vn/tin-2\nevent: 2022-12 | Quân đoàn 1 | year-end-review | Tổng kết\n")
        try box.write("2023/01/b.txt", "event: 2022-12-30 | Quân đoàn 1 | year-end-review | Khác\n")
        try box.run()
        try box.write("2024/01/c.txt", "url: https://qdnd.vn/tin-2\nevent: 2022-12-29 | Quân đoàn 1 | year-end-review | Đăng lại\n")
        let night = try box.run()
        #expect(!night.groupingContinued && night.extracted == 1)
        try Self.expectCold(night, box, ids: false)
    }

    @Test func aDamagedKeptGroupingOrSummaryCostsNothingButTime() throws {
        let box = try Self.firstNight()
        let database = try SummaryRouteTests.database(box)
        let kept = try database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT grouping.fingerprint = cache.fingerprint FROM chronology_grouping AS grouping, chronology_cache AS cache")
        }
        #expect(kept?[0] as Bool? == true, "the grouping is kept beside the cached chronology, under its fingerprint")
        // The summary of a's file, which the night's merge reads (the new copy extends its
        // event): made again from the records.
        try database.write { db in try db.execute(sql: "UPDATE file_summary SET summary_bin = x'0203' WHERE path LIKE '%/a.txt'") }
        try box.write("2024/01/e.txt", "url: https://qdnd.vn/tin-1\nevent: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        #expect(try box.run().groupingContinued)
        try database.write { db in try db.execute(sql: "UPDATE chronology_grouping SET data = x'0102'") }
        try box.write("2024/01/f.txt", "event: 2023-06-20 | Quân đoàn 2 | mid-year-review\n")
        let night = try box.run(asOf: PartialDate(year: 2024, month: 1, day: 16))
        #expect(!night.groupingContinued && night.extracted == 1)
        try Self.expectCold(night, box)
    }

    @Test func anExportOfSeveralArticlesAndItsWarningsAreContinuedToo() throws {
        let box = try Sandbox()
        try box.write("2022/12/a.txt", "Chiều 26/12/2022, Đảng ủy Quân đoàn 2 tổ chức hội nghị tổng kết công tác đảng năm 2022.\n")
        // Two articles, one whose `published` is not a date: a warning the night keeps.
        try box.write("2023/01/export.jsonl", PublishedWarningTests.export)
        try box.run(standard: true)
        let copy =
            #"{"url": "https://example.vn/1", "published": "2023-01-08", "body": "Sáng 6/1, Đảng ủy Quân đoàn 1 tổ chức hội nghị tổng kết công tác đảng năm 2022."}"#
        let other =
            #"{"url": "https://example.vn/3", "published": "2023-07-02", "body": "Chiều 1/7, Đảng ủy Quân đoàn 2 tổ chức hội nghị sơ kết 6 tháng đầu năm 2023."}"#
        try box.write("2024/01/export.jsonl", copy + "\n" + other)
        let night = try box.run(standard: true, asOf: PartialDate(year: 2024, month: 1, day: 16))
        #expect(night.groupingContinued && night.extracted == 1)
        let got = try night.fullChronology()
        try FileManager.default.removeItem(at: ChronicleRun.storeURL(for: try box.config()).deletingLastPathComponent())
        try FileManager.default.removeItem(at: box.output)
        let cold = try box.run(standard: true, asOf: PartialDate(year: 2024, month: 1, day: 16))
        let coldChronology = try cold.fullChronology()
        #expect(got.events == coldChronology.events && got.undated == coldChronology.undated)
        #expect(night.problems == cold.problems && night.problems.contains { $0.source.hasSuffix("2023/01/export.jsonl:2") })
        #expect(got.events.contains { $0.sources.count == 2 })
    }
}
