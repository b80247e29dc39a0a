import Foundation
import Testing
@testable import ChronicleKit

/// The briefing at archive scale, on a chronology of its own (all names invented): 45 units (more
/// than the timeline's 40 rows), an event reported by five articles (one URL twice, one without
/// a URL), 25 unreadable articles and 22 undated meetings (more than the 20 the problems section
/// lists), year- and month-precision dates. Goldens in `Fixtures/report/briefing/`; regenerate
/// with `UPDATE_GOLDEN=1 swift test --filter ReportBriefingTests` and review the diff.
@Suite struct ReportBriefingTests {
    static let golden = ReportSample.root.appendingPathComponent("Tests/ChronicleKitTests/Fixtures/report/briefing")

    static func unit(_ n: Int) -> UnitReference {
        UnitReference(name: "Trung đoàn \(100 + n)", id: "trung-doan-\(100 + n)", mention: "Trung đoàn \(100 + n)")
    }

    static var records: [ArticleRecord] {
        var records: [ArticleRecord] = []
        for n in 0..<45 {
            // Units 0–9 have three meetings, the others one: the busiest are the first ten.
            for k in 0..<(n < 10 ? 3 : 1) {
                let date: PartialDate =
                    k == 1
                    ? PartialDate(year: 2022, month: 3 + n % 9)
                    : k == 2
                        ? PartialDate(year: 2023)
                        : PartialDate(year: 2022 + n % 2, month: 1 + n % 12, day: 1 + n % 28)
                let event = Event(
                    unit: unit(n), kind: k == 0 ? .yearEndReview : k == 1 ? .resolutionStudy : .partyCongress,
                    title: "Hội nghị số \(k) của Đảng uỷ Trung đoàn \(100 + n)",
                    date: EventDate(value: date, basis: .explicit),
                    chair: Person(
                        rank: "Đại tá", name: "Nguyễn Văn \(n)", positions: ["Bí thư Đảng uỷ", "Chính ủy Trung đoàn"], role: .chair),
                    people: n == 0 && k == 0
                        ? [
                            Person(rank: "Thiếu tướng", name: "Lê Văn An", positions: ["Phó Chính ủy Sư đoàn"], role: .directing),
                            Person(rank: "Đại tá", name: "Trần Văn Ba", positions: ["Trung đoàn trưởng"], role: .attending),
                        ] : [])
                let published = PartialDate(year: date.year, month: date.month ?? 12, day: 28)
                let copies = n == 0 && k == 0 ? 5 : 1
                for copy in 0..<copies {
                    // Copy 2 repeats copy 1's URL; copy 4 has none.
                    let url =
                        copy == 4
                        ? nil
                        : "https://\(["qdnd.vn", "www.baoquankhu.vn", "www.baoquankhu.vn", "tapchi.vn"][copy])/bai-\(n)-\(k)-\(min(copy, copy == 2 ? 1 : copy))"
                    records.append(
                        ArticleRecord(
                            source: "archive/\(n)/\(k)-\(copy).html", url: url, status: .ok, error: nil,
                            referenceDate: ReferenceDate(value: published, basis: "html-meta"), events: [event]))
                }
            }
        }
        for n in 0..<22 {
            let event = Event(
                unit: unit(n), kind: .committeeMeeting, title: "Hội nghị Ban Thường vụ lần \(n)",
                date: EventDate(value: nil, basis: .unresolved))
            records.append(
                ArticleRecord(source: "archive/undated/\(n).txt", url: nil, status: .ok, error: nil, referenceDate: nil, events: [event]))
        }
        return records
    }

    static var problems: [ArticleProblem] {
        let reasons = [
            IngestFailure.empty.description, IngestFailure.binary.description,
            IngestFailure.invalidUTF8(byte: 0xE9, offset: 40).description,
            IngestFailure.notAnObject(line: 3).description, "something nobody foresaw",
        ]
        return (0..<25).map {
            ArticleProblem(source: "archive/bad/\(String(format: "%02d", $0)).html", reason: reasons[$0 % reasons.count])
        }
    }

    static var input: ReportInput {
        let chronology = ChronologyBuilder(window: ReportSample.window).build(records)
        return ReportInput(
            chronology: chronology, problems: problems, asOf: ReportSample.asOf, newEventIDs: [chronology.events[0].id],
            newSince: PartialDate(year: 2023, month: 6, day: 1), articlesRead: 200)
    }

    func write(_ language: ReportLanguage = .vi) throws -> URL {
        let output = ReportSample.temporaryDirectory()
        try ReportWriter(config: ReportSample.config(output: output, formats: [.markdown, .svg], language: language)).write(Self.input)
        return output
    }

    @Test func matchesItsGoldenFiles() throws {
        let output = try write()
        defer { try? FileManager.default.removeItem(at: output) }
        try ReportGoldenTests().check(
            output, against: Self.golden, only: ["chronology.md", "problems.csv", "timeline.svg", "units/trung-doan-100.md"])
    }

