/// Decides the kind of meeting from its own description: the meeting's name as the sentence
/// states it, then the headline and the sentences around it, and the rest of the article only
/// when those say nothing.
enum KindClassifier {
    static func classify(_ a: ArticleText, meeting: MeetingDetector.Result, focus: [Range<Int>]) -> (EventKind, reviewYears: Int?) {
        let order = a.rules.kindOrder
        let sentence = a.sentences[meeting.sentence]
        let nameCues = cues(a, in: [meeting.head..<sentence.upperBound])
        let focusCues = cues(a, in: focus)
        let allCues = cues(a, in: [0..<a.tokens.count])
        func pick(_ found: [(EventKind, PhraseMatch)]) -> (EventKind, PhraseMatch)? {
            for kind in order { if let hit = found.first(where: { $0.0 == kind }) { return hit } }
            return nil
        }
        // A congress named only as "Đại hội" (its full name said earlier or cut off) is still a congress.
        let headIsCongress = a.isWord(meeting.head, a.w.dai) && a.isWord(meeting.head + 1, a.w.hoi)
        // A study named first is the head of the meeting's name ("học tập … nghị quyết … lãnh đạo
        // thực hiện nhiệm vụ năm 2020"); the year's tasks are what the resolution is about.
        var chosen = pick(nameCues)
        if let head = first(nameCues, order), head.0 == .resolutionStudy, chosen?.0 == .yearEndReview || chosen?.0 == .committeeMeeting {
            chosen = head
        }
        if chosen == nil, !headIsCongress { chosen = pick(focusCues) }
        if chosen == nil && headIsCongress { return (.partyCongress, nil) }
        if chosen == nil { chosen = pick(allCues) }
        // A committee's regular meeting that passes the year's review is a year-end review.
        if chosen?.0 == .committeeMeeting, let yearEnd = allCues.first(where: { $0.0 == .yearEndReview }) {
            chosen = yearEnd
        }
        guard let (kind, match) = chosen else { return (.otherMeeting, nil) }
        var years: Int?
        if kind == .resolutionReview {
            for (k, m) in focusCues + allCues where k == .resolutionReview {
                for t in m.start..<m.end where a.tokens[t].isNumber && a.isWord(t + 1, a.w.nam) {
                    years = Int(a.tokens[t].number)
                    break
                }
                if years != nil { break }
            }
        }
        _ = match
        return (kind, years)
    }

    /// The cue that starts first; ties by `order`.
    private static func first(_ found: [(EventKind, PhraseMatch)], _ order: [EventKind]) -> (EventKind, PhraseMatch)? {
        var best: (EventKind, PhraseMatch)?
        for hit in found {
            guard let b = best else { best = hit; continue }
            if hit.1.start < b.1.start
                || hit.1.start == b.1.start && (order.firstIndex(of: hit.0) ?? 99) < (order.firstIndex(of: b.0) ?? 99) {
                best = hit
            }
        }
        return best
    }

    /// Kind cues in `ranges`, dropping a cue inside a longer one ("nghị quyết đại hội đại biểu
    /// đảng bộ" is a study of a congress's resolution, not a congress).
    private static func cues(_ a: ArticleText, in ranges: [Range<Int>]) -> [(EventKind, PhraseMatch)] {
        var result: [(EventKind, PhraseMatch)] = []
        for range in ranges {
            var coveredUntil = -1
            var coveredStart = -1
            for t in range where t < a.tokens.count {
                if !a.starts(.kind, at: t) { continue }
                var longest: PhraseMatch?
                for mi in a.matchesAt[t] where a.matches[mi].tag.cue == .kind {
                    let m = a.matches[mi]
                    if m.start > coveredStart && m.start < coveredUntil { continue }
                    // "Nghị quyết Đại hội đại biểu Đảng bộ …" names a document, not a congress.
                    if EventKind.allCases[Int(m.tag.value)] == .partyCongress, a.isWord(m.start - 1, a.w.quyet) || a.isWord(m.start - 1, a.w.ket) {
                        continue
                    }
                    result.append((EventKind.allCases[Int(m.tag.value)], m))
                    if longest == nil || m.end > longest!.end { longest = m }
                }
                if let l = longest, l.end > coveredUntil {
                    coveredUntil = l.end
                    coveredStart = l.start
                }
            }
        }
        return result
    }
}
