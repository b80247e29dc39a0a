import Foundation
import Testing
@testable import ChronicleKit

@Suite struct IngestJSONLinesTests {
    let loader = ExtractTestSupport.loader

    func load(_ lines: [String], source: String = "xuat.jsonl") -> [Article] {
        loader.load(data: Data(lines.joined(separator: "\n").utf8), source: source, format: .jsonLines)
    }

    @Test func readsOneArticlePerLineWithLineSources() {
        let articles = load([
            #"{"url": "https://www.qdnd.vn/a-1", "title": "Đảng ủy Quân khu 1 tổng kết năm 2022", "published": "2022-12-29", "body": "Sáng 28-12, Đảng ủy Quân khu 1 tổ chức hội nghị.\n\nleftcenterrightdel\nQuang cảnh hội nghị.\nTin, ảnh: MAI ANH"}"#,
            "",
            "   ",
            #"{"url": "https://qpvn.vn/b", "published": "2023-01-06T10:20:00+07:00", "html": "<html><head><meta property='og:title' content='Hội nghị Đảng ủy Quân chủng'></head><body><nav>Menu</nav><article><p>Chiều 5-1, Đảng ủy Quân chủng Phòng không - Không quân ra nghị quyết lãnh đạo năm 2023.</p></article></body></html>"}"#,
            #"{"title": "Không có ngày", "body": "Đảng ủy Binh chủng Công binh tổ chức hội nghị."}"#,
        ])
        #expect(articles.map(\.source) == ["xuat.jsonl:1", "xuat.jsonl:4", "xuat.jsonl:5"])
        #expect(articles.allSatisfy { $0.status == .ok })
        #expect(articles[0].url == "https://www.qdnd.vn/a-1")
        #expect(articles[0].title == "Đảng ủy Quân khu 1 tổng kết năm 2022")
        #expect(articles[0].referenceDate == ReferenceDate(value: PartialDate(year: 2022, month: 12, day: 29), basis: "published"))
        #expect(articles[0].text == "Sáng 28-12, Đảng ủy Quân khu 1 tổ chức hội nghị.\nQuang cảnh hội nghị.\nTin, ảnh: MAI ANH")
        #expect(articles[1].title == "Hội nghị Đảng ủy Quân chủng")
        #expect(articles[1].url == "https://qpvn.vn/b")
        #expect(articles[1].referenceDate == ReferenceDate(value: PartialDate(year: 2023, month: 1, day: 6), basis: "published"))
        #expect(articles[1].text == "Chiều 5-1, Đảng ủy Quân chủng Phòng không - Không quân ra nghị quyết lãnh đạo năm 2023.")
        #expect(articles[2].referenceDate == nil)
        #expect(articles[2].url == nil)
    }

    @Test func badLinesOnlyCostThemselves() {
        let articles = load([
            #"{"body": "Bài thứ nhất về hội nghị Đảng ủy."}"#,
            #"{"body": "thiếu dấu ngoặc"#,
            #"{"url": "https://www.qdnd.vn/c", "title": "Không có nội dung"}"#,
            #"["mảng", "không phải đối tượng"]"#,
            #"{"body": "   \n  "}"#,
            #"{"body": "Bài cuối cùng vẫn được đọc.", "published": null}"#,
        ])
        #expect(articles.map(\.source) == (1...6).map { "xuat.jsonl:\($0)" })
        #expect(articles.map(\.status) == [.ok, .unreadable, .unreadable, .unreadable, .empty, .ok])
        #expect(articles[1].error?.hasPrefix("line 2: not valid JSON (") == true)
        #expect(articles[1].error?.hasSuffix(")") == true)
        #expect(articles[2].error == "line 3: no body or html field")
        #expect(articles[3].error == "line 4: not a JSON object")
        #expect(articles[4].error == "line 5: no text in the article")
        #expect(articles[5].text == "Bài cuối cùng vẫn được đọc.")
    }