    @Test func sourcesAreOutletAndDateAtMostThree() throws {
        let output = try write()
        defer { try? FileManager.default.removeItem(at: output) }
        let text = try String(contentsOf: output.appendingPathComponent("units/trung-doan-100.md"), encoding: .utf8)
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| ") && $0.contains("Hội nghị số 0") })
        // Five articles, four distinct sources (one URL twice): three shown, then +1.
        #expect(row.contains("[qdnd.vn, 28/01/2022](<https://qdnd.vn/bai-0-0-0>)"))
        #expect(row.contains("; +1 |") || row.contains("; +1"))
        #expect(!row.contains("archive/"), "no file path where the article has a URL")
        #expect(row.contains("Dự và chỉ đạo: Thiếu tướng Lê Văn An, Phó Chính ủy Sư đoàn"))
        #expect(!row.contains("Trần Văn Ba"), "attending people are not guests who directed it")
        #expect(row.contains("Đại tá Nguyễn Văn 0, Bí thư Đảng ủy, Chính ủy Trung đoàn"))
    }

    @Test func problemsAreSummarizedAndListedInFull() throws {
        let output = try write()
        defer { try? FileManager.default.removeItem(at: output) }
        let text = try String(contentsOf: output.appendingPathComponent("chronology.md"), encoding: .utf8)
        let section = String(text[text.range(of: "## Vấn đề cần xem lại")!.lowerBound...])
        #expect(
            section.contains(
                "Theo lý do: Tệp nhị phân: 5; Không phải văn bản UTF-8: 5; Bài không có nội dung: 5; Dòng không phải đối tượng JSON: 5; Lý do khác: 5."
            ))
        #expect(section.split(separator: "\n").filter { $0.hasPrefix("- archive/bad/") }.count == 20)
        #expect(section.contains("_+5 mục khác, danh sách đầy đủ trong [problems.csv](problems.csv)._"))
        #expect(section.contains("_+2 mục khác"), "22 undated meetings: 20 listed")
        #expect(section.contains("dòng 3: không phải đối tượng JSON"))
        #expect(!section.contains("not a JSON object"))
        let csv = try Data(contentsOf: output.appendingPathComponent("problems.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: csv.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 1 + 25 + 22)
        #expect(lines.contains("unreadable-article,not-an-object,dòng 3: không phải đối tượng JSON,archive/bad/03.html,,,,,"))
    }

    @Test func unitFilesLinkTheProblemListFromTheirFolder() throws {
        // A unit with more than 20 undated meetings links ../problems.csv.
        var records: [ArticleRecord] = []
        for n in 0..<21 {
            let event = Event(
                unit: Self.unit(0), kind: .committeeMeeting, title: "Họp \(n)", date: EventDate(value: nil, basis: .unresolved))
            records.append(ArticleRecord(source: "u/\(n).txt", url: nil, status: .ok, error: nil, referenceDate: nil, events: [event]))
        }
        records.append(Self.records[0])
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let input = ReportInput(
            chronology: ChronologyBuilder(window: ReportSample.window).build(records), problems: [], asOf: ReportSample.asOf)
        try ReportWriter(config: ReportSample.config(output: output, formats: [.markdown])).write(input)
        let text = try String(contentsOf: output.appendingPathComponent("units/trung-doan-100.md"), encoding: .utf8)
        #expect(text.contains("_+1 mục khác, danh sách đầy đủ trong [problems.csv](../problems.csv)._"))
    }

    @Test func timelineKeepsTheBusiestUnitsAndGathersTheRest() throws {
        let output = try write()
        defer { try? FileManager.default.removeItem(at: output) }
        let svg = try String(contentsOf: output.appendingPathComponent("timeline.svg"), encoding: .utf8)
        #expect(svg.components(separatedBy: "<g class=\"unit\">").count - 1 == TimelineSVG.maxRows + 1)
        #expect(svg.contains(">5 đơn vị khác</text>"))
        // Every conference is drawn: 10 units × 3 + 35 × 1, none clipped.
        let marks = ["<circle cx", "<rect x=", "<polygon"].map { svg.components(separatedBy: $0).count - 1 }
        let legendMarks = 3 + EventKind.allCases.count, rowBackgrounds = (TimelineSVG.maxRows + 2) / 2, background = 1
        #expect(marks.reduce(0, +) - legendMarks - rowBackgrounds - background == 65)
        // Coarse dates are marks at the period's start, not bars.
        #expect(!svg.contains("rx=\"3\""))
        #expect(svg.components(separatedBy: "<polygon").count - 1 == 10 + 1, "ten year-only events and the legend's diamond")
    }

    @Test func everyIngestReasonIsRecognized() {
        let failures: [IngestFailure] = [
            .cannotRead(reason: "Permission denied"), .notARegularFile, .tooLarge(bytes: 12 << 20, limit: 10 << 20), .binary,
            .invalidUTF8(byte: 0xC3, offset: 7), .invalidUTF16(offset: 9), .unknownEncoding(name: "x-mac"), .empty,
            .unsupportedType(fileExtension: "pdf"), .unsupportedType(fileExtension: ""), .htmlNotParsed(reason: "no body"),
            .invalidJSON(line: 4, detail: "bad"), .notAnObject(line: 5), .noBody(line: 6), .onLine(8, .binary),
        ]
        for failure in failures {
            #expect(ProblemReason(parsing: failure.description).code != .other, "\(failure.description)")
        }
        #expect(
            ProblemReason(parsing: IngestFailure.tooLarge(bytes: 12 << 20, limit: 10 << 20).description).parameters == ["12 MB", "10 MB"])
        #expect(ProblemReason(parsing: IngestFailure.onLine(8, .binary).description) == ProblemReason(code: .binary, line: 8))
        #expect(ProblemReason(parsing: "could not be read this time (I/O error); its stored events are kept").code == .keptAfterReadFailure)
        #expect(ProblemReason(parsing: "cannot list folder: denied; its articles were not read").code == .folderUnreadable)
    }

