/// The `{slot}`s of a `PhraseTemplate`. The first group takes the article's own values
/// (`ArticleCast`), the same wherever they stand in it; the others are filled anew at each use
/// from the pools of `PressPhrases` or with a fresh number.
enum PhraseSlot: String, Sendable, CaseIterable {
    // The article's cast.
    case organizer, unit, superior, superiorBody, chair, chairRef, chairPost, commander, commanderPost
    case guest, guestRef, guestPost, day, month, year, next, prev, quarter, province, district
    case credit, credit2, term
    // Filled at each use.
    case meeting, when, hall, tasks, task, shortcomings, topics, subunits, person, post, doc, docShort
    case docno, pct, pct2, num, big, ordinal, roman, years, help, contest, contestArea, exercise, otherDate, result
}
