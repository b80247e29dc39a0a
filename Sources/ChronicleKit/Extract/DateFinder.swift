/// A date written in the article: "26/12", "chiều 11-7", "ngày 26 tháng 12 năm 2022",
/// "26.12.2022", "tháng 12/2022", spans "19-20/6" (the start day is kept).
struct DateMention {
    var range: Range<Int>
    var day: Int?
    var month: Int?
    var year: Int?
    var partOfDay: PartOfDay?
    var sentence: Int
    /// "sáng nay", "hôm nay": the day of publication.
    var today = false
    /// Part of a document reference ("Nghị quyết số 34-NQ/TW ngày 9/1/2023").
    var document = false
    /// One end of a span of two full dates "(22/12/1944 - 22/12/2023)": an anniversary, not a meeting.
    var anniversarySpan = false
    /// Looks like the page's dateline ("Thứ Năm, 16/08/2012 | 18:12").
    var dateline = false
}

/// Finds date mentions in token order.
enum DateFinder {
    static func find(in text: ArticleText) -> [DateMention] {
        var result: [DateMention] = []
        let scan = DateScan(text)
        var t = 0
        while t < scan.n {
            // Each shape's mention ends past `t`; the scan goes on after it.
            if scan.mayStart(at: t), let mention = scan.mention(at: t) {
                result.append(mention)
                t = mention.range.upperBound
            } else {
                t += 1
            }
        }
        markContext(&result, in: text)
        return result
    }

    /// sáng/chiều/tối within the few words before a date ("chiều ngày 11-7", "sáng nay (27/6)").
    static func partOfDay(before start: Int, in text: ArticleText) -> PartOfDay? {
        var s = start - 1
        while s >= 0 && s >= start - 4 {
            for mi in text.matchesAt[s] where text.matches[mi].tag.cue == .partOfDay && text.matches[mi].end <= start {
                return [PartOfDay.morning, .afternoon, .evening][Int(text.matches[mi].tag.value)]
            }
            s -= 1
        }
        return nil
    }

    private static func markContext(_ mentions: inout [DateMention], in text: ArticleText) {
        let dash = text.words[.dash], slash = text.words[.slash]
        for i in mentions.indices {
            let m = mentions[i]
            // Anniversary spans: two full dates joined by a dash or slash.
            if m.year != nil, i + 1 < mentions.count, mentions[i + 1].year != nil,
                mentions[i + 1].range.lowerBound == m.range.upperBound + 1,
                text.id(m.range.upperBound) == dash || text.id(m.range.upperBound) == slash
            {
                mentions[i].anniversarySpan = true
                mentions[i + 1].anniversarySpan = true
            }
            // Document dates: a document type within the few words before.
            var s = m.range.lowerBound - 1
            var steps = 0
            while s >= 0 && steps < 10 {
                if text.longest(at: s, .documentType) != nil {
                    mentions[i].document = true
                    break
                }
                if text.sentenceOf[s] != text.sentenceOf[m.range.lowerBound] { break }
                s -= 1
                steps += 1
            }
            // "sáng nay (27/6)", "hôm nay, 9/12"
            s = m.range.lowerBound - 1
            steps = 0
            while s >= 0 && steps < 4 {
                if text.longest(at: s, .today) != nil {
                    mentions[i].today = true
                    break
                }
                s -= 1
                steps += 1
            }
            // Datelines: a full date next to a clock time or a weekday.
            if m.year != nil {
                let lo = m.range.lowerBound, hi = m.range.upperBound
                let timeAfter =
                    hi + 2 < text.tokens.count && text.tokens[hi].isNumber && text.isWord(hi + 1, .colon)
                    || hi + 3 < text.tokens.count && text.isWord(hi, .bar) && text.tokens[hi + 1].isNumber && text.isWord(hi + 2, .colon)
                let timeBefore =
                    lo >= 3 && text.tokens[lo - 2].isNumber && text.isWord(lo - 3, .colon)
                    || lo >= 2 && text.tokens[lo - 1].isNumber && text.isWord(lo - 2, .colon)
                    || lo >= 3 && text.isWord(lo - 1, .comma) && text.tokens[lo - 2].isNumber && text.isWord(lo - 3, .colon)
                let weekday =
                    lo >= 2 && text.isWord(lo - 1, .comma)
                    && (text.isWord(lo - 3, .thu) || text.isWord(lo - 2, .nhat)
                        || text.isWord(lo - 2, .thu))
                let paren = lo >= 1 && text.isWord(lo - 1, .lparen) && text.sentenceOf[lo] == 0
                // "Ngày đăng: 12/08/2022", "Cập nhật: 27/12/2022"
                var marker = false
                var b = lo - 1
                while b >= 0 && lo - b <= 4 && !marker {
                    marker = text.isWord(b, .dang) || text.isWord(b, .cap) && text.isWord(b + 1, .nhat)
                    b -= 1
                }
                if (timeAfter || timeBefore || weekday || paren || marker) && !isSiteBanner(before: lo, in: text) {
                    mentions[i].dateline = true
                }
            }
        }
    }

