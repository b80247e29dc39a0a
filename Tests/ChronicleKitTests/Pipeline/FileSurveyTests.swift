import Foundation
import Testing
@testable import ChronicleKit

/// The survey matches the scan's files to the stored rows in one merge of path-ordered lists and
/// takes the scanner's stamps; it must say what the plain code says: each file looked up by
/// path in a dictionary of the rows and stat'ed by its path (`FileSurvey.classify`).
@Suite struct FileSurveyTests {
    @Test func theMergeAndTheScannersStampsAgreeWithThePlainCode() throws {
        let (box, scan, survey) = try Self.surveyedNight(keepRemoved: true)
        let store = try box.store()
        let extraction = try box.extraction()
        let byPath = try store.fileStates()
        let plain = scan.files.map { file in
            var unstamped = file
            unstamped.stamp = nil
            return FileSurvey.classify(unstamped, stored: byPath[file.path], extraction: extraction)
        }
        #expect(survey.states.map(Self.describe) == plain.map(Self.describe))
        #expect(
            survey.states.map(Self.describe) == ["new", "unchanged", "restamped", "unchanged", "changed", "unchanged", "new", "unchanged"])
        #expect(survey.known == scan.files.map { byPath[$0.path] != nil })
        let seen = Set(scan.files.map(\.path))
        #expect(survey.removed.map(\.path) == byPath.keys.filter { !seen.contains($0) }.sorted(by: ByteOrder.precedes))
        #expect(survey.removed.map { $0.displayPath.hasSuffix("/articles/gone.txt") } == [true])
    }

    static let event = "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n"

    /// An archive after a run, then changed: unchanged, restamped (same bytes, new time),
    /// changed, new and removed files; scanned and surveyed as the next run would.
    static func surveyedNight(keepRemoved: Bool) throws -> (box: Sandbox, scan: InputScanner.Result, survey: FileSurvey) {
        let box = try Sandbox()
        for name in ["a/1.txt", "a/2.txt", "b.txt", "c/3.txt", "c/4.txt", "gone.txt", "đ/5.txt"] {
            try box.write(name, event + name + "\n")
        }
        try box.run()
        let restamped = box.articles.appendingPathComponent("a/2.txt")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_500_000_000)], ofItemAtPath: restamped.path)
        try box.write("c/3.txt", event + "đổi\n")
        try box.write("a/0.txt", event + "mới\n")
        try box.write("z.txt", event + "mới\n")
        try FileManager.default.removeItem(at: box.articles.appendingPathComponent("gone.txt"))
        let scan = try InputScanner(workingDirectory: box.root.path).scan([box.articles])
        let survey = FileSurvey(
            files: scan.files, stored: try box.store().sortedFileStates(), extraction: try box.extraction(), keepRemoved: keepRemoved)
        return (box, scan, survey)
    }

    /// The fingerprint of an unchanged archive is the one the last run stored with its
    /// chronology; with a file not extracted yet (new, or changed), there is none: the check
    /// that says so reads no hash's text.
    @Test func theFingerprintIsTheStoredOneAndNoneWhileAFileIsNotExtracted() throws {
        let box = try Sandbox()
        for name in ["a/1.txt", "b.txt", "c/2.txt"] { try box.write(name, Self.event + name + "\n") }
        _ = try box.run()
        let config = try box.config()
        let workingDirectory = FileManager.default.currentDirectoryPath
        func fingerprint() throws -> String? {
            let scan = try InputScanner(workingDirectory: workingDirectory).scan([box.articles])
            let extraction = try box.extraction()
            let survey = FileSurvey(
                files: scan.files, stored: try box.store().sortedFileStates(), extraction: extraction, keepRemoved: true)
            let inputs = RunInputs(corrections: try CorrectionSet.load(config: config), extraction: extraction, scan: scan)
            return survey.fingerprint(
                extracted: ExtractedFiles(), inputs: inputs, window: config.window, workingDirectory: workingDirectory)
        }
        let stored = try #require(try box.store().cachedChronologyFingerprint())
        #expect(try fingerprint() == stored)
        try box.write("z/3.txt", Self.event + "mới\n")
        #expect(try fingerprint() == nil)
        try FileManager.default.removeItem(at: box.articles.appendingPathComponent("z/3.txt"))
        try box.write("0.txt", Self.event + "mới\n")
        #expect(try fingerprint() == nil)
        try FileManager.default.removeItem(at: box.articles.appendingPathComponent("0.txt"))
        #expect(try fingerprint() == stored)
        try box.write("b.txt", Self.event + "đổi\n")
        #expect(try fingerprint() == nil)
    }

    /// Several roots are listed in the order of their display paths, which need not be that of
    /// their paths: the merge still finds every row.
    @Test func filesOutOfPathOrderAreStillMatched() throws {
        let box = try Sandbox()
        for name in ["a/x/1.txt", "b/2.txt"] {
            let url = box.root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(Self.event.utf8).write(to: url)
        }
        let scanner = InputScanner(workingDirectory: box.root.appendingPathComponent("a").path)
        let scan = try scanner.scan([box.root.appendingPathComponent("a/x"), box.root.appendingPathComponent("b")])
        // "/…/b/2.txt" (shown whole) before "x/1.txt", though ".../a/x/1.txt" is the first path.
        #expect(scan.files.map(\.displayPath) == [box.root.path + "/b/2.txt", "x/1.txt"])
        let rows = scan.files.map { file in
            StoredFileState(
                path: file.path, displayPath: file.displayPath, stamp: file.stamp!, contentHash: "00000000000000aa",
                extractorVersion: "v", configFingerprint: "f")
        }
        let extraction = Extraction(version: "v", configFingerprint: "f") { _ in [] }
        let survey = FileSurvey(files: scan.files, stored: StoredFileStates(rows), extraction: extraction, keepRemoved: true)
        #expect(survey.known == [true, true])
        #expect(survey.removed.isEmpty)
        #expect(survey.states.map(Self.describe) == ["unchanged", "unchanged"])
    }

    /// A file renamed to the same name in another Unicode normalization (NFD, as some systems
    /// write names) is the stored file still, as it was when rows were looked up by String.
    @Test func aNameInAnotherNormalizationIsTheSameFile() throws {
        let box = try Sandbox()
        let composed = "Quân-đoàn-ủy.txt"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        try box.write(composed, Self.event)
        try box.run()
        try FileManager.default.moveItem(
            atPath: box.articles.path + "/" + composed, toPath: box.articles.path + "/" + decomposed)
        let scan = try InputScanner(workingDirectory: box.root.path).scan([box.articles])
        #expect(scan.files.map { Array($0.path.utf8).suffix(decomposed.utf8.count) } == [ArraySlice(decomposed.utf8)])
        let second = try box.run()
        #expect(second.unchanged == 1 && second.extracted == 0 && second.vanished == 0)
    }

    private static func describe(_ state: FileSurvey.State) -> String {
        switch state {
        case .unchanged: return "unchanged"
        case .restamped: return "restamped"
        case .changed(_, let hash): return hash == nil ? "new" : "changed"
        }
    }
}
