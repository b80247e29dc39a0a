/// Reads the credit line at the end of an article ("Tin, ảnh: KIM ANH", "PHƯƠNG ANH - TUẤN MINH"):
/// those names are reporters, not people of the meeting.
enum CreditExtractor {
    static func find(in a: ArticleText) -> (names: [String], range: Range<Int>?) {
        guard let last = a.sentences.last(where: { range in range.contains(where: { a.tokens[$0].kind != .newline }) }) else { return ([], nil) }
        var tokens = Array(last)
        while let l = tokens.last, a.tokens[l].kind == .newline || a.isWord(l, a.w.dot) { tokens.removeLast() }
        guard !tokens.isEmpty, tokens.count <= 16 else { return ([], nil) }
        var start = tokens[0]
        if a.rules.creditWords.contains(a.tokens[start].id) {
            guard let colon = tokens.first(where: { a.isWord($0, a.w.colon) }), colon - tokens[0] <= 4 else { return ([], nil) }
            start = colon + 1
        } else {
            let words = tokens.filter { a.tokens[$0].isWord }
            guard words.count >= 2, words.allSatisfy({ a.tokens[$0].allCaps || a.tokens[$0].end - a.tokens[$0].start == 1 && a.tokens[$0].capitalized }) else {
                return ([], nil)
            }
        }
        var names: [String] = []
        var segment = start
        let end = tokens.last! + 1
        var k = start
        while k <= end {
            if k == end || a.isWord(k, a.w.dash) || a.isWord(k, a.w.comma) {
                let text = a.text(segment..<k)
                if !text.isEmpty { names.append(text) }
                segment = k + 1
            }
            k += 1
        }
        return (names, names.isEmpty ? nil : last)
    }
}