    @Test func readsTimestampsAndGoldStyleTextField() {
        let articles = load([
            #"{"text": "Đảng ủy Sư đoàn 2 tổ chức hội nghị.", "published": "2022-06"}"#,
            #"{"body": "Hội nghị Đảng ủy Lữ đoàn.", "published": 1672012800}"#,
            #"{"body": "Hội nghị Đảng ủy Trung đoàn.", "published": "27/12/2022"}"#,
            #"{"body": "Hội nghị Ban Thường vụ.", "published": "không rõ"}"#,
        ])
        #expect(articles.map(\.status) == [.ok, .ok, .ok, .ok])
        #expect(articles[0].referenceDate?.value == PartialDate(year: 2022, month: 6))
        #expect(articles[1].referenceDate?.value == PartialDate(year: 2022, month: 12, day: 26))
        #expect(articles[2].referenceDate?.value == PartialDate(year: 2022, month: 12, day: 27))
        #expect(articles[3].referenceDate == nil)
    }

    /// A `published` that holds something else than a date is kept, as written, for the run to
    /// warn of; the article is read all the same, without a reference date. Empty, blank and null
    /// values are no date given, not a bad one.
    @Test func aPublishedThatIsNoDateIsKeptForAWarning() {
        let values = [
            #""2022.5""#, #""next Tuesday""#, #""31/02/2023""#, "2022.5", "2022", "true", #"{"ngay": 1}"#,
            #""""#, #""   ""#, "null", #""2022-12-27""#, "",
        ]
        let articles = load(
            values.map { value in
                value.isEmpty
                    ? #"{"body": "Sáng 6/1, Đảng ủy Lữ đoàn 96 tổ chức hội nghị."}"#
                    : #"{"body": "Sáng 6/1, Đảng ủy Lữ đoàn 96 tổ chức hội nghị.", "published": \#(value)}"#
            })
        #expect(articles.allSatisfy { $0.status == .ok && !$0.text.isEmpty })
        #expect(
            articles.map(\.unreadableDate) == [
                #"published "2022.5""#, #"published "next Tuesday""#, #"published "31/02/2023""#, "published 2022.5",
                "published 2022", "published true", "published (a JSON object)", nil, nil, nil, nil, nil,
            ])
        #expect(articles.prefix(7).allSatisfy { $0.referenceDate == nil })
        #expect(articles[10].referenceDate?.value == PartialDate(year: 2022, month: 12, day: 27))
        // A paragraph in the field is cut, not repeated whole in every warning.
        let paragraph = String(repeating: "hôm qua ", count: 30)
        let long = load([#"{"body": "Hội nghị.", "published": "\#(paragraph)"}"#])
        #expect(long[0].unreadableDate == "published \"" + paragraph.prefix(60) + "…\"")
    }

    @Test func embeddedHTMLIsUnicodeWhateverItsMetaSays() {
        let articles = load([
            #"{"html": "<html><head><meta charset=\"windows-1258\"></head><body><p>Đảng ủy Quân đoàn 4 họp.</p></body></html>"}"#
        ])
        #expect(articles.map(\.status) == [.ok])
        #expect(articles.first?.text == "Đảng ủy Quân đoàn 4 họp.")
    }

    @Test func handlesCRLFBOMAndMissingFinalNewline() {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("{\"body\": \"Một.\"}\r\n\r\n{\"body\": \"Hai.\"}".utf8))
        let articles = loader.load(data: data, source: "x.jsonl", format: .jsonLines)
        #expect(articles.map(\.source) == ["x.jsonl:1", "x.jsonl:3"])
        #expect(articles.map(\.text) == ["Một.", "Hai."])
    }

    @Test func invalidUTF8OnALineIsThatLineOnly() {
        var bytes = Array("{\"body\": \"Tốt.\"}\n{\"body\": \"Xấu ".utf8)
        bytes += [0xFF, 0xFE] + Array("\"}\n{\"body\": \"Tốt nữa.\"}\n".utf8)
        let articles = loader.load(data: Data(bytes), source: "x.jsonl", format: .jsonLines)
        #expect(articles.map(\.status) == [.ok, .unreadable, .ok])
        #expect(articles[1].error?.hasPrefix("line 2: not valid JSON") == true)
    }

    @Test func readsTheFixtureExportThroughTheScanner() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "xuất bản, \"tháng 12\".jsonl"
        try FileManager.default.copyItem(at: IngestFixtures.url("crawl-export.jsonl"), to: folder.appendingPathComponent(name))
        let scan = try InputScanner(workingDirectory: folder.path).scan([folder])
        let articles = scan.files.flatMap { loader.load($0) }
        #expect(articles.map(\.source) == ["\(name):1", "\(name):2", "\(name):4"])
        #expect(articles.map(\.status) == [.ok, .ok, .unreadable])
        #expect(articles[1].referenceDate?.basis == "published")
    }
}
