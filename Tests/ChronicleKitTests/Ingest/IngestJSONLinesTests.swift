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

    /// Lines as a crawler writes them, and as it should not: byte order mark, CRLF, blank lines,
    /// a bad line, a line longer than the reader's first buffer, no final newline.
    static var awkwardExport: Data {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array(#"{"url": "https://example.vn/1", "body": "Sáng 6/1, Đảng ủy Lữ đoàn 96 tổ chức hội nghị."}"#.utf8) + [0x0D, 0x0A]
        bytes += Array("\n   \r\n".utf8)
        bytes += Array(#"{"body": "Xấu "#.utf8) + [0xFF] + Array("\"}\n".utf8)
        let long = String(repeating: "Đảng ủy Sư đoàn 9 tổ chức hội nghị tổng kết công tác lãnh đạo năm 2022. ", count: 40)
        bytes += Array(#"{"published": "2022.5", "body": "\#(long)"}"#.utf8) + [0x0A]
        bytes += Array(#"{"body": "Dòng cuối, không có dấu xuống dòng."}"#.utf8)
        return Data(bytes)
    }

    /// An export read from its file a buffer at a time gives what the whole file read at once
    /// gives, whatever the buffer's size (lines cut anywhere, the buffer grown for a long line).
    @Test func readingFromTheFileGivesWhatTheBytesGive() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("xuat.jsonl")
        try Self.awkwardExport.write(to: url)
        let whole = loader.load(data: Self.awkwardExport, source: "xuat.jsonl", format: .jsonLines)
        #expect(whole.map(\.source) == ["xuat.jsonl:1", "xuat.jsonl:4", "xuat.jsonl:5", "xuat.jsonl:6"])
        #expect(whole.map(\.status) == [.ok, .unreadable, .ok, .ok])
        let reader = JSONLinesReader(loader: loader)
        let fileHash = Self.awkwardExport.withUnsafeBytes { FileHasher.hash($0) }
        for size in [1, 2, 3, 5, 64, 257, 4096, 1 << 20] {
            var read: [Article] = []
            let hasher = FileHasher()
            #expect(
                reader.forEachArticle(inFileAt: url.path, source: "xuat.jsonl", bufferSize: size, hasher: hasher) { read.append($0) }
                    == nil)
            #expect(read == whole, "buffer of \(size) bytes")
            // The bytes read are hashed as they come: the file's content hash, however it was cut.
            #expect(hasher.value == fileHash, "buffer of \(size) bytes")
        }
        let scanned = try InputScanner(workingDirectory: folder.path).scan([folder]).files
        #expect(loader.load(try #require(scanned.first)) == whole)
    }

    /// Each line's article is handed on as soon as its line is read, before the rest of the file
    /// is: a large export is never held whole, nor all its articles. (Seen here by a line added
    /// to the file while its first article is handled: the reader, still reading, meets it.)
    @Test func anExportsArticlesAreHandedOnAsItIsRead() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("xuat.jsonl")
        let line = #"{"body": "Sáng 6/1, Đảng ủy Lữ đoàn 96 tổ chức hội nghị tổng kết công tác đảng năm 2022."}"# + "\n"
        try Data(String(repeating: line, count: 50).utf8).write(to: url)
        let file = try #require(try InputScanner(workingDirectory: folder.path).scan([folder]).files.first)
        var sources: [String] = []
        let failed = loader.load(file) { article in
            if sources.isEmpty, let handle = try? FileHandle(forWritingTo: url) {
                handle.seekToEndOfFile()
                handle.write(Data(line.utf8))
                try? handle.close()
            }
            sources.append(article.source)
        }
        #expect(failed == nil)
        #expect(sources.count == 51, "the line added after the first article was handed on was read too")
    }

    /// A line too long to be one article is passed over as it is read, not held, and reported
    /// as too large; the lines after it are read.
    @Test func aLineTooLongToHoldIsPassedOver() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("xuat.jsonl")
        let huge = #"{"body": ""# + String(repeating: "a", count: 17 << 20) + "\"}\n"
        try Data((huge + #"{"body": "Sau dòng quá dài."}"#).utf8).write(to: url)
        var read: [Article] = []
        let reader = JSONLinesReader(loader: loader)
        #expect(reader.forEachArticle(inFileAt: url.path, source: "xuat.jsonl") { read.append($0) } == nil)
        #expect(read.map(\.status) == [.unsupported, .ok])
        #expect(read[0].error == "line 1: file is 17.0 MB, larger than the 10 MB limit for one article")
        #expect(read[1].source == "xuat.jsonl:2" && read[1].text == "Sau dòng quá dài.")
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
