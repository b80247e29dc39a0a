import Foundation
import Testing
@testable import ChronicleBenchSupport
@testable import ChronicleKit

@Suite struct RealTextCorpusTests {
    /// Passages written for this test in the style of the press.
    static let passages = [
        "Sáng 5/1, Đảng ủy Sư đoàn 312 tổ chức hội nghị tổng kết công tác năm 2022.",
        "Chiều 9/6, Đảng ủy Lữ đoàn 229 sơ kết công tác 6 tháng đầu năm.",
        "Ngày 20-3, Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh tổ chức Hội thi tuyên truyền viên giỏi.",
    ]

    static func folder(_ lines: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("real-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(lines.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("b.jsonl"))
        try Data("not a passage file".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        return folder
    }

    static func line(_ text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["id": "p", "text": text]), as: UTF8.self)
    }

    @Test func readsTheTextOfEveryLineThatHasOne() throws {
        let lines = try Self.passages.map(Self.line) + ["", "  ", #"{"id": "empty", "text": "  \n"}"#, #"{"id": "none"}"#]
        let folder = try Self.folder(lines)
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try RealTextCorpus(folder: folder)
        #expect(corpus.passages == Self.passages)
        #expect(corpus.sources == ["b.jsonl"])
    }

    @Test func aFolderWithoutPassagesOrWithABadLineIsRefused() throws {
        let empty = try Self.folder([#"{"id": "none"}"#])
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: BenchCorpusError.noPassages(folder: empty.path)) { try RealTextCorpus(folder: empty) }
        let bad = try Self.folder([try Self.line("Sáng 5/1, hội nghị."), "[1, 2]"])
        defer { try? FileManager.default.removeItem(at: bad) }
        #expect(
            throws: BenchCorpusError.unreadablePassages(
                path: bad.appendingPathComponent("b.jsonl").path + ":2", reason: "not a JSON object")
        ) {
            try RealTextCorpus(folder: bad)
        }
    }

    @Test func evenArticlesAreOnePassageAndOddOnesTwo() {
        let corpus = RealTextCorpus(passages: Self.passages)
        for index in 0..<40 {
            let parts = corpus.text(at: index).components(separatedBy: "\n\n")
            #expect(parts.count == (index % 2 == 0 ? 1 : 2))
            #expect(parts.allSatisfy(Self.passages.contains))
            #expect(corpus.text(at: index) == RealTextCorpus(passages: Self.passages).text(at: index))
        }
        #expect(Set((0..<40).map { corpus.text(at: $0) }).count > 5)
    }

    @Test func writesOneTextFilePerArticleInYearMonthFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("real-text-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = RealTextCorpus(passages: Self.passages)
        let stats = try corpus.write(0..<30, to: folder)
        #expect(stats.articles == 30 && stats.textFiles == 30 && stats.exportFiles == 0)
        let files = try InputScanner().scan([folder]).files
        #expect(files.count == 30)
        let third = folder.appendingPathComponent("2022/03/bai-0000002.txt")
        #expect(try String(contentsOf: third, encoding: .utf8) == corpus.text(at: 2))
        #expect(stats.bytes == (0..<30).reduce(0) { $0 + corpus.text(at: $1).utf8.count })
    }
}
