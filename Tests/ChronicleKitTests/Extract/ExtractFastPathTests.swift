import Foundation
import Testing
@testable import ChronicleKit

/// The byte-level fast paths of ingest and extraction give what the plain String code gave.
@Suite struct ExtractFastPathTests {
    /// Texts that are not NFC (combining marks, U+2000/U+2001 singletons, scripts outside the
    /// Vietnamese blocks) are normalized before the line pass, as before.
    @Test func noiseFilterNormalizesWhatTheLinePassFlags() {
        let filter = NoiseFilter(phrases: ExtractTestSupport.noise)
        let samples = [
            "Ho\u{0323}i nghi\u{0323} Đảng ủy Sư đoàn 3 tổng kết năm 2024.",
            "Sáng\u{2000}12-3,\u{2001}Đảng ủy Lữ đoàn 144 tổ chức hội nghị.",
            "Hội nghị \u{1000}\u{1001} ra nghị quyết.\nThủy quân lục chiến\u{2003}học tập.",
            "Ủy ban kiểm tra Đảng ủy Quân khu 7 họp phiên thứ nhất.",
        ]
        for text in samples {
            let expected = filter.clean(text.precomposedStringWithCanonicalMapping)
            #expect(filter.clean(text) == expected)
            #expect(NoiseFilter.needsNormalization(text) || text == text.precomposedStringWithCanonicalMapping)
        }
        #expect(filter.clean("Hô\u{0323}i nghi\u{0323} tổng kết") == "Hội nghị tổng kết")
    }

