/// A year stated in the text ("năm 2022", "nhiệm kỳ 2020-2025").
struct StatedYear {
    var year: Int
    var token: Int
    var sentence: Int
    /// Part of a term or period range ("nhiệm kỳ 2020-2025", "giai đoạn 2013-2020").
    var term: Bool
    /// Start of a term range.
    var termStart: Bool
    /// A target ("đến năm 2030") or inside a document reference.
    var excluded: Bool
}

/// Decides the year of a meeting's day and month by the rules of `spec/records.md`.
enum YearResolver {
    struct Context {
        var kind: EventKind
        var reference: PartialDate?
        /// The year reviewed ("tổng kết … năm 2022").
        var periodYear: Int?
        /// First year of the congress's own term ("nhiệm kỳ 2025-2030").
        var termStart: Int?
        /// "tổng kết 15 năm thực hiện" a document dated 2007 → 2022.
        var anniversaryYear: Int?
        /// A year the meeting's own sentence states ("nhiệm vụ tháng 2/2022").
        var contextYear: Int?
        /// The one year stated elsewhere in the article that fits the meeting.
        var articleYear: Int?
    }

    static func statedYears(in text: ArticleText, documents: [DocumentMention]) -> [StatedYear] {
        var result: [StatedYear] = []
        for t in text.tokens.indices {
            let token = text.tokens[t]
            guard token.isNumber, token.digits == 4, (1945...2100).contains(Int(token.number)) else { continue }
            var term = false
            var termStart = false
            if text.isWord(t + 1, .dash), t + 2 < text.tokens.count, text.tokens[t + 2].isNumber, text.tokens[t + 2].digits == 4 {
                term = true
                termStart = true
            }
            if text.isWord(t - 1, .dash), t >= 2, text.tokens[t - 2].isNumber, text.tokens[t - 2].digits == 4 { term = true }
            if text.ending(at: t, .term, lookback: 3) != nil { term = true }
            let excluded =
                text.isWord(t - 1, .den) || text.isWord(t - 2, .den) || text.isWord(t - 1, .toi)
                || documents.contains(where: { $0.range.contains(t) })
                || (text.isWord(t - 1, .slash) || text.isWord(t - 1, .dash) || text.isWord(t - 1, .dot)) && !term
            result.append(
                StatedYear(
                    year: Int(token.number), token: t, sentence: Int(text.sentenceOf[t]), term: term,
                    termStart: termStart, excluded: excluded))
        }
        return result
    }

    /// The full date of a day-and-month mention and the basis that decided its year.
    static func resolve(_ mention: DateMention, _ c: Context) -> (PartialDate?, DateBasis) {
        guard let month = mention.month else { return (nil, .unresolved) }
        if let year = mention.year { return (PartialDate(year: year, month: month, day: mention.day), .explicit) }
        if let ref = c.reference {
            var year = ref.year
            if let refMonth = ref.month {
                if month > refMonth || (month == refMonth && (mention.day ?? 0) > (ref.day ?? 31)) { year -= 1 }
            }
            return (PartialDate(year: year, month: month, day: mention.day), .referenceDate)
        }
        if let period = c.periodYear {
            switch c.kind {
            case .yearEndReview, .selfCriticism:
                return (PartialDate(year: month >= 7 ? period : period + 1, month: month, day: mention.day), .periodYear)
            case .midYearReview:
                return (PartialDate(year: period, month: month, day: mention.day), .periodYear)
            case .committeeMeeting:
                // It plans the period: a year's resolution is issued in its last months or its first.
                return (PartialDate(year: month >= 9 ? period - 1 : period, month: month, day: mention.day), .periodYear)
            default: break
            }
        }
        if let start = c.termStart, c.kind == .partyCongress {
            return (PartialDate(year: start, month: month, day: mention.day), .context)
        }
        if let year = c.anniversaryYear {
            return (PartialDate(year: year, month: month, day: mention.day), .anniversary)
        }
        if let year = c.contextYear ?? c.articleYear {
            return (PartialDate(year: year, month: month, day: mention.day), .context)
        }
        return (nil, .unresolved)
    }

    /// A year alone when no day or month is given.
    static func yearOnly(_ c: Context, statedYear: Int?) -> (PartialDate?, DateBasis) {
        switch c.kind {
        case .partyCongress:
            if let start = c.termStart { return (PartialDate(year: start), .context) }
        case .midYearReview:
            if let p = c.periodYear { return (PartialDate(year: p), .periodYear) }
        case .yearEndReview, .selfCriticism:
            return (nil, .unresolved)
        case .resolutionReview:
            if let y = c.anniversaryYear { return (PartialDate(year: y), .anniversary) }
        default: break
        }
        if let y = c.contextYear ?? statedYear { return (PartialDate(year: y), .context) }
        return (nil, .unresolved)
    }
}
