import Foundation

/// A unit named in the article.
struct UnitMention {
    var range: Range<Int>
    var name: String
    /// The gazetteer id; empty for a shape, whose id is the slug of its name (made on demand).
    var gazetteerID: String
    var id: String { gazetteerID.isEmpty ? UnitRecognizer.slug(name) : gazetteerID }
    /// Identifies the unit among the article's mentions without hashing names.
    var key: Int
    /// Start of the party-body prefix ("Đảng ủy", "Ban Thường vụ Đảng ủy") when there is one.
    var partyStart: Int?
    /// Preceded by words that make it part of a guest's post ("Thứ trưởng Bộ Quốc phòng").
    var guest: Bool
    /// Preceded by a post ("Chính ủy Quân đoàn 1").
    var post: Bool
    var sentence: Int
}

/// Finds units: gazetteer names and aliases, then unit shapes ("Sư đoàn 312").
enum UnitRecognizer {
    static func find(in text: ArticleText) -> [UnitMention] {
        var result: [UnitMention] = []
        var t = 0
        let n = text.tokens.count
        var lastGuestEnd = -10
        let unitCues = ArticleText.bits(.unit, .unitShape)
        while t < n {
            // `unit(at:)` finds nothing where no unit or unit shape starts.
            if !text.startsAny(unitCues, at: t) {
                t += 1
                continue
            }
            // "…-NQ/QUTW": an issuer code inside a document number is not a unit.
            if t > 0, text.adjacent(t - 1), text.isWord(t - 1, .slash) || text.isWord(t - 1, .dash) {
                t += 1
                continue
            }
            guard !text.matchesAt[t].isEmpty, let (bestEnd, found) = unit(at: t, in: text) else {
                t += 1
                continue
            }
            var partyStart: Int? = found.party ? t : nil
            var before = t
            if partyStart == nil {
                // "Đảng ủy, Bộ Tư lệnh Binh chủng X": skip the command body and a comma.
                if let command = text.ending(at: before, .commandPrefix) {
                    var b = command.start
                    if text.isWord(b - 1, .comma) { b -= 1 }
                    if text.ending(at: b, .partyPrefix) != nil { before = b }
                }
                if let party = text.ending(at: before, .partyPrefix) {
                    partyStart = party.start
                    before = party.start
                }
            }
            // "(Bộ Quốc phòng)" after a unit only qualifies it.
            // "Ban Chủ nhiệm Tổng cục Chính trị" is a body, though "Chủ nhiệm Tổng cục" is a post.
            let guestPost = text.ending(at: before, .guestPosition)
            let body = text.ending(at: before, .commandPrefix)
            var guest = guestPost != nil && !(body != nil && body!.start < guestPost!.start) || text.isWord(before - 1, .lparen)
            // "của Bộ Chính trị, Quân ủy Trung ương và Bộ Quốc phòng": a list shares its head.
            if before - 1 == lastGuestEnd, text.isWord(before - 1, .comma) || text.isWord(before - 1, .va) { guest = true }
            // "nghị quyết của Bộ Chính trị, Quân ủy Trung ương": a list after "của".
            if !guest, text.isWord(before - 1, .comma) || text.isWord(before - 1, .va) {
                var b = before - 1
                while b >= 0, before - b <= 10,
                    text.isWord(b, .comma) || text.isWord(b, .va) || text.tokens[b].isWord && !text.isWord(b, .cua)
                {
                    b -= 1
                }
                if text.isWord(b, .cua) { guest = true }
            }
            let post = text.ending(at: before, .post) != nil || text.ending(at: t, .post) != nil
            result.append(
                UnitMention(
                    range: t..<bestEnd, name: found.name, gazetteerID: found.id, key: found.key, partyStart: partyStart,
                    guest: guest, post: post, sentence: Int(text.sentenceOf[t])))
            if guest { lastGuestEnd = bestEnd }
            t = bestEnd
        }
        resolveShortForms(&result)
        return result
    }

