import Foundation

/// Reads the party-work meeting an article reports: organizing unit, kind, date, chair, people,
/// documents and credits, each with the sentence it came from.
///
/// Thread-safe: the rules are immutable and each call works on its own folded copy of the text.
public struct ArticleExtractor: Sendable {
    /// Changes whenever extraction can give a different result for the same input; stored records
    /// made by another version are extracted again.
    public static let version = "1.3.0"

    public let rules: ExtractionRules

    public init(rules: ExtractionRules) {
        self.rules = rules
    }

    /// The meetings the article reports (at most one: the one it is about).
    public func extract(_ article: Article) -> [Event] {
        guard article.status == .ok, !article.utf8.isEmpty else { return [] }
        let text = ArticleText(utf8: Self.textWithHeadline(article), rules: rules)
        return analyze(text, reference: article.referenceDate?.value, pathDate: article.pathDate?.value).events
    }

    /// The record of one article; a dateline found in the text becomes its reference date when
    /// the page gave none, and failing that the date in the file's path. A publication date the
    /// page gave that is not a date becomes a warning saying which of these took its place.
    public func record(for article: Article) -> ArticleRecord {
        guard article.status == .ok, !article.utf8.isEmpty else { return ArticleRecord(article: article, events: []) }
        let text = ArticleText(utf8: Self.textWithHeadline(article), rules: rules)
        let result = analyze(text, reference: article.referenceDate?.value, pathDate: article.pathDate?.value)
        var record = ArticleRecord(article: article, events: result.events)
        if record.referenceDate == nil, let dateline = result.dateline {
            record.referenceDate = ReferenceDate(value: dateline, basis: "dateline")
        }
        if record.referenceDate == nil { record.referenceDate = article.pathDate }
        if let field = article.unreadableDate {
            let warning = IngestWarning.unreadableDate(field: field, yearFromPath: record.referenceDate?.basis == "path")
            record.warnings.append(warning.description)
        }
        return record
    }

    /// The page's headline is the strongest statement of what the article reports, but an HTML
    /// page keeps it outside the body: it is read as the first line unless the body starts with it.
    /// The article's UTF-8 bytes (well formed), with the headline first.
    static func textWithHeadline(_ article: Article) -> [UInt8] {
        let text = article.utf8
        guard let title = article.title, title.utf8.count >= 12, !startsWithLine(text, title) else { return text }
        // Section labels ("Thời sự | Quốc phòng") are not headlines.
        if title.utf8.contains(0x7C) { return text }
        // One array, not the two a chain of `+` makes: an export's every article has a title.
        var joined: [UInt8] = []
        joined.reserveCapacity(title.utf8.count + 1 + text.count)
        joined.append(contentsOf: title.utf8)
        joined.append(0x0A)
        joined.append(contentsOf: text)
        return joined
    }

    /// Whether the text of UTF-8 bytes `text` has the prefix `line` (`hasPrefix`), answered
    /// from the bytes when `line` is the text's whole first line (a line end is always a
    /// grapheme boundary); `hasPrefix` compares Characters, which costs a grapheme walk over
    /// every non-ASCII headline.
    static func startsWithLine(_ text: [UInt8], _ line: String) -> Bool {
        let t = line.utf8
        if text.count > t.count, text[t.count] == 0x0A, text.starts(with: t) { return true }
        // A line end is a Character of its own, so a `line` without one can only be a prefix of
        // the text's first line: a String is made of that line, not of the whole text.
        let end = t.contains(0x0A) ? text.endIndex : text.firstIndex(of: 0x0A) ?? text.endIndex
        return String(decoding: text[..<end], as: UTF8.self).hasPrefix(line)
    }