    @Test func partyBodiesAreSpelledOneWay() {
        #expect(ReportText.officialSpelling("Đảng uỷ Quân khu; ĐẢNG UỶ; Thuý") == "Đảng ủy Quân khu; ĐẢNG ỦY; Thúy")
        #expect(ReportText.officialSpelling("quý I, huỳnh, khuya") == "quý I, huỳnh, khuya")
        #expect(ReportText.markdown("Bí thư Đảng uỷ") == "Bí thư Đảng ủy")
        // Every tone on "y", small and capital (the check for a marked "y" is by scalar value).
        #expect(ReportText.officialSpelling("Thuý Thuỳ Thuỷ Thuỹ Thuỵ") == "Thúy Thùy Thủy Thũy Thụy")
        #expect(ReportText.officialSpelling("THUÝ THUỲ THUỶ THUỸ THUỴ") == "THÚY THÙY THỦY THŨY THỤY")
    }

    /// `BriefingText.sources` writes out only the entries it shows; what it shows is what
    /// formatting every distinct entry and keeping the first ones gave.
    @Test func sourcesShownAgreeWithFormattingThemAll() {
        func plain(_ sources: [EventSource], fileNames: Bool) -> String {
            var linked: [String] = [], unlinked: [String] = []
            var seen = Set<String>()
            for source in sources {
                let date = source.date.map { ", " + ReportFields.vietnameseDate($0) } ?? ""
                if let url = source.url, let destination = ReportText.linkDestination(url) {
                    guard seen.insert(destination).inserted else { continue }
                    linked.append("[\(ReportText.markdown(ReportText.host(url) + date))](<\(destination)>)")
                } else {
                    let path = ReportText.flat(source.source)
                    guard seen.insert(path).inserted else { continue }
                    let name = fileNames ? path.split(separator: "/").last.map(String.init) ?? path : path
                    unlinked.append(ReportText.markdown(name + date))
                }
            }
            let all = linked + unlinked
            var shown = all.prefix(BriefingText.sourcesShown).joined(separator: "; ")
            if all.count > BriefingText.sourcesShown { shown += "; +\(all.count - BriefingText.sourcesShown)" }
            return shown
        }
        let pool = [
            EventSource(source: "bao/2023/01/hoi-nghi.txt"),
            EventSource(source: "bao/2023/01/hoi-nghi.txt", date: PartialDate(year: 2023, month: 1, day: 5)),
            EventSource(source: "qdnd.jsonl:12", url: "https://www.qdnd.vn/chinh-tri/hoi-nghi-12", date: PartialDate(year: 2023, month: 1)),
            EventSource(source: "qdnd.jsonl:13", url: "https://www.qdnd.vn/chinh-tri/hoi-nghi-12"),
            EventSource(source: "qpvn.jsonl:2", url: "javascript:void(0)"),
            EventSource(source: "trang/bai_[1].html", url: "http://qpvn.vn/tin-tuc?id=7&p=2"),
            EventSource(source: "trang/bai 2.html"),
            EventSource(source: "https://www.qdnd.vn/chinh-tri/hoi-nghi-12"),
        ]
        var generator = SeededGenerator(state: 2023)
        for count in 0..<40 {
            let sources = (0..<(count % 9)).map { _ in pool.randomElement(using: &generator)! }
            for fileNames in [true, false] {
                #expect(BriefingText.sources(sources, fileNames: fileNames) == plain(sources, fileNames: fileNames))
            }
        }
        #expect(BriefingText.sources(pool) == plain(pool, fileNames: true))
    }
}
