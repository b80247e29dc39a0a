/// One token of folded text: a word, a number or a punctuation mark.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punct, newline }

    /// Range in the folded scalars.
    var start: Int32
    var end: Int32
    var kind: Kind
    /// Vocabulary id (or `Vocabulary.unknown`).
    var id: Int32
    /// Value of a number token (capped), else -1.
    var number: Int32
    /// Digits in a number token.
    var digits: UInt8
    /// The first letter was uppercase in the article.
    var capitalized: Bool
    /// Every letter was uppercase in the article.
    var allCaps: Bool

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
}