    /// The meeting the article reports (none, or one event) and the dateline found in its text.
    private func analyze(_ text: ArticleText, reference: PartialDate?, pathDate: PartialDate? = nil) -> (
        events: [Event], dateline: PartialDate?
    ) {
        let dates = DateFinder.find(in: text)
        let datelineMention = dates.first(where: { $0.dateline && $0.year != nil && $0.day != nil })
        let dateline = datelineMention.map { PartialDate(year: $0.year!, month: $0.month, day: $0.day) }
        guard let meeting = MeetingDetector.detect(in: text) else { return ([], dateline) }
        let units = UnitRecognizer.find(in: text)
        guard !units.isEmpty else { return ([], dateline) }
        let credits = CreditExtractor.find(in: text)
        var people = PersonExtractor.find(in: text)
        if let creditRange = credits.range { people.removeAll { creditRange.contains($0.range.lowerBound) } }
        let clause = MeetingClause.read(text, meeting: meeting, units: units, people: people)
        guard let unit = clause.organizer.map({ units[$0] }) ?? chooseUnit(units, meeting: meeting, people: people, in: text) else {
            return ([], dateline)
        }
        // A command's meeting on its own military and defence tasks, not held by its party
        // committee and not about party work, is none of ours.
        if isCommandBusiness(unit, units: units, clause: clause, meeting: meeting, in: text) { return ([], dateline) }
        let documents = DocumentExtractor.find(in: text, dates: dates)
        let focus = Self.focus(meeting, in: text)
        let (kind, reviewYears) = KindClassifier.classify(text, meeting: meeting, name: clause.name, focus: focus)

        let years = YearResolver.statedYears(in: text, documents: documents)
        let focusSentences = Set(focus.map { Int(text.sentenceOf[$0.lowerBound]) })
        let inFocus = years.filter { focusSentences.contains($0.sentence) }
        let termStart = termStart(years, inFocus: inFocus, in: text)
        let periodYear = Self.periodYear(kind, years: years, inFocus: inFocus, clause: clause, in: text)
        let context = YearResolver.Context(
            kind: kind, reference: reference ?? dateline ?? pathDate, periodYear: periodYear, termStart: termStart,
            anniversaryYear: Self.anniversaryYear(kind, reviewYears: reviewYears, documents: documents),
            contextYear: dates.first(where: { focusSentences.contains($0.sentence) && $0.day == nil && $0.year != nil && !$0.document })?
                .year
                ?? inFocus.first(where: { !$0.term && !$0.excluded })?.year)
        let date = eventDate(dates: dates, meeting: meeting, years: years, context: context, reference: reference, in: text)

        let mention = text.text(unit.range)
        let event = Event(
            unit: UnitReference(name: unit.name, id: unit.id, mention: mention, role: clause.organizerRole?.rawValue ?? "article"),
            organizer: Self.organizer(unit, mention: mention, units: units, in: text), kind: kind, title: title(meeting, in: text),
            date: date, period: period(kind, termStart: termStart, periodYear: periodYear, years: years),
            chair: people.first(where: { $0.person.role == .chair })?.person, people: dedupe(people.map(\.person)),
            documents: dedupeDocs(documents.map(\.document)), credits: credits.names)
        return ([event], dateline)
    }

    /// The meeting's own description: a headline before it, its sentence and the next one.
    private static func focus(_ meeting: MeetingDetector.Result, in text: ArticleText) -> [Range<Int>] {
        var focus: [Range<Int>] = []
        if meeting.sentence > 0, text.sentences[0].count < 40 { focus.append(text.sentences[0]) }
        focus.append(text.sentences[meeting.sentence])
        if meeting.sentence + 1 < text.sentences.count { focus.append(text.sentences[meeting.sentence + 1]) }
        return focus
    }

    /// A congress's own term is the one in its name ("Đại hội … nhiệm kỳ 2025-2030"); failing
    /// that, the newest term the article states (the past term is what it reviews).
    private func termStart(_ years: [StatedYear], inFocus: [StatedYear], in text: ArticleText) -> Int? {
        let termStarts = years.filter { $0.termStart && text.ending(at: $0.token, .term, lookback: 3) != nil }
        return
            (termStarts.first(where: { namedByCongress($0, text) }) ?? termStarts.max(by: { $0.year < $1.year })
            ?? inFocus.first(where: { $0.termStart }))?.year
    }

