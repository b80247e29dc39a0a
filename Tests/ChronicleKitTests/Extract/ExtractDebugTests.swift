import Foundation
import Testing
@testable import ChronicleKit

@Suite struct ExtractDebugTests {
    @Test func debugDev() throws {
        guard let ids = ProcessInfo.processInfo.environment["DEBUG_IDS"] else { return }
        let file =
            ProcessInfo.processInfo.environment["DEBUG_GOLD"].map { URL(fileURLWithPath: $0) }
            ?? ExtractTestSupport.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev.jsonl")
        let gold = try GoldSet.load(file, articlesDirectory: ExtractTestSupport.root, loader: ExtractTestSupport.loader)
        for item in gold where ids == "*" || ids.split(separator: ",").contains(where: { item.id.hasSuffix($0) }) {
            if ProcessInfo.processInfo.environment["DEBUG_TEXT"] != nil {
                print(item.article.title ?? "-", item.article.referenceDate as Any); print(item.text)
            }
            let a = ArticleText(item.text, rules: ExtractTestSupport.rules)
            print("==", item.id, "meeting:", MeetingDetector.detect(in: a) as Any)
            for d in DateFinder.find(in: a) {
                print(
                    "  date", d.day as Any, d.month as Any, d.year as Any, "s", d.sentence, d.document, d.dateline, d.anniversarySpan,
                    a.text(d.range))
            }
            for u in UnitRecognizer.find(in: a) { print("  unit", u.name, u.sentence, u.partyStart as Any, u.guest, u.post) }
            let r = ExtractTestSupport.extractor.record(for: item.article)
            print(try r.jsonLine())
        }
    }
}

@Suite struct ExtractBenchTests {
    @Test func throughput() throws {
        guard ProcessInfo.processInfo.environment["BENCH"] != nil else { return }
        let gold = try GoldSet.load(
            ExtractTestSupport.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev.jsonl"),
            loader: ExtractTestSupport.loader)
        let articles = gold.map(\.article)
        let start = Date()
        var n = 0
        var bytes = 0
        for _ in 0..<20 {
            for article in articles {
                _ = ExtractTestSupport.extractor.extract(article)
                n += 1
                bytes += article.text.utf8.count
            }
        }
        let seconds = Date().timeIntervalSince(start)
        print("BENCH \(n) articles, \(bytes / n) bytes avg, \(Double(n) / seconds) articles/s")
    }
}
