import Foundation
import Testing
@testable import ChronicleKit

@Suite struct IngestNoiseFilterTests {
    let filter = NoiseFilter()

    @Test func dropsLayoutTokensAndKeepsParagraphs() {
        let raw = """
        leftcenterrightdel
         Đại tá Nguyễn Văn Bình phát biểu tại hội nghị.

        Sáng 26-12, Đảng ủy Sư đoàn 308 tổ chức hội nghị tổng kết công tác Đảng, công tác chính trị năm 2022.

        leftcenterrightdel Các đại biểu dự hội nghị.
        """
        #expect(filter.clean(raw) == """
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
        #expect(filter.clean(raw) == """
        Thiếu tướng Lê Văn Hòa chủ trì hội nghị.
        Hội nghị đánh giá cao kết quả thực hiện nhiệm vụ năm 2022 của Đảng bộ Lữ đoàn.
        Quang cảnh hội nghị.
        Năm 2023, Đảng ủy Lữ đoàn tiếp tục lãnh đạo nâng cao chất lượng huấn luyện.
        """)
    }

    @Test func keepsACaptionRepeatedFarApart() {
        let lines = ["Quang cảnh hội nghị."] + (1...5).map { "Đoạn \($0): các đại biểu thảo luận về nhiệm vụ năm 2023." } + ["Quang cảnh hội nghị."]
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
        #expect(filter.clean(raw) == """
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
        #expect(filter.clean(raw) == "Đảng ủy Quân chủng Hải quân tổ chức hội nghị ra nghị quyết lãnh đạo nhiệm vụ năm 2023.\nTin, ảnh: HỒNG NHUNG")
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
        let raw = "Dòng\u{00A0}một\u{2003}có  khoảng\ttrắng   \r\nDòng hai\u{0007}\u{200B}\rDòng ba\u{2028}Dòng bốn\n\n\n\n  \nDòng năm\u{00AD}"
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
}

/// Locations of the ingest fixtures and of the shared corpus beside the repository.
enum IngestFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ingest")

    static func seedsFolder() -> URL? {
        let candidates = [
            repositoryRoot.appendingPathComponent("../shared/corpus/seeds").standardizedFileURL,
            URL(fileURLWithPath: "/work/shared/corpus/seeds"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// A fresh temporary folder, removed by `body`'s caller through the returned cleanup.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
