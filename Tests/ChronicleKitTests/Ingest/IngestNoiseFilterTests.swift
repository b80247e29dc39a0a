import Foundation
import Testing
@testable import ChronicleKit

@Suite struct IngestNoiseFilterTests {
    /// The search for the layout token (`memmem`) finds what comparing bytes finds, at line
    /// starts, ends, overlapping starts and lines shorter than the token.
    @Test func findingATokenAgreesWithComparingBytes() {
        let pieces = ["leftcenterrightdel", "leftcenter", "l", "lleftcenterrightdel", "Lãnh đạo", " ", "del", "rightdel ", "ệ"]
        var rng = SeededGenerator(state: 3)
        for _ in 0..<500 {
            var buffer = LineBuffer()
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            buffer.bytes = Array(text.utf8)
            for needle in [NoiseFilter.layoutToken, Array("del".utf8), Array("ệ".utf8)] {
                for start in stride(from: 0, through: buffer.bytes.count, by: 3) {
                    let line = start..<buffer.bytes.count
                    #expect(buffer.find(needle, in: line) == buffer.plainFind(needle, in: line), "\(text) from \(start)")
                }
            }
        }
    }

    let filter = NoiseFilter(phrases: ExtractTestSupport.noise)

    /// Cleaning bytes checked on the way agrees with making a String of them first (the
    /// standard library's check) and cleaning it: the same text, and nil exactly for the bytes
    /// that are not well-formed UTF-8 (overlong forms, surrogates, values past U+10FFFF, stray
    /// and missing continuation bytes, a sequence cut at the end).
    @Test func cleaningCheckedBytesAgreesWithCleaningAString() {
        let pieces: [[UInt8]] = [
            Array("Sáng 26/12, Đảng ủy Sư đoàn 9 tổ chức hội nghị.".utf8), Array("Ảnh: PHƯƠNG ANH".utf8), Array("leftcenterrightdel".utf8),
            Array("Chia sẻ".utf8), Array("In bài".utf8), [0x0A], [0x0D, 0x0A], [0x20], [0x09], [0xC2, 0xA0], [0xE2, 0x80, 0x83],
            [0xE2, 0x80, 0xA8], [0xEF, 0xBB, 0xBF], [0xE3, 0x80, 0x80], [0x6F, 0xCC, 0x81], [0xE1, 0xBB, 0x87], [0xC3, 0xA0], [0xC6, 0xB0],
            [0xF0, 0x9F, 0x98, 0x80], [0x01], [0x7F],
            // Not well-formed: stray continuation, overlong, surrogate, past U+10FFFF, cut short,
            // and leads whose continuation is missing.
            [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5],
            [0xFF], [0xC3], [0xE1, 0xBB], [0xE1], [0xE2, 0x80], [0xC2], [0xF0, 0x9F, 0x98], [0xC3, 0x41], [0xE1, 0x41, 0x80],
            [0xE1, 0x80, 0x41], [0xC2, 0x41], [0xE2, 0x80, 0x41],
        ]
        var rng = SeededGenerator(state: 19)
        var refused = 0
        for _ in 0..<4000 {
            let bytes = (0..<Int.random(in: 0...12, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
            let plain = String(validating: bytes, as: UTF8.self).map { filter.clean($0) }
            let checked = bytes.withUnsafeBufferPointer { filter.clean(validatingUTF8: $0) }.map { String(decoding: $0, as: UTF8.self) }
            #expect(checked == plain, "\(bytes)")
            if plain == nil { refused += 1 }
        }
        #expect(refused > 1000, "the pieces make many texts that are not well-formed")
    }

    /// A plain-text file that is not well-formed UTF-8 is refused as before: the first bad
    /// byte and its offset (after a byte order mark too), and a UTF-16 file is still read.
    @Test func aTextFileThatIsNotUTF8IsRefusedWithItsOffset() {
        let loader = ArticleLoader(noise: ExtractTestSupport.noise)
        let bad: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Hội nghị Đảng ủy".utf8) + [0xE1, 0x41] + Array(" năm 2023".utf8)
        let read = bad.withUnsafeBufferPointer { loader.text($0) }
        guard case .failure(let failure) = read else {
            Issue.record("a file that is not UTF-8 was read: \(read)")
            return
        }
        #expect(failure.description == IngestFailure.invalidUTF8(byte: 0xE1, offset: 3 + "Hội nghị Đảng ủy".utf8.count).description)
        let utf16: [UInt8] = [0xFF, 0xFE] + "Hội nghị".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect((try? utf16.withUnsafeBufferPointer { loader.text($0) }.get())?.text == "Hội nghị")
    }

    @Test func dropsLayoutTokensAndKeepsParagraphs() {
        let raw = """
            leftcenterrightdel
             Đại tá Nguyễn Văn Bình phát biểu tại hội nghị.

            Sáng 26-12, Đảng ủy Sư đoàn 308 tổ chức hội nghị tổng kết công tác Đảng, công tác chính trị năm 2022.

            leftcenterrightdel Các đại biểu dự hội nghị.
            """
        #expect(
            filter.clean(raw) == """
                Đại tá Nguyễn Văn Bình phát biểu tại hội nghị.
                Sáng 26-12, Đảng ủy Sư đoàn 308 tổ chức hội nghị tổng kết công tác Đảng, công tác chính trị năm 2022.
                Các đại biểu dự hội nghị.
                """)
    }

    @Test func dropsRepeatedCaptionsKeepingTheFirst() {
        let raw = """
            Thiếu tướng Lê Văn Hòa chủ trì hội nghị.

            Thiếu tướng Lê Văn Hòa chủ trì hội nghị.

            Hội nghị đánh giá cao kết quả thực hiện nhiệm vụ năm 2022 của Đảng bộ Lữ đoàn.

             Quang cảnh hội nghị.
            Quang cảnh hội nghị.
            Năm 2023, Đảng ủy Lữ đoàn tiếp tục lãnh đạo nâng cao chất lượng huấn luyện.
            Quang cảnh hội nghị.
            """
        #expect(
            filter.clean(raw) == """
                Thiếu tướng Lê Văn Hòa chủ trì hội nghị.
                Hội nghị đánh giá cao kết quả thực hiện nhiệm vụ năm 2022 của Đảng bộ Lữ đoàn.
                Quang cảnh hội nghị.
                Năm 2023, Đảng ủy Lữ đoàn tiếp tục lãnh đạo nâng cao chất lượng huấn luyện.
                """)
    }

