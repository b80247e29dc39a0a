/// Writes one synthetic article from the phrase pools: one passage, or for half the articles two
/// unrelated ones (as the real-text corpus joins two passages). A meeting passage has, each with
/// some chance, a headline, its lead, chair and guests, photo captions with the scraping noise
/// around them, a few body sentences, a closing sentence and a credit line; other passages a lead
/// and a few sentences of their own.
struct ArticleComposer {
    private(set) var text = ""
    private var rng: SplitMix64
    private var cast: ArticleCast
    private var kind: PassageKind

    /// The article's text and the cast of its first passage (which dates it).
    static func compose(_ rng: inout SplitMix64) -> (text: String, cast: ArticleCast) {
        let kind = PassageKind.random(&rng)
        let first = ArticleCast(kind: kind, &rng)
        var composer = ArticleComposer(rng: rng, cast: first, kind: kind)
        composer.text.reserveCapacity(4096)
        composer.passage()
        if composer.rng.below(2) == 0 {
            composer.kind = PassageKind.random(&composer.rng)
            composer.cast = ArticleCast(kind: composer.kind, &composer.rng)
            composer.text += "\n"
            composer.passage()
        }
        rng = composer.rng
        return (composer.text, first)
    }

    private mutating func passage() {
        if kind.isMeeting {
            meetingPassage()
        } else {
            otherPassage()
        }
    }

    private mutating func meetingPassage() {
        if chance(40) { line(rng.pick(MeetingPhrases.headlines(kind))) }
        var lead: [PhraseTemplate]
        if chance(20) {
            lead = [rng.pick(MeetingPhrases.leadsWithChair)]
        } else {
            lead = [rng.pick(MeetingPhrases.leads)]
            if chance(75) { lead.append(rng.pick(MeetingPhrases.chairs)) }
        }
        if chance(50) { lead.append(rng.pick(MeetingPhrases.guests)) }
        paragraph(lead)
        if chance(35) { captions() }
        var body = MeetingPhrases.body(kind).filter { _ in chance(40) }
        body += picks(BodyPhrases.all, count: rng.inRange(2...6))
        while !body.isEmpty {
            paragraph(Array(body.prefix(rng.inRange(1...2))))
            body.removeFirst(min(body.count, 2))
        }
        if chance(25) { captions() }
        if chance(60) { paragraph([rng.pick(MeetingPhrases.conclusions)]) }
        if chance(40) { line(rng.pick(PhrasePools.creditLines)) }
    }

    private mutating func otherPassage() {
        paragraph([rng.pick(OtherPhrases.leads(kind))])
        if chance(30) { captions() }
        let body = picks(OtherPhrases.body(kind) + BodyPhrases.setting, count: rng.inRange(2...4))
        for sentence in body { paragraph([sentence]) }
        if chance(30) { line(rng.pick(PhrasePools.creditLines)) }
    }

    /// A photo caption, sometimes after the scraper's "leftcenterrightdel" and sometimes twice.
    private mutating func captions() {
        if chance(50) { text += "leftcenterrightdel\n" }
        let start = text.endIndex
        render(rng.pick(PhrasePools.captions).parts)
        if chance(60) {
            text += " Ảnh: "
            text += cast.credit
        }
        let caption = String(text[start...])
        text += "\n"
        if chance(15) { text += caption + "\n" }
    }

    private mutating func line(_ template: PhraseTemplate) {
        render(template.parts)
        text += "\n"
    }

    private mutating func paragraph(_ sentences: [PhraseTemplate]) {
        for (index, sentence) in sentences.enumerated() {
            if index > 0 { text += " " }
            render(sentence.parts)
        }
        text += chance(25) ? "\n\n" : "\n"
    }

    /// `count` different templates of `pool` (fewer if it has fewer), in random order.
    private mutating func picks(_ pool: [PhraseTemplate], count: Int) -> [PhraseTemplate] {
        var indices = Array(pool.indices)
        var chosen: [PhraseTemplate] = []
        while chosen.count < count, !indices.isEmpty {
            chosen.append(pool[indices.remove(at: rng.below(indices.count))])
        }
        return chosen
    }

    private mutating func chance(_ percent: Int) -> Bool { rng.below(100) < percent }

    mutating func render(_ parts: [PhraseTemplate.Part]) {
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .slot(let slot): fill(slot)
            case .choice(let alternatives): render(rng.pick(alternatives))
            }
        }
    }
}

