import Foundation
import Testing
@testable import ChronicleKit

/// `ExtractedFileList` answers as the dictionary by survey position it replaced did.
struct ExtractedFileListTests {
    private func files(_ box: Sandbox, _ names: [String]) throws -> [ExtractedFile] {
        let extraction = try box.extraction()
        return try names.map { name in
            let url = try box.write(name, "event: 2022-12-26 | Quân đoàn 1 | year-end-review\nurl: https://qdnd.vn/\(name)\n")
            let file = InputFile(url: url, displayPath: name)
            return ExtractedFile(
                extracting: file, stamp: FileStamp(size: 1, modified: 1), contentHash: nil, extraction: extraction, spool: nil)
        }
    }

    @Test func positionsRemovalAndMergeAgreeWithADictionary() throws {
        let box = try Sandbox()
        let made = try files(box, ["a.txt", "b.txt", "c.txt", "d.txt"])
        var list = ExtractedFileList(Array(made[0..<3]), at: [1, 4, 6], surveySize: 8)
        var plain: [Int: ExtractedFile] = [1: made[0], 4: made[1], 6: made[2]]
        func same() {
            #expect(list.count == plain.count)
            for position in 0..<8 { #expect(list[position]?.urls == plain[position]?.urls) }
            #expect(list.map(\.0) == plain.keys.sorted())
        }
        same()
        list[4] = nil
        plain[4] = nil
        same()
        list[6] = made[3]
        plain[6] = made[3]
        same()
        list.merge(ExtractedFileList([made[0], made[2]], at: [1, 7], surveySize: 8))
        plain.merge([1: made[0], 7: made[2]]) { first, _ in first }
        same()
        var empty = ExtractedFileList()
        #expect(empty.isEmpty && empty[3] == nil)
        empty.merge(list)
        #expect(empty.map(\.0) == plain.keys.sorted())
    }
}
