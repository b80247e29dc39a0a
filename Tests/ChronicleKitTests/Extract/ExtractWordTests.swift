import Testing
@testable import ChronicleKit

@Suite struct ExtractWordTests {
    @Test func everyWordIsOneVocabularyID() {
        let rules = ExtractTestSupport.rules
        var seen: [Int32: Word] = [:]
        for word in Word.allCases {
            let id = rules.words[word]
            #expect(id >= 0, "'\(word.rawValue)' (.\(word)) is not one word of the vocabulary")
            if let other = seen.updateValue(word, forKey: id) {
                Issue.record("'\(word.rawValue)' (.\(word)) has the id of '\(other.rawValue)' (.\(other))")
            }
        }
    }

    @Test func wordsAreTheTokensTheyName() {
        let rules = ExtractTestSupport.rules
        for word in Word.allCases {
            let text = ArticleText("x \(word.rawValue) x", rules: rules)
            #expect(text.tokens.count == 3 && text.isWord(1, word), "'\(word.rawValue)' does not read back as .\(word)")
        }
        // Case and tone placement do not matter: "Khoá" is .khoa.
        #expect(ArticleText("Khoá", rules: rules).isWord(0, .khoa))
    }

    @Test func ordinalIsThePositionInAllCases() {
        #expect(MemoryLayout<Word>.size == 1)
        for (index, word) in Word.allCases.enumerated() { #expect(word.ordinal == index) }
    }

    @Test func wordsMatchNothingBeforeRulesAreLoaded() {
        let empty = WordIDs()
        #expect(Word.allCases.allSatisfy { empty[$0] == WordIDs.matchesNothing })
    }
}
