/// Reads the credit line near the end of an article ("Tin, ảnh: KIM ANH", "PHƯƠNG ANH - TUẤN MINH"):
/// those names are reporters, not people of the meeting. Comment forms and source links that
/// pages add after it are skipped.
enum CreditExtractor {
    static func find(in text: ArticleText) -> (names: [String], range: Range<Int>?) {
        // Lines as token ranges, last first.
        var lines: [Range<Int>] = []
        var end = text.tokens.count
        var t = text.tokens.count - 1
        while t >= -1 && lines.count < 8 {
            if t == -1 || text.tokens[t].kind == .newline {
                if t + 1 < end { lines.append((t + 1)..<end) }
                end = t
            }
            t -= 1
        }
        for line in lines {
            if let names = names(in: line, text) { return (names, line) }
        }
        return ([], nil)
    }

    private static func names(in line: Range<Int>, _ text: ArticleText) -> [String]? {
        guard line.count <= 16, let first = line.first else { return nil }
        var start = first
        if text.rules.creditWords.contains(text.tokens[first].id) {
            guard let colon = line.first(where: { text.isWord($0, .colon) }), colon - first <= 4 else { return nil }
            start = colon + 1
        }
        var words = 0
        for k in start..<line.upperBound {
            let token = text.tokens[k]
            if token.isWord {
                guard token.allCaps || token.capitalized && token.end - token.start == 1 else { return nil }
                words += 1
            } else if !(text.isWord(k, .dash) || text.isWord(k, .comma) || text.isWord(k, .dot)) {
                return nil
            }
        }
        guard words >= (start == first ? 2 : 1) else { return nil }
        var names: [String] = []
        var segment = start
        for k in start...line.upperBound where k == line.upperBound || text.isWord(k, .dash) || text.isWord(k, .comma) {
            let name = text.text(segment..<k)
            if !name.isEmpty { names.append(name) }
            segment = k + 1
        }
        return names.isEmpty ? nil : names
    }
}
