/// Decides whether an article reports a party-work meeting, and which sentence describes it.
enum MeetingDetector {
    struct Result {
        /// The sentence that first names the meeting.
        var sentence: Int
        /// The token where the meeting noun starts in it.
        var head: Int
    }

    /// The first sentence that names an event decides: a meeting noun ("hội nghị", "đại hội")
    /// makes it a meeting, an event of another sort ("hội thi", "diễn tập", "buổi lễ") or a
    /// planned meeting ("sẽ tổ chức") makes it none.
    static func detect(in text: ArticleText) -> Result? {
        guard isAboutPartyWork(text) else { return nil }
        var found: Result?
        var foundNamed = false
        var meetingSentences = 0
        for (index, range) in text.sentences.enumerated() {
            guard let (t, cue) = eventHead(in: range, text) else { continue }
            // "Tại Hội nghị … hồi tháng 3": a meeting the article looks back on.
            if text.has(.background, in: range) { continue }
            if found == nil && cue == .negativeEvent {
                // "… cho nhiệm vụ huấn luyện, diễn tập": a topic, not the event held, when the
                // article goes on to say a meeting was organized.
                if !negativeIsHeld(t, in: range, text), organizesMeeting(after: index, text) { continue }
                return nil
            }
            if found == nil && text.has(.negativeDomain, in: range) { return nil }
            // "Hội nghị tổng kết diễn tập …": the meeting's own name says it is not party work.
            if found == nil && text.has(.negativeTopic, in: t..<nameEnd(t, range, text)) { return nil }
            // A meeting that is only announced: "sẽ diễn ra" near its first mentions.
            if isPlanned(t, in: range, text) { return nil }
            // Prefer the sentence that says the meeting was held ("tổ chức", "khai mạc") over a
            // headline that only names it.
            // But a body sentence that "tổ chức học tập" something does not replace a meeting
            // already named with its kind ("Hội nghị tổng kết 10 năm thực hiện …", a caption).
            if found == nil {
                found = Result(sentence: index, head: t)
                foundNamed = text.has(.kind, in: t..<nameEnd(t, range, text))
            } else if !heldIn(found!.sentence, text) && heldIn(index, text)
                && !(foundNamed && text.matchesAt[t].contains(where: { text.matches[$0].tag.cue == .organize }))
            {
                found = Result(sentence: index, head: t)
            }
            meetingSentences += 1
            if meetingSentences >= 3 { break }
        }
        return found
    }

    /// Organizations outside army party work ("công đoàn", "công an"): named again and again,
    /// or in the meeting's own sentence (checked in `detect`), the meeting is theirs. Nor is a
    /// meeting ours in an interview, or in an article that never touches party or political work.
    private static func isAboutPartyWork(_ text: ArticleText) -> Bool {
        var domains = 0
        var interview = 0
        for m in text.matches {
            if m.tag.cue == .negativeDomain { domains += 1 }
            if m.tag.cue == .interview { interview += 1 }
        }
        if domains >= 3 || interview >= 2 { return false }
        return text.matches.contains(where: { $0.tag.cue == .partyContext })
    }

    /// The first meeting noun or other-event noun of the sentence that names an event held:
    /// its token and cue (`.meetingNoun` or `.negativeEvent`).
    private static func eventHead(in range: Range<Int>, _ text: ArticleText) -> (Int, Cue)? {
        let heads = ArticleText.bits(.meetingNoun, .negativeEvent)
        var genericList = false
        for t in range {
            // Nothing below applies where no meeting noun or other event starts.
            if !text.startsAny(heads, at: t) { continue }
            // "Nghị quyết Đại hội XIII", "Nghị quyết Hội nghị Trung ương 8": the meeting that
            // issued a document the article cites, not a meeting held.
            if text.ending(at: t, .documentType, lookback: 2) != nil { continue }
            var bestEnd = -1
            var bestCue: Cue?
            for mi in text.matchesAt[t] {
                let m = text.matches[mi]
                guard m.tag.cue == .meetingNoun || m.tag.cue == .negativeEvent else { continue }
                if m.end > bestEnd || (m.end == bestEnd && m.tag.cue == .negativeEvent) {
                    bestEnd = m.end
                    bestCue = m.tag.cue
                }
            }
            // "các cuộc hội thi", "những hội nghị": a generic mention, not the event reported.
            if bestCue != nil,
                text.isWord(t - 1, .cac) || text.isWord(t - 1, .nhung) || text.isWord(t - 1, .nhieu)
                    || text.isWord(t - 2, .cac) && text.tokens[t - 1].isWord && !text.tokens[t - 1].capitalized
            {
                genericList = true
                continue
            }
            // "các cuộc diễn tập, hội thi, hội thao": the rest of a generic list.
            if genericList && bestCue == .negativeEvent { continue }
            // "tặng hoa chúc mừng Đại hội": the event named right after is the one reported.
            if bestCue == .negativeEvent, bestEnd < text.tokens.count,
                text.matchesAt[bestEnd].contains(where: { text.matches[$0].tag.cue == .meetingNoun })
            {
                continue
            }
            if let cue = bestCue { return (t, cue) }
        }
        return nil
    }

