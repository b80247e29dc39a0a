import Foundation
import Testing
@testable import ChronicleKit

#if canImport(Glibc)
    import Glibc
#endif

/// The scanner stamps each article file as it lists it, by its name in the open folder: the
/// stamp must be the one a stat(2) of the file's path gives (`FileStamp(path:)`), which the
/// survey took before.
@Suite struct IngestScanStampTests {
    @Test func theWalksStampIsTheStampOfThePath() throws {
        let box = try Sandbox()
        try box.write("2023/01/a.txt", "Hội nghị Ban Thường vụ Đảng ủy Quân đoàn 1.\n")
        try box.write("2023/02/b.html", "<p>Hội nghị sơ kết công tác đảng.</p>\n")
        try box.write("c.txt", String(repeating: "Đảng ủy Sư đoàn 5 họp.\n", count: 300))
        try box.write("ảnh.jpg", "x")
        // A link to a file is listed as a file and stamped as its target (stat follows it).
        let outside = box.root.appendingPathComponent("kho/d.txt")
        try FileManager.default.createDirectory(at: outside.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("Hội nghị quân chính.\n".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(at: box.articles.appendingPathComponent("d.txt"), withDestinationURL: outside)
        let old = Date(timeIntervalSince1970: 1_600_000_000.123_456)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: outside.path)

        let scan = try InputScanner(workingDirectory: box.root.path).scan([box.articles])
        #expect(scan.files.map(\.displayPath) == ["articles/2023/01/a.txt", "articles/2023/02/b.html", "articles/c.txt", "articles/d.txt"])
        for file in scan.files {
            let stamp = try #require(file.stamp, "\(file.displayPath) has no stamp")
            #expect(stamp == FileStamp(path: file.path), "\(file.displayPath)")
        }
        #expect(scan.files.last?.stamp?.size == Int64("Hội nghị quân chính.\n".utf8.count))
    }

    /// A file given as an input by itself is stamped by the survey, from its path.
    @Test func aFileGivenAsARootIsStampedByTheSurvey() throws {
        let box = try Sandbox()
        let url = try box.write("a.txt", "Hội nghị.\n")
        let scan = try InputScanner(workingDirectory: box.root.path).scan([url, box.articles])
        #expect(scan.files.count == 1)
        #expect(scan.files[0].stamp == nil)
    }

    /// The display paths the walk builds a folder at a time are those of the whole path.
    @Test func displayPathsAreThoseOfThePaths() throws {
        let box = try Sandbox()
        try box.write("x/y.txt", "Hội nghị.\n")
        let inside = try InputScanner(workingDirectory: box.articles.path).scan([box.articles])
        #expect(inside.files.map(\.displayPath) == ["x/y.txt"])
        let deeper = try InputScanner(workingDirectory: box.articles.appendingPathComponent("x").path).scan([box.articles])
        #expect(deeper.files.map(\.displayPath) == ["y.txt"])
        let beside = try InputScanner(workingDirectory: box.root.appendingPathComponent("art").path).scan([box.articles])
        #expect(beside.files.map(\.displayPath) == [box.articles.path + "/x/y.txt"])
        let slash = try InputScanner(workingDirectory: box.root.path + "/").scan([box.articles])
        #expect(slash.files.map(\.displayPath) == ["articles/x/y.txt"])
    }
}
