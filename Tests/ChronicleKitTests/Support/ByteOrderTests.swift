import Foundation
import Testing
@testable import ChronicleKit

@Suite struct ByteOrderTests {
    @Test func agreesWithTheOrderOfTheUTF8Bytes() {
        let texts = [
            "", "a", "ab", "a/b.txt", "a-b.txt", "B", "b", "2022/12/qdnd-01.txt", "2022/12/qdnd-1.txt",
            "Đảng ủy", "Dang uy", "Quân đoàn 12", "Quân đoàn 1", "quân", "Quân\u{0300}", "z\u{0}", "z",
        ]
        for a in texts {
            for b in texts {
                #expect(ByteOrder.precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) < \(b)")
            }
        }
    }
}

@Suite struct ScanOrderTests {
    /// The walk visits each folder's entries in byte order (a folder as "name/"), which must give
    /// the byte order of the whole paths without sorting them afterwards.
    @Test func oneFolderIsListedInTheByteOrderOfItsPaths() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-scan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let names = [
            "a/x.txt", "a-b.txt", "a.txt", "ab/y.txt", "a/b/c.txt", "a/b.txt", "a/b-c.txt", "Đ/z.txt", "D/z.txt",
            "b.txt", "2023/12/qdnd-1.txt", "2023/12/qdnd-01.txt", "2023/1/x.txt", "2023-notes.txt", "z/ảnh.html",
        ]
        for name in names {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        let scan = try InputScanner(workingDirectory: root.path).scan([root])
        let listed = scan.files.map(\.displayPath)
        #expect(listed == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(listed.count == names.count)
    }
}
