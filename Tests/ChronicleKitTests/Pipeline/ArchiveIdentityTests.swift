import Foundation
import Testing
@testable import ChronicleKit

/// One row per real event and one id kept from run to run, on archives of our own (invented
/// articles in the style of the press, `Fixtures/archive-copies` and `Fixtures/correction-refined`),
/// read by the real loader and extractor. Report goldens are in `Fixtures/report/archive-copies`
/// and `Fixtures/report/correction-refined`; regenerate with
/// `UPDATE_GOLDEN=1 swift test --filter ArchiveIdentityTests` and review the diff.
@Suite struct ArchiveIdentityTests {
    static let root = TestPaths.root
    static let fixtures = root.appendingPathComponent("Tests/ChronicleKitTests/Fixtures")
    static let window = DateWindow(from: PartialDate(year: 2022, month: 1, day: 1), to: PartialDate(year: 2023, month: 12, day: 31))
    /// The report files the goldens keep.
    static let compared = ["chronology.md", "chronology.csv", "chronology.xml"]

    static func config(inputs: [URL], output: URL, corrections: URL? = nil) -> ChronicleConfig {
        ChronicleConfig(
            configFile: root.appendingPathComponent("config/chronicle.yml"), inputs: inputs, output: output, window: window,
            correctionsFile: corrections ?? output.appendingPathComponent("no-corrections.yml"))
    }

    static func run(_ config: ChronicleConfig, asOf: PartialDate, in directory: URL) throws -> RunSummary {
        try ChronicleRun(options: RunOptions(config: config, asOf: asOf, workingDirectory: directory.path)).run()
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-identity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func checkGoldens(_ output: URL, _ name: String) throws {
        let golden = fixtures.appendingPathComponent("report/\(name)")
        for file in compared {
            let produced = try Data(contentsOf: output.appendingPathComponent(file))
            let target = golden.appendingPathComponent(file)
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
                try produced.write(to: target)
                continue
            }
            #expect(
                produced == (try? Data(contentsOf: target)),
                "\(name)/\(file) differs from its golden file; run UPDATE_GOLDEN=1 swift test --filter ArchiveIdentityTests and review the diff"
            )
        }
    }

    /// The year-end review of Sư đoàn 346 is kept three times (a `.txt` under its date, the same
    /// text in `ban-sao/`, the crawler's export line with the URL) and reported once more by
    /// another paper; the mid-year review of Lữ đoàn 168 is in two exports under one URL (the
    /// second crawl with a line more); an undated committee meeting and a 2019 congress are each
    /// kept twice. Each counts once.
    @Test func anArchiveOfCopiesCountsEachMeetingOnce() throws {
        let output = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let config = Self.config(inputs: [Self.fixtures.appendingPathComponent("archive-copies")], output: output)
        let summary = try Self.run(config, asOf: PartialDate(year: 2024, month: 1, day: 15), in: Self.root)
        let chronology = try summary.fullChronology()

        #expect(summary.articles == 10)
        #expect(chronology.events.count == 2)
        #expect(chronology.undated.count == 1)
        #expect(chronology.outsideWindow == 1)
        let ids = chronology.events.ids + chronology.undated.ids
        #expect(Set(ids).count == ids.count)
        #expect(
            ids == [
                "2022-12-26-su-doan-346-year-end-review", "2023-07-04-lu-doan-168-mid-year-review", "undated-lu-doan-279-committee-meeting",
            ])
        let review = chronology.events[0]
        #expect(review.sources.count == 4)
        #expect(review.event.chair?.name == "Hoàng Văn Khải")
        #expect(
            chronology.events[1].sources.map(\.source) == [
                "Tests/ChronicleKitTests/Fixtures/archive-copies/xuat/qdnd-2022-12.jsonl:2",
                "Tests/ChronicleKitTests/Fixtures/archive-copies/xuat/qdnd-2023-07.jsonl:1",
            ])
        try Self.checkGoldens(output, "archive-copies")
    }

    /// Night 1: one article gives the month only; an analyst corrects the chair by the id the
    /// report shows. Night 2: another article gives the day (and another chair). The event keeps
    /// its id and its first-seen date, the correction still applies to every report of it, and a
    /// correction written with a guessed id is a named problem of its own.
    @Test func aCorrectionSurvivesADateRefinedByANewArticle() throws {
        let project = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        let articles = project.appendingPathComponent("articles"), output = project.appendingPathComponent("reports")
        let corrections = project.appendingPathComponent("corrections.yml")
        let source = Self.fixtures.appendingPathComponent("correction-refined")
        try FileManager.default.copyItem(at: source.appendingPathComponent("run1"), to: articles)
        let id = "2022-12-lu-doan-229-year-end-review"
        let chairFix = """
            corrections:
              - id: \(id)
                chair: {rank: Đại tá, name: Nguyễn Hữu Phúc}
                note: Chính ủy Lữ đoàn chủ trì theo thông báo của Đảng ủy
            """
        try (chairFix + "\n").write(to: corrections, atomically: true, encoding: .utf8)
        let config = Self.config(inputs: [articles], output: output, corrections: corrections)

        let first = try Self.run(config, asOf: PartialDate(year: 2023, month: 1, day: 2), in: project)
        let before = try #require(try first.fullChronology().events.first)
        #expect(before.id == id && before.corrected && before.event.chair?.name == "Nguyễn Hữu Phúc")
        #expect(before.event.date.value == PartialDate(year: 2022, month: 12))

        try FileManager.default.copyItem(
            at: source.appendingPathComponent("run2/2022/12/2022-12-28-lu-doan-229-hoi-nghi.txt"),
            to: articles.appendingPathComponent("2022/12/2022-12-28-lu-doan-229-hoi-nghi.txt"))
        try
            (chairFix + """

                  - id: 2022-12-27-lu-doan-229-year-end-review
                    date: 2022-12-27
                """ + "\n").write(to: corrections, atomically: true, encoding: .utf8)
        let second = try Self.run(config, asOf: PartialDate(year: 2023, month: 1, day: 9), in: project)
        let chronology = try second.fullChronology()
        #expect(chronology.events.count == 1)
        let after = try #require(chronology.events.first)
        #expect(after.id == id)
        #expect(after.event.date.value == PartialDate(year: 2022, month: 12, day: 27))
        #expect(after.corrected && after.event.chair?.name == "Nguyễn Hữu Phúc" && after.event.chair?.rank == "Đại tá")
        #expect(after.sources.count == 2)
        #expect(second.newEventIDs.isEmpty, "the refined event is not new")
        let csv = try String(contentsOf: output.appendingPathComponent("chronology.csv"), encoding: .utf8)
        #expect(csv.contains("2023-01-02"), "first_seen stays the first night's date")
        #expect(!csv.contains("2023-01-09"))
        #expect(second.problems.map(\.correction?.key) == ["corrections[1]"])
        let markdown = try String(contentsOf: output.appendingPathComponent("chronology.md"), encoding: .utf8)
        #expect(markdown.contains("Hiệu chỉnh không khớp sự kiện nào"))
        #expect(!markdown.contains("matches no article"))
        try Self.checkGoldens(output, "correction-refined")
    }
}

