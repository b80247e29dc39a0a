/// Decides the kind of meeting from its own name (see `MeetingClause`); the headline and the
/// sentences around it, then the rest of the article, only when the name is bare.
enum KindClassifier {
    static func classify(_ text: ArticleText, meeting: MeetingDetector.Result, name: Range<Int>, focus: [Range<Int>]) -> (
        EventKind, reviewYears: Int?
    ) {
        let order = text.rules.kindOrder
        let nameCues = cues(text, in: [name])
        let focusCues = cues(text, in: focus)
        let allCues = cues(text, in: [0..<text.tokens.count])
        func pick(_ found: [(EventKind, PhraseMatch)]) -> (EventKind, PhraseMatch)? {
            for kind in order { if let hit = found.first(where: { $0.0 == kind }) { return hit } }
            return nil
        }
        // The name decides: its first cue, read left to right ("Hội nghị góp ý dự thảo Báo cáo
        // chính trị trình Đại hội" is a consultation, not a congress). A committee named at the
        // head ("Hội nghị Ban Thường vụ Đảng ủy …", "Hội nghị lần thứ 7", "Hội nghị Quân chính")
        // names a type of meeting, and yields to what the name goes on to say it does
        // ("… sơ kết 6 tháng đầu năm"); a self-criticism named so stays one.
        let body = nameCues.filter { $0.1.start == name.lowerBound && $0.0 != .selfCriticism }
        var chosen = first(nameCues.filter { hit in !body.contains(where: { $0.1.start == hit.1.start && $0.1.end == hit.1.end }) }, order)
        // A name that only says which body meets ("Hội nghị Đảng ủy X đã được tiến hành."): the
        // next sentence about it says what it did ("Hội nghị đã thông qua báo cáo tổng kết …").
        if chosen == nil, !body.isEmpty, meeting.sentence + 1 < text.sentences.count {
            let next = text.sentences[meeting.sentence + 1]
            if text.has(.meetingNoun, in: next) { chosen = first(cues(text, in: [next]).filter { $0.0 != .committeeMeeting }, order) }
        }
        if chosen == nil { chosen = first(body, order) }
        // A congress named only as "Đại hội" (its full name said earlier or cut off) is still a congress.
        let headIsCongress = text.isWord(meeting.head, .dai) && text.isWord(meeting.head + 1, .hoi)
        if chosen == nil && headIsCongress { return (.partyCongress, nil) }
        // A bare name ("tổ chức hội nghị."): the headline and the sentences around it, then the article.
        if chosen == nil { chosen = pick(focusCues) }
        if chosen == nil { chosen = pick(allCues) }
        guard let (kind, _) = chosen else { return (.otherMeeting, nil) }
        var years: Int?
        if kind == .resolutionReview {
            for (k, m) in nameCues + focusCues + allCues where k == .resolutionReview {
                for t in m.start..<m.end where text.tokens[t].isNumber && text.isWord(t + 1, .nam) {
                    years = Int(text.tokens[t].number)
                    break
                }
                if years != nil { break }
            }
        }
        return (kind, years)
    }

    /// The cue that starts first; ties by `order`.
    private static func first(_ found: [(EventKind, PhraseMatch)], _ order: [EventKind]) -> (EventKind, PhraseMatch)? {
        var best: (EventKind, PhraseMatch)?
        for hit in found {
            guard let b = best else { best = hit; continue }
            if hit.1.start < b.1.start
                || hit.1.start == b.1.start && (order.firstIndex(of: hit.0) ?? 99) < (order.firstIndex(of: b.0) ?? 99)
            {
                best = hit
            }
        }
        return best
    }

    /// Kind cues in `ranges`, dropping a cue inside a longer one ("nghị quyết đại hội đại biểu
    /// đảng bộ" is a study of a congress's resolution, not a congress).
    private static func cues(_ text: ArticleText, in ranges: [Range<Int>]) -> [(EventKind, PhraseMatch)] {
        var result: [(EventKind, PhraseMatch)] = []
        for range in ranges {
            var coveredUntil = -1
            var coveredStart = -1
            for t in range where t < text.tokens.count {
                if !text.starts(.kind, at: t) { continue }
                var longest: PhraseMatch?
                for mi in text.matchesAt[t] where text.matches[mi].tag.cue == .kind {
                    let m = text.matches[mi]
                    if m.start > coveredStart && m.start < coveredUntil { continue }
                    // "Nghị quyết Đại hội đại biểu Đảng bộ …" names a document, not a congress.
                    if EventKind.allCases[Int(m.tag.value)] == .partyCongress,
                        text.isWord(m.start - 1, .quyet) || text.isWord(m.start - 1, .ket)
                    {
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
