import Foundation
import Testing
@testable import ChronicleKit

@Suite struct IngestTextTests {
    let loader = ExtractTestSupport.loader
    let article = """
        Đảng ủy Lữ đoàn 170 tổng kết công tác Đảng năm 2022

        Chiều 27-12, Đảng ủy Lữ đoàn 170 tổ chức hội nghị tổng kết công tác Đảng, công tác chính trị năm 2022.

        Tin, ảnh: THANH HƯƠNG
        """

    func load(_ bytes: [UInt8], source: String = "bai.txt") -> Article {
        let articles = loader.load(data: Data(bytes), source: source, format: .text)
        #expect(articles.count == 1)
        return articles[0]
    }

    @Test func readsUTF8WithAndWithoutBOM() {
        for bytes in [Array(article.utf8), [0xEF, 0xBB, 0xBF] + Array(article.utf8)] {
            let result = load(bytes)
            #expect(result.status == .ok)
            #expect(result.error == nil)
            #expect(result.source == "bai.txt")
            #expect(result.text.hasPrefix("Đảng ủy Lữ đoàn 170"))
            #expect(result.text.split(separator: "\n").count == 3)
        }
    }

    @Test func readsUTF16LittleAndBigEndian() {
        let units = Array(article.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [little, big] {
            let result = load(bytes)
            #expect(result.status == .ok)
            #expect(result.text == loader.noiseFilter.clean(article))
        }
    }

    @Test func refusesBrokenUTF16() {
        let result = load([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00])
        #expect(result.status == .unreadable)
        #expect(result.error?.contains("UTF-16") == true)
    }

    @Test func reportsTheOffendingByteOfInvalidUTF8() {
        var bytes = Array("Hội nghị Đảng ủy".utf8)
        let offset = bytes.count
        bytes += [0xC3, 0x28] + Array(" năm 2022".utf8)
        let result = load(bytes)
        #expect(result.status == .unreadable)
        #expect(result.error == "not valid UTF-8 text (byte 0xC3 at offset \(offset))")
        #expect(result.text.isEmpty)
    }

    @Test func reportsLatin1TextAsInvalidUTF8() {
        let result = load(Array("Quang c".utf8) + [0xE1, 0x6E, 0x68])
        #expect(result.error == "not valid UTF-8 text (byte 0xE1 at offset 7)")
    }

    @Test func emptyAndBlankFilesAreEmpty() {
        for bytes in [[], Array("  \n\r\n\t \u{00A0}\n".utf8), [0xEF, 0xBB, 0xBF], Array("leftcenterrightdel\n\n".utf8)] {
            let result = load(bytes)
            #expect(result.status == .empty)
            #expect(result.error == "no text in the article")
        }
    }

    @Test func binaryFilesAreUnreadable() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let controls: [UInt8] = (0..<200).map { UInt8(1 + $0 % 8) } + Array("abc".utf8)
        for bytes in [png, controls, Array("Hội nghị\u{0}năm 2022".utf8)] {
            let result = load(bytes)
            #expect(result.status == .unreadable)
            #expect(result.error == "binary file, not text")
        }
    }

    @Test func removesStrayControlCharacters() {
        let result = load(Array("Hội\u{1}nghị \u{1B}Đảng ủy\u{7F} năm 2022.".utf8))
        #expect(result.text == "Hộinghị Đảng ủy năm 2022.")
    }

    @Test func normalizesDecomposedInputToNFC() {
        let nfd = article.decomposedStringWithCanonicalMapping
        let result = load(Array(nfd.utf8))
        #expect(Array(result.text.utf8) == Array(loader.noiseFilter.clean(article).utf8))
        #expect(result.title == "Đảng ủy Lữ đoàn 170 tổng kết công tác Đảng năm 2022")
    }

