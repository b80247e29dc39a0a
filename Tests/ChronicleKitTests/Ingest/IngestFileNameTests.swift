import Foundation
import Testing
@testable import ChronicleKit

#if canImport(Glibc)
    import Glibc
#endif

/// A name that is not valid UTF-8 (an archive copied from an old Windows share, a name in a
/// legacy code page): the file is there, but no Swift string names it.
@Suite struct IngestFileNameTests {
    /// Creates `name` (raw bytes, relative to `folder`) with `text` in it.
    private func create(_ name: [UInt8], in folder: URL, text: String) throws {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        try #require(fd >= 0, "the file system refuses a name that is not UTF-8")
        _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    private func makeFolder(_ name: [UInt8], in folder: URL) throws {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let status = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { mkdir($0.baseAddress!, 0o755) }
        }
        try #require(status == 0)
    }

    private static let badName = Array("bad".utf8) + [0xFF] + Array(".txt".utf8)
    private static let reason = "the file name is not valid UTF-8; rename it to read it"

    @Test func aNameThatIsNotUTF8IsAProblemOfItsOwnShownEscaped() throws {
        let box = try Sandbox()
        try box.write("good.txt", "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try create(Self.badName, in: box.articles, text: "event: 2023-01-05 | Quân đoàn 2 | resolution-study\n")
        // A picture with such a name is skipped like any picture, not a problem.
        try create(Array("ảnh".utf8) + [0xE1, 0x2E] + Array("jpg".utf8), in: box.articles, text: "")
        let scan = try InputScanner(workingDirectory: box.root.path).scan([box.articles])
        #expect(scan.files.map(\.displayPath) == ["articles/good.txt"])
        #expect(scan.problems == [ArticleProblem(source: "articles/bad\\xFF.txt", reason: Self.reason)])
        #expect(scan.skipped == ["articles/ảnh\\xE1.jpg"])
        #expect(ProblemReason(parsing: Self.reason).code == .nameNotUTF8)
    }

    @Test func aFolderNamedSoIsNotListedAndSaysWhy() throws {
        let box = try Sandbox()
        try box.write("good.txt", "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        let folder = Array("cũ".utf8) + [0xC3]
        try makeFolder(folder, in: box.articles)
        let scan = try InputScanner(workingDirectory: box.root.path).scan([box.articles])
        #expect(scan.files.count == 1)
        let problem = try #require(scan.problems.first)
        #expect(problem.source == "articles/cũ\\xC3")
        #expect(problem.reason.contains("not valid UTF-8") && ProblemReason(parsing: problem.reason).code == .folderUnreadable)
    }

    /// The run goes on, the reports say the escaped name, and the next night is unchanged.
    @Test func aRunReportsTheNameInProblemsCSVAndGoesOn() throws {
        let box = try Sandbox()
        try box.write("good.txt", "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try create(Self.badName, in: box.articles, text: "event: 2023-01-05 | Quân đoàn 2 | resolution-study\n")
        let summary = try box.run()
        #expect(summary.events == 1)
        #expect(summary.problems.map(\.logLine) == [box.articles.path + "/bad\\xFF.txt: \(Self.reason)"])
        let problems = try String(contentsOf: box.output.appendingPathComponent("problems.csv"), encoding: .utf8)
        #expect(problems.contains("bad\\xFF.txt") && problems.contains("name-not-utf8"))
        #expect(!problems.contains("no such file"))
        #expect(try box.run().extracted == 0, "the next night is unchanged")
    }

    @Test func escapingKeepsValidTextAndWritesEachBadByte() {
        #expect(InputScanner.escapedName(Array("Hội nghị".utf8)) == "Hội nghị")
        #expect(InputScanner.escapedName([0x61, 0xFF, 0xFE, 0x62]) == "a\\xFF\\xFEb")
        // A sequence cut short: the lead byte alone is escaped, what follows is read again.
        #expect(InputScanner.escapedName([0xE1, 0xBB, 0x41]) == "\\xE1\\xBBA")
    }
}