extension ArticleComposer {
    /// Writes the value of `slot`: the cast's, or one drawn now.
    private mutating func fill(_ slot: PhraseSlot) {
        if let value = castValue(slot) {
            text += value
            return
        }
        switch slot {
        case .meeting: render(rng.pick(MeetingPhrases.names(kind)).parts)
        case .when: render(rng.pick(PhrasePools.whens).parts)
        case .hall: render(rng.pick(PhrasePools.halls).parts)
        case .tasks: list(PhrasePools.tasks, count: rng.inRange(2...4), separator: ", ", last: " và ")
        case .task: render(rng.pick(PhrasePools.tasks).parts)
        case .shortcomings: list(PhrasePools.shortcomings, count: rng.inRange(2...3), separator: "; ", last: "; ")
        case .topics: render(rng.pick(PhrasePools.topics).parts)
        case .subunits: subunits(rng.inRange(1...3))
        case .person: text += ArticleCast.person(&rng, ranks: ["Đại tá", "Thượng tá", "Trung tá"]).full
        case .post: render(rng.pick(PhrasePools.posts).parts)
        case .doc: render(rng.pick(PhrasePools.documents).parts)
        case .docShort: render(rng.pick(PhrasePools.shortDocuments).parts)
        case .help: render(rng.pick(PhrasePools.help).parts)
        case .contest: render(rng.pick(PhrasePools.contests).parts)
        case .contestArea: render(rng.pick(PhrasePools.contestAreas).parts)
        case .exercise: render(rng.pick(PhrasePools.exercises).parts)
        case .result: render(rng.pick(PhrasePools.results).parts)
        default: text += number(slot)
        }
    }

    /// The values that stay the same through a passage.
    private mutating func castValue(_ slot: PhraseSlot) -> String? {
        switch slot {
        case .organizer: return cast.organizer
        case .unit: return cast.unit
        case .superior: return cast.superior
        case .superiorBody: return cast.superior == "Bộ Quốc phòng" ? "Quân ủy Trung ương" : "Đảng ủy \(cast.superior)"
        case .chair: return cast.chair.full
        case .chairRef: return rng.pick(["đồng chí \(cast.chair.name)", cast.chair.full, "đồng chí Chính ủy"])
        case .chairPost: return cast.chairPost
        case .commander: return cast.commander.full
        case .commanderPost: return cast.commanderPost
        case .guest: return cast.guest.full
        case .guestRef: return rng.pick(["đồng chí \(cast.guest.name)", cast.guest.full])
        case .guestPost: return cast.guestPost
        case .day: return String(cast.day)
        case .month: return String(cast.month)
        case .year: return String(cast.year)
        case .next: return String(cast.year + 1)
        case .prev: return String(cast.year - 1)
        case .quarter: return ["I", "II", "III", "IV"][(cast.month - 1) / 3]
        case .province: return cast.province
        case .district: return cast.district
        case .credit: return cast.credit
        case .credit2: return cast.credit2
        case .term: return kind == .partyCongress ? "2025-2030" : "2020-2025"
        default: return nil
        }
    }

    /// A number of the kind the slot stands for.
    private mutating func number(_ slot: PhraseSlot) -> String {
        switch slot {
        case .docno: return String(rng.pick([rng.inRange(10...99), rng.inRange(100...999), rng.inRange(1000...1999)]))
        case .pct: return String(rng.inRange(85...100))
        case .pct2: return String(rng.inRange(55...98))
        case .num: return String(rng.inRange(2...60))
        case .big: return rng.below(3) == 0 ? "\(rng.inRange(1...9)).\(rng.inRange(100...999))" : String(rng.inRange(100...999))
        case .ordinal: return String(rng.inRange(3...25))
        case .roman: return rng.pick(["X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"])
        case .years: return String(rng.pick([5, 10, 15, 20]))
        case .otherDate: return "\(rng.inRange(1...28))/\(rng.inRange(1...12))"
        default: return ""
        }
    }

    /// `count` different items of `pool`, joined.
    private mutating func list(_ pool: [PhraseTemplate], count: Int, separator: String, last: String) {
        for (index, item) in picks(pool, count: count).enumerated() {
            if index > 0 { text += index == count - 1 ? last : separator }
            render(item.parts)
        }
    }

    private mutating func subunits(_ count: Int) {
        for index in 0..<count {
            if index > 0 { text += index == count - 1 ? " và " : ", " }
            text += cast.subunit(&rng)
        }
    }
}
