import Foundation
import Testing
@testable import ChronicleKit

/// A crawler export's line whose `published` is not a date: the article is extracted as usual,
/// without that reference date, and every run that uses its record reports a warning naming the
/// value, the file and the line, listed apart from the articles that could not be read.
@Suite struct PublishedWarningTests {
    static let export = [
        #"{"url": "https://example.vn/1", "published": "2023-01-07", "body": "Sáng 6/1, Đảng ủy Quân đoàn 1 tổ chức hội nghị tổng kết công tác đảng năm 2022."}"#,
        #"{"url": "https://example.vn/2", "published": "2022.5", "body": "Sáng 5/1, Đảng ủy Quân đoàn 2 tổ chức hội nghị tổng kết công tác đảng năm 2022."}"#,
    ].joined(separator: "\n")

    static let reason = #"published "2022.5" is not a date I can read; the year was resolved from the article's text"#

    private func warnings(_ summary: RunSummary) -> [ArticleProblem] {
        summary.problems.filter { $0.source.hasSuffix("export.jsonl:2") }
    }

    @Test func isAWarningOnEveryRunThatUsesTheRecord() throws {
        let box = try Sandbox()
        try box.write("export.jsonl", Self.export)
        let first = try box.run(standard: true)
        #expect(first.problems.count == 1)
        #expect(warnings(first).map(\.reason) == [Self.reason])
        #expect(warnings(first).allSatisfy { $0.isWarning })
        #expect(try #require(warnings(first).first).logLine.hasSuffix("export.jsonl:2: " + Self.reason))
        let dates = try first.fullChronology().events.map { $0.event.date.value?.description }
        #expect(dates == ["2023-01-05", "2023-01-06"], "the article is extracted as usual")

        // Nothing changed: the chronology's outline is taken, and still warns.
        let unchanged = try box.run(standard: true)
        #expect(unchanged.chronologyIsOutline && warnings(unchanged).map(\.reason) == [Self.reason])
        // Another file changed: the export's records are read back from the store, and still warn.
        try box.write("b.txt", "Sáng 26-12, Đảng ủy Quân đoàn 1 tổ chức hội nghị tổng kết công tác năm 2022.\n")
        let other = try box.run(standard: true)
        #expect(other.unchanged == 1 && warnings(other).map(\.reason) == [Self.reason])

        let markdown = try String(contentsOf: box.output.appendingPathComponent("chronology.md"), encoding: .utf8)
        let section = String(markdown[try #require(markdown.range(of: "## Vấn đề cần xem lại")).lowerBound...])
        #expect(section.contains("### Bài báo không đọc được\n\nKhông có."), "a warning is no unreadable article")
        let listed = try #require(section.range(of: "### Bài đọc được nhưng có cảnh báo\n\n- "))
        #expect(
            section[listed.upperBound...].hasPrefix(
                try #require(warnings(other).first).source
                    + ": published \"2022.5\" không phải ngày tháng đọc được; năm được xác định theo nội dung bài\n"))
        let csv = try String(contentsOf: box.output.appendingPathComponent("problems.csv"), encoding: .utf8)
        #expect(csv.contains("article-warning,unreadable-date,"))

        // Gone from the inputs (kept without --prune): its events stay, its warning is no longer news.
        try FileManager.default.removeItem(at: box.articles.appendingPathComponent("export.jsonl"))
        let vanished = try box.run(standard: true)
        #expect(vanished.events == 3 && vanished.problems.isEmpty)
    }
}