    /// Whether the planned words of the sentence belong to the meeting named at `t`: a verb right
    /// before it ("sẽ tổ chức hội nghị") or after it with no other meeting between ("Đại hội … sẽ
    /// diễn ra"), or a phrase that names it ("chuẩn bị đại hội" when `t` is that đại hội).
    /// "Hội nghị cán bộ chủ chốt … chuẩn bị cho Đại hội" plans the congress, not the meeting held.
    private static func isPlanned(_ t: Int, in range: Range<Int>, _ text: ArticleText) -> Bool {
        for p in range where p < text.tokens.count {
            for index in text.matchesAt[p] where text.matches[index].tag.cue == .planned {
                let match = text.matches[index]
                if text.has(.meetingNoun, in: match.start..<match.end) {
                    if (match.start..<match.end).contains(t) { return true }
                } else if match.end <= t {
                    // "Ngày mai (17/11), Hội nghị …": a time that opens the sentence dates it all.
                    if t - match.end <= 3 || match.start == range.lowerBound { return true }
                } else if match.start > t {
                    if !text.has(.meetingNoun, in: (t + 1)..<match.start) { return true }
                } else {
                    return true
                }
            }
        }
        return false
    }

    /// The other-event noun at `t` is what is held: it opens the sentence (a headline "Diễn tập …",
    /// "Lễ …"), follows its subject unit or "tổ chức", or is written as a name.
    private static func negativeIsHeld(_ t: Int, in range: Range<Int>, _ text: ArticleText) -> Bool {
        if text.tokens[t].capitalized { return true }
        var b = t - 1
        while b >= range.lowerBound, b >= t - 3 {
            for mi in text.matchesAt[b] {
                let m = text.matches[mi]
                if m.end >= t - 1, m.end <= t, m.tag.cue == .organize || m.tag.cue == .unit || m.tag.cue == .unitShape { return true }
            }
            b -= 1
        }
        // Only words of a date or a comma before it: it opens the sentence.
        for k in range.lowerBound..<t where text.tokens[k].isWord && text.tokens[k].capitalized && !text.isWord(k, .comma) {
            return false
        }
        return true
    }

    /// The end of a meeting's name: ten words at most, and before a verb ("Hội nghị đã phát động
    /// phong trào thi đua" names a meeting that did something, not a meeting about emulation).
    private static func nameEnd(_ t: Int, _ range: Range<Int>, _ text: ArticleText) -> Int {
        let da = text.words[.da], duoc = text.words[.duoc], cung = text.words[.cung]
        var e = t + 1
        while e < min(t + 10, range.upperBound) {
            let id = text.tokens[e].id
            if id == da || id == duoc || id == cung { break }
            e += 1
        }
        return e
    }

    /// One of the next few sentences says a meeting was organized: "tổ chức Hội nghị …".
    private static func organizesMeeting(after sentence: Int, _ text: ArticleText) -> Bool {
        for s in sentence..<min(sentence + 4, text.sentences.count) {
            for t in text.sentences[s] {
                for mi in text.matchesAt[t] where text.matches[mi].tag.cue == .organize {
                    let end = text.matches[mi].end
                    if text.matchesAt[end].contains(where: { text.matches[$0].tag.cue == .meetingNoun }) { return true }
                }
            }
        }
        return false
    }

    /// The sentence says the meeting took place: "tổ chức", "khai mạc", "diễn ra", not as a
    /// purpose or a request ("để tổ chức quán triệt", "cần tổ chức").
    private static func heldIn(_ sentence: Int, _ text: ArticleText) -> Bool {
        for t in text.sentences[sentence] where text.matchesAt[t].contains(where: { text.matches[$0].tag.cue == .organize }) {
            if !(MeetingClause.isPurposeOrRequest(t, text) || text.isWord(t - 1, .se) || text.isWord(t - 1, .tiep)) {
                return true
            }
        }
        return false
    }
}
