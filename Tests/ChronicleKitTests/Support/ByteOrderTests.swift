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

    /// The three-way comparison the survey's merge uses, on native strings (whose bytes are lent
    /// as they are) and on strings made from a Substring or bridged through NSString.
    @Test func compareAgreesWithTheOrderAndEqualityOfTheBytes() {
        let texts = [
            "", "a", "ab", "a/b.txt", "B", "b", "/tmp/kho/2022/12/qdnd-01.txt", "/tmp/kho/2022/12/qdnd-1.txt", "Đảng ủy",
            "Quân\u{0300}", "Quân đoàn 1", "z\u{0}", "z", String("xx/tmp/kho/a.txt".dropFirst(2)),
            NSString(string: "Sư đoàn 5").description,
        ]
        for a in texts {
            for b in texts {
                let order = ByteOrder.compare(a, b)
                #expect((order < 0) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) < \(b)")
                #expect((order == 0) == a.utf8.elementsEqual(b.utf8), "\(a) = \(b)")
            }
        }
    }

    /// The sort by each text's first sixteen bytes (`ByteOrder.sorted`) gives the byte order:
    /// names of a folder of articles sharing long prefixes, shorter and longer than sixteen
    /// bytes, folders with their "/", letters outside ASCII and zero bytes.
    @Test func sortedIsTheByteOrder() {
        var random = SeededGenerator(state: 16)
        let pieces = ["bai-", "000", "1", "9", ".txt", "/", "qdnd-2023-12-", "Đảng", "\u{0}", "ủy", "z", "a", "-"]
        for size in [0, 1, 2, 7, 40, 300] {
            let texts = (0..<size).map { _ in
                (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            }
            #expect(ByteOrder.sorted(texts) == texts.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
        let folder = (0..<2_000).map { "bai-\(String(format: "%07d", ($0 * 7_919) % 2_000)).txt" } + ["bai-0000001.txt/", "bai-00000"]
        #expect(ByteOrder.sorted(folder) == folder.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
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
