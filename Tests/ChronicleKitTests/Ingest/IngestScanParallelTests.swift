import Foundation
import Testing
@testable import ChronicleKit

#if canImport(Glibc)
    import Glibc
#endif

/// The walk that hands the folders two levels down to the cores (`walkOnAllCores`) lists what
/// the walk on one core lists, in the same order: files at every level, folders that sort
/// between files, files passed over, hidden entries, links, and names that are not UTF-8.
@Suite struct IngestScanParallelTests {
    private func listings(_ folder: URL, workingDirectory: String) -> (parallel: InputScanner.Listing, plain: InputScanner.Listing) {
        let scanner = InputScanner(workingDirectory: workingDirectory)
        var parallel = InputScanner.Listing(), plain = InputScanner.Listing()
        scanner.walkOnAllCores(folder.path, into: &parallel)
        scanner.walk(folder.path, into: &plain)
        return (parallel, plain)
    }

    private func expectSame(_ a: InputScanner.Listing, _ b: InputScanner.Listing) {
        #expect(a.files.map(\.path) == b.files.map(\.path))
        #expect(a.files.map(\.displayPath) == b.files.map(\.displayPath))
        #expect(a.files.map(\.stamp) == b.files.map(\.stamp))
        #expect(a.skipped == b.skipped)
        #expect(a.unreadable.map(\.path) == b.unreadable.map(\.path))
        #expect(a.unreadable.map(\.reason) == b.unreadable.map(\.reason))
        #expect(a.badlyNamed == b.badlyNamed)
    }

    @Test func aDatedArchiveIsListedAsOnOneCore() throws {
        let box = try Sandbox()
        var generator = SeededGenerator(state: 18)
        // Years, months and days, with files at every level and folders whose names sort
        // between files ("2023" before "2023-tong-hop.txt", "a b" before "a-b.txt" before "a/").
        for year in ["2022", "2023", "new"] {
            for month in 1...12 where Int.random(in: 0..<4, using: &generator) > 0 {
                let folder = "\(year)/\(String(format: "%02d", month))"
                for day in 0..<Int.random(in: 0..<5, using: &generator) {
                    try box.write("\(folder)/bai-\(day).txt", "Hội nghị Ban Thường vụ Đảng ủy, ngày \(day).\n")
                }
                if month % 5 == 0 { try box.write("\(folder)/sau/sâu hơn/bai.html", "<p>Hội nghị.</p>\n") }
                if month % 4 == 0 { try box.write("\(folder)/ảnh-\(month).jpg", "x") }
            }
            try box.write("\(year)-tong-hop.txt", "Tổng hợp năm.\n")
        }
        try box.write("a b/x.txt", "Hội nghị.\n")
        try box.write("a-b.txt", "Hội nghị.\n")
        try box.write("a/x.jsonl", "{\"url\": \"https://qdnd.vn/1\", \"body\": \"Hội nghị\"}\n")
        try box.write(".an/2023/01/x.txt", "Không đọc thư mục ẩn.\n")
        try box.write("2023/.nhap.txt", "Không đọc tệp ẩn.\n")
        try FileManager.default.createSymbolicLink(
            at: box.articles.appendingPathComponent("2023/lien-ket.txt"),
            withDestinationURL: box.articles.appendingPathComponent("a-b.txt"))
        try FileManager.default.createSymbolicLink(
            at: box.articles.appendingPathComponent("2022/thu-muc-lien-ket"), withDestinationURL: box.articles.appendingPathComponent("a"))
        try createRaw(Array("2023/01/bad".utf8) + [0xFF] + Array(".txt".utf8), in: box.articles)

        for workingDirectory in [box.root.path, box.articles.path, "/nowhere"] {
            let (parallel, plain) = listings(box.articles, workingDirectory: workingDirectory)
            #expect(plain.files.count > 30)
            #expect(!plain.badlyNamed.isEmpty)
            expectSame(parallel, plain)
        }
    }

    /// Shallow folders (files only at the top, or one level of folders) and an empty one.
    @Test func shallowAndEmptyFoldersAreListedAsOnOneCore() throws {
        let box = try Sandbox()
        for name in ["b.txt", "a.txt", "c.htm"] { try box.write(name, "Hội nghị.\n") }
        var (parallel, plain) = listings(box.articles, workingDirectory: box.root.path)
        #expect(plain.files.count == 3)
        expectSame(parallel, plain)

        try box.write("x/1.txt", "Hội nghị.\n")
        try box.write("y/2.txt", "Hội nghị.\n")
        (parallel, plain) = listings(box.articles, workingDirectory: box.root.path)
        #expect(plain.files.count == 5)
        expectSame(parallel, plain)

        try FileManager.default.createDirectory(at: box.root.appendingPathComponent("trong"), withIntermediateDirectories: true)
        (parallel, plain) = listings(box.root.appendingPathComponent("trong"), workingDirectory: box.root.path)
        #expect(plain.files.isEmpty)
        expectSame(parallel, plain)
    }

    /// A folder that cannot be listed is said where the walk on one core says it.
    @Test func aFolderThatCannotBeListedIsSaidInTheSamePlace() throws {
        let box = try Sandbox()
        try box.write("2023/01/a.txt", "Hội nghị.\n")
        try box.write("2023/02/b.txt", "Hội nghị.\n")
        try createRawFolder(Array("2023/0".utf8) + [0xFE], in: box.articles)
        try box.write("2024/01/c.txt", "Hội nghị.\n")
        let (parallel, plain) = listings(box.articles, workingDirectory: box.root.path)
        #expect(plain.unreadable.count == 1)
        expectSame(parallel, plain)
    }

    private func createRaw(_ name: [UInt8], in folder: URL) throws {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        try #require(fd >= 0, "the file system refuses a name that is not UTF-8")
        close(fd)
    }

    private func createRawFolder(_ name: [UInt8], in folder: URL) throws {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let status = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { mkdir($0.baseAddress!, 0o755) }
        }
        try #require(status == 0, "the file system refuses a name that is not UTF-8")
    }
}