    @Test func titleIsTheFirstLineWhenItReadsLikeAHeadline() {
        #expect(load(Array(article.utf8)).title == "Đảng ủy Lữ đoàn 170 tổng kết công tác Đảng năm 2022")
        let cases: [(String, String?)] = [
            ("Tin hoạt động\n\nSáng 5-1, Đảng ủy Quân đoàn 12 tổ chức hội nghị.", nil),
            ("Trung tướng Trần Văn Minh chủ trì hội nghị.\nNội dung bài.", nil),
            (
                "leftcenterrightdel\n Hội nghị Ban Thường vụ Đảng ủy Quân khu 9 lần thứ 12\nNội dung.",
                "Hội nghị Ban Thường vụ Đảng ủy Quân khu 9 lần thứ 12"
            ),
            ("Sáng 5-1, " + String(repeating: "đơn vị tiếp tục quán triệt nghị quyết ", count: 10) + "\nTiếp.", nil),
            ("Tin, ảnh: KIM ANH\nNội dung.", nil),
            (
                "Đại hội Đảng bộ Trường Sĩ quan Lục quân 1 nhiệm kỳ 2020-2025: Đoàn kết, đổi mới\nNội dung.",
                "Đại hội Đảng bộ Trường Sĩ quan Lục quân 1 nhiệm kỳ 2020-2025: Đoàn kết, đổi mới"
            ),
        ]
        for (text, title) in cases {
            #expect(load(Array(text.utf8)).title == title, "\(text)")
        }
    }

    @Test func oversizeFileIsUnsupportedWithItsSize() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("lon.txt")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        let chunk = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<12 { handle.write(chunk) }
        try handle.close()
        let result = loader.load(InputFile(url: url, displayPath: "lon.txt"))
        #expect(result.count == 1)
        #expect(result[0].status == .unsupported)
        #expect(result[0].error == "file is 12 MB, larger than the 10 MB limit for one article")
        #expect(ArticleLoader.maximumArticleFileSize == 10 * 1024 * 1024)
    }

    @Test func missingFileIsUnreadable() {
        let url = URL(fileURLWithPath: "/nonexistent-chronicle/bai.txt")
        let result = loader.load(InputFile(url: url, displayPath: "bai.txt"))
        #expect(result.count == 1)
        #expect(result[0].status == .unreadable)
        #expect(result[0].error?.hasPrefix("cannot read the file: ") == true)
    }

    @Test func unknownExtensionIsUnsupported() {
        let result = loader.load(InputFile(url: URL(fileURLWithPath: "/tmp/anh.jpg"), displayPath: "anh.jpg"))
        #expect(result[0].status == .unsupported)
        #expect(result[0].error == "not an article file type (.jpg)")
    }

    @Test func readsFilesWithAwkwardNames() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "Hội nghị, \"tổng kết\" 'năm 2022' ngày 27.txt"
        let url = folder.appendingPathComponent(name)
        try Data(article.utf8).write(to: url)
        let scan = try InputScanner(workingDirectory: folder.path).scan([folder])
        #expect(scan.files.map(\.displayPath) == [name])
        let result = loader.load(scan.files[0])
        #expect(result.count == 1)
        #expect(result[0].status == .ok)
        #expect(result[0].source == name)
    }

    @Test func readsTheFixtureFolder() throws {
        let scan = try InputScanner(workingDirectory: IngestFixtures.folder.path).scan([IngestFixtures.folder])
        let articles = scan.files.flatMap { loader.load($0) }
        let byName = Dictionary(articles.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["bao-cao-quy-1.txt"]?.status == .ok)
        #expect(byName["bao-cao-quy-1.txt"]?.title == "Đảng ủy Sư đoàn 9 sơ kết công tác Đảng quý I năm 2023")
        #expect(byName["bao-cao-quy-1.txt"]?.text.contains("Bình luận") == false)
        #expect(byName["bao-cao-quy-1.txt"]?.text.hasSuffix("Tin, ảnh: NGỌC LAN - VĂN PHÚC") == true)
    }
}
