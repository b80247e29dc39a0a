import Foundation
import Testing
@testable import ChronicleKit

/// The date an archive keeps in a file's path (`PathDate`), and how it becomes an article's
/// reference date: after the page's own metadata and a dateline in the text.
@Suite struct IngestPathDateTests {
    static func date(_ path: String) -> PartialDate? { PathDate.parse(path)?.value }

    // MARK: - Reading paths

    @Test func dayFromTheFileNameUnderYearAndMonthFolders() {
        let found = PathDate.parse("luu-tru/2023/01/2023-01-06-dang-uy-lu-doan-125-tong-ket.txt")
        #expect(found?.value == PartialDate(year: 2023, month: 1, day: 6))
        #expect(found?.evidence == "2023/01/2023-01-06-dang-uy-lu-doan-125-tong-ket.txt")
        #expect(Self.date("2024_02_29_hoi-nghi.html") == PartialDate(year: 2024, month: 2, day: 29))
        #expect(Self.date("bao/2023-1-6.txt") == PartialDate(year: 2023, month: 1, day: 6))
    }

    @Test func dayFromFolders() {
        let compact = PathDate.parse("/srv/bao-chi/20230106/dang-uy-tong-ket.txt")
        #expect(compact?.value == PartialDate(year: 2023, month: 1, day: 6))
        #expect(compact?.evidence == "20230106/dang-uy-tong-ket.txt")
        #expect(Self.date("20230106_qdnd/bai.txt") == PartialDate(year: 2023, month: 1, day: 6))
        let nested = PathDate.parse("kho/2023/01/06/hoi-nghi-dang-uy.txt")
        #expect(nested?.value == PartialDate(year: 2023, month: 1, day: 6))
        #expect(nested?.evidence == "2023/01/06/hoi-nghi-dang-uy.txt")
        #expect(Self.date("2022/9/5/bai.txt") == PartialDate(year: 2022, month: 9, day: 5))
    }

    @Test func monthAndYearPrecision() {
        #expect(Self.date("2023-01/bai-viet.txt") == PartialDate(year: 2023, month: 1))
        #expect(Self.date("2023/01/bai-viet.txt") == PartialDate(year: 2023, month: 1))
        #expect(Self.date("tin/2023-01-tong-ket.txt") == PartialDate(year: 2023, month: 1))
        #expect(Self.date("2023/bai-viet.txt") == PartialDate(year: 2023))
        // A number folder not right below the year is not its month.
        #expect(Self.date("2023/quan-khu/01/bai.txt") == PartialDate(year: 2023))
        // A file named only by digits is a sequence number as often as a day.
        #expect(Self.date("2023/01/06.txt") == PartialDate(year: 2023, month: 1))
        // A day that does not exist leaves the folders' month.
        #expect(Self.date("2023/02/2023-02-29-bai.txt") == PartialDate(year: 2023, month: 2))
        #expect(Self.date("2023/02/31/bai.txt") == PartialDate(year: 2023, month: 2))
        #expect(Self.date("2023/13/bai.txt") == PartialDate(year: 2023))
    }

    @Test func numbersInsideSlugsAreNotDates() {
        for path in [
            "tin-tuc/dang-uy-nghi-quyet-05-2022.txt",
            "tin-tuc/tong-ket-nghi-quyet-382-2007.txt",
            "bai-2023-01-06.txt",
            "ke-hoach-2023/bai.txt",
            "2022-nghi-quyet-so-05.txt",  // a year alone is read only from a folder named by it
            "2023.txt",
            "2015-2020-nhiem-ky.txt",
            "2023-0106-bai.txt",
            "202301/bai.txt",
            "2023010612-bai.txt",
            "12/01/bai.txt",
            "lu-doan-2023/01/bai.txt",
            "2023x/01/bai.txt",
        ] {
            #expect(PathDate.parse(path) == nil, "\(path)")
        }
    }