    @Test func keepsACaptionRepeatedFarApart() {
        let lines =
            ["Quang cảnh hội nghị."] + (1...5).map { "Đoạn \($0): các đại biểu thảo luận về nhiệm vụ năm 2023." } + ["Quang cảnh hội nghị."]
        #expect(filter.clean(lines.joined(separator: "\n")).split(separator: "\n").count == 7)
    }

    @Test func cutsATrailingCommentFormButKeepsTheCredit() {
        let raw = """
            Phát biểu kết luận, Trung tướng Phạm Văn Tuấn yêu cầu các cơ quan, đơn vị triển khai nghiêm túc nghị quyết.

                                        Tin, ảnh: PHƯƠNG ANH - TUẤN MINH
            \u{00A0}

            \u{00A0}

            Bình luận


            Họ và tên:\u{00A0}\u{00A0}\u{00A0}\u{00A0}

            Email:\u{00A0}\u{00A0}\u{00A0}

            Nội dung:
            Gửi bình luận
            """
        #expect(
            filter.clean(raw) == """
                Phát biểu kết luận, Trung tướng Phạm Văn Tuấn yêu cầu các cơ quan, đơn vị triển khai nghiêm túc nghị quyết.
                Tin, ảnh: PHƯƠNG ANH - TUẤN MINH
                """)
    }

    @Test func keepsCompilerCreditAndSourceLine() {
        let raw = "Hội nghị kết thúc tốt đẹp.\nTRẦN HẢI (tổng hợp)\nNguồn QĐND: https://www.qdnd.vn/tin-tuc/hoi-nghi-123"
        #expect(filter.clean(raw) == raw)
    }

    @Test func dropsShareAndPrintWidgets() {
        let raw = """
            Chia sẻ
            Facebook
            Zalo
            Đảng ủy Quân chủng Hải quân tổ chức hội nghị ra nghị quyết lãnh đạo nhiệm vụ năm 2023.
            In bài
            Chia sẻ | Facebook | Zalo | Email
            A+ A-
            Tin, ảnh: HỒNG NHUNG
            """
        #expect(
            filter.clean(raw)
                == "Đảng ủy Quân chủng Hải quân tổ chức hội nghị ra nghị quyết lãnh đạo nhiệm vụ năm 2023.\nTin, ảnh: HỒNG NHUNG")
    }

    @Test func doesNotTakeSentencesMentioningWidgetsForWidgets() {
        let raw = "Chia sẻ kinh nghiệm lãnh đạo\nIn bài phát biểu, đồng chí Chính ủy nhấn mạnh ba nội dung."
        #expect(filter.clean(raw) == raw)
    }

    @Test func cutsATrailingRelatedNewsList() {
        let raw = """
            Hội nghị đã thống nhất các chỉ tiêu, nhiệm vụ trọng tâm năm 2023.
            Tin, ảnh: MINH ĐỨC
            Tin liên quan
            Đảng ủy Quân khu 7 tổng kết công tác năm 2022
            Bộ đội Biên phòng tỉnh Long An ra quân huấn luyện
            """
        #expect(filter.clean(raw) == "Hội nghị đã thống nhất các chỉ tiêu, nhiệm vụ trọng tâm năm 2023.\nTin, ảnh: MINH ĐỨC")
    }

    @Test func normalizesLineEndsSpacesAndControls() {
        let raw =
            "Dòng\u{00A0}một\u{2003}có  khoảng\ttrắng   \r\nDòng hai\u{0007}\u{200B}\rDòng ba\u{2028}Dòng bốn\n\n\n\n  \nDòng năm\u{00AD}"
        #expect(filter.clean(raw) == "Dòng một có khoảng trắng\nDòng hai\nDòng ba\nDòng bốn\nDòng năm")
    }

    @Test func composesDecomposedVietnamese() {
        let nfd = "Hội nghị tổng kết công tác Đảng năm 2022".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > "Hội nghị tổng kết công tác Đảng năm 2022".unicodeScalars.count)
        let cleaned = filter.clean(nfd)
        #expect(Array(cleaned.utf8) == Array("Hội nghị tổng kết công tác Đảng năm 2022".precomposedStringWithCanonicalMapping.utf8))
    }

    @Test func keepsLiteralMarkupLikeText() {
        let raw = "Chỉ tiêu <90% & công thức =SUM(A1) ]]> vẫn giữ nguyên."
        #expect(filter.clean(raw) == raw)
    }

    @Test func cleansTheSeedArticlesWithoutLosingCredits() throws {
        guard let seeds = IngestFixtures.seedsFolder() else {
            print("skipped: ../shared/corpus/seeds not found beside the repository")
            return
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter({ $0.hasSuffix(".txt") }) {
            let text = filter.clean(try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8))
            #expect(!text.contains("leftcenterrightdel"), "\(name)")
            #expect(!text.contains("Họ và tên"), "\(name)")
            #expect(!text.contains("\n\n"), "\(name)")
            #expect(text.contains("Tin, ảnh:"), "\(name)")
            let lines = text.split(separator: "\n")
            for (index, line) in lines.enumerated() where index > 0 {
                #expect(line != lines[index - 1], "\(name): repeated line \(line)")
            }
        }
    }

    // MARK: - The phrases are data (config/ingest/noise.yml)

    @Test func phrasesComeFromTheConfigNotTheCode() {
        var phrases = ExtractTestSupport.noise
        let text = "Đảng ủy Sư đoàn 308 tổ chức hội nghị tổng kết năm 2022.\nChia sẻ | Zalo"
        #expect(NoiseFilter(phrases: phrases).clean(text) == "Đảng ủy Sư đoàn 308 tổ chức hội nghị tổng kết năm 2022.")
        phrases.widgetPhrases.removeAll { $0 == "chia sẻ" }
        #expect(NoiseFilter(phrases: phrases).clean(text) == text, "a line with a phrase the file no longer lists is kept")
    }

    @Test func siteNamesComeFromTheConfig() {
        var phrases = ExtractTestSupport.noise
        let page =
            "<html><head><title>Hội nghị quân chính năm 2023 - Báo Quân đội nhân dân</title></head><body><p>Nội dung.</p></body></html>"
        let cut = ArticleLoader(noise: phrases).load(data: Data(page.utf8), source: "a.html", format: .html)[0]
        #expect(cut.title == "Hội nghị quân chính năm 2023")
        phrases.siteNamePrefixes = []
        let kept = ArticleLoader(noise: phrases).load(data: Data(page.utf8), source: "a.html", format: .html)[0]
        #expect(kept.title == "Hội nghị quân chính năm 2023 - Báo Quân đội nhân dân")
    }

    @Test func aBadNoiseFileNamesFileAndKey() throws {
        let dir = try IngestFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("noise.yml")
        func error(_ yaml: String) throws -> ConfigError {
            try yaml.write(to: file, atomically: true, encoding: .utf8)
            return try #require(throws: ConfigError.self) { try NoisePhrases.load(file) }
        }
        let lists = "widget_phrases: [in]\ncomment_labels: [gửi]\nrelated_headings: [xem thêm]\n"
        #expect(
            try error("comment_labels: []\n")
                == .missingKey(path: file.path, key: "widget_phrases", expected: "a list of widget phrases"))
        #expect(
            try error(lists + "site_names: {prefixes: [báo ], suffix: []}\n")
                == .unknownKey(path: file.path, key: "site_names.suffix", known: ["prefixes", "suffixes"]))
        #expect(
            try error(lists.replacingOccurrences(of: "[xem thêm]", with: "[\"xem  thêm\"]") + "site_names: {prefixes: [], suffixes: []}\n")
                == .wrongValue(
                    path: file.path, key: "related_headings[0]", expected: "words separated by single spaces", found: "'xem  thêm'"))
        #expect(
            try error(lists + "site_names: {prefixes: [\"\"], suffixes: []}\n")
                == .wrongValue(path: file.path, key: "site_names.prefixes[0]", expected: "a non-empty text", found: "''"))
        #expect(try error(lists) == .missingKey(path: file.path, key: "site_names", expected: "a mapping with 'prefixes' and 'suffixes'"))
    }
}

/// Locations of the ingest fixtures and of the shared corpus beside the repository.
enum IngestFixtures {
    static let repositoryRoot = TestPaths.root
    static let folder = TestPaths.fixtures.appendingPathComponent("ingest")

    static func seedsFolder() -> URL? {
        let seeds = SharedCorpus.folder.appendingPathComponent("seeds")
        return FileManager.default.fileExists(atPath: seeds.path) ? seeds : nil
    }

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// A fresh temporary folder, removed by `body`'s caller through the returned cleanup.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
