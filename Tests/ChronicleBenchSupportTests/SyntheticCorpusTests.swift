import Foundation
import Testing
@testable import ChronicleBenchSupport
@testable import ChronicleKit

@Suite struct SyntheticCorpusTests {
    static let corpus = SyntheticCorpus()
    static let sample = (0..<300).map { corpus.article(at: $0) }

    @Test func splitMixSequenceIsFixedBySeed() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        // Reference value of SplitMix64 for seed 0, so the sequence cannot drift between versions.
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func articlesAreNFCTextOfPressSizeWithEverySlotFilled() {
        var total = 0
        for article in Self.sample {
            let text = article.text
            let size = text.utf8.count
            total += size
            #expect((300...8_000).contains(size), "article \(article.index) is \(size) bytes")
            #expect(text == text.precomposedStringWithCanonicalMapping)
            #expect(!text.contains { "{}[]|".contains($0) }, "unfilled slot or choice in article \(article.index)")
            #expect(!text.contains("  "), "double space in article \(article.index)")
        }
        // The real-text corpus averages about 2.2 KB an article.
        #expect((1_900...2_500).contains(total / Self.sample.count))
        #expect(Self.sample.contains { $0.text.contains("leftcenterrightdel") })
    }

    @Test func articlesAreDeterministicAndDistinct() {
        let other = SyntheticCorpus(seed: 8)
        for index in [0, 1, 999, 123_456] {
            #expect(Self.corpus.article(at: index) == SyntheticCorpus().article(at: index))
            #expect(Self.corpus.article(at: index).text != other.article(at: index).text)
        }
        #expect(Set(Self.sample.map(\.text)).count == Self.sample.count)
        #expect(Set(Self.sample.map(\.published.year)) == [2022, 2023])
    }

    @Test func longSentencesHardlyRepeat() {
        // A text seen again and again is extracted faster than the press (the processor learns
        // it): the synthetic sentences must differ as the press's do.
        var sentences: [Substring] = []
        for article in Self.sample {
            for line in article.text.split(separator: "\n") {
                sentences += line.split(separator: ". ").filter { $0.split(separator: " ").count >= 20 }
            }
        }
        #expect(sentences.count > 1_000)
        #expect(Double(Set(sentences).count) >= 0.95 * Double(sentences.count))
    }

    @Test func aboutSixArticlesInTenReportAMeeting() throws {
        let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config")
        let rules = try ExtractionRules.load(configDirectory: config, unitsFile: config.appendingPathComponent("units.yml"))
        let extractor = ArticleExtractor(rules: rules)
        let events = Self.sample.map { extractor.extract(Article(source: "bench", text: $0.text)) }
        let share = Double(events.filter { !$0.isEmpty }.count) / Double(events.count)
        #expect((0.5...0.8).contains(share), "share of articles with a meeting: \(share)")
        // Many units, as in the press: the chronology has as many rows to build and write.
        #expect(Set(events.compactMap(\.first).map(\.unit.name)).count >= 60)
    }

    @Test func writesYearMonthFoldersWithTextFilesAndExports() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synthetic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A full chunk of 1,000 indices puts 100 articles in its export.
        #expect((0..<1_000).filter(SyntheticCorpus.isInExport).count == 100)
        let stats = try Self.corpus.write(950..<1_050, to: folder)
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
        let more = try Self.corpus.write(1_050..<1_060, to: folder)
        #expect(more.articles == 10)
        #expect(try Data(contentsOf: files[0].url) == before)
    }
}
