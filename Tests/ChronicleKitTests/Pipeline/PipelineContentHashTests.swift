import Foundation
import Testing
@testable import ChronicleKit

/// A new file is read once: its content hash is taken from the bytes extraction reads, and is
/// the hash a later run measures on the file (so a file touched but unchanged is not extracted again).
@Suite struct PipelineContentHashTests {
    @Test func theHashOfTheBytesReadIsTheFilesHash() throws {
        let box = try Sandbox()
        let text = try box.write(
            "2022/12/bai.txt",
            "Sư đoàn 9 tổng kết công tác Đảng\n\nSáng 26/12, Đảng ủy Sư đoàn 9 tổ chức hội nghị tổng kết công tác lãnh đạo năm 2022.\n")
        let export = try box.write(
            "xuat.jsonl",
            #"{"url":"https://qdnd.vn/a","title":"Hội nghị","published":"2022-12-27","body":"Chiều 26/12, Đảng ủy Quân đoàn 1 tổ chức hội nghị tổng kết."}"#
                + "\n" + #"{"url":"https://qdnd.vn/b","title":"Tin","published":"2023-01-05","body":"Không có hội nghị."}"# + "\n")
        let first = try box.run(standard: true)
        #expect(first.extracted == 2)
        let stored = try box.store().articles()
        for url in [text, export] {
            let row = try #require(stored[url.standardizedFileURL.path])
            #expect(row.contentHash == ContentHash(fileAt: url.path)?.description, "\(url.lastPathComponent)")
        }
        // Same bytes, new modification times: both are known by their hash, nothing is read again.
        for url in [text, export] {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: url.path)
        }
        let touched = try box.run(standard: true)
        #expect(touched.extracted == 0 && touched.unchanged == 2)
    }
}
