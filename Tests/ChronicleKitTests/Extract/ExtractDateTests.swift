import Testing
@testable import ChronicleKit

@Suite struct ExtractDateTests {
    private func first(_ text: String) -> DateMention? {
        ExtractTestSupport.dates(text).first { !$0.document && !$0.anniversarySpan }
    }

    /// A publication date that is not a date becomes a warning on the article's record, which
    /// says what dated the article in its place; the meeting is read as without it.
    @Test func anUnreadablePublicationDateIsARecordWarning() throws {
        var article = ExtractTestSupport.article("Sáng 6/1, Đảng ủy Lữ đoàn 96 tổ chức hội nghị tổng kết công tác đảng năm 2022.")
        #expect(ExtractTestSupport.extractor.record(for: article).warnings.isEmpty)
        article.unreadableDate = #"published "2022.5""#
        let fromText = ExtractTestSupport.extractor.record(for: article)
        #expect(fromText.warnings == [#"published "2022.5" is not a date I can read; the year was resolved from the article's text"#])
        #expect(try #require(fromText.events.first).date.value == PartialDate(year: 2023, month: 1, day: 6))
        article.pathDate = ReferenceDate(value: PartialDate(year: 2023, month: 1), basis: "path", evidence: "2023/01")
        let fromPath = ExtractTestSupport.extractor.record(for: article)
        #expect(fromPath.warnings == [#"published "2022.5" is not a date I can read; the year was resolved from the file's path"#])
        #expect(fromPath.warnings.map { ProblemReason(parsing: $0).code } == [.unreadableDatePath])
        #expect(ProblemReason(parsing: fromText.warnings[0]) == ProblemReason(code: .unreadableDate, detail: #"published "2022.5""#))
        // The record contract carries them.
        #expect(try fromText.jsonLine().contains(#""warnings":["published \"2022.5\" is not a date I can read;"#))
    }

    @Test func dayMonthYearInParentheses() {
        let d = first("Đảng ủy Sư đoàn 9 vào sáng nay (14/3/2023) tổ chức hội nghị.")
        #expect(d?.day == 14 && d?.month == 3 && d?.year == 2023)
        #expect(d?.partOfDay == .morning)
        #expect(d?.today == true)
    }

    @Test func slashAndDashForms() {
        let a = first("Ngày 26/12, Đảng ủy Lữ đoàn 201 tổ chức hội nghị.")
        #expect(a?.day == 26 && a?.month == 12 && a?.year == nil)
        let b = first("Chiều 11-7, Đảng ủy Sư đoàn 5 tổ chức hội nghị.")
        #expect(b?.day == 11 && b?.month == 7 && b?.partOfDay == .afternoon)
        let c = first("Tối 3.4.2021, tại hội trường, đơn vị tổ chức hội nghị.")
        #expect(c?.day == 3 && c?.month == 4 && c?.year == 2021 && c?.partOfDay == .evening)
    }

    @Test func wordsForm() {
        let d = first("Ngày 26 tháng 12 năm 2022, Đảng ủy Trung đoàn 88 tổ chức hội nghị tổng kết.")
        #expect(d?.day == 26 && d?.month == 12 && d?.year == 2022)
    }

    @Test func monthOnly() {
        let d = first("Trong tháng 12/2022, các đơn vị tổ chức hội nghị.")
        #expect(d?.day == nil && d?.month == 12 && d?.year == 2022)
    }

    @Test func spansKeepTheStartDay() {
        let a = first("Đại hội diễn ra trong 2 ngày 19-20/6, tại hội trường Sư đoàn.")
        #expect(a?.day == 19 && a?.month == 6)
        let b = first("Từ ngày 13-15/8/2025, Đại hội đại biểu Đảng bộ Quân khu 9 diễn ra.")
        #expect(b?.day == 13 && b?.month == 8 && b?.year == 2025)
        let c = first("Trong các ngày 18–19/8, Đảng bộ Lữ đoàn 72 tổ chức Đại hội.")
        #expect(c?.day == 18 && c?.month == 8)
        let d = first("Sau 2 ngày làm việc (4 và 5/8), Đại hội bế mạc.")
        #expect(d?.day == 4 && d?.month == 8)
    }

    @Test func datelines() {
        let a = ExtractTestSupport.dates("Thứ Năm, 20/02/2020, 14:45 (GMT+7)\nSáng 19/2, Đảng ủy Sư đoàn 3 tổ chức hội nghị.")
        #expect(a.first?.dateline == true && a.first?.year == 2020)
        let b = ExtractTestSupport.dates("Thứ 4, 12.10.2022 | 10:21:05 | 88 lượt xem\nNgày 11-10, Đảng ủy Lữ đoàn 26 tổ chức hội nghị.")
        #expect(b.first?.dateline == true && b.first?.day == 12 && b.first?.month == 10)
        let c = ExtractTestSupport.dates("Ngày đăng: 05/06/2023\nSáng 4/6, Đảng ủy Lữ đoàn 45 tổ chức hội nghị.")
        #expect(c.first?.dateline == true && c.first?.year == 2023)
    }

    @Test func documentNumbersTermsAndDurationsAreNotDates() {
        let d = ExtractTestSupport.dates("Quán triệt Kết luận số 21-KL/TW, nhiệm kỳ 2020-2025, sau 75 năm, tại 15 điểm cầu.")
        #expect(d.isEmpty)
        let doc = ExtractTestSupport.dates("Thực hiện Nghị quyết số 382-NQ/ĐUQSTW ngày 29-11-2007 của Đảng ủy Quân sự Trung ương.")
        #expect(doc.count == 1 && doc[0].document)
        let span = ExtractTestSupport.dates("Kỷ niệm 70 năm Ngày truyền thống (7/5/1954 - 7/5/2024).")
        #expect(span.allSatisfy { $0.anniversarySpan })
    }
}