    /// "Đảng ủy Quân sự tỉnh" after "Đảng ủy Quân sự tỉnh Thái Nguyên": a shape written without its
    /// name refers to the one unit of that shape the article names in full.
    static func resolveShortForms(_ mentions: inout [UnitMention]) {
        // Distinct shape names in byte order: the names a short form begins are then one run
        // after it, found by binary search (an article repeating thousands of names stays linear).
        var seen = Set<String>()
        var names: [(bytes: [UInt8], name: String, key: Int)] = []
        for mention in mentions where mention.gazetteerID.isEmpty && seen.insert(mention.name).inserted {
            names.append((Array(mention.name.utf8), mention.name, mention.key))
        }
        guard names.count > 1 else { return }
        names.sort { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        var resolved: [String: (name: String, key: Int)] = [:]
        for short in names where !short.bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            let prefix = short.bytes + [0x20]
            var low = 0, high = names.count
            while low < high {
                let mid = (low + high) / 2
                if names[mid].bytes.lexicographicallyPrecedes(prefix) { low = mid + 1 } else { high = mid }
            }
            var full: (name: String, key: Int)?
            var unique = true
            while low < names.count, names[low].bytes.starts(with: prefix) {
                if let f = full, f.key != names[low].key { unique = false; break }
                full = (names[low].name, names[low].key)
                low += 1
            }
            if unique, let full { resolved[short.name] = full }
        }
        guard !resolved.isEmpty else { return }
        for i in mentions.indices where mentions[i].gazetteerID.isEmpty {
            if let full = resolved[mentions[i].name] {
                mentions[i].name = full.name
                mentions[i].key = full.key
            }
        }
    }

    /// The longest unit name starting at token `t`: a gazetteer entry or a shape.
    private static func unit(at t: Int, in text: ArticleText, depth: Int = 0) -> (Int, (name: String, id: String, party: Bool, key: Int))? {
        var bestEnd = -1
        var best: (name: String, id: String, party: Bool, key: Int)?
        if let unit = text.longest(at: t, .unit) {
            let entry = text.rules.units[Int(unit.tag.value)]
            bestEnd = unit.end
            best = (entry.name, entry.id, false, Int(unit.tag.value))
        }
        for mi in text.matchesAt[t] where text.matches[mi].tag.cue == .unitShape {
            let match = text.matches[mi]
            let shape = text.rules.shapes[Int(match.tag.value)]
            // "Trường Quân sự Bộ Tư lệnh Thủ đô": a department or school named by its parent alone.
            if shape.ofParent, depth == 0, let (parentEnd, parent) = unit(at: match.end, in: text, depth: 1), !parent.party,
                parentEnd > bestEnd
            {
                let name = shape.canonicalPrefix + " " + parentName(parent.name, written: match.end..<parentEnd, in: text)
                bestEnd = parentEnd
                var h = Vocabulary.seed
                for byte in name.utf8 { h = Vocabulary.mix(h, UInt32(byte)) }
                best = (name, "", shape.party, Int(truncatingIfNeeded: h | 1 << 62))
                continue
            }
            if var (end, tail) = follow(shape, from: match.end, in: text), end > bestEnd {
                var name = shape.canonicalPrefix
                if !tail.isEmpty { name += " " + tail }
                if let suffix = shape.suffixText { name += " " + suffix }
                // "Cục Kỹ thuật Quân khu 1": the department of the unit named right after.
                if shape.ofParent, !tail.isEmpty, depth == 0, let (parentEnd, parent) = unit(at: end, in: text, depth: 1), !parent.party {
                    name += " " + parentName(parent.name, written: end..<parentEnd, in: text)
                    end = parentEnd
                }
                tail = ""
                bestEnd = end
                var h = Vocabulary.seed
                for byte in name.utf8 { h = Vocabulary.mix(h, UInt32(byte)) }
                best = (name, "", shape.party, Int(truncatingIfNeeded: h | 1 << 62))
            }
        }
        guard let found = best, bestEnd > t else { return nil }
        return (bestEnd, found)
    }

