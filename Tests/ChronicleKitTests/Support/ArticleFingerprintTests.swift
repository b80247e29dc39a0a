import Foundation
import Testing

@testable import ChronicleKit

/// The text key and the address read on bytes agree with the plain readings by Characters.
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

    /// Addresses made of schemes, hosts, paths, queries, fragments and spaces (every ASCII
    /// control at either end), and some outside ASCII, which the plain reading takes.
    @Test func theAddressReadOnBytesAgreesWithThePlainOne() {
        let schemes = ["", "http://", "HTTPS://", "ftp://", "://", "http:/", "https:///"]
        let hosts = ["qdnd.vn", "WWW.QDND.VN", "www.", "", "sub.www.qpvn.vn", "Www.Qpvn.Vn:8080", "qđnd.vn"]
        let paths = [
            "", "/", "//", "/a/b/", "/tin-tuc/hoi-nghi-dang-uy-123.html", "?id=5", "/x?y=1#phan-2", "#only", "/%E1%BB%99/", "/a#b/",
            "/hội-nghị", "/a://b", "?q=a/b",
        ]
        let ends = (0..<0x21).map { String(UnicodeScalar(UInt8($0))) } + ["", "  ", "\r\n", "\u{00A0}", "\u{0085}", "\u{2028}"]
        var rng = SeededGenerator(state: 11)
        var addresses: [String] = []
        for scheme in schemes {
            for host in hosts {
                for path in paths { addresses.append(scheme + host + path) }
            }
        }
        for _ in 0..<3000 {
            let core = schemes.randomElement(using: &rng)! + hosts.randomElement(using: &rng)! + paths.randomElement(using: &rng)!
            addresses.append(ends.randomElement(using: &rng)! + core + ends.randomElement(using: &rng)!)
            let noise = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
                Character(UnicodeScalar(UInt8.random(in: 0..<0x80, using: &rng)))
            }
            addresses.append(String(noise))
        }
        for address in addresses {
            #expect(ArticleFingerprint.url(address) == ArticleFingerprint.plainURL(address), "\(address.debugDescription)")
        }
        #expect(ArticleFingerprint.url(" https://www.QDND.vn/a/#x\n") == "qdnd.vn/a")
        #expect(ArticleFingerprint.url("https://qdnd.vn/") == nil)
    }
}