/// The pieces: what makes two files copies, and how ids are given.
@Suite struct EventIdentityTests {
    @Test func aTextKeyIgnoresTheTitleLineAndSpacing() {
        let body = "Sáng 6-1, Đảng ủy Lữ đoàn 126 tổ chức hội nghị.\n\nTin: HẢI NAM"
        let asText = ArticleFingerprint.text("Lữ đoàn 126 sơ kết\n" + body, title: "Lữ đoàn 126 sơ kết")
        let asExport = ArticleFingerprint.text(
            "  Sáng 6-1,  Đảng ủy Lữ đoàn 126 tổ chức hội nghị.\nTin: HẢI NAM ", title: "Lữ đoàn 126 sơ kết")
        #expect(asText != nil && asText == asExport)
        #expect(ArticleFingerprint.text(body + " Thêm một câu.", title: nil) != asText)
        #expect(ArticleFingerprint.text(" \n ", title: nil) == nil)
    }

    @Test func aURLIsKnownWithoutSchemeWWWFragmentOrTrailingSlash() {
        #expect(ArticleFingerprint.url("https://www.QDND.vn/tin-tuc/bai-1/#binh-luan") == "qdnd.vn/tin-tuc/bai-1")
        #expect(ArticleFingerprint.url("http://qdnd.vn/tin-tuc/bai-1") == "qdnd.vn/tin-tuc/bai-1")
        #expect(ArticleFingerprint.url("https://qdnd.vn/tin-tuc/bai-1?id=2") != ArticleFingerprint.url("https://qdnd.vn/tin-tuc/bai-1"))
        #expect(ArticleFingerprint.url("https://www.qdnd.vn/") == nil, "a home page names no article")
    }

    let window = DateWindow(from: PartialDate(year: 2022, month: 1, day: 1), to: PartialDate(year: 2023, month: 12, day: 31))

