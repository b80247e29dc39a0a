/// Reads the credit line near the end of an article ("Tin, ảnh: KIM ANH", "PHƯƠNG ANH - TUẤN MINH"):
/// those names are reporters, not people of the meeting. Comment forms and source links that
/// pages add after it are skipped.
enum CreditExtractor {
    static func find(in a: ArticleText) -> (names: [String], range: Range<Int>?) {
        // Lines as token ranges, last first.
        var lines: [Range<Int>] = []
        var end = a.tokens.count
        var t = a.tokens.count - 1
        while t >= -1 && lines.count < 8 {
            if t == -1 || a.tokens[t].kind == .newline {
                if t + 1 < end { lines.append((t + 1)..<end) }
                end = t
            }
            t -= 1
        }
        for line in lines {
            if let names = names(in: line, a) { return (names, line) }
        }
        return ([], nil)
    }

    private static func names(in line: Range<Int>, _ a: ArticleText) -> [String]? {
        guard line.count <= 16, let first = line.first else { return nil }
        var start = first
        if a.rules.creditWords.contains(a.tokens[first].id) {
            guard let colon = line.first(where: { a.isWord($0, .colon) }), colon - first <= 4 else { return nil }
            start = colon + 1
        }
        var words = 0
        for k in start..<line.upperBound {
            let token = a.tokens[k]
            if token.isWord {
                guard token.allCaps || token.capitalized && token.end - token.start == 1 else { return nil }
                words += 1
            } else if !(a.isWord(k, .dash) || a.isWord(k, .comma) || a.isWord(k, .dot)) {
                return nil
            }
        }
        guard words >= (start == first ? 2 : 1) else { return nil }
        var names: [String] = []
        var segment = start
        for k in start...line.upperBound where k == line.upperBound || a.isWord(k, .dash) || a.isWord(k, .comma) {
            let text = a.text(segment..<k)
            if !text.isEmpty { names.append(text) }
            segment = k + 1
        }
        return names.isEmpty ? nil : names
    }
}
