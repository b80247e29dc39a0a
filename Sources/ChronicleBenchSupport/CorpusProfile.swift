import Foundation

/// What a corpus's text is made of, measured on a sample of its articles, so the benchmark can
/// show that the synthetic corpus is built like the real one: size, sentences, and how densely
/// the words extraction looks at (meetings, party bodies, ranks, units, dates, documents) and
/// names occur. Counting is plain word matching, independent of the extractor.
package struct CorpusProfile: Codable, Sendable, Equatable {
    /// Cue groups, in the order they are printed.
    package enum Group: String, Codable, Sendable, CaseIterable {
        case meeting, party, rank, unit, date, document

        /// As the benchmark's table names it.
        package var label: String {
            switch self {
            case .meeting: return "meetings and events"
            case .party: return "party bodies and posts"
            case .rank: return "ranks"
            case .unit: return "units"
            case .date: return "dates"
            case .document: return "documents"
            }
        }
    }

    package var articles = 0
    package var bytesPerArticle = 0.0
    package var linesPerArticle = 0.0
    /// Scraping leftovers, photo captions and lines repeated within the article.
    package var noiseLinesPerArticle = 0.0
    package var sentencesPerArticle = 0.0
    package var wordsPerSentence = 0.0
    /// Hits per KB (1,024 bytes) of text, by group.
    package var cuesPerKB: [String: Double] = [:]
    /// Runs of two or more capitalized words (people, places, named bodies) per sentence.
    package var namesPerSentence = 0.0
    /// Unit words followed by a number or a name ("Sư đoàn 312", "Học viện Chính trị") per sentence.
    package var unitsPerSentence = 0.0
    package var datesPerSentence = 0.0
    /// Different words (lower case) in the sample, per 1,000 words: how varied the text is.
    package var distinctWordsPerThousand = 0.0

    /// All cue hits per KB.
    package var totalCuesPerKB: Double { cuesPerKB.values.reduce(0, +) }

    package init() {}

    /// The profile of articles `sample` of a corpus.
    package init(corpus: some BenchCorpus, sample: Range<Int>) {
        self.init(texts: sample.map { corpus.text(at: $0) })
    }

    package init(texts: [String]) {
        var counts = Counts()
        for text in texts { counts.add(text) }
        let n = Double(max(1, texts.count))
        let sentences = Double(max(1, counts.sentences))
        let kilobytes = Double(max(1, counts.bytes)) / 1024
        articles = texts.count
        bytesPerArticle = Double(counts.bytes) / n
        linesPerArticle = Double(counts.lines) / n
        noiseLinesPerArticle = Double(counts.noiseLines) / n
        sentencesPerArticle = Double(counts.sentences) / n
        wordsPerSentence = Double(counts.words) / sentences
        for group in Group.allCases { cuesPerKB[group.rawValue] = Double(counts.cues[group] ?? 0) / kilobytes }
        namesPerSentence = Double(counts.names) / sentences
        unitsPerSentence = Double(counts.cues[.unit] ?? 0) / sentences
        datesPerSentence = Double(counts.cues[.date] ?? 0) / sentences
        distinctWordsPerThousand = 1000 * Double(counts.vocabulary.count) / Double(max(1, counts.words))
    }
}

extension CorpusProfile {
    /// Running totals over the sample.
    private struct Counts {
        var bytes = 0, lines = 0, noiseLines = 0, sentences = 0, words = 0, names = 0
        var cues: [Group: Int] = [:]
        var vocabulary = Set<String>()

        mutating func add(_ text: String) {
            let text = text.precomposedStringWithCanonicalMapping
            bytes += text.utf8.count
            var seen = Set<String>()
            for line in text.split(whereSeparator: \.isNewline) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { continue }
                lines += 1
                if Self.isNoise(trimmed) || !seen.insert(trimmed).inserted { noiseLines += 1 }
                add(line: ProfileToken.split(trimmed))
            }
        }

        static func isNoise(_ line: String) -> Bool {
            line == "leftcenterrightdel" || line.contains("Ảnh:") || line.contains("ảnh:")
        }

        /// One line's tokens: its sentences, words, names and cue hits.
        mutating func add(line tokens: [ProfileToken]) {
            var inSentence = false
            var run = 0
            for token in tokens {
                if token.kind == .sentenceEnd {
                    inSentence = false
                } else if token.kind != .punct && !inSentence {
                    inSentence = true
                    sentences += 1
                }
                guard token.kind == .word else {
                    run = 0
                    continue
                }
                words += 1
                vocabulary.insert(token.lower)
                run = token.capitalized ? run + 1 : 0
                if run == 2 { names += 1 }
            }
            var i = 0
            while i < tokens.count {
                if let (group, length) = CueList.match(tokens, at: i) {
                    cues[group, default: 0] += 1
                    i += length
                } else {
                    i += 1
                }
            }
        }
    }
}

/// A word, number or punctuation mark of a line, for `CorpusProfile`.
struct ProfileToken: Sendable {
    enum Kind: Sendable { case word, number, punct, sentenceEnd }

    var kind: Kind
    /// The word in lower case, "ủy"-style tone placement made one; the digits; or the mark.
    var lower: String
    var capitalized = false
    var number = -1

    /// The tokens of one line; ".", "!" and "?" before a space or the line's end end a sentence.
    static func split(_ line: String) -> [ProfileToken] {
        var tokens: [ProfileToken] = []
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s.properties.isWhitespace {
                i += 1
            } else if s.properties.numericType != nil && s.isASCII {
                var j = i
                while j < scalars.count, scalars[j].isASCII, scalars[j].properties.numericType != nil { j += 1 }
                let digits = String(String.UnicodeScalarView(scalars[i..<j]))
                tokens.append(ProfileToken(kind: .number, lower: digits, number: Int(digits.prefix(9)) ?? -1))
                i = j
            } else if s.properties.isAlphabetic {
                var j = i
                while j < scalars.count, scalars[j].properties.isAlphabetic { j += 1 }
                let word = String(String.UnicodeScalarView(scalars[i..<j]))
                let lower = word.lowercased().replacingOccurrences(of: "uỷ", with: "ủy")
                tokens.append(ProfileToken(kind: .word, lower: lower, capitalized: s.properties.isUppercase))
                i = j
            } else {
                let ends = (s == "." || s == "!" || s == "?") && (i + 1 == scalars.count || scalars[i + 1].properties.isWhitespace)
                tokens.append(ProfileToken(kind: ends ? .sentenceEnd : .punct, lower: String(s)))
                i += 1
            }
        }
        return tokens
    }
}
