import Foundation
import Testing
@testable import ChronicleKit

/// A chronology written for the report tests, in the style of the military press (all sentences
/// invented): several units (one whose name holds a `|`), a formula-like title, day/month/year
/// precision, an undated meeting, a meeting reported by two articles, a corrected event, a new
/// event, unreadable articles, XML and Markdown specials, newlines and control characters.
enum ReportSample {
    static let root = TestPaths.root
    static let templates = root.appendingPathComponent("config/templates")
    static let golden = root.appendingPathComponent("Tests/ChronicleKitTests/Fixtures/report/golden")
    static let window = DateWindow(from: PartialDate(year: 2022, month: 1, day: 1), to: PartialDate(year: 2023, month: 12, day: 31))
    static let asOf = PartialDate(year: 2023, month: 6, day: 30)

    static let quanDoan = UnitReference(name: "Quân đoàn 12", id: "quan-doan-12", mention: "Quân đoàn 12")
    static let trungDoan = UnitReference(name: "Trung đoàn 9 | Sư đoàn 2", id: "trung-doan-9-su-doan-2", mention: "Trung đoàn 9")
    static let hocVien = UnitReference(name: "Học viện Chính trị", id: "hoc-vien-chinh-tri", mention: "HVCT")
    static let bienPhong = UnitReference(name: "Bộ đội Biên phòng tỉnh Quảng Trị", id: "bdbp-quang-tri", mention: "BĐBP Quảng Trị")
    static let binhDoan = UnitReference(name: "Binh đoàn 15", id: "binh-doan-15", mention: "Binh đoàn 15")
    static let suDoan = UnitReference(name: "Sư đoàn 5", id: "su-doan-5", mention: "Sư đoàn 5")

