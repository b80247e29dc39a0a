import Foundation
import Testing
@testable import ChronicleKit

#if canImport(Glibc)
    import Glibc
#endif

/// `RegularFileReader` (one descriptor: open, check, read) gives what `stat` and
/// `Data(contentsOf:)` gave, and refuses what is not a regular file without reading it.
@Suite struct IngestRegularFileReaderTests {
    @Test func aFileIsReadWholeAsDataReadsIt() throws {
        let dir = try IngestFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "leftcenterrightdel\nChiều 26/12, Đảng ủy Lữ đoàn 170 tổ chức hội nghị tổng kết công tác năm 2023.\n"
        for (name, body) in [("a.txt", text), ("empty.txt", ""), ("long.txt", String(repeating: text, count: 3000))] {
            let url = dir.appendingPathComponent(name)
            try body.write(to: url, atomically: true, encoding: .utf8)
            #expect(RegularFileReader.contents(of: url.path, limit: 1 << 20) == .bytes(Array(try Data(contentsOf: url))))
        }
        let link = dir.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: dir.appendingPathComponent("a.txt").path)
        #expect(RegularFileReader.contents(of: link.path, limit: 1 << 20) == .bytes(Array(text.utf8)), "a link is followed")
    }

    @Test func aFileOverTheLimitIsNotRead() throws {
        let dir = try IngestFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("big.html")
        try Data(repeating: 0x61, count: 5000).write(to: url)
        #expect(RegularFileReader.contents(of: url.path, limit: 4999) == .tooLarge(bytes: 5000))
        #expect(RegularFileReader.contents(of: url.path, limit: 5000) == .bytes([UInt8](repeating: 0x61, count: 5000)))
    }

    @Test func whatIsNotARegularFileIsRefusedAtOnce() throws {
        let dir = try IngestFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("trap.txt")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // A read of a FIFO with no writer would wait forever.
        #expect(RegularFileReader.contents(of: fifo.path, limit: 1 << 20) == .notARegularFile)
        #expect(RegularFileReader.contents(of: dir.path, limit: 1 << 20) == .notARegularFile)
        #expect(RegularFileReader.contents(of: "/dev/zero", limit: 1 << 20) == .notARegularFile)
        #expect(RegularFileReader.contents(of: dir.appendingPathComponent("missing.txt").path, limit: 1 << 20) == .unopened)
    }

    @Test func aMissingFileKeepsTheReasonUsersSaw() throws {
        let dir = try IngestFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("gone.txt")
        let articles = ExtractTestSupport.loader.load(InputFile(url: missing, displayPath: "gone.txt"))
        #expect(articles.count == 1 && articles.first?.status == .unreadable)
        #expect(articles.first?.error == IngestFailure.cannotRead(reason: "no such file").description)
    }
}