    /// A parent inside a unit's name as the article writes it ("Trường Quân sự Bộ Tư lệnh Thủ đô"),
    /// or its canonical name when written with an abbreviation ("Cục Kỹ thuật QK1").
    private static func parentName(_ canonical: String, written range: Range<Int>, in text: ArticleText) -> String {
        for t in range where text.tokens[t].isWord && text.tokens[t].allCaps && text.tokens[t].end - text.tokens[t].start >= 2 {
            return canonical
        }
        return text.text(range)
    }

    /// The end of a shape's required continuation and its text, or nil when it is missing.
    private static func follow(_ shape: UnitShape, from start: Int, in text: ArticleText) -> (Int, String)? {
        let n = text.tokens.count
        var end = start
        switch shape.follow {
        case .number:
            var t = start
            var words = 0
            while t < n, words <= 2 {
                let token = text.tokens[t]
                if token.isNumber {
                    guard token.digits <= 4, !text.isWord(t - 1, .nam) else { return nil }
                    end = t + 1
                    break
                }
                if token.isWord && text.hasDigit(t) {
                    end = t + 1
                    break
                }
                guard token.isWord, !isStopWord(t, text), token.capitalized || text.rules.branchWords.contains(token.id) else { return nil }
                words += 1
                t += 1
            }
            guard end > start else { return nil }
        case .name:
            var t = start
            var lowerRun = 0
            while t < n, t - start < 5 {
                let token = text.tokens[t]
                if t > start && (!text.matchesAt[t].isEmpty && startsStructure(t, text)) { break }
                if token.isWord && token.capitalized && !token.allCaps || (token.allCaps && token.end - token.start <= 4 && t == start) {
                    lowerRun = 0
                } else if token.isNumber && t > start && token.digits <= 2 {
                    lowerRun = 0
                } else if token.isWord && !token.capitalized && t > start && lowerRun == 0 && !isStopWord(t, text) && !shape.placeName {
                    lowerRun += 1
                } else {
                    break
                }
                t += 1
            }
            end = t
            if end == start && !shape.optional { return nil }
        }
        if !shape.suffix.isEmpty {
            for (k, id) in shape.suffix.enumerated() where text.id(end + k) != id { return nil }
            return (end + shape.suffix.count, text.text(start..<end))
        }
        return (end, end > start ? text.text(start..<end) : "")
    }

    private static func startsStructure(_ t: Int, _ text: ArticleText) -> Bool {
        for index in text.matchesAt[t] {
            switch text.matches[index].tag.cue {
            case .unit, .unitShape, .organize, .meetingNoun, .partyPrefix, .chair, .directing, .attending, .rank, .post, .commandPrefix:
                return true
            default: continue
            }
        }
        return false
    }

    /// A word that ends a unit name's continuation (`stop_words` in `unit-shapes.yml`).
    private static func isStopWord(_ t: Int, _ text: ArticleText) -> Bool {
        text.rules.stopWords.contains(text.tokens[t].id)
    }

    /// ASCII slug of a name: "Sư đoàn 312" → "su-doan-312".
    static func slug(_ name: String) -> String {
        let table = FoldTables.shared.asciiBase
        var out: [UInt8] = []
        var dash = false
        // Names come from the config or the (NFC) article; a stray combining mark is skipped.
        for scalar in name.unicodeScalars {
            let base = scalar.value < 0x2000 ? table[Int(scalar.value)] : 0
            if base != 0 {
                if dash && !out.isEmpty { out.append(0x2D) }
                dash = false
                out.append(base)
            } else if scalar.value >= 0x300 && scalar.value < 0x370 {
                continue
            } else {
                dash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
