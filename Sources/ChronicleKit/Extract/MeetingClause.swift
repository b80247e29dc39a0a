/// The clause that reports the meeting being held, read into roles: the meeting's own name, the
/// body that organizes it and how the clause says so.
///
/// The shapes it reads (S = a unit, N = the meeting's name):
/// - active: "Sáng 26/12, Đảng ủy S (đã) tổ chức N", "S khai mạc N", "S tiến hành N";
/// - passive: "N (đã) được S tổ chức", "N do S tổ chức";
/// - a body inside the name: "Hội nghị Ban Thường vụ Đảng ủy S …", "Đại hội đại biểu Đảng bộ S …",
///   "Hội nghị tổng kết công tác năm của S".
/// The name runs from its head noun up to the first role clause ("do", "được", "chủ trì", "dự",
/// "tại", "đồng thời") or the end of the sentence; kind is read from it alone.
struct MeetingClause {
    /// How the clause names the organizer: the evidence an analyst checks.
    enum OrganizerRole: String {
        /// X in "do X tổ chức", "được X tổ chức".
        case agent
        /// The subject of "tổ chức", "khai mạc", "tiến hành".
        case subject
        /// A party body written inside the meeting's name.
        case name
    }

    /// The meeting's name: its head noun up to the first role clause.
    var name: Range<Int>
    /// The index (into the article's unit mentions) of the organizer the clause names, if any.
    var organizer: Int?
    var organizerRole: OrganizerRole?
    /// The organize verb of the clause, when there is one.
    var verb: Int?

    /// Reads the clause of the meeting found at `meeting.head`.
    static func read(_ text: ArticleText, meeting: MeetingDetector.Result, units: [UnitMention], people: [PersonMention]) -> MeetingClause {
        let sentence = text.sentences[meeting.sentence]
        let nameEnd = Self.nameEnd(from: meeting.head, in: sentence, text)
        var clause = MeetingClause(name: meeting.head..<nameEnd)
        clause.verb = organizeVerb(in: sentence, text)

        // Unit mentions of this sentence that can organize: not a guest's or a person's post.
        func eligible(_ index: Int) -> Bool {
            let u = units[index]
            guard u.sentence == meeting.sentence, !u.guest, !isPlace(u.range.lowerBound, in: sentence, text) else { return false }
            return !people.contains { $0.range.contains(u.range.lowerBound) }
        }

        // Passive: "… do S tổ chức", "… được S tổ chức": the agent sits between the marker and the verb.
        if let verb = clause.verb {
            var m = verb - 1
            while m >= sentence.lowerBound, verb - m <= 14, !text.starts(.agentMarker, at: m) { m -= 1 }
            if m >= sentence.lowerBound, text.starts(.agentMarker, at: m),
                let index = units.indices.first(where: {
                    units[$0].range.lowerBound > m && units[$0].range.upperBound <= verb && eligible($0)
                })
            {
                clause.organizer = index
                clause.organizerRole = .agent
                return clause
            }
            // Active: the first unit of the subject before the verb; a parent written after it
            // ("Đảng ủy Lữ đoàn 283, Quân khu 4 tổ chức") is its parent, not the organizer.
            if verb < meeting.head || !text.has(.meetingNoun, in: sentence.lowerBound..<verb) {
                if let index = units.indices.first(where: {
                    units[$0].range.upperBound <= verb && eligible($0) && !units[$0].post
                        && !text.has(.meetingNoun, in: units[$0].range.upperBound..<verb)
                }) {
                    clause.organizer = index
                    clause.organizerRole = .subject
                    return clause
                }
            }
        }
        // A body inside the name: "Hội nghị Đảng ủy S", "Đại hội Đảng bộ S", "hội nghị Ban Chủ
        // nhiệm S", "Hội nghị tổng kết công tác năm của S".
        // "của" before a unit usually makes it someone else's (a guest's post, an issuer), but in
        // the meeting's name before any document it names whose meeting it is.
        func ownerInName(_ index: Int) -> Bool {
            let u = units[index]
            let before = u.partyStart ?? u.range.lowerBound
            guard u.sentence == meeting.sentence, text.isWord(before - 1, .cua),
                !text.has(.documentType, in: clause.name.lowerBound..<before)
            else { return false }
            return !people.contains { $0.range.contains(u.range.lowerBound) }
        }
        let noun = text.longest(at: meeting.head, .meetingNoun)?.end ?? meeting.head + 1
        if let index = units.indices.first(where: {
            clause.name.contains(units[$0].range.lowerBound) && (eligible($0) || ownerInName($0))
                && (units[$0].partyStart != nil || text.isWord(units[$0].range.lowerBound - 1, .cua) || ownerInName($0)
                    || units[$0].range.lowerBound == noun
                    || text.ending(at: units[$0].range.lowerBound, .commandPrefix) != nil
                        && text.ending(at: units[$0].range.lowerBound, .commandPrefix)!.start == noun)
        }) {
            clause.organizer = index
            clause.organizerRole = .name
        }
        return clause
    }