    /// "Hotline: 0243 … | Thứ Hai, 04/12/2026": the site's banner shows the day the page was
    /// saved, next to its contacts, not the article's date.
    private static func isSiteBanner(before lo: Int, in text: ArticleText) -> Bool {
        var b = lo - 1
        while b >= 0, lo - b <= 16, text.tokens[b].kind != .newline {
            if text.starts(.siteContact, at: b) { return true }
            b -= 1
        }
        return false
    }
}

/// The date shapes `DateFinder` reads at one token, tried in order; each gives its mention
/// (which may start a little before the token) or nil when its shape is not there.
private struct DateScan {
    let text: ArticleText
    let tokens: [Token]
    let n: Int
    let slash: Int32, dash: Int32, dot: Int32
    let ngay: Int32, thang: Int32, nam: Int32, tu: Int32

    init(_ text: ArticleText) {
        self.text = text
        tokens = text.tokens
        n = tokens.count
        slash = text.words[.slash]
        dash = text.words[.dash]
        dot = text.words[.dot]
        ngay = text.words[.ngay]
        thang = text.words[.thang]
        nam = text.words[.nam]
        tu = text.words[.tu]
    }

    /// Whether any shape can be at `t`: each starts with a number, "tháng", "từ" or "ngày".
    /// Most tokens are other words, and are passed over without a call.
    @inline(__always) func mayStart(at t: Int) -> Bool {
        let token = tokens[t]
        return token.isNumber || token.id == thang || token.id == tu || token.id == ngay
    }

    func mention(at t: Int) -> DateMention? {
        if let mention = monthWord(at: t) { return mention }
        if let mention = spanInWords(at: t) { return mention }
        if let mention = numericSpan(at: t) { return mention }
        return dayMonth(at: t)
    }

    @inline(__always) private func isSep(_ t: Int) -> Bool {
        let id = text.id(t)
        return id == slash || id == dash || id == dot
    }

    /// A four-digit year after a separator at `end` ("/2025"); `end` moves past it.
    @inline(__always) private func numericYear(after end: inout Int) -> Int? {
        guard end + 1 < n, isSep(end), tokens[end + 1].isNumber, tokens[end + 1].digits == 4 else { return nil }
        end += 2
        return Int(tokens[end - 1].number)
    }

    /// A mention of a day, with the part of the day written before it ("chiều 11-7").
    private func dated(_ range: Range<Int>, day: Int, month: Int, year: Int?, at t: Int) -> DateMention {
        var mention = DateMention(range: range, day: day, month: month, year: year, sentence: Int(text.sentenceOf[t]))
        mention.partOfDay = DateFinder.partOfDay(before: range.lowerBound, in: text)
        return mention
    }

    /// "ngày 26 tháng 12 năm 2022", "tháng 12/2022", "tháng 12 năm 2022", "tháng 3".
    private func monthWord(at t: Int) -> DateMention? {
        guard tokens[t].id == thang && t + 1 < n && tokens[t + 1].isNumber && (1...12).contains(Int(tokens[t + 1].number)) else {
            return nil
        }
        var mention = DateMention(range: t..<(t + 2), month: Int(tokens[t + 1].number), sentence: Int(text.sentenceOf[t]))
        if t >= 2 && tokens[t - 1].isNumber && (1...31).contains(Int(tokens[t - 1].number)) && tokens[t - 2].id == ngay {
            mention.day = Int(tokens[t - 1].number)
            mention.range = (t - 2)..<(t + 2)
        } else if t >= 1 && tokens[t - 1].isNumber && (1...31).contains(Int(tokens[t - 1].number)) && tokens[t - 1].digits <= 2 {
            mention.day = Int(tokens[t - 1].number)
            mention.range = (t - 1)..<(t + 2)
        }
        var e = t + 2
        if e + 1 < n, tokens[e].id == nam || isSep(e) || text.isWord(e, .comma), tokens[e + 1].isNumber, tokens[e + 1].digits == 4 {
            mention.year = Int(tokens[e + 1].number)
            e += 2
        }
        mention.range = mention.range.lowerBound..<e
        return mention
    }