    /// The year a review or a committee meeting is about.
    private static func periodYear(
        _ kind: EventKind, years: [StatedYear], inFocus: [StatedYear], clause: MeetingClause,
        in text: ArticleText
    ) -> Int? {
        var periodYear = inFocus.first(where: { !$0.term && !$0.excluded })?.year
        if periodYear == nil, kind == .midYearReview || kind == .yearEndReview || kind == .selfCriticism {
            // A review of one year plans the next: of "năm 2019" and "năm 2020", 2019 is reviewed.
            let stated = years.filter { !$0.term && !$0.excluded && text.isWord($0.token - 1, .nam) }.map(\.year)
            if let first = stated.first { periodYear = stated.contains(first - 1) ? first - 1 : first }
        }
        // A committee meeting that issues the resolution for a coming period: the year it plans.
        if periodYear == nil, kind == .committeeMeeting {
            periodYear = years.first(where: { !$0.term && !$0.excluded && clause.name.contains($0.token) })?.year
        }
        return periodYear
    }

    /// "tổng kết 15 năm thực hiện" a document dated 2007: 2022.
    private static func anniversaryYear(_ kind: EventKind, reviewYears: Int?, documents: [DocumentMention]) -> Int? {
        guard kind == .resolutionReview, let n = reviewYears,
            let docYear = documents.first(where: { $0.document.date != nil })?.document.date?.year
        else { return nil }
        return docYear + n
    }

    /// The meeting's date: in its own sentence, else the first date in a sentence about it;
    /// without one, the year alone.
    private func eventDate(
        dates: [DateMention], meeting: MeetingDetector.Result, years: [StatedYear], context: YearResolver.Context,
        reference: PartialDate?, in text: ArticleText
    ) -> EventDate {
        let candidates = dates.filter {
            !$0.document && !$0.anniversarySpan && !($0.dateline && $0.sentence < meeting.sentence) && $0.month != nil
        }
        let chosen =
            candidates.first(where: { $0.sentence == meeting.sentence && $0.day != nil })
            ?? candidates.first(where: { $0.day != nil && sentenceIsAboutMeeting($0.sentence, text) && $0.sentence <= meeting.sentence + 8 }
            )
            ?? candidates.first(where: { $0.sentence == meeting.sentence })
        guard let mention = chosen else {
            let statedYear = years.first(where: { !$0.term && !$0.excluded })?.year
            let (value, basis) = YearResolver.yearOnly(context, statedYear: statedYear)
            return EventDate(value: value, basis: basis, evidence: value == nil ? nil : text.sentenceText(meeting.sentence))
        }
        var context = context
        context.articleYear = Self.fittingYear(years, month: mention.month ?? 1, day: mention.day ?? 1, dates: dates)
        var (value, basis) = YearResolver.resolve(mention, context)
        if mention.today, let ref = reference, mention.year == nil, ref.precision == .day {
            value = ref
            basis = .referenceDate
        }
        if value == nil {
            (value, basis) = YearResolver.yearOnly(context, statedYear: nil)
        }
        return EventDate(value: value, partOfDay: mention.partOfDay, basis: basis, evidence: text.sentenceText(mention.sentence))
    }

    /// A congress's term ("2020-2025"), else the period the kind's name gives the year reviewed.
    private func period(_ kind: EventKind, termStart: Int?, periodYear: Int?, years: [StatedYear]) -> String? {
        if kind == .partyCongress, let start = termStart, let end = years.first(where: { $0.year > start && $0.term })?.year {
            return "\(start)-\(end)"
        }
        guard let p = periodYear else { return nil }
        return rules.periodName(kind, year: p)
    }

    /// The party body that held it: the chosen mention's prefix, or another mention of the
    /// same unit written with one.
    private static func organizer(_ unit: UnitMention, mention: String, units: [UnitMention], in text: ArticleText) -> String {
        let partyMention = unit.partyStart != nil ? unit : units.first { $0.key == unit.key && $0.partyStart != nil && !$0.guest }
        return partyMention.map { text.text($0.partyStart!..<$0.range.upperBound) } ?? mention
    }

