import Foundation
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