    /// Spans in words "từ 14 đến 16-5", "từ ngày 9 đến ngày 11/8/2025": the start day.
    private func spanInWords(at t: Int) -> DateMention? {
        guard tokens[t].id == tu || tokens[t].id == ngay && text.isWord(t - 1, .tu) else { return nil }
        var d = t + 1
        if text.isWord(d, ngay) { d += 1 }
        var e = d + 1
        if text.isWord(e, .den) { e += 1 }
        if text.isWord(e, ngay) { e += 1 }
        guard d < n, e + 2 < n, e > d + 1, text.isWord(d + 1, .den) || text.isWord(d + 1, dash),
            tokens[d].isNumber, tokens[d].digits <= 2, (1...31).contains(Int(tokens[d].number)),
            tokens[e].isNumber, tokens[e].digits <= 2, tokens[e].number > tokens[d].number, tokens[e].number <= 31,
            isSep(e + 1), tokens[e + 2].isNumber, tokens[e + 2].digits <= 2, (1...12).contains(Int(tokens[e + 2].number))
        else { return nil }
        var end = e + 3
        let year = numericYear(after: &end)
        let start = text.isWord(t - 1, .tu) ? t - 1 : t
        return dated(start..<end, day: Int(tokens[d].number), month: Int(tokens[e + 2].number), year: year, at: t)
    }

    /// Spans "19-20/6", "13-15/8/2025", "18–19/8": the start day is the meeting's date.
    private func numericSpan(at t: Int) -> DateMention? {
        let token = tokens[t]
        guard token.isNumber, token.digits <= 2, t + 4 < n, tokens[t + 1].id == dash, tokens[t + 2].isNumber,
            tokens[t + 2].digits <= 2, Int(tokens[t + 2].number) > Int(token.number), tokens[t + 2].number <= 31,
            isSep(t + 3), tokens[t + 4].isNumber, tokens[t + 4].digits <= 2, (1...12).contains(Int(tokens[t + 4].number))
        else { return nil }
        var end = t + 5
        let year = numericYear(after: &end)
        var start = t
        if t >= 1, text.isWord(t - 1, .tu) || tokens[t - 1].id == ngay { start = t - 1 }
        return dated(start..<end, day: Int(token.number), month: Int(tokens[t + 4].number), year: year, at: t)
    }

    /// d/m, d-m, d.m with optional year; spans "19-20/6", lists "6 và 7/8", "13, 14 và 15-8-2025".
    private func dayMonth(at t: Int) -> DateMention? {
        let token = tokens[t]
        guard token.isNumber, token.digits <= 2, (1...31).contains(Int(token.number)), t + 2 < n,
            isSep(t + 1), text.adjacent(t) || tokens[t + 1].id == dash,
            tokens[t + 2].isNumber, tokens[t + 2].digits <= 2, (1...12).contains(Int(tokens[t + 2].number)),
            text.adjacent(t + 1) || tokens[t + 1].id == dash
        else { return nil }
        let day = Int(token.number)
        let month = Int(tokens[t + 2].number)
        var end = t + 3
        var year: Int?
        // A range "19-20/6": the day before the dash is the start.
        if end + 1 < n, isSep(end), tokens[end + 1].isNumber {
            let next = tokens[end + 1]
            if next.digits == 4 {
                year = Int(next.number)
                end += 2
            } else if tokens[t + 1].id == dash, next.digits <= 2, (1...12).contains(Int(next.number)), (1...31).contains(month) {
                // "19-20/6": day 19 to day 20 of month 6.
                end += 2
                let spanYear = numericYear(after: &end)
                return dated(t..<end, day: day, month: Int(next.number), year: spanYear, at: t)
            }
        } else if end + 1 < n, text.isWord(end, .comma), tokens[end + 1].isNumber, tokens[end + 1].digits == 4 {
            // "19 tháng 11 , 2016"-style odd separators are rare; only accept d/m, yyyy right after.
            year = nil
        }
        if month > 12 { return nil }
        let (start, firstDay) = listStart(t, day: day)
        return dated(start..<end, day: firstDay, month: month, year: year, at: t)
    }

    /// Where a date starting at token `date` with `day` really starts: lists before it ("6 và 7/8",
    /// "13, 14 và 15-8") give their first day, and "từ" or "ngày" before it belongs to it.
    private func listStart(_ date: Int, day dateDay: Int) -> (start: Int, day: Int) {
        var start = date, day = dateDay
        var b = start - 1
        while b >= 1, text.isWord(b, .va) || text.isWord(b, .comma) || text.id(b) == dash, tokens[b - 1].isNumber,
            tokens[b - 1].digits <= 2, Int(tokens[b - 1].number) < day, !text.isWord(b - 2, .thu),
            // "16:09, 27/02/2023": the minutes of a clock time, not a listed day.
            !text.isWord(b - 2, .colon)
        {
            day = Int(tokens[b - 1].number)
            start = b - 1
            b = start - 1
        }
        if b >= 0, text.isWord(b, .tu) || tokens[b].id == ngay { start = b }
        return (start, day)
    }
}
