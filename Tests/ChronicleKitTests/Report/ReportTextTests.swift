import Testing
@testable import ChronicleKit

/// The byte-level text escapes agree with the scalar-by-scalar reading.
@Suite struct ReportTextTests {
    static let texts = [
        "Hội nghị Ban Thường vụ Đảng ủy Quân khu 7 <mở rộng> & tổng kết năm 2022",
        "Đại tá Nguyễn Văn \"Hùng\" — 'Chính ủy' | Sư đoàn 5 \\ Lữ đoàn 203 (Bộ Tư lệnh)",
        "https://www.qdnd.vn/chinh-tri/tin-tuc/hoi nghi <ban> (2022)|x",
        "Ảnh: PHƯƠNG ANH — không có ký tự nào cần thay",
        "",
        "&&<<>>\"'",
        "e\u{301}\u{323} tổ hợp & dấu",
    ]

    @Test func byteEscapesAgreeWithScalarEscapes() {
        for table in [ReportText.xmlEscapes, ReportText.urlEscapes] {
            let escapes = ReportText.ByteEscapes(table)
            for text in Self.texts {
                #expect(ReportText.substituting(text, escapes) == ReportText.substitutingScalars(text, table))
            }
        }
    }

    @Test func svgTextIsEscapedForXML() {
        #expect(
            ReportText.xmlEscaped("Quân đoàn 12 <Binh đoàn> & \"Hữu nghị\"") == "Quân đoàn 12 &lt;Binh đoàn&gt; &amp; &quot;Hữu nghị&quot;")
        #expect(ReportText.xmlEscaped("Học viện Chính trị") == "Học viện Chính trị")
    }
}