    /// The trie's matches (its root array, each node's mask of children, the edge table) are
    /// those of comparing every phrase at every token: random phrases over a dozen words and
    /// "any number", random token runs of words, numbers and unknown words.
    @Test func phraseTrieMatchesAreThePlainMatches() {
        var rng = SeededGenerator(state: 13)
        for _ in 0..<200 {
            let phrases: [[Int32]] = (0..<Int.random(in: 1...40, using: &rng)).map { _ in
                (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                    Int.random(in: 0..<8, using: &rng) == 0 ? Vocabulary.anyNumber : Int32.random(in: 0..<12, using: &rng)
                }
            }
            var trie = PhraseTrie()
            for (index, phrase) in phrases.enumerated() { trie.insert(phrase, tag: CueTag(cue: .unit, value: Int32(index))) }
            trie.seal()
            let tokens: [Token] = (0..<Int.random(in: 0...60, using: &rng)).map { position in
                let number = Int.random(in: 0..<4, using: &rng) == 0
                return Token(
                    start: Int32(position), end: Int32(position + 1), kind: number ? .number : .word,
                    id: Int32.random(in: -1..<12, using: &rng), number: number ? 7 : -1, digits: number ? 1 : 0, capitalized: false,
                    allCaps: false)
            }
            var plain: [PhraseMatch] = []
            for start in tokens.indices {
                for (index, phrase) in phrases.enumerated() where start + phrase.count <= tokens.count {
                    let fits = phrase.indices.allSatisfy { k in
                        let token = tokens[start + k]
                        return phrase[k] == Vocabulary.anyNumber ? token.isNumber : token.id >= 0 && token.id == phrase[k]
                    }
                    if fits {
                        plain.append(PhraseMatch(start: start, end: start + phrase.count, tag: CueTag(cue: .unit, value: Int32(index))))
                    }
                }
            }
            let found = trie.matches(in: tokens)
            let key = { (m: PhraseMatch) in [m.start, m.end, Int(m.tag.value)] }
            #expect(
                found.map(key).sorted { $0.lexicographicallyPrecedes($1) } == plain.map(key).sorted { $0.lexicographicallyPrecedes($1) })
            #expect(zip(found, found.dropFirst()).allSatisfy { $0.start <= $1.start })
        }
    }

    /// The ASCII base of each scalar, decomposed over the ranges that can have one only, is the
    /// table decomposing every scalar below 0x2000 gives ("ộ" → "o", "Đ" → "d").
    @Test func asciiBaseOverItsRangesIsTheWholeTable() {
        let whole = FoldTables.asciiBase(over: [0..<0x2000])
        #expect(FoldTables.asciiBase() == whole)
        #expect(FoldTables.shared.asciiBase == whole)
        #expect(whole[0x1ED9] == UInt8(ascii: "o") && whole[0x110] == UInt8(ascii: "d"))
    }

    /// The headline rule on bytes agrees with the rule on the line's scalars.
    @Test func headlineRuleOnBytes() {
        let rule = HeadlineRule()
        let cases: [(String, Bool)] = [
            ("Đảng ủy Sư đoàn 312 tổng kết công tác năm 2024", true),
            ("Đảng ủy Sư đoàn 312 tổng kết công tác năm 2024.", false),
            ("Tin, ảnh: Minh Anh và Quốc Hùng", false),
            ("Tin hoạt động", false),
            ("đảng ủy Sư đoàn 312 tổng kết công tác năm 2024", false),
            ("“Hội nghị quân chính” của Lữ đoàn 125 diễn ra sôi nổi", true),
            ("12 tháng thực hiện nghị quyết tại Quân khu 9", true),
            (String(repeating: "Hội nghị ", count: 41), false),
        ]
        for (line, expected) in cases {
            #expect(rule.isHeadline(Substring(line)) == expected, "\(line)")
            let viaBytes = Array(line.utf8).withUnsafeBufferPointer { HeadlineRule.isHeadline(bytes: $0) }
            #expect(viaBytes == expected, "\(line)")
        }
    }

    /// An article's text read from its bytes folds, tokenizes and matches as the String did,
    /// marks to be composed included; its first line is its headline as the String's is.
    @Test func articleTextFromBytesIsTheStringsText() {
        let rules = ExtractTestSupport.rules
        let texts = [
            "Đảng ủy Lữ đoàn 125 tổng kết công tác năm 2023\nChiều 26/12, Đảng ủy Lữ đoàn tổ chức hội nghị.",
            "Ho\u{0323}i nghi\u{0323} Ban Thường vụ Đảng ủy Quân khu 7 – phiên thứ nhất",
            "Sáng 3-1,  Thượng tá  NGUYỄN VĂN A chủ trì.\n\nleftcenterrightdel Ảnh: Quốc Hùng",
            "",
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            let fromBytes = ArticleText(utf8: bytes, rules: rules), fromString = ArticleText(text, rules: rules)
            #expect(fromBytes.folded.original == fromString.folded.original, "\(text)")
            #expect(fromBytes.folded.scalars == fromString.folded.scalars && fromBytes.folded.origin == fromString.folded.origin)
            #expect(fromBytes.tokens.map(\.id) == fromString.tokens.map(\.id) && fromBytes.matches.count == fromString.matches.count)
            let firstLine = String(text.prefix { $0 != "\n" })
            let expected = HeadlineRule().isHeadline(Substring(firstLine)) ? firstLine : nil
            #expect(HeadlineRule.headline(ofUTF8: bytes) == expected, "\(text)")
            #expect(Article(source: "a.txt", title: nil, utf8: bytes).text == text)
        }
    }

    /// The headline test on bytes answers as `String.hasPrefix`.
    @Test func headlinePrefixMatchesHasPrefix() {
        let text = "Hội nghị Ban Thường vụ Đảng ủy Quân khu 5\nSáng 3-1, hội nghị khai mạc."
        let titles = [
            "Hội nghị Ban Thường vụ Đảng ủy Quân khu 5",
            "Hội nghị Ban Thường vụ Đảng ủy",
            "Hội nghị Ban Thường vụ Đảng ủy Quân khu 7",
            "Hội nghi\u{0323} Ban Thường vụ Đảng ủy Quân khu 5",
            "Sáng 3-1, hội nghị khai mạc và bế mạc",
            "Hội nghị Ban Thường vụ Đảng ủy Quân khu 5\nSáng 3-1",
            "Hội nghị Ban Thường vụ Đảng ủy Quân khu 5 ",
            "",
        ]
        for title in titles {
            #expect(ArticleExtractor.startsWithLine(Array(text.utf8), title) == text.hasPrefix(title), "\(title)")
        }
    }

    /// Cue masks: asking for a cue where none starts finds nothing, as scanning the matches did.
    @Test func cueMaskAgreesWithMatches() throws {
        let root = TestPaths.root
        let config = root.appendingPathComponent("config")
        let rules = try ExtractionRules.load(configDirectory: config, unitsFile: config.appendingPathComponent("units.yml"))
        let text = """
            Sáng 26-12, Đảng ủy Sư đoàn 308 tổ chức hội nghị tổng kết công tác đảng, công tác chính trị năm 2024.
            Đại tá Nguyễn Văn Bình, Bí thư Đảng ủy, Chính ủy Sư đoàn chủ trì hội nghị theo Nghị quyết số 12-NQ/ĐU.
            """
        let a = ArticleText(text, rules: rules)
        for t in 0...a.tokens.count {
            for raw in 0..<32 {
                guard let cue = Cue(rawValue: UInt8(raw)) else { continue }
                let scanned = t < a.tokens.count && a.matchesAt[t].contains { a.matches[$0].tag.cue == cue }
                #expect(a.starts(cue, at: t) == scanned)
            }
        }
    }

    /// Paths sort in UTF-8 byte order, as `lexicographicallyPrecedes` on the views.
    @Test func pathOrderIsByteOrder() {
        let paths = ["b/a.txt", "a/b.txt", "a/b", "a/bc.txt", "Đ/x.txt", "D/x.txt", "", "a", "ả/1.txt", "a/b.txt"]
        for a in paths {
            for b in paths {
                #expect(ByteOrder.precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) \(b)")
            }
        }
    }
}

