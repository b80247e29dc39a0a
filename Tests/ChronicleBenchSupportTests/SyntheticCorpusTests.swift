import Foundation
import Testing
@testable import ChronicleBenchSupport
@testable import ChronicleKit

@Suite struct SyntheticCorpusTests {
    @Test func splitMixSequenceIsFixedBySeed() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        // Reference value of SplitMix64 for seed 0, so the sequence cannot drift between versions.
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func builtInTemplatesAreAboutThreeKilobytesOfNFCText() throws {
        let corpus = try SyntheticCorpus(templates: SyntheticCorpus.builtInTemplates())
        #expect(corpus.templates.count == 5)
        for index in 0..<50 {
            let article = corpus.article(at: index)
            let size = article.text.utf8.count
            #expect((2_400...4_000).contains(size), "article \(index) is \(size) bytes")
            #expect(article.text == article.text.precomposedStringWithCanonicalMapping)
            #expect(!article.text.contains("{"), "unfilled slot in article \(index)")
            #expect(article.text.contains("leftcenterrightdel"))
        }
    }

    @Test func articlesAreDeterministicAndDistinct() throws {
        let one = try SyntheticCorpus(seed: 7, templates: SyntheticCorpus.builtInTemplates())
        let two = try SyntheticCorpus(seed: 7, templates: SyntheticCorpus.builtInTemplates())
        let other = try SyntheticCorpus(seed: 8, templates: SyntheticCorpus.builtInTemplates())
        for index in [0, 1, 999, 123_456] {
            #expect(one.article(at: index) == two.article(at: index))
            #expect(one.article(at: index).text != other.article(at: index).text)
        }
        let texts = Set((0..<200).map { one.article(at: $0).text })
        #expect(texts.count == 200)
        let years = Set((0..<200).map { one.article(at: $0).published.year })
        #expect(years == [2022, 2023])
    }

    @Test func realTextsGetVariedUnitsDatesAndYears() throws {
        // Written for this test in the style of the press.
        let text = """
            Sáng 5/1/2023, Đảng ủy Sư đoàn 312 tổ chức hội nghị tổng kết công tác năm 2022. \
            Dự hội nghị có đại diện Quân khu 1 và Lữ đoàn 170; hội nghị kéo dài đến 11/1. \
            Nghị quyết 765-NQ/ĐUQSTW được quán triệt tới 100% đảng viên.
            """
        let template = SyntheticTemplate(articleText: text)
        #expect(template.slotCount == 10)  // 3 units, 2 dates (5 slots), 1 loose year, credit
        let corpus = try SyntheticCorpus(seed: 1, templates: [template])
        let article = corpus.article(at: 3)
        #expect(
            article.text.hasPrefix("Sáng \(article.published.day!)/\(article.published.month!)/\(article.published.year), Đảng ủy Sư đoàn ")
        )
        #expect(article.text.contains("tổng kết công tác năm \(article.published.year - 1)."))
        #expect(article.text.contains("765-NQ/ĐUQSTW"))
        #expect(article.text.contains("100%"))
    }

    @Test func unknownSlotIsRejected() {
        #expect(throws: SyntheticCorpusError.unknownSlot(name: "commander")) {
            try SyntheticTemplate(placeholderText: "Chiều {day}/{month}, {commander} chủ trì.")
        }
    }

    @Test func writesYearMonthFoldersWithTextFilesAndExports() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synthetic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try SyntheticCorpus(templates: SyntheticCorpus.builtInTemplates())
        // A full chunk of 1,000 indices puts 100 articles in its export.
        #expect((0..<SyntheticCorpus.chunkSize).filter(SyntheticCorpus.isInExport).count == 100)
        let stats = try corpus.write(950..<1_050, to: folder)
        #expect(stats.articles == 100)
        #expect(stats.textFiles == 90)
        #expect(stats.exportFiles == 2)

        let files = try InputScanner().scan([folder]).files
        #expect(files.count == 92)
        let exports = files.filter { $0.format == .jsonLines }
        #expect(exports.count == 2)
        let lines = try exports.map { file in
            try String(contentsOf: file.url, encoding: .utf8).split(separator: "\n").count
        }.sorted()
        #expect(lines == [5, 5])
        let first = try #require(exports.first)
        let line = try #require(try String(contentsOf: first.url, encoding: .utf8).split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["text"] is String)
        #expect(object["published"] is String)
        for file in files {
            let parts = file.url.deletingLastPathComponent().pathComponents.suffix(2)
            #expect(["2022", "2023"].contains(parts.first!))
            #expect(Int(parts.last!).map { (1...12).contains($0) } == true)
        }

        // Appending a range leaves the first files as they were.
        let before = try Data(contentsOf: files[0].url)
        let more = try corpus.write(1_050..<1_060, to: folder)
        #expect(more.articles == 10)
        #expect(try Data(contentsOf: files[0].url) == before)
    }
}
