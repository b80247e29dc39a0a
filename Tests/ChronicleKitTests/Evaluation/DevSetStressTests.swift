import Foundation
import Testing
@testable import ChronicleKit

/// The dev set rewritten the ways real passages differ from it: the lead lines cut off (a
/// mid-article chunk), decomposed Unicode, old-style tone placement ("uỷ", "hoá"), and no
/// publication date. Thresholds may only go up.
@Suite(.enabled(if: SharedCorpus.present, "../shared/corpus is absent (the shared corpus lives beside the repository)"))
struct DevSetStressTests {
    enum Variant: String, CaseIterable {
        case dropLead = "drop-lead", nfd, oldTones = "old-tones", noPublished = "no-published"
    }

    /// Builds one variant of the gold passages.
    static func variant(_ v: Variant, of gold: [GoldArticle]) -> [GoldArticle] {
        gold.map { item in
            var g = item
            switch v {
            case .dropLead:
                // Only meeting articles: a negative one stays a negative whatever is cut.
                guard !item.events.isEmpty else { return g }
                let lines = item.text.split(separator: "\n", omittingEmptySubsequences: true)
                if lines.count > 3 { g.text = lines.dropFirst(2).joined(separator: "\n") }
            case .nfd:
                g.text = item.text.decomposedStringWithCanonicalMapping
            case .oldTones:
                var t = item.text
                for (new, old) in [
                    ("ủy", "uỷ"), ("Ủy", "Uỷ"), ("hóa", "hoá"), ("Hóa", "Hoá"), ("khóa", "khoá"), ("thủy", "thuỷ"), ("tòa", "toà"),
                ] {
                    t = t.replacingOccurrences(of: new, with: old)
                }
                g.text = t
            case .noPublished:
                g.published = nil
            }
            return g
        }
    }

    static func reports() throws -> [Variant: EvaluationReport]? {
        let url = DevSetAccuracyTests.corpus.appendingPathComponent("dev.jsonl")
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("DevSetStressTests: skipped, \(url.path) is absent (the shared corpus lives beside the repository)")
            return nil
        }
        let gold = try GoldSet.load(url, loader: ExtractTestSupport.loader)
        let evaluator = Evaluator(extractor: ExtractTestSupport.extractor)
        var result: [Variant: EvaluationReport] = [:]
        for v in Variant.allCases { result[v] = evaluator.evaluate(variant(v, of: gold)) }
        return result
    }

    @Test func stressVariants() throws {
        guard let reports = try Self.reports() else { return }
        for v in Variant.allCases {
            let r = reports[v]!
            print("== \(v.rawValue)")
            print(
                ProcessInfo.processInfo.environment["STRESS_MISSES"] != nil
                    ? r.render() : r.render().components(separatedBy: "\nmisses:")[0])
        }
        // Spelling and Unicode form must not matter at all: the same figures as the plain set.
        let plain = Evaluator(extractor: ExtractTestSupport.extractor).evaluate(
            try GoldSet.load(DevSetAccuracyTests.corpus.appendingPathComponent("dev.jsonl"), loader: ExtractTestSupport.loader))
        for v in [Variant.nfd, .oldTones] {
            let r = reports[v]!
            #expect(r.f1 == plain.f1, "\(v.rawValue)")
            #expect(
                r.unit.value == plain.unit.value && r.kind.value == plain.kind.value && r.date.value == plain.date.value
                    && r.chair.value == plain.chair.value, "\(v.rawValue)")
        }
        // Reset on 2026-12-06 for the reworded dev set (F1 0.916, unit 0.878, kind 0.878, chair
        // 0.898). Most dates of this variant were in the cut lead and cannot be found.
        let lead = reports[.dropLead]!
        #expect(lead.f1 >= 0.91)
        #expect(lead.unit.value >= 0.87)
        #expect(lead.kind.value >= 0.87)
        #expect(lead.chair.value >= 0.89)
        // Without the publication date only the dates may suffer (reached F1 0.991, unit 0.982).
        let published = reports[.noPublished]!
        #expect(published.f1 >= 0.99)
        #expect(published.unit.value >= 0.98)
    }
}
