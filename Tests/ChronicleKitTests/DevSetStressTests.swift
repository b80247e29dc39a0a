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
                for (new, old) in [("ủy", "uỷ"), ("Ủy", "Uỷ"), ("hóa", "hoá"), ("Hóa", "Hoá"), ("khóa", "khoá"), ("thủy", "thuỷ"), ("tòa", "toà")] {
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
        let gold = try GoldSet.load(url)
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
            print(ProcessInfo.processInfo.environment["STRESS_MISSES"] != nil ? r.render() : r.render().components(separatedBy: "\nmisses:")[0])
        }
        // Spelling and Unicode form must not matter at all.
        for v in [Variant.nfd, .oldTones] {
            let r = reports[v]!
            #expect(r.f1 >= 0.99, "\(v.rawValue)")
            #expect(r.unit.value >= 0.99 && r.kind.value >= 0.99 && r.date.value >= 0.99 && r.chair.value >= 0.99, "\(v.rawValue)")
        }
        // Was F1 0.945, unit 0.942, kind 0.885, chair 0.904 when these variants were first
        // built. Most dates of this variant were in the cut lead and cannot be found.
        let lead = reports[.dropLead]!
        #expect(lead.f1 >= 0.954)
        #expect(lead.unit.value >= 0.942)
        #expect(lead.kind.value >= 0.886)
        #expect(lead.chair.value >= 0.924)
        let published = reports[.noPublished]!
        #expect(published.f1 >= 0.99)
        #expect(published.unit.value >= 0.99)
    }
}
