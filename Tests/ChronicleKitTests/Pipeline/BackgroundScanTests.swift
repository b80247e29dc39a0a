import Foundation
import Logging
import Testing
@testable import ChronicleKit

#if canImport(Glibc)
    import Glibc
#endif

/// The input folders are walked on a thread of their own while the run reads its configuration
/// and its store; what would stop the scan must still stop the run before it touches anything,
/// and in the order it did when the scan came first.
@Suite struct BackgroundScanTests {
    @Test func checkingTheRootsThrowsWhatTheScanThrows() throws {
        let box = try Sandbox()
        try box.write("a.txt", "Hội nghị.\n")
        let fifo = box.root.appendingPathComponent("export.jsonl")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let scanner = InputScanner(workingDirectory: box.root.path)
        for roots in [[box.articles, box.root.appendingPathComponent("nowhere")], [fifo], [URL(fileURLWithPath: "/dev/zero")]] {
            var scanError: InputError?
            do { _ = try scanner.scan(roots) } catch let error as InputError { scanError = error }
            #expect(scanError != nil)
            #expect(throws: scanError!) { try scanner.checkRoots(roots) }
        }
        try scanner.checkRoots([box.articles, box.articles.appendingPathComponent("a.txt")])
    }

    @Test func theScanOnItsThreadGivesWhatTheScanGives() throws {
        let box = try Sandbox()
        for name in ["b/2.txt", "a.txt", "c/ảnh.jpg"] { try box.write(name, "Hội nghị.\n") }
        let scanner = InputScanner(workingDirectory: box.root.path)
        var logger = Logger(label: "chronicle-test")
        logger.logLevel = .critical
        let background = try BackgroundScan(scanner, roots: [box.articles], logger: logger).result()
        let plain = try scanner.scan([box.articles])
        #expect(background.files == plain.files)
        #expect(background.skipped == plain.skipped)
        let missing = BackgroundScan(scanner, roots: [box.root.appendingPathComponent("nowhere")], logger: logger)
        #expect(throws: InputError.missing(path: "nowhere")) { try missing.result() }
        // Asked again, it says the same.
        #expect(throws: InputError.missing(path: "nowhere")) { try missing.result() }
    }

    /// A missing input folder stops the run before it makes its state folder or store.
    @Test func aMissingInputTouchesNothing() throws {
        let box = try Sandbox()
        try box.write("a.txt", "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try FileManager.default.removeItem(at: box.articles)
        #expect(throws: InputError.self) { try box.run() }
        #expect(!FileManager.default.fileExists(atPath: box.output.path))
        #expect(!FileManager.default.fileExists(atPath: ChronicleRun.storeURL(for: try box.config()).path))
    }

    /// A bad corrections file is said before a missing input, as when the scan came after it.
    @Test func aBadCorrectionsFileIsSaidBeforeAMissingInput() throws {
        let box = try Sandbox()
        try box.write("a.txt", "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try box.corrections("corrections: [\n")
        try FileManager.default.removeItem(at: box.articles)
        #expect(throws: ConfigError.self) { try box.run() }
        #expect(!FileManager.default.fileExists(atPath: box.output.path))
    }
}
