/// Decides the kind of meeting from its own description: the headline and the sentence that
/// names it; the rest of the article only when those say nothing.
enum KindClassifier {
    static func classify(_ a: ArticleText, focus: [Range<Int>]) -> (EventKind, reviewYears: Int?) {
        var found = Set<EventKind>()
        var years: Int?
        for range in focus {
            for t in range {
                for mi in a.matchesAt[t] where a.matches[mi].tag.cue == .kind {
                    let m = a.matches[mi]
                    let kind = EventKind.allCases[Int(m.tag.value)]
                    found.insert(kind)
                    if kind == .resolutionReview, years == nil {
                        for k in m.start..<m.end where a.tokens[k].isNumber && a.isWord(k + 1, "năm") {
                            years = Int(a.tokens[k].number)
                        }
                    }
                }
            }
        }
        let order = a.rules.kindOrder
        var kind = order.first(where: { found.contains($0) })
        if kind == nil || kind == .committeeMeeting || kind == .otherMeeting {
            // A committee's regular meeting often passes the year's review; a mid-article chunk
            // names the kind only in its body.
            var all = Set<EventKind>()
            for mi in a.matches.indices where a.matches[mi].tag.cue == .kind {
                all.insert(EventKind.allCases[Int(a.matches[mi].tag.value)])
            }
            if kind == nil {
                kind = order.first(where: { all.contains($0) })
            } else if all.contains(.yearEndReview) && kind == .committeeMeeting {
                kind = .yearEndReview
            }
            if kind == .resolutionReview && years == nil {
                for m in a.matches where m.tag.cue == .kind && EventKind.allCases[Int(m.tag.value)] == .resolutionReview {
                    for k in m.start..<m.end where a.tokens[k].isNumber && a.isWord(k + 1, "năm") {
                        years = Int(a.tokens[k].number)
                        break
                    }
                    if years != nil { break }
                }
            }
        }
        return (kind ?? .otherMeeting, years)
    }
}
