import Foundation
import Logging
import Testing
@testable import ChronicleKit

/// The report set is published whole: a run stopped among the renames that put its files in
/// place is completed by the next start (`PublishJournal`), and a killed run's temporary files
/// are cleaned up wherever the job writes them, and only those.
@Suite struct ReportPublishTests {
    /// A crash, as far as the files on disk can tell.
    struct SimulatedCrash: Error {}

    private static let first = "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n"
    private static let second = "event: 2023-06-20 | Quân đoàn 2 | mid-year-review\n"

    private func run(_ box: Sandbox, day: Int, stopAfter renames: Int? = nil) throws -> RunSummary {
        // Paths shown relative to the project, so that two projects' reports compare equal.
        let options = RunOptions(
            config: try box.config(), asOf: PartialDate(year: 2024, month: 1, day: day), workingDirectory: box.root.path)
        var logger = Logger(label: "chronicle-test")
        logger.logLevel = .critical
        var run = ChronicleRun(options: options, logger: logger, extraction: try box.extraction())
        if let renames {
            run.afterReportRename = { done in if done == renames { throw SimulatedCrash() } }
        }
        return try run.run()
    }

    /// A project after two nights (the second added a unit and a year), and the number of
    /// reports the second wrote.
    private func twoNights(stopAfter renames: Int? = nil) throws -> (Sandbox, written: Int) {
        let box = try Sandbox()
        try box.write("a.txt", Self.first)
        _ = try run(box, day: 15)
        try box.write("b.txt", Self.second)
        guard let renames else { return (box, try run(box, day: 16).reports.count) }
        #expect(throws: SimulatedCrash.self) { try run(box, day: 16, stopAfter: renames) }
        return (box, 0)
    }

    /// Every file under the output folder, state folder included, by relative path.
    private func allFiles(_ box: Sandbox) -> [String] {
        (FileManager.default.subpaths(atPath: box.output.path) ?? []).filter { path in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: box.output.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue
        }.sorted()
    }

    @Test func aPublishStoppedAfterSomeRenamesIsCompletedByTheNextStart() throws {
        let (finished, written) = try twoNights()
        let expected = try finished.reports()
        #expect(!FileManager.default.fileExists(atPath: PublishJournal(config: try finished.config()).url.path))
        #expect(written > 4)
        for stop in [1, 3, written - 1] {
            let (box, _) = try twoNights(stopAfter: stop)
            let journal = PublishJournal(config: try box.config())
            #expect(FileManager.default.fileExists(atPath: journal.url.path), "the journal stays until the set is whole")
            // What the crash left: some reports new, some old.
            let left = try box.reports()
            let new = expected.filter { left[$0.key] == $0.value }.count
            #expect(new >= stop && new < expected.count, "stopped after \(stop): \(new) of \(expected.count) reports new")
            let status = try #require(try RunStatus.read(config: try box.config()))
            #expect(status.interruptedPublish && status.text.contains("the next run completes the set"))

            // The next start, holding the lock, completes the set before anything else.
            let locks = try ChronicleRun(options: RunOptions(config: try box.config(), asOf: PartialDate(year: 2024, month: 1, day: 17)))
                .lockState()
            for lock in locks { lock.release() }
            #expect(try box.reports() == expected, "stopped after \(stop): every report is the new one")
            #expect(!FileManager.default.fileExists(atPath: journal.url.path))
            #expect(!allFiles(box).contains { $0.hasSuffix(".tmp") }, "\(allFiles(box))")
            #expect(try RunStatus.read(config: try box.config())?.interruptedPublish == false)
        }
    }

    @Test func aRenameThatFailsKeepsTheJournalAndTheRunSaysWhich() throws {
        let box = try Sandbox()
        try box.write("a.txt", Self.first)
        _ = try run(box, day: 15)
        // Something took the place of the timeline (renamed last of the text reports).
        let blocker = box.output.appendingPathComponent("timeline.svg")
        try FileManager.default.removeItem(at: blocker)
        try FileManager.default.createDirectory(at: blocker.appendingPathComponent("x"), withIntermediateDirectories: true)
        try box.write("b.txt", Self.second)
        let error = try #require(throws: OutputError.self) { try run(box, day: 16) }
        #expect("\(error)".contains(blocker.path))
        #expect(ChronicleExitCode.forError(error) == .ioError)
        let journal = PublishJournal(config: try box.config())
        let pending = try #require(try journal.pending())
        #expect(pending.contains { $0.target == "timeline.svg" })

        // Fixed, the next run completes the publish first, then goes on.
        try FileManager.default.removeItem(at: blocker)
        _ = try run(box, day: 16)
        #expect(!FileManager.default.fileExists(atPath: journal.url.path))
        let (reference, _) = try twoNights()
        #expect(try box.reports() == reference.reports())
    }

