import Foundation
import Testing

@testable import ChronicleKit

/// The text key and the address read on bytes agree with the plain readings by Characters.
@Suite struct ArticleFingerprintTests {
    /// What the noise filter leaves is in the form the key reads as it is (`NoiseFilter.isClean`),
    /// and the key of those bytes as they are is the key read by Characters, whatever the title.
    @Test func theKeyOfCleanedTextAgreesWithThePlainOne() {
        let filter = NoiseFilter(phrases: ExtractTestSupport.noise)
        let pieces = [
            "Sáng 26/12,", "Đảng ủy", "Sư đoàn 9", "tổ chức", "Hội nghị", "năm 2022.", " ", "  ", "\t", "\n", "\r\n", "\r",
            "\n\n", "\u{0B}", "\u{0C}", "\u{00A0}", "\u{2003}", "\u{2028}", "\u{2029}", "\u{0085}", "\u{1680}", "\u{1681}",
            "\u{202F}", "\u{205F}", "\u{200B}", "\u{3000}", "\u{00AD}", "\u{FEFF}", "\u{01}", "\u{7F}", "ạ", "ỷ",
            "leftcenterrightdel", "* * *", "Ảnh: PHƯƠNG ANH", "Ho\u{0301}i",
        ]
        var rng = SeededGenerator(state: 11)
        for round in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &rng) {
                text += pieces.randomElement(using: &rng)! + (Bool.random(using: &rng) ? " " : "")
            }
            let cleaned = filter.cleanedBytes(text)
            #expect(NoiseFilter.isClean(cleaned), "\(text.debugDescription)")
            let cleanedText = String(decoding: cleaned, as: UTF8.self)
            let firstLine = cleanedText.split(separator: "\n").first.map(String.init)
            let title: String?
            switch round % 5 {
            case 0: title = firstLine
            case 1: title = firstLine.map { " " + $0.replacingOccurrences(of: " ", with: "\u{00A0} ") + "\t" }
            case 2: title = firstLine.map { String($0.dropLast()) }
            case 3: title = "Đảng ủy Sư đoàn 9"
            default: title = nil
            }
            #expect(
                ArticleFingerprint.text(cleaned: cleaned, title: title) == ArticleFingerprint.text(cleanedText, title: title),
                "\(text.debugDescription)")
        }
        #expect(ArticleFingerprint.text("  a  b \n\n c ", title: nil) == ArticleFingerprint.text("a b\nc", title: nil))
        #expect(ArticleFingerprint.text(" \n \t ", title: nil) == nil)
        #expect(!NoiseFilter.isClean(Array("a  b".utf8)))
        #expect(!NoiseFilter.isClean(Array("a\n\nb".utf8)))
        #expect(!NoiseFilter.isClean(Array("a \nb".utf8)))
        #expect(!NoiseFilter.isClean(Array("a\u{1680}b".utf8)))
        #expect(NoiseFilter.isClean(Array("Đảng ủy\nSư đoàn 9.".utf8)))
    }

    /// A title collapsed on its bytes is the title collapsed by Characters, and titles the byte
    /// reading does not know (combining marks, spaces and letters outside Latin) are left to it.
    @Test func theTitleCollapsedOnBytesAgreesWithThePlainOne() {
        let pieces = [
            "Đảng ủy", "Quân khu 7", "tổng kết", "NGHỊ QUYẾT 382-NQ/ĐUQSTW", "ơ", "Ư", "ỹ", "é", "ß", "ǅ", "ʰ", " ", "\t", "\r\n",
            "\n", "\u{0B}", "\u{0C}", "\u{00A0}", "\u{0085}", "\u{00AD}", "\u{01}", "\u{7F}", "“", "”", "–", "—", "…", "‘", "\u{2010}",
            "\u{2027}", "\u{2030}", "\u{205E}", "«", "»",
        ]
        let foreign = [
            "\u{0301}", "\u{2003}", "\u{3000}", "\u{1680}", "\u{202F}", "Ω", "ф", "中", "\u{1F00}", "\u{1DFF}", "\u{2028}", "\u{2029}",
            "\u{202E}", "\u{200D}", "\u{200C}", "\u{205F}", "\u{2060}", "\u{20AB}",
        ]
        var rng = SeededGenerator(state: 5)
        for round in 0..<3000 {
            var title = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            if round % 4 == 0 { title.insert(contentsOf: foreign.randomElement(using: &rng)!, at: title.startIndex) }
            let plain = Array(title.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").utf8)
            if let bytes = ArticleFingerprint.collapsedBytes(title) {
                #expect(bytes == plain, "\(title.debugDescription)")
            } else {
                let known: [ClosedRange<UInt32>] = [0...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E]
                #expect(title.unicodeScalars.contains { scalar in !known.contains { $0.contains(scalar.value) } })
            }
        }
        let spaced = "  Hội nghị\u{00A0} Đảng ủy\t\r\nQuân khu 9 "
        #expect(ArticleFingerprint.collapsedBytes(spaced) == Array("Hội nghị Đảng ủy Quân khu 9".utf8))
        #expect(ArticleFingerprint.collapsedBytes("Ho\u{0301}i nghi\u{0323}") == nil)
        let quoted = "Đảng ủy Quân khu 7:  “Nâng cao chất lượng sinh hoạt” – năm 2023…"
        #expect(ArticleFingerprint.collapsedBytes(quoted) == Array("Đảng ủy Quân khu 7: “Nâng cao chất lượng sinh hoạt” – năm 2023…".utf8))
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
