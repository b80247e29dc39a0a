/// The words `CorpusProfile` counts, by group: written out here, independent of the extractor's
/// configuration, so the profile of a corpus does not change when the rules do.
enum CueList {
    private struct Phrase {
        var words: [String]
        var group: CorpusProfile.Group
        /// A unit word counts only capitalized and followed by a number or a name.
        var named: Bool
    }

    private static let groups: [(CorpusProfile.Group, Bool, [String])] = [
        (
            .meeting, false,
            [
                "hội nghị", "đại hội", "giao ban", "phiên họp", "hội thi", "hội thao", "hội thảo", "diễn tập", "lễ", "sơ kết",
                "tổng kết", "kiểm điểm", "quán triệt",
            ]
        ),
        (
            .party, false,
            [
                "đảng ủy", "đảng bộ", "chi bộ", "thường vụ", "cấp ủy", "quân ủy", "bí thư", "chính ủy", "đảng viên",
                "tổ chức đảng", "công tác đảng",
            ]
        ),
        (
            .rank, false,
            [
                "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "đại tá", "thượng tá", "trung tá", "thiếu tá",
                "đại úy", "thượng úy", "trung úy", "thiếu úy",
            ]
        ),
        (
            .unit, true,
            [
                "sư đoàn", "lữ đoàn", "trung đoàn", "tiểu đoàn", "quân khu", "quân đoàn", "binh đoàn", "bộ tư lệnh", "bộ chỉ huy",
                "ban chỉ huy", "tổng cục", "quân chủng", "binh chủng", "học viện", "trường", "cục", "vùng", "nhà máy",
                "đồn biên phòng", "bộ đội biên phòng", "bộ quốc phòng",
            ]
        ),
        (.document, false, ["nghị quyết", "chỉ thị", "kết luận", "quy định số", "hướng dẫn số", "kế hoạch số", "thông tri"]),
    ]

    /// Phrases by their first word, longest first.
    private static let byFirstWord: [String: [Phrase]] = {
        var table: [String: [Phrase]] = [:]
        for (group, named, phrases) in groups {
            for phrase in phrases {
                let words = phrase.split(separator: " ").map(String.init)
                table[words[0], default: []].append(Phrase(words: words, group: group, named: named))
            }
        }
        return table.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }()

    /// The cue starting at token `i`, with its length in tokens.
    static func match(_ tokens: [ProfileToken], at i: Int) -> (CorpusProfile.Group, Int)? {
        if let length = date(tokens, at: i) { return (.date, length) }
        guard tokens[i].kind == .word, let phrases = byFirstWord[tokens[i].lower] else { return nil }
        for phrase in phrases where i + phrase.words.count <= tokens.count {
            guard (0..<phrase.words.count).allSatisfy({ tokens[i + $0].kind == .word && tokens[i + $0].lower == phrase.words[$0] })
            else { continue }
            let end = i + phrase.words.count
            if phrase.named {
                guard tokens[i].capitalized, end < tokens.count,
                    tokens[end].kind == .number || (tokens[end].kind == .word && tokens[end].capitalized)
                else { continue }
            }
            return (phrase.group, phrase.words.count)
        }
        return nil
    }

    /// "5/1", "27-12-2022", "ngày 5", "tháng 12", "năm 2023": the length of the date at `i`.
    private static func date(_ tokens: [ProfileToken], at i: Int) -> Int? {
        let t = tokens[i]
        if t.kind == .number, (1...31).contains(t.number), i + 2 < tokens.count, ["/", "-"].contains(tokens[i + 1].lower),
            tokens[i + 2].kind == .number, (1...12).contains(tokens[i + 2].number)
        {
            if i + 4 < tokens.count, tokens[i + 3].lower == tokens[i + 1].lower, tokens[i + 4].kind == .number,
                tokens[i + 4].lower.count == 4
            {
                return 5
            }
            return 3
        }
        guard t.kind == .word, i + 1 < tokens.count, tokens[i + 1].kind == .number else { return nil }
        let value = tokens[i + 1].number
        switch t.lower {
        case "ngày" where (1...31).contains(value): return date(tokens, at: i + 1).map { $0 + 1 } ?? 2
        case "tháng" where (1...12).contains(value): return 2
        case "năm" where (1945...2100).contains(value): return 2
        default: return nil
        }
    }
}