    func record(_ source: String, _ date: PartialDate?, url: String? = nil, text: UInt64? = nil, kind: EventKind = .committeeMeeting)
        -> ArticleRecord
    {
        let unit = UnitReference(name: "Lữ đoàn 126", id: "lu-doan-126", mention: "Lữ đoàn 126")
        let event = Event(
            unit: unit, kind: kind, title: "Hội nghị Ban Thường vụ",
            date: EventDate(value: date, basis: date == nil ? .unresolved : .explicit))
        return ArticleRecord(source: source, url: url, status: .ok, error: nil, referenceDate: nil, events: [event], textKey: text)
    }

    @Test func twoUndatedMeetingsOfOneUnitGetIdsOfTheirOwn() {
        let chronology = ChronologyBuilder(window: window).build([record("a.txt", nil, text: 1), record("b.txt", nil, text: 2)])
        #expect(chronology.undated.ids == ["undated-lu-doan-126-committee-meeting", "undated-lu-doan-126-committee-meeting-2"])
    }

    @Test func copiesMergeWhateverDateEachResolved() {
        // The `.txt` copy had no reference date: its meeting is undated; the export dates it.
        let records = [
            record("ban-sao/a.txt", nil, text: 7),
            record("export.jsonl:3", PartialDate(year: 2023, month: 3, day: 2), url: "https://qdnd.vn/a", text: 7),
            record("luu/a.html", PartialDate(year: 2019, month: 3, day: 2), url: "https://www.qdnd.vn/a/"),
        ]
        let chronology = ChronologyBuilder(window: window).build(records)
        #expect(chronology.undated.isEmpty && chronology.outsideWindow == 0)
        #expect(chronology.events.count == 1)
        #expect(chronology.events[0].event.date.value == PartialDate(year: 2023, month: 3, day: 2))
        #expect(chronology.events[0].sources.count == 3)
    }

    @Test func meetingsOutsideTheWindowAreCountedOnce() {
        let records = [
            record("a.txt", PartialDate(year: 2019, month: 5, day: 9), text: 1),
            record("b.txt", PartialDate(year: 2019, month: 5), text: 2),
            record("c.txt", PartialDate(year: 2018, month: 1, day: 3), text: 3),
        ]
        #expect(ChronologyBuilder(window: window).build(records).outsideWindow == 2)
    }

    @Test func anEventKeepsTheIdItsReportsWereFirstGiven() {
        let month = record("a.txt", PartialDate(year: 2022, month: 12), url: "https://qdnd.vn/a")
        let builder = ChronologyBuilder(window: window)
        let firstGrouping = builder.group(from: [month])
        let first = EventIdentity(memory: EventIDMemory()).assign(firstGrouping, proposed: { _ in nil })
        #expect(first.ids == ["2022-12-lu-doan-126-committee-meeting"])
        let memory = EventIDMemory(idByKey: first.newKeys, firstSeen: ["2022-12-lu-doan-126-committee-meeting": 1])

        // A new article gives the day; another meeting was already known under the id it would spell.
        let day = record("b.txt", PartialDate(year: 2022, month: 12, day: 20), url: "https://qdnd.vn/b")
        var grouping = builder.group(from: [month, day])
        let second = EventIdentity(memory: memory).assign(grouping, proposed: { _ in nil })
        second.apply(to: &grouping)
        #expect(grouping.chronology.events.ids == ["2022-12-lu-doan-126-committee-meeting"])
        #expect(grouping.chronology.events[0].event.date.value == PartialDate(year: 2022, month: 12, day: 20))
        #expect(second.newKeys.values.allSatisfy { $0 == "2022-12-lu-doan-126-committee-meeting" } && !second.newKeys.isEmpty)
    }

    @Test func anIdKnownWithoutReportsIsTakenByTheEventItSpells() {
        // A store from before ids were remembered knows the id but no report key.
        let memory = EventIDMemory(firstSeen: ["2022-12-20-lu-doan-126-committee-meeting": 3])
        let grouping = ChronologyBuilder(window: window).group(from: [record("a.txt", PartialDate(year: 2022, month: 12, day: 20))])
        #expect(EventIdentity(memory: memory).assign(grouping, proposed: { _ in nil }).ids == ["2022-12-20-lu-doan-126-committee-meeting"])
        // One that belongs to other reports is not.
        let owned = EventIDMemory(idByKey: [42: "2022-12-20-lu-doan-126-committee-meeting"], firstSeen: memory.firstSeen)
        #expect(EventIdentity(memory: owned).assign(grouping, proposed: { _ in nil }).ids == ["2022-12-20-lu-doan-126-committee-meeting-2"])
    }
}