    /// Whether the meeting is a command's business: its organizer is named without a party body
    /// (in the meeting's sentence), the clause is about local military and defence tasks, and
    /// its name says nothing of party work.
    private func isCommandBusiness(
        _ unit: UnitMention, units: [UnitMention], clause: MeetingClause, meeting: MeetingDetector.Result,
        in text: ArticleText
    ) -> Bool {
        let sentence = text.sentences[meeting.sentence]
        guard !text.has(.partySubject, in: clause.name), text.has(.localDefence, in: sentence) else { return false }
        guard clause.organizer != nil else { return !text.has(.partyPrefix, in: sentence) }
        guard unit.partyStart == nil, !text.has(.partySubject, in: unit.range) else { return false }
        // The same unit under a party body in the meeting's sentence ("Đảng ủy, Bộ Chỉ huy …").
        return !units.contains { $0.key == unit.key && $0.partyStart != nil && $0.sentence == meeting.sentence }
    }

    /// "Đại hội đại biểu Đảng bộ X lần thứ XV, nhiệm kỳ 2025-2030": a congress noun shortly before the term.
    private func namedByCongress(_ year: StatedYear, _ text: ArticleText) -> Bool {
        let sentence = text.sentences[year.sentence]
        var t = year.token - 1
        while t >= sentence.lowerBound, year.token - t <= 16 {
            if text.isWord(t, .dai) && text.isWord(t + 1, .hoi) { return true }
            t -= 1
        }
        return false
    }

    /// The one year the article states, outside terms, targets and document references, that
    /// can be the meeting's: the meeting not before a document it cites was issued (one studies
    /// a resolution after it is issued). Nil when none or several fit.
    static func fittingYear(_ years: [StatedYear], month: Int, day: Int, dates: [DateMention]) -> Int? {
        var latest = 0
        for d in dates where d.document {
            if let y = d.year { latest = max(latest, y * 10000 + (d.month ?? 1) * 100 + (d.day ?? 1)) }
        }
        var found: Int?
        for y in years where !y.term && !y.excluded {
            if y.year * 10000 + month * 100 + day < latest { continue }
            if let f = found, f != y.year { return nil }
            found = y.year
        }
        return found
    }

    private func sentenceIsAboutMeeting(_ s: Int, _ text: ArticleText) -> Bool {
        let range = text.sentences[s]
        return text.has(.meetingNoun, in: range) || text.has(.organize, in: range) || text.has(.kind, in: range)
    }

    /// The organizing unit: the subject of "tổ chức" in the meeting's sentence, a unit under a
    /// party-body prefix, or the unit the article keeps naming; guests' posts count against.
    private func chooseUnit(_ units: [UnitMention], meeting: MeetingDetector.Result, people: [PersonMention], in text: ArticleText)
        -> UnitMention?
    {
        guard !units.isEmpty else { return nil }
        let sentence = text.sentences[meeting.sentence]
        var organize = -1
        for t in sentence where organize < 0 {
            if text.matchesAt[t].contains(where: { text.matches[$0].tag.cue == .organize }) { organize = t }
        }
        // Per unit key: best score, mention count, index of the best mention. Articles name a
        // handful of units, so a linear scan beats hashing.
        var keys: [Int] = []
        var scores: [Int] = []
        var counts: [Int] = []
        var best: [Int] = []
        keys.reserveCapacity(8)
        var firstSubject = true
        for (index, mention) in units.enumerated() {
            var score = 0
            if mention.sentence == meeting.sentence {
                score += 3
                if organize >= 0, mention.range.upperBound <= organize, !mention.guest, !mention.post {
                    score += firstSubject ? 10 : 6
                    firstSubject = false
                }
                // "Đại hội đại biểu Đảng bộ X", "Hội nghị Đảng ủy X"
                if mention.partyStart != nil, mention.range.lowerBound > meeting.head, mention.range.lowerBound - meeting.head <= 6 {
                    score += 6
                }
            }
            if mention.partyStart != nil { score += mention.post ? 1 : 4 }
            if mention.guest { score -= 6 }
            if mention.post { score -= 1 }
            if mention.sentence <= 1 { score += 1 }
            // The chair's post names the organizer; a directing guest's post names someone else's.
            if let person = people.first(where: { $0.range.contains(mention.range.lowerBound) }) {
                switch person.person.role {
                case .chair: score += 4
                case .directing, .attending: score -= 3
                default: break
                }
            }
            if let slot = keys.firstIndex(of: mention.key) {
                counts[slot] += 1
                if score > scores[slot] {
                    scores[slot] = score
                    best[slot] = index
                }
            } else {
                keys.append(mention.key)
                scores.append(score)
                counts.append(1)
                best.append(index)
            }
        }
        // Ties go to the unit whose best mention comes first.
        var winner: Int?
        var winnerScore = Int.min
        for slot in keys.indices.sorted(by: { best[$0] < best[$1] }) {
            let total = scores[slot] + min(counts[slot] - 1, 4)
            if total > winnerScore {
                winnerScore = total
                winner = best[slot]
            }
        }
        return winner.map { units[$0] }
    }

