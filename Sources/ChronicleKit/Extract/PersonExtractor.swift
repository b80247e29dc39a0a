/// A person found in the text with where they stand.
struct PersonMention {
    var person: Person
    var range: Range<Int>
    var sentence: Int
}

/// Finds named officials: a rank ("Trung tướng") or an honorific ("đồng chí", "Tổng Bí thư")
/// followed by a capitalized full name, the positions after it, and the role the clause gives them.
enum PersonExtractor {
    static func find(in a: ArticleText) -> [PersonMention] {
        var result: [PersonMention] = []
        let n = a.tokens.count
        var t = 0
        let leads = ArticleText.bits(.rank, .honorific)
        while t < n {
            // Most tokens start neither a rank nor an honorific.
            if !a.startsAny(leads, at: t) {
                t += 1
                continue
            }
            var nameStart = -1
            var rank: String?
            var lead = t
            if let r = a.longest(at: t, .rank) {
                rank = a.rules.ranks[Int(r.tag.value)]
                nameStart = r.end
            } else if let h = a.longest(at: t, .honorific) {
                if let r = a.longest(at: h.end, .rank) {
                    rank = a.rules.ranks[Int(r.tag.value)]
                    nameStart = r.end
                } else if h.end < n, a.rules.surnames.contains(a.tokens[h.end].id) {
                    nameStart = h.end
                }
                lead = t
            }
            guard nameStart >= 0, let nameEnd = nameEnd(from: nameStart, in: a) else {
                t += 1
                continue
            }
            let name = a.text(nameStart..<nameEnd)
            let (positions, end) = positionsAfter(nameEnd, in: a)
            let role = role(of: lead, after: end, in: a)
            result.append(PersonMention(person: Person(rank: rank, name: name, positions: positions, role: role),
                                        range: lead..<end, sentence: Int(a.sentenceOf[lead])))
            t = max(nameEnd, t + 1)
        }
        return result
    }

    /// 2 to 4 capitalized syllables ("Nguyễn Mạnh Hùng", "Lê Huy").
    private static func nameEnd(from start: Int, in a: ArticleText) -> Int? {
        var t = start
        while t < a.tokens.count, t - start < 4 {
            let token = a.tokens[t]
            guard token.isWord, token.capitalized, t == start || a.tokens[t - 1].end < token.start else { break }
            if t > start, a.startsAny(ArticleText.bits(.post, .unit), at: t), a.matchesAt[t].contains(where: { a.matches[$0].tag.cue == .post || a.matches[$0].tag.cue == .unit }) { break }
            t += 1
        }
        return t - start >= 2 ? t : nil
    }

    /// Comma-separated positions after a name: ", Bí thư Đảng ủy, Chính ủy Quân đoàn 1".
    private static func positionsAfter(_ start: Int, in a: ArticleText) -> ([String], Int) {
        var positions: [String] = []
        var t = start
        let n = a.tokens.count
        let comma = a.words[.comma], dash = a.words[.dash]
        while t < n, a.tokens[t].id == comma || a.tokens[t].id == dash {
            let segStart = t + 1
            guard segStart < n, a.tokens[segStart].isWord, a.tokens[segStart].capitalized,
                  a.longest(at: segStart, .rank) == nil else { break }
            var e = segStart
            while e < n, e - segStart < 14 {
                // A unit ends a post ("Chủ nhiệm Tổng cục CNQP"); a lowercase word after it starts
                // the clause ("… trao Bằng khen").
                if e > segStart, let unit = a.longest(at: e, .unit) ?? a.longest(at: e, .unitShape) {
                    e = unit.end
                    if e < n, a.tokens[e].isWord, !a.tokens[e].capitalized { break }
                    continue
                }
                let token = a.tokens[e]
                if token.id == comma || token.kind == .newline || a.isWord(e, .semicolon) || a.isWord(e, .dot) || a.isWord(e, .lparen) { break }
                if token.id == dash && e + 1 < n && a.tokens[e + 1].capitalized && e > segStart && !a.tokens[e - 1].capitalized == false && a.longest(at: e + 1, .unit) == nil && a.ending(at: e, .unit) == nil {
                    break
                }
                if e > segStart, isRoleCue(e, a) { break }
                e += 1
            }
            positions.append(a.text(segStart..<e))
            t = e
            if e < n, isRoleCue(e, a) { break }
        }
        return (positions, t)
    }

    private static func isRoleCue(_ t: Int, _ a: ArticleText) -> Bool {
        for index in a.matchesAt[t] {
            switch a.matches[index].tag.cue {
            case .chair, .directing, .speaker, .attending: return !a.tokens[t].capitalized
            default: continue
            }
        }
        return false
    }

    /// The role the clause gives a person: cues after the name up to the clause end, or a
    /// "với sự chủ trì của" right before it.
    private static func role(of lead: Int, after start: Int, in a: ArticleText) -> PersonRole {
        if let chair = a.ending(at: lead, .chair, lookback: 6), a.isWord(lead - 1, .cua) || chair.end == lead { return .chair }
        // "Chủ trì hội nghị có Trung tướng …", "Dự và chỉ đạo hội nghị có …", "Cùng dự có …":
        // the role stands before the list of people.
        if a.isWord(lead - 1, .co) || a.isWord(lead - 1, .la) || a.isWord(lead - 1, .colon) {
            var s = lead - 2
            let sentence = a.sentenceOf[lead]
            while s >= 0, lead - s <= 6, a.sentenceOf[s] == sentence {
                var found: PersonRole?
                for index in a.matchesAt[s] {
                    switch a.matches[index].tag.cue {
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
        let n = a.tokens.count
        let sentence = a.sentenceOf[min(start, n - 1)]
        while t < n, a.sentenceOf[t] == sentence {
            if a.isWord(t, .semicolon) { break }
            if t > start, a.longest(at: t, .rank) != nil || a.longest(at: t, .honorific) != nil { break }
            for index in a.matchesAt[t] {
                switch a.matches[index].tag.cue {
                case .chair:
                    if !a.isWord(t - 1, .bo) { return .chair }
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