    @Test func implausibleDatesAreRefused() {
        for path in [
            "1989/05/1989-05-14-bai.txt", "2101/bai.txt", "2023-13-01-bai.txt", "2023-00-10-bai.txt",
            "2023-02-30-bai.txt", "20231301/bai.txt", "2023-01-45x.txt", "2023-01-123-bai.txt", "2023-01_06-bai.txt",
            "", "/", "bai.txt",
        ] {
            #expect(PathDate.parse(path) == nil, "\(path)")
        }
        #expect(Self.date("1990/bai.txt") == PartialDate(year: 1990))
        #expect(Self.date("2100-12-31.txt") == PartialDate(year: 2100, month: 12, day: 31))
    }

    @Test func readingsThatDisagreeGiveNoDate() {
        #expect(PathDate.parse("2022/12/2023-01-06-bai.txt") == nil)
        #expect(PathDate.parse("2023-01/2023-02-01-bai.txt") == nil)
        #expect(PathDate.parse("2019/luu-tru/2023/01/bai.txt") == nil)
        // Readings that agree: the finest wins, the evidence starts at the first.
        let agreeing = PathDate.parse("2023/2023-01/20230106/bai.txt")
        #expect(agreeing?.value == PartialDate(year: 2023, month: 1, day: 6))
        #expect(agreeing?.evidence == "2023/2023-01/20230106/bai.txt")
    }

    // MARK: - Loading

    let loader = ExtractTestSupport.loader
    static let body = "Đảng ủy Lữ đoàn 147 tổ chức hội nghị.\n\nChiều 5/1, Đảng ủy Lữ đoàn 147 tổ chức hội nghị."

