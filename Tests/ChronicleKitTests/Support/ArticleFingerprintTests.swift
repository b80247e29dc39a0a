import Foundation
import Testing

@testable import ChronicleKit

/// The text key read on bytes agrees with the key read by Characters.
@Suite struct ArticleFingerprintTests {
    @Test func theByteReadingAgreesWithThePlainOne() {
        let pieces = [
            "Sáng 26/12,", "Đảng ủy", "Sư đoàn 9", "tổ chức", "Hội nghị", "tổng kết", "năm 2022.", " ", "  ", "\t", "\n", "\r\n",
            "\r", "\n\n", "\u{0B}", "\u{0C}", "\u{00A0}", "\u{2003}", "\u{2028}", "ệ", "Ảnh: PHƯƠNG ANH",
            // Spaces outside ASCII and letters that share their first bytes.
            "\u{0085}", "\u{1680}", "\u{1681}", "\u{202F}", "\u{205F}", "\u{200B}", "\u{3000}", "\u{3001}", "ạ", "ỷ", "\u{01}",
        ]
        var rng = SeededGenerator(state: 7)
        for round in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &rng) {
                text += pieces.randomElement(using: &rng)! + (Bool.random(using: &rng) ? " " : "")
            }
            let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init)
            let title: String? = round % 3 == 0 ? firstLine : round % 3 == 1 ? "Đảng ủy Sư đoàn 9 tổng kết" : nil
            #expect(
                ArticleFingerprint.text(text, title: title) == ArticleFingerprint.plainText(text, title: title), "\(text.debugDescription)")
        }
        #expect(ArticleFingerprint.text("  a  b \n\n c ", title: nil) == ArticleFingerprint.text("a b\nc", title: nil))
        #expect(ArticleFingerprint.text(" \n \t ", title: nil) == nil)
    }
}
