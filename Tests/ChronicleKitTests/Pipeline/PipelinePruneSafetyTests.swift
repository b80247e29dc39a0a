import Foundation
import Logging
import Testing
@testable import ChronicleKit

#if canImport(Glibc)
    import Glibc
#endif

/// `--prune` forgets stored articles missing from the inputs; an input that could not be read
/// this time (an unmounted share, a folder without permission) must not count as missing.
@Suite struct PipelinePruneSafetyTests {
    private func seeded() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("2022/a.txt", "url: https://example.vn/a\nevent: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try box.write("2023/b.txt", "url: https://example.vn/b\nevent: 2023-06-20 | Quân đoàn 2 | mid-year-review\n")
        _ = try box.run()
        return box
    }

    @Test func anEmptyInputFolderRefusesThePruneAndKeepsHistory() throws {
        let box = try seeded()
        // The share is not mounted: the folder is there, empty.
        try FileManager.default.removeItem(at: box.articles)
        try FileManager.default.createDirectory(at: box.articles, withIntermediateDirectories: true)
        let error = try #require(throws: InputError.self) { try box.run(prune: true) }
        #expect("\(error)".contains("--prune refused"))
        #expect(ChronicleExitCode.forError(error) == .inputMissing)
        #expect(try box.store().articles().count == 2)
        // Without --prune the run goes on and keeps the stored events.
        let kept = try box.run()
        #expect(kept.vanished == 2 && kept.pruned == 0)
        #expect(kept.events == 2)
    }

    @Test func aPruneOverReadableInputsStillPrunes() throws {
        let box = try seeded()
        try FileManager.default.removeItem(at: box.articles.appendingPathComponent("2023/b.txt"))
        let summary = try box.run(prune: true)
        #expect(summary.pruned == 1)
        #expect(try box.store().articles().count == 1)
    }

    @Test func anUnreadableSubfolderIsAProblemAndRefusesThePrune() throws {
        // Root reads every folder whatever its mode: the case needs an ordinary user.
        guard getuid() != 0 else {
            print("PipelinePruneSafetyTests: unreadable-folder case skipped, running as root (permissions do not bind root)")
            return
        }
        let box = try seeded()
        let folder = box.articles.appendingPathComponent("2023")
        #expect(chmod(folder.path, 0) == 0)
        defer { chmod(folder.path, 0o755) }
        #expect(throws: InputError.self) { try box.run(prune: true) }
        let summary = try box.run()
        #expect(summary.problems.contains { $0.source.hasSuffix("2023") && $0.reason.contains("cannot list folder") })
        #expect(summary.events == 2)
    }

    @Test func theScannerListsAnEmptyRoot() throws {
        let box = try Sandbox()
        try FileManager.default.createDirectory(at: box.articles.appendingPathComponent("2024"), withIntermediateDirectories: true)
        let scan = try InputScanner(workingDirectory: box.root.path).scan([box.articles])
        #expect(scan.files.isEmpty)
        #expect(scan.emptyRoots == ["articles"])
    }
}

/// A known article that cannot be read for a moment keeps its events for the night.
@Suite struct PipelineTransientReadTests {
    @Test func aKnownFileThatCannotBeReadKeepsItsStoredEvents() throws {
        let box = try Sandbox()
        try box.write("a.txt", "url: https://example.vn/a\nevent: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try box.write("b.txt", "url: https://example.vn/b\nevent: 2023-06-20 | Quân đoàn 2 | mid-year-review\n")
        let first = try box.run()
        #expect(first.events == 2)
        // b.txt changes on disk, and reading it fails with an I/O error this night.
        try box.write("b.txt", "url: https://example.vn/b\nevent: 2023-06-21 | Quân đoàn 2 | mid-year-review\n")
        let normal = try box.extraction()
        let failing = Extraction(version: normal.version, configFingerprint: normal.configFingerprint) { file in
            guard file.path.hasSuffix("/b.txt") else { return normal.records(file) }
            return [ArticleRecord(article: ArticleLoader.failed(file.displayPath, .cannotRead(reason: "Input/output error")), events: [])]
        }
        var logger = Logger(label: "chronicle-test")
        logger.logLevel = .critical
        let options = RunOptions(config: try box.config(), asOf: PartialDate(year: 2024, month: 1, day: 15))
        let night = try ChronicleRun(options: options, logger: logger, extraction: failing).run()
        #expect(night.events == 2, "the stored events of b.txt stay")
        #expect(
            night.problems.contains { $0.source.hasSuffix("b.txt") && $0.reason.contains("its stored events are kept") },
            "\(night.problems)")
        #expect(FileManager.default.fileExists(atPath: box.output.appendingPathComponent("units/quan-doan-2.md").path))
        // Readable again, it is extracted with its new content.
        let next = try box.run()
        #expect(next.extracted == 1 && next.problems.isEmpty)
        #expect(try next.fullChronology().events.contains { $0.event.date.value == PartialDate(year: 2023, month: 6, day: 21) })
    }
}
