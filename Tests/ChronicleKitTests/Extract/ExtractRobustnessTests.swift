import Foundation
import Testing
@testable import ChronicleKit

/// Odd inputs must never crash extraction: empty text, stray marks, cut-off sentences.
@Suite struct ExtractRobustnessTests {
    @Test func oddInputs() {
        let samples = [
            "", " ", "\n\n", "-", "–", "/", "12/", "/12", "ngày", "tháng 13/2022", "31-2", "Đảng ủy", "Hội nghị",
            "Trung tướng", "Trung tướng Nguyễn", "Tin, ảnh:", "Nghị quyết số", "Nghị quyết số 12-", "Sư đoàn",
            "\u{301}\u{300}", "Đảng ủy Sư đoàn 9 tổ chức hội nghị 🎉 ngày 1/1", "Hội nghị\r\nĐảng ủy Lữ đoàn 1 chủ trì",
            String(repeating: "Hội nghị Đảng ủy Quân khu 3 ngày 12/12, ", count: 300),
        ]
        for text in samples {
            let record = ExtractTestSupport.extractor.record(for: Article(source: "odd", text: text))
            #expect(record.status == .ok)
        }
    }

    @Test func everyCutOfARealisticArticle() {
        let text = """
            Đảng ủy Sư đoàn 390 tổng kết công tác Đảng năm 2022
            Thứ Ba, 27/12/2022 | 08:10
            Chiều 26-12, Đảng ủy Sư đoàn 390 tổ chức Hội nghị tổng kết công tác Đảng, công tác chính trị năm 2022. Đại tá Trần Văn Bình, Bí thư Đảng ủy, Chính ủy Sư đoàn chủ trì hội nghị; Thiếu tướng Lê Văn An – Phó Chính ủy Quân đoàn 1 dự và chỉ đạo.
            Tin, ảnh: MINH ĐỨC - HẢI NAM
            """
        let scalars = Array(text.unicodeScalars)
        var cut = 0
        while cut < scalars.count {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<cut])
            _ = ExtractTestSupport.extractor.record(for: Article(source: "cut", text: String(view)))
            cut += 3
        }
        let full = ExtractTestSupport.extractor.record(for: Article(source: "full", text: text))
        #expect(full.events.first?.date.value == PartialDate(year: 2022, month: 12, day: 26))
        #expect(full.events.first?.people.first(where: { $0.name == "Lê Văn An" })?.role == .directing)
    }
}
