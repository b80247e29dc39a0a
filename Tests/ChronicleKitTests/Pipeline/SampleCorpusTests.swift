import Foundation
import Testing
@testable import ChronicleKit

/// The project's own sample corpus (`corpus/samples`, never used to tune the rules) scored
/// through the real `ArticleLoader` from `corpus/samples.gold.jsonl`, whose lines name the files.
/// Thresholds may only go up: each is set at the figure reached when it was last raised.
@Suite struct SampleCorpusTests {
    static func report() throws -> EvaluationReport {
        let root = ExtractTestSupport.root
        let gold = try GoldSet.load(
            root.appendingPathComponent("corpus/samples.gold.jsonl"), articlesDirectory: root, loader: ExtractTestSupport.loader)
        return Evaluator(extractor: ExtractTestSupport.extractor).evaluate(gold)
    }

    @Test func samples() throws {
        let r = try Self.report()
        print(r.render())
        #expect(r.articles == 14)
        // Was F1 0.957, unit 0.909, date 0.727, year 0.818. The two dates still missed are in
        // HTML leads (sapo, post-summary) that ingest leaves out of the body.
        #expect(r.f1 >= 1.0)
        #expect(r.unit.value >= 1.0)
        #expect(r.kind.value >= 1.0)
        #expect(r.date.value >= 0.83)
        #expect(r.year.value >= 1.0)
        #expect(r.chair.value >= 1.0)
    }

    @Test func goldLinesNameFilesAndExportLines() throws {
        let root = ExtractTestSupport.root
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-gold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let goldFile = dir.appendingPathComponent("g.jsonl")
        let lines = [
            #"{"id": "corpus/samples/2023/exports/crawl-2023-07.jsonl:1", "events": []}"#,
            #"{"id": "corpus/samples/2022/12/2022-12-27-quan-khu-4-tong-ket-ctd-ctct-2022.txt", "events": []}"#,
        ]
        try lines.joined(separator: "\n").write(to: goldFile, atomically: true, encoding: .utf8)
        let gold = try GoldSet.load(goldFile, articlesDirectory: root, loader: ExtractTestSupport.loader)
        #expect(gold.count == 2)
        #expect(gold[0].article.source == "corpus/samples/2023/exports/crawl-2023-07.jsonl:1")
        #expect(!gold[0].text.isEmpty)
        #expect(gold[1].article.text == gold[1].text)

        try #"{"id": "corpus/samples/nothing-here.txt", "events": []}"#.write(to: goldFile, atomically: true, encoding: .utf8)
        #expect(throws: GoldSetError.self) { try GoldSet.load(goldFile, articlesDirectory: root, loader: ExtractTestSupport.loader) }
        try #"{"id": "corpus/samples/2023/exports/crawl-2023-07.jsonl:99", "events": []}"#.write(
            to: goldFile, atomically: true, encoding: .utf8)
        #expect(throws: GoldSetError.self) { try GoldSet.load(goldFile, articlesDirectory: root, loader: ExtractTestSupport.loader) }
    }
}
