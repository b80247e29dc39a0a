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
    static func detect(in a: ArticleText) -> Result? {
        // Organizations outside army party work ("công đoàn", "công an"): named again and again,
        // or in the meeting's own sentence (checked below), the meeting is theirs.
        var domains = 0
        for m in a.matches where m.tag.cue == .negativeDomain { domains += 1 }
        if domains >= 3 { return nil }
        // A meeting in an article that never touches party or political work is not ours.
        guard a.matches.contains(where: { $0.tag.cue == .partyContext }) else { return nil }
        var found: Result?
        var meetingSentences = 0
        for (index, range) in a.sentences.enumerated() {
            var head: (Int, Cue, Int)?
            var genericList = false
            for t in range {
                var bestEnd = -1
                var bestCue: Cue?
                for mi in a.matchesAt[t] {
                    let m = a.matches[mi]
                    guard m.tag.cue == .meetingNoun || m.tag.cue == .negativeEvent else { continue }
                    if m.end > bestEnd || (m.end == bestEnd && m.tag.cue == .negativeEvent) {
                        bestEnd = m.end
                        bestCue = m.tag.cue
                    }
                }
                // "các cuộc hội thi", "những hội nghị": a generic mention, not the event reported.
                if bestCue != nil, a.isWord(t - 1, a.w.cac) || a.isWord(t - 1, a.w.nhung) || a.isWord(t - 1, a.w.nhieu)
                    || a.isWord(t - 2, a.w.cac) && a.tokens[t - 1].isWord && !a.tokens[t - 1].capitalized {
                    genericList = true
                    continue
                }
                // "các cuộc diễn tập, hội thi, hội thao": the rest of a generic list.
                if genericList && bestCue == .negativeEvent { continue }
                // "tặng hoa chúc mừng Đại hội": the event named right after is the one reported.
                if bestCue == .negativeEvent, bestEnd < a.tokens.count,
                   a.matchesAt[bestEnd].contains(where: { a.matches[$0].tag.cue == .meetingNoun }) {
                    continue
                }
                if let cue = bestCue {
                    head = (t, cue, bestEnd)
                    break
                }
            }
            guard let (t, cue, _) = head else { continue }
            if found == nil && cue == .negativeEvent { return nil }
            if found == nil && a.has(.negativeDomain, in: range) { return nil }
            // "Hội nghị tổng kết diễn tập …": the meeting's own name says it is not party work.
            if found == nil && a.has(.negativeTopic, in: t..<min(t + 10, range.upperBound)) { return nil }
            // A meeting that is only announced: "sẽ diễn ra" near its first mentions.
            if a.has(.planned, in: range) { return nil }
            // Prefer the sentence that says the meeting was held ("tổ chức", "khai mạc") over a
            // headline that only names it.
            if found == nil || (!heldIn(found!.sentence, a) && heldIn(index, a)) { found = Result(sentence: index, head: t) }
            meetingSentences += 1
            if meetingSentences >= 3 { break }
        }
        return found
    }

    /// The sentence says the meeting took place: "tổ chức", "khai mạc", "diễn ra", not as a
    /// purpose or a request ("để tổ chức quán triệt", "cần tổ chức").
    private static func heldIn(_ sentence: Int, _ a: ArticleText) -> Bool {
        for t in a.sentences[sentence] where a.matchesAt[t].contains(where: { a.matches[$0].tag.cue == .organize }) {
            if !(a.isWord(t - 1, a.w.de) || a.isWord(t - 1, a.w.se) || a.isWord(t - 1, a.w.can) || a.isWord(t - 1, a.w.phai)
                || a.isWord(t - 1, a.w.tiep) || a.isWord(t - 1, a.w.viec)) {
                return true
            }
        }
        return false
    }
}