    @Test func aKilledRunsTemporaryFilesAreRemovedInEveryReportFolderAndNothingElse() throws {
        let box = try Sandbox()
        try box.write("a.txt", Self.first)
        _ = try run(box, day: 15)
        let leftovers = [
            ".chronology.md.4242.tmp", "units/.quan-doan-1.md.99999.tmp", "years/.2022.md.12345.tmp",
            ".chronicle/.reports.manifest.777.tmp",
        ]
        let kept = [".notes.tmp", ".keep", "units/.keep", "years/.ghi-chu.tmp", "notes.12.tmp", ".ban.12a.tmp", "units/.4242.tmp"]
        for path in leftovers + kept {
            try Data("x".utf8).write(to: box.output.appendingPathComponent(path))
        }
        _ = try run(box, day: 16)
        for path in leftovers {
            #expect(!FileManager.default.fileExists(atPath: box.output.appendingPathComponent(path).path), "\(path) is removed")
        }
        for path in kept {
            #expect(FileManager.default.fileExists(atPath: box.output.appendingPathComponent(path).path), "\(path) is the user's")
        }
    }

    /// A staging synced ahead of the commit (a format's files, as its job ends) is committed with
    /// one that was not: every file in place with its bytes, no temporary file left. One synced
    /// ahead and then discarded leaves the file it would have replaced as it was, and nothing of
    /// its own.
    @Test func stagingsSyncedAheadAreCommittedOrDiscardedWhole() throws {
        let box = try Sandbox()
        let root = box.output
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let summary = root.appendingPathComponent("summary.csv")
        try "cũ\n".write(to: summary, atomically: true, encoding: .utf8)
        let early = ReportStaging(root: root), late = ReportStaging(root: root)
        try early.open("units/quan-doan-1.md").write("# Quân đoàn 1\n")
        try early.open("chronology.csv").write("date,unit\n2022-12-26,Quân đoàn 1\n")
        try early.syncAhead()
        try late.open("summary.csv").write("mới\n")
        let published = try ReportStaging.commit([early, late])
        #expect(published.map(\.lastPathComponent) == ["quan-doan-1.md", "chronology.csv", "summary.csv"])
        #expect(try String(contentsOf: root.appendingPathComponent("units/quan-doan-1.md"), encoding: .utf8) == "# Quân đoàn 1\n")
        #expect(try String(contentsOf: summary, encoding: .utf8) == "mới\n")
        #expect(allFiles(box) == ["chronology.csv", "summary.csv", "units/quan-doan-1.md"])

        let dropped = ReportStaging(root: root)
        try dropped.open("summary.csv").write("bỏ\n")
        try dropped.syncAhead()
        dropped.discard()
        #expect(try String(contentsOf: summary, encoding: .utf8) == "mới\n")
        #expect(allFiles(box) == ["chronology.csv", "summary.csv", "units/quan-doan-1.md"])
    }

    @Test func temporaryNamesAreTheJobsOwnPattern() {
        for name in [".chronology.md.123.tmp", ".2022.md.1.tmp", ".a.b.c.99.tmp"] {
            #expect(ChronicleRun.isTemporaryName(name), "\(name)")
        }
        for name in [".notes.tmp", ".123.tmp", "..123.tmp", ".a.+5.tmp", ".a.12a.tmp", "a.123.tmp", ".a.123.tmp.bak", ".a..tmp"] {
            #expect(!ChronicleRun.isTemporaryName(name), "\(name)")
        }
    }

    @Test func aJournalNamingAPathOutsideTheOutputIsRefused() throws {
        let box = try Sandbox()
        let journal = PublishJournal(config: try box.config())
        try FileManager.default.createDirectory(at: journal.url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "\(PublishJournal.header)\n.x.1.tmp\t../config/chronicle.yml\n".write(to: journal.url, atomically: true, encoding: .utf8)
        let error = try #require(throws: OutputError.self) { try journal.rollForward() }
        #expect("\(error)".contains("damaged line"))
        #expect(FileManager.default.fileExists(atPath: box.configFile.path))
    }
}