/// The sorted search for short unit forms agrees with the plain comparison of every pair.
@Suite struct ShortFormAgreementTests {
    private func plain(_ mentions: [UnitMention]) -> [UnitMention] {
        var result = mentions
        for i in mentions.indices where mentions[i].gazetteerID.isEmpty {
            guard !mentions[i].name.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { continue }
            let prefix = mentions[i].name + " "
            var full: Int?
            var unique = true
            for j in mentions.indices where j != i && mentions[j].gazetteerID.isEmpty && mentions[j].name.utf8.starts(with: prefix.utf8) {
                if let f = full, mentions[f].key != mentions[j].key { unique = false; break }
                full = j
            }
            if unique, let f = full {
                result[i].name = mentions[f].name
                result[i].key = mentions[f].key
            }
        }
        return result
    }

    @Test func agreesWithThePlainSearch() {
        let names = [
            "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh Lạng Sơn", "Bộ Chỉ huy Quân sự tỉnh Cao Bằng",
            "Trường Quân sự", "Trường Quân sự Quân khu 7", "Cục Chính trị", "Cục Chính trị Quân khu 9",
            "Lữ đoàn 96", "Ban Chỉ huy Quân sự huyện", "Ban Chỉ huy Quân sự huyện Đông Anh",
        ]
        var rng = SeededGenerator(state: 2022)
        for _ in 0..<200 {
            var mentions: [UnitMention] = []
            for index in 0..<Int.random(in: 1...12, using: &rng) {
                let name = names.randomElement(using: &rng)!
                mentions.append(
                    UnitMention(
                        range: index..<(index + 1), name: name, gazetteerID: Bool.random(using: &rng) && name.hasPrefix("Lữ") ? "x" : "",
                        key: name.utf8.count * 31 + Int(name.utf8.last ?? 0), partyStart: nil, guest: false, post: false, sentence: 0))
            }
            var fast = mentions
            UnitRecognizer.resolveShortForms(&fast)
            let expected = plain(mentions)
            #expect(fast.map(\.name) == expected.map(\.name))
            #expect(fast.map(\.key) == expected.map(\.key))
        }
    }
}

/// The look-up table of word ids and trie edges, fitted to its keys once they are in.
@Suite struct ExtractIDTableTests {
    @Test func aFittedTableFindsWhatTheLargeOneFinds() {
        var rng = SeededGenerator(state: 23)
        for count in [0, 1, 31, 32, 33, 497, 1303, 5000] {
            var table = IDTable(capacity: 4096)
            var keys: [UInt64] = []
            for value in 0..<count {
                let key = rng.next()
                keys.append(key)
                table.insert(key, Int32(value))
            }
            let large = table
            table.shrinkToFit()
            #expect(table.count == large.count)
            for key in keys + (0..<500).map({ _ in rng.next() }) {
                #expect(table[key] == large[key])
            }
            // Keys added after it is fitted are kept as before.
            let later = rng.next()
            table.insert(later, 7)
            #expect(table[later] == 7)
        }
    }
}

/// A fixed sequence of numbers, so a test with random-looking inputs is the same every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
