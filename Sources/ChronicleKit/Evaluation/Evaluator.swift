import Foundation

/// Scores extraction against gold passages exactly as `spec/records.md` describes: per article,
/// the first gold event against the first extracted event.
public struct Evaluator: Sendable {
    let extractor: ArticleExtractor

    public init(extractor: ArticleExtractor) {
        self.extractor = extractor
    }

    public func evaluate(_ gold: [GoldArticle]) -> EvaluationReport {
        var report = EvaluationReport()
        let clock = ContinuousClock()
        for item in gold {
            let article = item.article
            let start = clock.now
            let events = extractor.extract(article)
            report.extractionTime += clock.now - start
            report.bytes += article.utf8.count
            let expected = item.events.first
            let got = events.first
            report.articles += 1
            switch (expected, got) {
            case (nil, nil):
                report.trueNegatives += 1
            case (nil, let g?):
                report.falsePositives += 1
                report.misses.append(
                    .init(id: item.id, field: "detection", expected: "no meeting", got: "\(g.kind.rawValue) of \(g.unit.name)"))
            case (let e?, nil):
                report.falseNegatives += 1
                report.misses.append(.init(id: item.id, field: "detection", expected: "\(e.kind) of \(e.unit)", got: "no meeting"))
            case (let e?, let g?):
                report.truePositives += 1
                score(e, g, id: item.id, into: &report)
            }
        }
        return report
    }

    private func score(_ e: GoldArticle.GoldEvent, _ g: Event, id: String, into report: inout EvaluationReport) {
        report.unit.add(Self.same(e.unit, g.unit.name))
        if !Self.same(e.unit, g.unit.name) { report.misses.append(.init(id: id, field: "unit", expected: e.unit, got: g.unit.name)) }
        report.kind.add(e.kind == g.kind.rawValue)
        if e.kind != g.kind.rawValue { report.misses.append(.init(id: id, field: "kind", expected: e.kind, got: g.kind.rawValue)) }
        if let gold = e.date {
            let value = g.date.value
            let ok = value.map { Self.cut($0, to: gold.precision) == gold && $0.precision <= gold.precision } ?? false
            report.date.add(ok)
            report.year.add(value?.year == gold.year)
            if !ok {
                report.misses.append(
                    .init(
                        id: id, field: "date", expected: gold.description,
                        got: value.map { "\($0) (\(g.date.basis.rawValue))" } ?? "null"))
            }
        }
        let chairOK: Bool
        switch (e.chair, g.chair?.name) {
        case (nil, nil): chairOK = true
        case (let a?, let b?): chairOK = Self.same(a, b)
        default: chairOK = false
        }
        report.chair.add(chairOK)
        if !chairOK { report.misses.append(.init(id: id, field: "chair", expected: e.chair ?? "null", got: g.chair?.name ?? "null")) }
    }

    static func cut(_ date: PartialDate, to precision: DatePrecision) -> PartialDate {
        switch precision {
        case .year: return PartialDate(year: date.year)
        case .month: return PartialDate(year: date.year, month: date.month)
        case .day: return date
        }
    }

    /// Names compared in NFC, case-insensitively.
    static func same(_ a: String, _ b: String) -> Bool {
        a.precomposedStringWithCanonicalMapping.lowercased() == b.precomposedStringWithCanonicalMapping.lowercased()
    }
}
