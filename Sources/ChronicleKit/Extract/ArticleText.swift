/// One article prepared for the extraction rules: folded once, tokenized, split into sentences,
/// and every rule phrase matched once.
struct ArticleText {
    let folded: FoldedText
    let tokens: [Token]
    /// Sentences as token ranges.
    let sentences: [Range<Int>]
    /// For each token, the index of its sentence.
    let sentenceOf: [Int32]
    /// Every rule-phrase match, in token order.
    let matches: [PhraseMatch]
    /// For each token, the matches starting there (indices into `matches`).
    let matchesAt: [Range<Int>]
    /// For each token, one bit per `Cue` of the matches starting there, so asking whether a cue
    /// starts at a token (most tokens start none) is one load.
    let cueMask: [UInt32]
    let rules: ExtractionRules

    init(_ text: String, rules: ExtractionRules) {
        self.init(FoldedText(text), rules: rules)
    }

    /// The text of well-formed UTF-8 bytes (`Article.utf8`).
    init(utf8: [UInt8], rules: ExtractionRules) {
        self.init(FoldedText(utf8: utf8), rules: rules)
    }

    private init(_ folded: FoldedText, rules: ExtractionRules) {
        self.rules = rules
        self.folded = folded
        tokens = Tokenizer.tokenize(folded, vocabulary: rules.vocabulary)
        matches = rules.trie.matches(in: tokens)
        let count = tokens.count
        var mask = [UInt32](repeating: 0, count: count + 1)
        matchesAt = matches.withUnsafeBufferPointer { matches in
            mask.withUnsafeMutableBufferPointer { mask in
                [Range<Int>](unsafeUninitializedCapacity: count + 1) { at, written in
                    var m = 0
                    for t in 0...count {
                        let begin = m
                        var bits: UInt32 = 0
                        while m < matches.count, matches[m].start == t {
                            bits |= 1 << UInt32(matches[m].tag.cue.rawValue)
                            m += 1
                        }
                        at.initializeElement(at: t, to: begin..<m)
                        mask[t] = bits
                    }
                    written = count + 1
                }
            }
        }
        cueMask = mask
        (sentences, sentenceOf) = Self.split(tokens, rules: rules)
    }

    /// Whether a match of `cue` starts at token `t`.
    @inline(__always) func starts(_ cue: Cue, at t: Int) -> Bool {
        t >= 0 && t < tokens.count && cueMask[t] & (1 << UInt32(cue.rawValue)) != 0
    }

    private static func split(_ tokens: [Token], rules: ExtractionRules) -> ([Range<Int>], [Int32]) {
        let bar = rules.words[.bar], dot = rules.words[.dot], bang = rules.words[.bang],
            question = rules.words[.question]
        var sentences: [Range<Int>] = []
        sentences.reserveCapacity(tokens.count / 16 + 4)
        let n = tokens.count
        var start = 0
        let of = tokens.withUnsafeBufferPointer { tokens in
            [Int32](unsafeUninitializedCapacity: n) { of, written in
                for i in 0..<n {
                    let t = tokens[i]
                    var end = false
                    if t.kind == .newline || t.id == bar || t.id == bang || t.id == question {
                        end = true
                    } else if t.id == dot {
                        // "26.12.2022", "20.8": a dot between adjacent numbers is not a sentence end.
                        let prevNumber = i > 0 && tokens[i &- 1].isNumber && tokens[i &- 1].end == t.start
                        let nextNumber = i &+ 1 < n && tokens[i &+ 1].isNumber && tokens[i &+ 1].start == t.end
                        // "TP.Đà Nẵng", "TS. Nguyễn": a dot after a short abbreviation.
                        let abbreviation =
                            i > 0 && tokens[i &- 1].allCaps && tokens[i &- 1].end &- tokens[i &- 1].start <= 3
                            && tokens[i &- 1].end == t.start
                        end = !(prevNumber && nextNumber) && !abbreviation
                    }
                    of.initializeElement(at: i, to: Int32(truncatingIfNeeded: sentences.count))
                    if end {
                        if i &+ 1 > start { sentences.append(start..<(i &+ 1)) }
                        start = i &+ 1
                    }
                }
                written = n
            }
        }
        if start < n { sentences.append(start..<n) }
        return (sentences, of)
    }

    /// Whether a match of any of `cues` (a `bits` mask) starts at token `t`.
    @inline(__always) func startsAny(_ bits: UInt32, at t: Int) -> Bool {
        t >= 0 && t < tokens.count && cueMask[t] & bits != 0
    }

    /// The mask of two cues, for `startsAny`.
    @inline(__always) static func bits(_ a: Cue, _ b: Cue) -> UInt32 {
        1 << UInt32(a.rawValue) | 1 << UInt32(b.rawValue)
    }

    /// The longest match of `cue` starting at token `t`.
    @inline(__always) func longest(at t: Int, _ cue: Cue) -> PhraseMatch? {
        guard starts(cue, at: t) else { return nil }
        return longestMatch(at: t, cue)
    }

    private func longestMatch(at t: Int, _ cue: Cue) -> PhraseMatch? {
        var best: PhraseMatch?
        for index in matchesAt[t] where matches[index].tag.cue == cue {
            if best == nil || matches[index].end > best!.end { best = matches[index] }
        }
        return best
    }

    /// A match of `cue` that ends exactly at token `t` (exclusive end), longest first.
    func ending(at t: Int, _ cue: Cue, lookback: Int = 6) -> PhraseMatch? {
        var s = t - 1
        while s >= 0 && s >= t - lookback {
            if s < tokens.count && cueMask[s] & (1 << UInt32(cue.rawValue)) == 0 {
                s -= 1
                continue
            }
            for index in matchesAt[s] where matches[index].tag.cue == cue && matches[index].end == t {
                return matches[index]
            }
            s -= 1
        }
        return nil
    }

    func has(_ cue: Cue, in range: Range<Int>) -> Bool {
        let bit: UInt32 = 1 << UInt32(cue.rawValue)
        for t in range where t < tokens.count {
            if cueMask[t] & bit != 0 { return true }
        }
        return false
    }

    /// The original text of tokens `range`.
    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound < tokens.count else { return "" }
        return folded.originalText(from: Int(tokens[range.lowerBound].start), to: Int(tokens[min(range.upperBound, tokens.count) - 1].end))
    }

    func sentenceText(_ index: Int) -> String { text(sentences[index]) }

    @inline(__always) func id(_ t: Int) -> Int32 { t >= 0 && t < tokens.count ? tokens[t].id : Vocabulary.unknown }

    /// The ids of the words the code tests.
    var words: WordIDs { rules.words }

    @inline(__always) func isWord(_ t: Int, _ id: Int32) -> Bool {
        t >= 0 && t < tokens.count && tokens[t].id == id
    }

    @inline(__always) func isWord(_ t: Int, _ word: Word) -> Bool {
        isWord(t, rules.words[word])
    }

    /// Whether tokens `a` and `a+1` touch (no space between them).
    @inline(__always) func adjacent(_ a: Int) -> Bool {
        a >= 0 && a + 1 < tokens.count && tokens[a].end == tokens[a + 1].start
    }

    /// Whether a word token contains a digit ("z129").
    func hasDigit(_ t: Int) -> Bool {
        let token = tokens[t]
        for i in Int(token.start)..<Int(token.end) where folded.scalars[i] >= 0x30 && folded.scalars[i] <= 0x39 { return true }
        return false
    }
}
