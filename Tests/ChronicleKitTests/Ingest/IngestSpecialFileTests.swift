import Foundation
import Testing
@testable import ChronicleKit

#if canImport(Glibc)
    import Glibc
#endif

/// The job never trusts an input path to be a regular file: a FIFO or a device would block a
/// read forever while the run holds its lock.
@Suite struct IngestSpecialFileTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-special-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aFIFOGivenAsInputIsRefusedByName() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("export.jsonl")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(throws: InputError.notAFileOrFolder(path: fifo.path)) {
            try InputScanner(workingDirectory: "/nonexistent").scan([fifo])
        }
        #expect(throws: InputError.notAFileOrFolder(path: "/dev/zero")) {
            try InputScanner(workingDirectory: "/nonexistent").scan([URL(fileURLWithPath: "/dev/zero")])
        }
    }

    @Test func aFIFOOrALinkToOneInsideAFolderIsPassedOver() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(mkfifo(dir.appendingPathComponent("a.txt").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("b.txt").path, withDestinationPath: "/dev/zero")
        try "Sáng 3/4, Đảng ủy Lữ đoàn 96 tổ chức hội nghị.".write(
            to: dir.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)
        let result = try InputScanner(workingDirectory: dir.path).scan([dir])
        #expect(result.files.map(\.displayPath) == ["c.txt"])
    }

    @Test func theLoaderRefusesAFileThatIsNotRegularWithoutReadingIt() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("trap.txt")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // A read would block here forever; the loader must answer at once.
        let articles = ExtractTestSupport.loader.load(InputFile(url: fifo, displayPath: "trap.txt"))
        #expect(articles.count == 1)
        #expect(articles.first?.status == .unreadable)
        #expect(articles.first?.error == IngestFailure.notARegularFile.description)
    }
}

@Suite struct ProblemLogLineTests {
    @Test func aFileNameWithANewlineStaysOneLogLine() {
        let problem = ArticleProblem(source: "bài\nmới\t1.txt", reason: "binary file, not text")
        #expect(problem.logLine == #"bài\nmới\t1.txt: binary file, not text"#)
        #expect(!problem.logLine.contains("\n"))
        #expect(ArticleProblem(source: "a\u{1}.txt", reason: "x").logLine == #"a\x01.txt: x"#)
        #expect(ArticleProblem(source: "Đảng ủy.txt", reason: "x").logLine == "Đảng ủy.txt: x")
    }
}
