import Foundation
import Testing
@testable import ChronicleKit

/// The dev set and the seeds through the Evaluator. Thresholds may only go up: each is set just
/// under the figure reached when it was last raised.
@Suite(.enabled(if: SharedCorpus.present, "../shared/corpus is absent (the shared corpus lives beside the repository)"))
struct DevSetAccuracyTests {
    static let corpus = ExtractTestSupport.root.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    private func report(_ file: String) throws -> EvaluationReport? {
        let url = Self.corpus.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("DevSetAccuracyTests: skipped, \(url.path) is absent (the shared corpus lives beside the repository)")
            return nil
        }
        return Evaluator(extractor: ExtractTestSupport.extractor).evaluate(try GoldSet.load(url, loader: ExtractTestSupport.loader))
    }

    @Test func devSet() throws {
        guard let r = try report("dev.jsonl") else { return }
        print(r.render())
        // Reset on 2026-12-06 when the dev set was reworded (same facts, other words): it read
        // F1 0.991, unit 0.982, kind 0.947, date and year 0.939, chair 1.000 (102 passages, 58
        // meetings, 33 scored dates), after the rules began reading the meeting's own clause.
        #expect(r.f1 >= 0.99)
        #expect(r.unit.value >= 0.98)
        #expect(r.kind.value >= 0.94)
        #expect(r.date.value >= 0.93)
        #expect(r.year.value >= 0.93)
        #expect(r.chair.value >= 0.99)
    }

    /// 44 passages (23 meetings) mostly of 2022–2023, with hard negatives: civilian party
    /// committees, commands' own meetings, working sessions, ceremonies.
    @Test func devSet2022to2023() throws {
        guard let r = try report("dev-2022-2023.jsonl") else { return }
        print(r.render())
        // First measured on 2026-12-06: F1 1.000, unit 0.957, kind 0.913, date and year 0.929,
        // chair 1.000 (it read F1 0.885, unit 0.826, kind 0.870, date 0.857 before the clause reader).
        #expect(r.f1 >= 0.99)
        #expect(r.unit.value >= 0.95)
        #expect(r.kind.value >= 0.91)
        #expect(r.date.value >= 0.92)
        #expect(r.year.value >= 0.92)
        #expect(r.chair.value >= 0.99)
    }

    @Test func seedsAreAllRight() throws {
        guard let r = try report("seeds.gold.jsonl") else { return }
        print(r.render())
        #expect(r.f1 == 1)
        #expect(r.misses.isEmpty)
    }
}
