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
        for (index, range) in a.sentences.enumerated() {
            var head: (Int, Cue, Int)?
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
                if let cue = bestCue {
                    head = (t, cue, bestEnd)
                    break
                }
            }
            guard let (t, cue, _) = head else { continue }
            if cue == .negativeEvent { return nil }
            if a.has(.planned, in: range) { return nil }
            return Result(sentence: index, head: t)
        }
        return nil
    }
}