    private func title(_ meeting: MeetingDetector.Result, in text: ArticleText) -> String {
        let sentence = text.sentences[meeting.sentence]
        var end = sentence.upperBound
        while end > meeting.head + 1, text.tokens[end - 1].kind == .newline || text.isWord(end - 1, .dot) { end -= 1 }
        // Cut at 200 folded scalars (one per letter in NFC), on a word boundary; counting
        // Characters would walk grapheme clusters for every article.
        var stop = end
        if meeting.head < text.tokens.count, end - meeting.head > 1 {
            let firstToken = text.tokens[meeting.head]
            let limit = firstToken.start + 200
            if text.tokens[end - 1].end > limit {
                stop = meeting.head + 1
                while stop < end, text.tokens[stop].end <= limit { stop += 1 }
            }
        }
        var name = text.text(meeting.head..<stop)
        if stop < end { name += " …" }
        // Capitalize the first letter only.
        guard let first = name.unicodeScalars.first else { return name }
        let upper = first.properties.uppercaseMapping
        if upper.unicodeScalars.count == 1, upper.unicodeScalars.first == first { return name }
        return upper + String(name.unicodeScalars.dropFirst())
    }

    /// Same text, byte for byte: names and codes are NFC already, and String equality and
    /// hashing would normalize non-ASCII text again on every comparison.
    @inline(__always) private static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }

    private func dedupe(_ people: [Person]) -> [Person] {
        var result: [Person] = []
        for p in people {
            if let i = result.firstIndex(where: { Self.same($0.name, p.name) }) {
                if result[i].positions.isEmpty { result[i].positions = p.positions }
                if result[i].role == .other || (p.role == .chair) { result[i].role = p.role == .other ? result[i].role : p.role }
                if result[i].rank == nil { result[i].rank = p.rank }
            } else {
                result.append(p)
            }
        }
        return result
    }

    /// One entry per document: "Nghị quyết 382" is dropped when "382-NQ/ĐUQSTW" is also cited.
    private func dedupeDocs(_ docs: [DocumentReference]) -> [DocumentReference] {
        guard !docs.isEmpty else { return docs }
        var full: [(String, String)] = []
        for doc in docs where doc.code.utf8.contains(0x2D) {
            if let number = doc.number { full.append((doc.type, number)) }
        }
        var kept: [DocumentReference] = []
        for doc in docs {
            if !doc.code.utf8.contains(0x2D), let number = doc.number,
                full.contains(where: { Self.same($0.1, number) && Self.same($0.0, doc.type) })
            {
                continue
            }
            // "Nghị quyết Trung ương 8" when "Nghị quyết Trung ương 8 khóa XI" is cited too.
            let prefix = Array((doc.code + " ").utf8)
            if docs.contains(where: { $0.code.utf8.starts(with: prefix) }) { continue }
            if kept.contains(where: { Self.same($0.code, doc.code) }) { continue }
            kept.append(doc)
        }
        return kept
    }
}
