/// Word ids for the folded words that appear in any rule phrase, so matching compares integers.
///
/// Words are keyed by a 64-bit FNV-1a hash of their folded scalars; the vocabulary is a few
/// thousand words, so a collision is practically impossible.
struct Vocabulary: Sendable {
    static let unknown: Int32 = -1
    /// Stands for any number in a rule phrase ("tổng kết N năm").
    static let anyNumber: Int32 = -2

    private var ids: [UInt64: Int32] = [:]
    private(set) var count: Int32 = 0

    @inline(__always) static func hash(_ scalars: ArraySlice<UInt32>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for s in scalars {
            h = (h ^ UInt64(s)) &* 0x100_0000_01b3
        }
        return h
    }

    @inline(__always) func id(_ scalars: ArraySlice<UInt32>) -> Int32 {
        ids[Self.hash(scalars)] ?? Self.unknown
    }

    mutating func intern(_ scalars: ArraySlice<UInt32>) -> Int32 {
        let h = Self.hash(scalars)
        if let id = ids[h] { return id }
        let id = count
        ids[h] = id
        count += 1
        return id
    }
}

/// Splits folded text into tokens.
enum Tokenizer {
    static func tokenize(_ text: FoldedText, vocabulary: Vocabulary) -> [Token] {
        let s = text.scalars
        let tables = FoldTables.shared
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 4)
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            let cls = tables.classOf(c)
            switch cls {
            case .space:
                i += 1
            case .letter:
                var j = i + 1
                var caps = text.upper[i]
                var allCaps = caps
                while j < n {
                    let k = tables.classOf(s[j])
                    if k == .letter { if !text.upper[j] { allCaps = false } } else if k != .digit { break }
                    j += 1
                }
                caps = text.upper[i]
                tokens.append(Token(start: Int32(i), end: Int32(j), kind: .word, id: vocabulary.id(s[i..<j]),
                                    number: -1, digits: 0, capitalized: caps, allCaps: allCaps && j - i > 1))
                i = j
            case .digit:
                var j = i
                var value: Int32 = 0
                while j < n, tables.classOf(s[j]) == .digit {
                    if value < 100_000_000 { value = value * 10 + Int32(s[j] - 0x30) }
                    j += 1
                }
                tokens.append(Token(start: Int32(i), end: Int32(j), kind: .number, id: vocabulary.id(s[i..<j]),
                                    number: value, digits: UInt8(min(j - i, 255)), capitalized: false, allCaps: false))
                i = j
            case .newline:
                tokens.append(Token(start: Int32(i), end: Int32(i + 1), kind: .newline, id: vocabulary.id(s[i..<(i + 1)]),
                                    number: -1, digits: 0, capitalized: false, allCaps: false))
                i += 1
            default:
                tokens.append(Token(start: Int32(i), end: Int32(i + 1), kind: .punct, id: vocabulary.id(s[i..<(i + 1)]),
                                    number: -1, digits: 0, capitalized: false, allCaps: false))
                i += 1
            }
        }
        return tokens
    }

    /// Token ids of a config phrase; a capital "N" stands for any number.
    static func phraseIDs(_ phrase: String, vocabulary: inout Vocabulary) -> [Int32] {
        let folded = FoldedText(phrase)
        let tokens = tokenize(folded, vocabulary: Vocabulary())
        return tokens.map { token in
            let slice = folded.scalars[Int(token.start)..<Int(token.end)]
            if slice.count == 1, slice.first == 0x6E, folded.upper[Int(token.start)] { return Vocabulary.anyNumber }
            return vocabulary.intern(slice)
        }
    }
}
