import Testing
@testable import ChronicleKit

@Suite struct ExtractDateTests {
    @Test func dayMonthYearInParentheses() {
        let d = ExtractTestSupport.dates("Đảng ủy Sư đoàn 9 vào sáng nay (14/3/2023) tổ chức hội nghị.")
        #expect(d.count == 1)
        #expect(d.first?.day == 14 && d.first?.month == 3 && d.first?.year == 2023)
        #expect(d.first?.partOfDay == .morning)
    }
}
