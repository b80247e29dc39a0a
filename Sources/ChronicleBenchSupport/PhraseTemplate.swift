/// A sentence pattern of the synthetic press: literal text, `{slot}`s filled per article or per
/// use (`PhraseSlot`), and `[a|b|c]` choices of which one is taken each time it is rendered
/// (`[a|]` makes `a` optional; choices nest). Parsed once; rendered by `ArticleComposer`.
///
/// The choices are what keeps the synthetic text from repeating itself: extraction runs two to
/// three times faster on a text it has seen a thousand times (the processor learns its branches)
/// than on press text, so a corpus of a few fixed templates flatters it.
struct PhraseTemplate: Sendable {
    indirect enum Part: Sendable {
        case literal(String)
        case slot(PhraseSlot)
        case choice([[Part]])
    }

    let parts: [Part]

    /// Parses `text`; throws on a slot name `PhraseSlot` does not know.
    init(_ text: String) throws {
        var parser = Parser(scalars: Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), source: text)
        parts = try parser.sequence(inChoice: false)
    }

    /// Parses texts written in this file's sources, which the tests check all parse.
    static func parsed(_ texts: [String]) -> [PhraseTemplate] {
        texts.map { text in
            do {
                return try PhraseTemplate(text)
            } catch {
                preconditionFailure("\(error)")
            }
        }
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let source: String
        var index = 0

        /// Parts up to the end, or (in a choice) up to the `|` or `]` that ends the alternative.
        mutating func sequence(inChoice: Bool) throws -> [Part] {
            var parts: [Part] = []
            var literal = String.UnicodeScalarView()
            func flush() {
                if !literal.isEmpty { parts.append(.literal(String(literal))) }
                literal = String.UnicodeScalarView()
            }
            while index < scalars.count {
                let s = scalars[index]
                if inChoice && (s == "|" || s == "]") { break }
                index += 1
                switch s {
                case "{":
                    flush()
                    parts.append(.slot(try slot()))
                case "[":
                    flush()
                    parts.append(.choice(try choice()))
                default:
                    literal.append(s)
                }
            }
            flush()
            return parts
        }

        /// After `{`: the slot's name up to `}`.
        private mutating func slot() throws -> PhraseSlot {
            var name = String.UnicodeScalarView()
            while index < scalars.count, scalars[index] != "}" {
                name.append(scalars[index])
                index += 1
            }
            index += 1
            guard let slot = PhraseSlot(rawValue: String(name)) else {
                throw BenchCorpusError.unknownSlot(template: source, name: String(name))
            }
            return slot
        }

        /// After `[`: the alternatives up to the matching `]`.
        private mutating func choice() throws -> [[Part]] {
            var alternatives: [[Part]] = []
            while true {
                alternatives.append(try sequence(inChoice: true))
                guard index < scalars.count else { break }
                let end = scalars[index]
                index += 1
                if end == "]" { break }
            }
            return alternatives
        }
    }
}
