/// A person found in the text with where they stand.
struct PersonMention {
    var person: Person
    var range: Range<Int>
    var sentence: Int
}

/// Finds named officials: a rank ("Trung tướng") or an honorific ("đồng chí", "Tổng Bí thư")
/// followed by a capitalized full name, the positions after it, and the role the clause gives them.
enum PersonExtractor {
    static func find(in text: ArticleText) -> [PersonMention] {
        var result: [PersonMention] = []
        let n = text.tokens.count
        var t = 0
        let leads = ArticleText.bits(.rank, .honorific)
        while t < n {
            // Most tokens start neither a rank nor an honorific.
            if !text.startsAny(leads, at: t) {
                t += 1
                continue
            }
            var nameStart = -1
            var rank: String?
            var lead = t
            if let r = text.longest(at: t, .rank) {
                rank = text.rules.ranks[Int(r.tag.value)]
                nameStart = r.end
            } else if let h = text.longest(at: t, .honorific) {
                if let r = text.longest(at: h.end, .rank) {
                    rank = text.rules.ranks[Int(r.tag.value)]
                    nameStart = r.end
                } else if h.end < n, text.rules.surnames.contains(text.tokens[h.end].id) {
                    nameStart = h.end
                }
                lead = t
            }
            guard nameStart >= 0, let nameEnd = nameEnd(from: nameStart, in: text) else {
                t += 1
                continue
            }
            let name = text.text(nameStart..<nameEnd)
            let (positions, end) = positionsAfter(nameEnd, in: text)
            let role = role(of: lead, after: end, in: text)
            result.append(
                PersonMention(
                    person: Person(rank: rank, name: name, positions: positions, role: role),
                    range: lead..<end, sentence: Int(text.sentenceOf[lead])))
            t = max(nameEnd, t + 1)
        }
        return result
    }

    /// 2 to 4 capitalized syllables ("Nguyễn Mạnh Hùng", "Lê Huy").
    private static func nameEnd(from start: Int, in text: ArticleText) -> Int? {
        var t = start
        while t < text.tokens.count, t - start < 4 {
            let token = text.tokens[t]
            guard token.isWord, token.capitalized, t == start || text.tokens[t - 1].end < token.start else { break }
            if t > start, text.startsAny(ArticleText.bits(.post, .unit), at: t),
                text.matchesAt[t].contains(where: { text.matches[$0].tag.cue == .post || text.matches[$0].tag.cue == .unit })
            {
                break
            }
            t += 1
        }
        return t - start >= 2 ? t : nil
    }

    /// Comma-separated positions after a name: ", Bí thư Đảng ủy, Chính ủy Quân đoàn 1".
    private static func positionsAfter(_ start: Int, in text: ArticleText) -> ([String], Int) {
        var positions: [String] = []
        var t = start
        let n = text.tokens.count
        let comma = text.words[.comma], dash = text.words[.dash]
        while t < n, text.tokens[t].id == comma || text.tokens[t].id == dash {
            let segStart = t + 1
            guard segStart < n, text.tokens[segStart].isWord, text.tokens[segStart].capitalized,
                text.longest(at: segStart, .rank) == nil
            else { break }
            var e = segStart
            while e < n, e - segStart < 14 {
                // A unit ends a post ("Chủ nhiệm Tổng cục CNQP"); a lowercase word after it starts
                // the clause ("… trao Bằng khen").
                if e > segStart, let unit = text.longest(at: e, .unit) ?? text.longest(at: e, .unitShape) {
                    e = unit.end
                    if e < n, text.tokens[e].isWord, !text.tokens[e].capitalized { break }
                    continue
                }
                let token = text.tokens[e]
                if token.id == comma || token.kind == .newline || text.isWord(e, .semicolon) || text.isWord(e, .dot)
                    || text.isWord(e, .lparen)
                {
                    break
                }
                if token.id == dash && e + 1 < n && text.tokens[e + 1].capitalized && e > segStart
                    && !text.tokens[e - 1].capitalized == false && text.longest(at: e + 1, .unit) == nil && text.ending(at: e, .unit) == nil
                {
                    break
                }
                if e > segStart, isRoleCue(e, text) { break }
                e += 1
            }
            positions.append(text.text(segStart..<e))
            t = e
            if e < n, isRoleCue(e, text) { break }
        }
        return (positions, t)
    }

    private static func isRoleCue(_ t: Int, _ text: ArticleText) -> Bool {
        for index in text.matchesAt[t] {
            switch text.matches[index].tag.cue {
            case .chair, .directing, .speaker, .attending: return !text.tokens[t].capitalized
            default: continue
            }
        }
        return false
    }

    /// The role the clause gives a person: cues after the name up to the clause end, or a
    /// "với sự chủ trì của" right before it.
    private static func role(of lead: Int, after start: Int, in text: ArticleText) -> PersonRole {
        if let chair = text.ending(at: lead, .chair, lookback: 6), text.isWord(lead - 1, .cua) || chair.end == lead { return .chair }
        // "Chủ trì hội nghị có Trung tướng …", "Dự và chỉ đạo hội nghị có …", "Cùng dự có …":
        // the role stands before the list of people.
        if text.isWord(lead - 1, .co) || text.isWord(lead - 1, .la) || text.isWord(lead - 1, .colon) {
            var s = lead - 2
            let sentence = text.sentenceOf[lead]
            while s >= 0, lead - s <= 6, text.sentenceOf[s] == sentence {
                var found: PersonRole?
                for index in text.matchesAt[s] {
                    switch text.matches[index].tag.cue {
                    case .chair: found = .chair
                    case .directing: if found == nil { found = .directing }
                    case .attending: if found == nil { found = .attending }
                    default: continue
                    }
                }
                if let role = found { return role }
                s -= 1
            }
        }
        var best: PersonRole = .other
        var t = start
        let n = text.tokens.count
        let sentence = text.sentenceOf[min(start, n - 1)]
        while t < n, text.sentenceOf[t] == sentence {
            if text.isWord(t, .semicolon) { break }
            if t > start, text.longest(at: t, .rank) != nil || text.longest(at: t, .honorific) != nil { break }
            for index in text.matchesAt[t] {
                switch text.matches[index].tag.cue {
                case .chair:
                    if !text.isWord(t - 1, .bo) { return .chair }
                case .directing: if best == .other || best == .speaker || best == .attending { best = .directing }
                case .speaker: if best == .other || best == .attending { best = .speaker }
                case .attending: if best == .other { best = .attending }
                default: continue
                }
            }
            t += 1
        }
        return best
    }
}