    static var records: [ArticleRecord] {
        let yearEnd = Event(
            unit: quanDoan, organizer: "Đảng ủy Quân đoàn 12", kind: .yearEndReview,
            title: "Hội nghị tổng kết công tác đảng, công tác chính trị năm 2022",
            date: EventDate(
                value: PartialDate(year: 2022, month: 12, day: 26), partOfDay: .afternoon, basis: .periodYear,
                evidence: "Chiều 26-12, Đảng ủy Quân đoàn 12 tổ chức hội nghị\ntổng kết."),
            period: "2022",
            chair: Person(rank: "Trung tướng", name: "Trần Văn Bình", positions: ["Bí thư Đảng uỷ", "Chính ủy Quân đoàn"], role: .chair),
            people: [
                Person(rank: "Thiếu tướng", name: "Lê Minh Quang", positions: ["Tư lệnh Quân đoàn"], role: .attending),
                Person(rank: "Thượng tướng", name: "Đinh Văn Thành", positions: ["Phó Chủ nhiệm Tổng cục Chính trị"], role: .directing),
            ],
            documents: [
                DocumentReference(
                    code: "847-NQ/QUTW", type: "Nghị quyết", number: "847", issuer: "QUTW",
                    date: PartialDate(year: 2021, month: 12, day: 28))
            ],
            credits: ["HỒNG SƠN"])
        var yearEndOther = yearEnd
        yearEndOther.chair = nil
        yearEndOther.documents = [
            DocumentReference(
                code: "51-NQ/TW", type: "Nghị quyết", number: "51", issuer: "TW", date: PartialDate(year: 2019, month: 7, day: 5))
        ]
        yearEndOther.credits = ["MINH ĐỨC"]
        let midYear = Event(
            unit: trungDoan, organizer: "@Đảng ủy Trung đoàn 9", kind: .midYearReview,
            title: "=HYPERLINK(\"http://x.example\";\"Sơ kết 6 tháng\") | nhiệm vụ 6 tháng cuối năm",
            date: EventDate(
                value: PartialDate(year: 2023, month: 7, day: 3), partOfDay: .morning, basis: .explicit,
                evidence: "Sáng 3-7-2023, Trung đoàn 9 sơ kết."),
            period: "6 tháng đầu năm 2023",
            chair: Person(rank: "Thượng tá", name: "Phạm Đức Long", positions: ["Bí thư Đảng ủy, Chính ủy Trung đoàn"], role: .chair))
        let study = Event(
            unit: hocVien, organizer: "Đảng ủy Học viện", kind: .resolutionStudy,
            title: "Hội nghị học tập *chuyên đề* \"Đảng bộ <trong sạch> & vững mạnh\" ]]> năm 2023 [#1] `_x_`",
            date: EventDate(
                value: PartialDate(year: 2023, month: 3), basis: .referenceDate,
                evidence: "Trong tháng 3, Học viện tổ chức\u{0007} học tập."),
            documents: [DocumentReference(code: "21-KL/TW", type: "Kết luận")],
            credits: ["THU HÀ", "-VĂN TOÀN"])
        let congress = Event(
            unit: bienPhong, organizer: "Đảng ủy BĐBP tỉnh", kind: .partyCongress,
            title: "Đại hội đại biểu Đảng bộ BĐBP tỉnh nhiệm kỳ 2020–2025\u{0001}",
            date: EventDate(value: PartialDate(year: 2022), basis: .context, evidence: nil), period: "2020-2025")
        let selfCriticism = Event(
            unit: binhDoan, kind: .selfCriticism, title: "+ Kiểm điểm tự phê bình và phê bình năm 2022",
            date: EventDate(
                value: PartialDate(year: 2023, month: 1, day: 5), partOfDay: .morning, basis: .periodYear,
                evidence: "Sáng 5-1, Binh đoàn 15 kiểm điểm."),
            chair: Person(name: "Đỗ Quốc Hưng", role: .chair))
        let undated = Event(
            unit: suDoan, kind: .committeeMeeting, title: "Hội nghị Ban Thường vụ Đảng ủy Sư đoàn lần thứ 8",
            date: EventDate(value: nil, basis: .unresolved, evidence: nil),
            documents: [DocumentReference(code: "Nghị quyết Trung ương 8 khóa XI", type: "Nghị quyết")])
        let outside = Event(
            unit: quanDoan, kind: .otherMeeting, title: "Hội nghị giao ban",
            date: EventDate(value: PartialDate(year: 2021, month: 5, day: 2), basis: .explicit))
        let yearEnd2023Study = Event(
            unit: quanDoan, organizer: "Đảng ủy Quân đoàn 12", kind: .resolutionReview,
            title: "Sơ kết 5 năm thực hiện Nghị quyết 847-NQ/QUTW",
            date: EventDate(value: PartialDate(year: 2023, month: 4, day: 14), basis: .anniversary, evidence: "Ngày 14-4, sơ kết 5 năm."))
        return [
            ArticleRecord(
                source: "corpus/a/001.txt", url: "https://www.qdnd.vn/chinh-tri/tin-tuc/hoi-nghi-tong-ket-123",
                title: "Quân đoàn 12 tổng kết", status: .ok, error: nil,
                referenceDate: ReferenceDate(value: PartialDate(year: 2022, month: 12, day: 27), basis: "html-meta"), events: [yearEnd]),
            ArticleRecord(
                source: "corpus/a/002.html", url: nil, title: nil, status: .ok, error: nil, referenceDate: nil,
                events: [yearEndOther, outside]),
            ArticleRecord(
                source: "corpus/b/export.jsonl:7", url: "https://qdnd.vn/x?a=1&b=(2)|c", title: nil, status: .ok, error: nil,
                referenceDate: nil, events: [midYear]),
            ArticleRecord(
                source: "corpus/b/export.jsonl:9", url: "javascript:alert(1)", title: nil, status: .ok, error: nil, referenceDate: nil,
                events: [study]),
            ArticleRecord(
                source: "corpus/c/bp.txt", url: "https://bienphong.com.vn/dai-hoi", title: nil, status: .ok, error: nil, referenceDate: nil,
                events: [congress]),
            ArticleRecord(
                source: "corpus/c/bd15.txt", url: nil, title: nil, status: .ok, error: nil, referenceDate: nil,
                events: [selfCriticism, yearEnd2023Study]),
            ArticleRecord(
                source: "corpus/d/sd5.txt", url: "https://www.qdnd.vn/sd5", title: nil, status: .ok, error: nil, referenceDate: nil,
                events: [undated]),
        ]
    }

