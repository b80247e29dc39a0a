import Testing
@testable import ChronicleKit

@Suite struct EvalScoringTests {
    private func gold(_ text: String, unit: String, kind: String, date: String?, chair: String?, published: String? = nil) -> GoldArticle {
        GoldArticle(
            id: "g", url: nil, published: published.flatMap { PartialDate(iso: $0) }, text: text,
            events: [.init(unit: unit, kind: kind, date: date.flatMap { PartialDate(iso: $0) }, chair: chair)], note: nil)
    }

    @Test func scoresFieldsAndDatePrecision() {
        let text =
            "Chiều 28/12, Đảng ủy Sư đoàn 390 tổ chức Hội nghị tổng kết công tác Đảng năm 2021. Đại tá Trần Văn Bình, Chính ủy Sư đoàn chủ trì hội nghị."
        let evaluator = Evaluator(extractor: ExtractTestSupport.extractor)
        let exact = evaluator.evaluate([
            gold(text, unit: "sư đoàn 390", kind: "year-end-review", date: "2021-12-28", chair: "Trần Văn Bình")
        ])
        #expect(exact.f1 == 1 && exact.unit.value == 1 && exact.kind.value == 1 && exact.date.value == 1 && exact.chair.value == 1)
        // Gold at month precision: a day-precise extraction cut to the month counts.
        let month = evaluator.evaluate([gold(text, unit: "Sư đoàn 390", kind: "year-end-review", date: "2021-12", chair: "Trần Văn Bình")])
        #expect(month.date.correct == 1)
        // Gold null date: not scored.
        let unscored = evaluator.evaluate([gold(text, unit: "Sư đoàn 390", kind: "year-end-review", date: nil, chair: nil)])
        #expect(unscored.date.total == 0 && unscored.chair.correct == 0)
        #expect(unscored.render().contains("chair: expected null, got Trần Văn Bình"))
    }

    @Test func coarserExtractionIsWrong() {
        let text = "Đảng bộ Trung đoàn 9 tổ chức Đại hội đại biểu lần thứ X, nhiệm kỳ 2020-2025."
        let report = Evaluator(extractor: ExtractTestSupport.extractor)
            .evaluate([gold(text, unit: "Trung đoàn 9", kind: "party-congress", date: "2020-06-19", chair: nil)])
        #expect(report.date.correct == 0 && report.year.correct == 1)
    }

    @Test func detectionCounts() {
        let none = GoldArticle(id: "n", url: nil, published: nil, text: "Sáng 2/11, Sư đoàn 341 tổ chức diễn tập.", events: [], note: nil)
        let report = Evaluator(extractor: ExtractTestSupport.extractor).evaluate([none])
        #expect(report.trueNegatives == 1 && report.falsePositives == 0)
    }
}