    @Test func textAndHTMLFilesKeepTheirPathDate() {
        let text = loader.load(data: Data(Self.body.utf8), source: "corpus/2023/01/2023-01-06-bai.txt", format: .text)[0]
        #expect(text.referenceDate == nil)
        #expect(
            text.pathDate
                == ReferenceDate(
                    value: PartialDate(year: 2023, month: 1, day: 6), basis: "path", evidence: "2023/01/2023-01-06-bai.txt"))
        let html = "<html><body><article><p>\(Self.body)</p></article></body></html>"
        let page = loader.load(data: Data(html.utf8), source: "2023-01/trang.html", format: .html)[0]
        #expect(page.pathDate?.value == PartialDate(year: 2023, month: 1))
    }

    @Test func exportsAndBareYearFoldersGiveNoPathDate() {
        let line = #"{"url": "https://example.vn/a", "body": "Chiều 5/1, Đảng ủy Lữ đoàn 147 tổ chức hội nghị."}"#
        let exported = loader.load(data: Data(line.utf8), source: "2023/01/2023-01-31-crawl.jsonl", format: .jsonLines)
        #expect(exported.count == 1)
        #expect(exported[0].pathDate == nil)
        // A day and month resolved against a bare year goes wrong across the new year.
        let yearOnly = loader.load(data: Data(Self.body.utf8), source: "2023/bai.txt", format: .text)[0]
        #expect(yearOnly.pathDate == nil)
        let unreadable = loader.load(data: Data(), source: "2023/01/2023-01-06-rong.txt", format: .text)[0]
        #expect(unreadable.status == .empty)
        #expect(unreadable.pathDate == nil)
    }

    // MARK: - End to end

    /// An invented article in the style of the military press (not from any real page).
    static let yearEndReview = """
        Đảng ủy Lữ đoàn 147 tổng kết công tác đảng, công tác chính trị năm 2022

        Chiều 5/1, Đảng ủy Lữ đoàn 147 tổ chức Hội nghị tổng kết công tác đảng, công tác chính trị năm 2022, triển khai nhiệm vụ năm 2023. Đại tá Nguyễn Văn Khiêm, Bí thư Đảng ủy, Chính ủy Lữ đoàn chủ trì hội nghị.

        Năm qua, Đảng ủy Lữ đoàn đã lãnh đạo đơn vị duy trì nghiêm chế độ trực sẵn sàng chiến đấu, hoàn thành tốt nội dung huấn luyện và xây dựng tổ chức đảng trong sạch, vững mạnh.

        Tin, ảnh: HOÀNG LONG
        """

    /// Writes `text` at `relative` under a fresh folder and runs it through the scanner, the
    /// loader and the extractor, as a run does.
    static func record(_ text: String, at relative: String) throws -> ArticleRecord {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-path-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        let scanned = try InputScanner(workingDirectory: folder.path).scan([folder])
        try #require(scanned.files.count == 1)
        #expect(scanned.files[0].displayPath == relative)
        let articles = ExtractTestSupport.loader.load(scanned.files[0])
        try #require(articles.count == 1)
        return ExtractTestSupport.extractor.record(for: articles[0])
    }

    @Test func aTextFileIsDatedByItsPath() throws {
        let relative = "2023/01/2023-01-06-dang-uy-lu-doan-147-tong-ket.txt"
        let record = try Self.record(Self.yearEndReview, at: relative)
        #expect(record.referenceDate == ReferenceDate(value: PartialDate(year: 2023, month: 1, day: 6), basis: "path", evidence: relative))
        let event = try #require(record.events.first)
        #expect(event.unit.name == "Lữ đoàn 147")
        #expect(event.kind == .yearEndReview)
        #expect(event.date.value == PartialDate(year: 2023, month: 1, day: 5))
        #expect(event.date.basis == .referenceDate)
        #expect(event.date.partOfDay == .afternoon)

        // The record contract carries the path as the reference date's evidence, in JSON and
        // in the store's binary form.
        let line = try record.jsonLine()
        #expect(
            line.contains(
                #""reference_date":{"basis":"path","evidence":"2023/01/2023-01-06-dang-uy-lu-doan-147-tong-ket.txt","value":"2023-01-06"}"#)
        )
        // (The contract leaves out the text's key, which only the store keeps.)
        var contract = record
        contract.textKey = nil
        #expect(record.textKey != nil)
        #expect(try JSONDecoder().decode(ArticleRecord.self, from: Data(line.utf8)) == contract)
        #expect(try RecordBinary.decode(RecordBinary.encode([record])) == [record])
    }

    @Test func aMonthFolderDatesAcrossTheNewYear() throws {
        let text = "Sáng 30/12, Đảng ủy Lữ đoàn 147 tổ chức hội nghị học tập, quán triệt nghị quyết của Đảng ủy cấp trên."
        let record = try Self.record(text, at: "2023-01/dang-uy-lu-doan-147-quan-triet.txt")
        #expect(record.referenceDate?.value == PartialDate(year: 2023, month: 1))
        #expect(record.referenceDate?.basis == "path")
        let event = try #require(record.events.first)
        #expect(event.date.value == PartialDate(year: 2022, month: 12, day: 30))
        #expect(event.date.basis == .referenceDate)
    }

    @Test func aDatelineInTheTextBeatsThePath() throws {
        let text = """
            Thứ Hai, 15/01/2024 | 08:10
            Chiều 12-1, Đảng ủy Lữ đoàn 147 tổ chức hội nghị học tập, quán triệt nghị quyết của Đảng ủy cấp trên.
            """
        let record = try Self.record(text, at: "2023/03/2023-03-02-dang-uy-lu-doan-147.txt")
        #expect(record.referenceDate == ReferenceDate(value: PartialDate(year: 2024, month: 1, day: 15), basis: "dateline"))
        #expect(record.events.first?.date.value == PartialDate(year: 2024, month: 1, day: 12))
        #expect(record.events.first?.date.basis == .referenceDate)
    }

    @Test func pageMetadataBeatsThePath() throws {
        let text = "Chiều 12-1, Đảng ủy Lữ đoàn 147 tổ chức hội nghị học tập, quán triệt nghị quyết của Đảng ủy cấp trên."
        let article = Article(
            source: "2023/03/2023-03-02-bai.txt",
            referenceDate: ReferenceDate(value: PartialDate(year: 2022, month: 1, day: 13), basis: "published"),
            pathDate: ReferenceDate(
                value: PartialDate(year: 2023, month: 3, day: 2), basis: "path", evidence: "2023/03/2023-03-02-bai.txt"),
            text: text)
        let record = ExtractTestSupport.extractor.record(for: article)
        #expect(record.referenceDate?.basis == "published")
        #expect(record.events.first?.date.value == PartialDate(year: 2022, month: 1, day: 12))
        #expect(ExtractTestSupport.extractor.extract(article).first?.date.value == PartialDate(year: 2022, month: 1, day: 12))
    }
}
