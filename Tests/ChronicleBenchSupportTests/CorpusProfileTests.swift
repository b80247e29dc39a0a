import Testing
@testable import ChronicleBenchSupport

@Suite struct CorpusProfileTests {
    /// Written for this test in the style of the press.
    static let article = """
        Sáng 5/1/2023, Đảng ủy Sư đoàn 312 tổ chức hội nghị tổng kết công tác năm 2022. Đại tá Nguyễn Văn An chủ trì.
        leftcenterrightdel
        Quang cảnh hội nghị. Ảnh: TUẤN HÙNG
        Quang cảnh hội nghị. Ảnh: TUẤN HÙNG
        Các sư đoàn thực hiện Nghị quyết số 1657-NQ/QUTW đến ngày 20-12 tại tỉnh Hà Tĩnh!
        """

    @Test func countsSentencesWordsNoiseAndCues() {
        let profile = CorpusProfile(texts: [Self.article])
        #expect(profile.articles == 1)
        #expect(profile.bytesPerArticle == Double(Self.article.utf8.count))
        #expect(profile.linesPerArticle == 5)
        // The marker, the caption and its copy.
        #expect(profile.noiseLinesPerArticle == 3)
        // Two in the first line and in each caption line ("Ảnh: …" is one), one in the last; the
        // marker is one too.
        #expect(profile.sentencesPerArticle == 8)
        let kilobytes = Double(Self.article.utf8.count) / 1024
        func hits(_ group: CorpusProfile.Group) -> Int { Int(((profile.cuesPerKB[group.rawValue] ?? 0) * kilobytes).rounded()) }
        // "hội nghị" three times; "tổng kết" once.
        #expect(hits(.meeting) == 4)
        #expect(hits(.party) == 1)
        #expect(hits(.rank) == 1)
        // "Sư đoàn 312"; the lower-case "các sư đoàn" names no unit.
        #expect(hits(.unit) == 1)
        // "5/1/2023", "năm 2022", "ngày 20-12".
        #expect(hits(.date) == 3)
        #expect(hits(.document) == 1)
        // "Nguyễn Văn An", "TUẤN HÙNG" twice, "Hà Tĩnh"; "Quang cảnh" is not two capitals, and
        // "NQ/QUTW" is split by its slash.
        #expect(profile.namesPerSentence == 4.0 / 8)
        #expect(profile.unitsPerSentence == 1.0 / 8)
        #expect(profile.datesPerSentence == 3.0 / 8)
    }

    @Test func emptyInputGivesZeros() {
        let profile = CorpusProfile(texts: [])
        #expect(profile.articles == 0)
        #expect(profile.sentencesPerArticle == 0)
        #expect(profile.totalCuesPerKB == 0)
    }
}
