/// Word ids for the folded words that appear in any rule phrase, so matching compares integers.
///
/// Words are keyed by a 64-bit FNV-1a hash of their folded scalars; the vocabulary is a few
/// thousand words, so a collision is practically impossible.
struct Vocabulary: Sendable {
    static let unknown: Int32 = -1
    /// Stands for any number in a rule phrase ("tổng kết N năm").
    static let anyNumber: Int32 = -2

    private var ids = IDTable(capacity: 4096)
    /// A vocabulary with no words, built once.
    static let empty = Vocabulary()
    private(set) var count: Int32 = 0

    @inline(__always) static func hash(_ scalars: ArraySlice<UInt32>) -> UInt64 {
        var h = seed
        for s in scalars { h = mix(h, s) }
        return h
    }

    @inline(__always) func id(hash: UInt64) -> Int32 { ids[hash] ?? Self.unknown }

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) static func mix(_ h: UInt64, _ s: UInt32) -> UInt64 { (h ^ UInt64(s)) &* 0x100_0000_01b3 }

    /// Fits the table to the words interned (`IDTable.shrinkToFit`); call after the last one.
    mutating func shrinkToFit() {
        ids.shrinkToFit()
    }

    mutating func intern(_ scalars: ArraySlice<UInt32>) -> Int32 {
        let h = Self.hash(scalars)
        if let id = ids[h] { return id }
        let id = count
        ids.insert(h, id)
        count += 1
        return id
    }
}

/// Splits folded text into tokens.
enum Tokenizer {
    static func tokenize(_ text: FoldedText, vocabulary: Vocabulary) -> [Token] {
        let tables = FoldTables.shared
        let classTable = tables.classes
        var sink = TokenSink(capacity: text.scalars.count / 3 + 16)
        defer { sink.deallocate() }
        classTable.withUnsafeBufferPointer { classes in
            text.scalars.withUnsafeBufferPointer { s in
                text.upper.withUnsafeBufferPointer { upper in
                    let n = s.count
                    var i = 0
                    while i < n {
                        let c = s[i]
                        let cls = c < 0x2000 ? FoldTables.Class(rawValue: classes[Int(c)]) ?? .other : tables.classOf(c)
                        switch cls {
                        case .space:
                            i &+= 1
                        case .letter:
                            var j = i &+ 1
                            var h = Vocabulary.mix(Vocabulary.seed, c)
                            var allCaps = upper[i]
                            while j < n {
                                let sj = s[j]
                                // Folded ASCII letters, most of every word: no table lookup.
                                if sj &- 0x61 < 26 {
                                    if !upper[j] { allCaps = false }
                                    h = Vocabulary.mix(h, sj)
                                    j &+= 1
                                    continue
                                }
                                let k = sj < 0x2000 ? FoldTables.Class(rawValue: classes[Int(sj)]) ?? .other : tables.classOf(sj)
                                if k == .letter { if !upper[j] { allCaps = false } } else if k != .digit { break }
                                h = Vocabulary.mix(h, sj)
                                j &+= 1
                            }
                            sink.append(
                                Token(
                                    start: Int32(truncatingIfNeeded: i), end: Int32(truncatingIfNeeded: j), kind: .word,
                                    id: vocabulary.id(hash: h),
                                    number: -1, digits: 0, capitalized: upper[i], allCaps: allCaps && j &- i > 1))
                            i = j
                        case .digit:
                            var j = i
                            var value: Int32 = 0
                            var h = Vocabulary.seed
                            while j < n, s[j] &- 0x30 < 10 {
                                if value < 100_000_000 { value = value &* 10 &+ Int32(truncatingIfNeeded: s[j] &- 0x30) }
                                h = Vocabulary.mix(h, s[j])
                                j &+= 1
                            }
                            sink.append(
                                Token(
                                    start: Int32(truncatingIfNeeded: i), end: Int32(truncatingIfNeeded: j), kind: .number,
                                    id: vocabulary.id(hash: h),
                                    number: value, digits: UInt8(min(j &- i, 255)), capitalized: false, allCaps: false))
                            i = j
                        default:
                            sink.append(
                                Token(
                                    start: Int32(truncatingIfNeeded: i), end: Int32(truncatingIfNeeded: i &+ 1),
                                    kind: cls == .newline ? .newline : .punct,
                                    id: vocabulary.id(hash: Vocabulary.mix(Vocabulary.seed, c)),
                                    number: -1, digits: 0, capitalized: false, allCaps: false))
                            i &+= 1
                        }
                    }
                }
            }
        }
        return sink.array()
    }

    /// Token ids of a config phrase; a capital "N" stands for any number.
    static func phraseIDs(_ phrase: String, vocabulary: inout Vocabulary) -> [Int32] {
        let folded = FoldedText(phrase)
        let tokens = tokenize(folded, vocabulary: .empty)
        return tokens.map { token in
            let slice = folded.scalars[Int(token.start)..<Int(token.end)]
            if slice.count == 1, slice.first == 0x6E, folded.upper[Int(token.start)] { return Vocabulary.anyNumber }
            return vocabulary.intern(slice)
        }
    }
}

/// Growable scratch storage for tokens, so emitting one costs a store and a compare (an array
/// append also checks uniqueness); the tokens are copied into an array at the end.
struct TokenSink {
    private var base: UnsafeMutablePointer<Token>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always) mutating func append(_ token: Token) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count &+= 1
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    func array() -> [Token] {
        [Token](unsafeUninitializedCapacity: count) { buffer, written in
            if count > 0 { buffer.baseAddress!.initialize(from: base, count: count) }
            written = count
        }
    }

    func deallocate() { base.deallocate() }
}