    static var input: ReportInput {
        var chronology = ChronologyBuilder(window: window).build(records)
        for index in chronology.events.indices where chronology.events[index].event.unit.id == binhDoan.id {
            chronology.events[index].corrected = true
        }
        let newID = chronology.events.first { $0.event.unit.id == hocVien.id }!.id
        // Every other event was first seen by an earlier run.
        var firstSeen: [String: PartialDate] = [:]
        for item in chronology.events + chronology.undated where item.id != newID {
            firstSeen[item.id] = PartialDate(year: 2023, month: 11, day: 30)
        }
        return ReportInput(
            chronology: chronology,
            problems: [
                ArticleProblem(source: "corpus/x/empty.txt", reason: "no text in the article"),
                ArticleProblem(source: "corpus/x/broken.html", reason: "not UTF-8 text | cannot be read <html>"),
                ArticleProblem(source: "corpus/x/latin.html", reason: "not valid UTF-8 text (byte 0xE9 at offset 120)"),
            ],
            asOf: asOf, newEventIDs: [newID], newSince: PartialDate(year: 2023, month: 6, day: 15), articlesRead: 9, filesSkipped: 1,
            firstSeenDates: firstSeen)
    }

    static func config(output: URL, formats: [ReportFormat] = ReportFormat.allCases, language: ReportLanguage = .vi) -> ChronicleConfig {
        ChronicleConfig(
            configFile: root.appendingPathComponent("config/chronicle.yml"), inputs: [], output: output, window: window,
            formats: formats, language: language, templatesDirectory: templates)
    }

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-report-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under `directory`, as relative paths, sorted.
    static func files(in directory: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                paths.append(String(url.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1)))
            }
        }
        return paths.sorted()
    }
}

/// Golden files for every format. To regenerate them after an intended change, run
/// `UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests` and review the diff.
@Suite struct ReportGoldenTests {
    func check(_ output: URL, against golden: URL, only: [String]? = nil) throws {
        let produced = ReportSample.files(in: output).filter { only?.contains($0) ?? true }
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            for path in produced {
                let target = golden.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: output.appendingPathComponent(path), to: target)
            }
            return
        }
        let expected = ReportSample.files(in: golden).filter { only?.contains($0) ?? true }
        #expect(produced == expected)
        for path in produced where expected.contains(path) {
            let a = try Data(contentsOf: output.appendingPathComponent(path))
            let b = try Data(contentsOf: golden.appendingPathComponent(path))
            #expect(
                a == b,
                "\(path) differs from its golden file; run UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests and review the diff")
        }
    }

    @Test func everyFormatMatchesItsGoldenFiles() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let written = try ReportWriter(config: ReportSample.config(output: output)).write(ReportSample.input)
        #expect(written.count == ReportSample.files(in: output).count)
        try WorkbookParts.expandInPlace(output)
        try check(output, against: ReportSample.golden.appendingPathComponent("vi"))
    }

    @Test func englishLabels() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        try ReportWriter(config: ReportSample.config(output: output, language: .en)).write(ReportSample.input)
        try check(output, against: ReportSample.golden.appendingPathComponent("en"), only: ["chronology.md"])
        let text = try String(contentsOf: output.appendingPathComponent("chronology.md"), encoding: .utf8)
        #expect(text.contains("Year-end review"))
        #expect(text.contains("New since the run of 15/06/2023"))
    }
}
