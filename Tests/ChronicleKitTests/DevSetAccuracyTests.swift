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
        return Evaluator(extractor: ExtractTestSupport.extractor).evaluate(try GoldSet.load(url))
    }

    @Test func devSet() throws {
        guard let r = try report("dev.jsonl") else { return }
        print(r.render())
        // Reached 1.000 on every figure (102 passages, 58 meetings, 34 scored dates).
        #expect(r.f1 >= 0.99)
        #expect(r.unit.value >= 0.99)
        #expect(r.kind.value >= 0.99)
        #expect(r.date.value >= 0.99)
        #expect(r.year.value >= 0.99)
        #expect(r.chair.value >= 0.99)
    }

    @Test func seedsAreAllRight() throws {
        guard let r = try report("seeds.gold.jsonl") else { return }
        print(r.render())
        #expect(r.f1 == 1)
        #expect(r.misses.isEmpty)
    }
}