    /// Whether the unit at `t` names a place ("tại Sở Chỉ huy Quân khu 7, …"): "tại" opens its
    /// comma-delimited phrase.
    static func isPlace(_ t: Int, in sentence: Range<Int>, _ text: ArticleText) -> Bool {
        var b = t - 1
        while b >= sentence.lowerBound, t - b <= 8, !text.isWord(b, .comma) {
            if text.isWord(b, .tai) { return true }
            b -= 1
        }
        return false
    }

    /// The organize verb of the sentence that reports the meeting held: not a purpose or a
    /// request ("để tổ chức", "cần tổ chức") and not part of a meeting noun ("tổ chức tổng kết").
    static func organizeVerb(in sentence: Range<Int>, _ text: ArticleText) -> Int? {
        for t in sentence where text.starts(.organize, at: t) {
            if isPurposeOrRequest(t, text) { continue }
            return t
        }
        return nil
    }

    /// "để tổ chức", "cần tổ chức", "phải tổ chức", "việc tổ chức": the verb at `t` is a purpose,
    /// a request or a topic, not the report that the meeting was held. "Học viện Hậu cần tổ chức"
    /// is a report: "cần" there ends a capitalized name.
    static func isPurposeOrRequest(_ t: Int, _ text: ArticleText) -> Bool {
        if text.isWord(t - 1, .can) { return t < 2 || !text.tokens[t - 2].capitalized }
        return text.isWord(t - 1, .de) || text.isWord(t - 1, .phai) || text.isWord(t - 1, .viec)
    }

    /// Where the name that starts at `head` ends: the first role clause, a sentence stop, or 40 words.
    static func nameEnd(from head: Int, in sentence: Range<Int>, _ text: ArticleText) -> Int {
        let roles =
            ArticleText.bits(.clauseBoundary, .agentMarker) | ArticleText.bits(.chair, .directing)
            | ArticleText.bits(.attending, .organize)
        var e = head + 1
        // The head's own words ("hội nghị", "đại hội") are not boundaries.
        if let noun = text.longest(at: head, .meetingNoun) { e = max(e, noun.end) }
        while e < sentence.upperBound, e - head < 40 {
            if text.startsAny(roles, at: e) { break }
            if text.isWord(e, .semicolon) || text.isWord(e, .colon) || text.isWord(e, .dot) || text.tokens[e].kind == .newline { break }
            // ", Đảng ủy Sư đoàn 9 đề nghị …": a new clause with its own subject.
            if text.isWord(e, .comma), e + 1 < sentence.upperBound, text.tokens[e + 1].capitalized,
                text.startsAny(ArticleText.bits(.partyPrefix, .rank), at: e + 1)
                    || text.startsAny(ArticleText.bits(.unit, .unitShape), at: e + 1) && e == head + 2
            {
                break
            }
            e += 1
        }
        while e > head + 1, text.isWord(e - 1, .comma) { e -= 1 }
        return e
    }
}
