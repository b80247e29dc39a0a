import Foundation
import GRDB
import Testing
@testable import ChronicleKit

/// A night reads the stored summaries in the store's path order beside the survey's rows
/// (`storedSummariesInPathOrder`); it must find what looking each row up by path finds
/// (`storedSummariesByPath`), and give way to it when a row is not the one it expects.
@Suite struct StoredSummariesTests {
    private static let event = "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n"

    /// An archive after a run, then changed: a restamped, a changed, two new and a vanished file.
    private func night(keepRemoved: Bool) throws -> (box: Sandbox, survey: FileSurvey, store: ChronicleStore) {
        let box = try Sandbox()
        for name in ["a/1.txt", "a/2.txt", "b.txt", "c/3.txt", "c/4.txt", "gone.txt", "đ/5.txt", "z/6.txt"] {
            try box.write(name, Self.event + name + "\n")
        }
        _ = try box.run()
        let restamped = box.articles.appendingPathComponent("a/2.txt")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_500_000_000)], ofItemAtPath: restamped.path)
        try box.write("c/3.txt", Self.event + "đổi\n")
        try box.write("a/0.txt", Self.event + "mới\n")
        try box.write("y.txt", Self.event + "mới\n")
        try FileManager.default.removeItem(at: box.articles.appendingPathComponent("gone.txt"))
        let scan = try InputScanner(workingDirectory: box.root.path).scan([box.articles])
        let store = try box.store()
        let survey = FileSurvey(
            files: scan.files, stored: try store.sortedFileStates(), extraction: try box.extraction(), keepRemoved: keepRemoved)
        return (box, survey, store)
    }

    /// What was found, as bytes: reused by file, kept vanished by path, made by path.
    private func described(_ found: ChronicleRun.StoredSummaries) throws -> [String] {
        func bytes(_ blob: RecordArchive.Blob) throws -> [UInt8] {
            switch blob {
            case .bytes(let held): return held
            case .spooled(let span): return try span.bytes()
            }
        }
        var lines = try found.reused.enumerated().map { index, blob in "\(index): \(try blob.map(bytes) ?? [])" }
        lines += try found.removed.sorted { $0.key < $1.key }.map { "removed \($0.key): \(try bytes($0.value))" }
        lines += found.made.sorted { $0.key < $1.key }.map { "made \($0.key): \($0.value)" }
        lines += found.kept.keys.sorted().map { "kept \($0)" }
        return lines
    }

    @Test func theRowsInPathOrderGiveWhatTheLookupByPathGives() throws {
        for keepRemoved in [true, false] {
            let (box, survey, store) = try night(keepRemoved: keepRemoved)
            defer { withExtendedLifetime(box) {} }
            var inOrderKeeper = SummaryKeeper(spool: nil), byPathKeeper = SummaryKeeper(spool: nil)
            let inOrder = try #require(try ChronicleRun.storedSummariesInPathOrder(survey, store: store, keeper: &inOrderKeeper))
            let byPath = try ChronicleRun.storedSummariesByPath(survey, store: store, keeper: &byPathKeeper)
            #expect(try described(inOrder) == (try described(byPath)))
            #expect(inOrder.reused.compactMap { $0 }.count == 6)
            #expect(inOrder.removed.count == (keepRemoved ? 1 : 0))
        }
    }

    /// A row without a summary (a store from before summaries) gets one made from its records,
    /// in both routes alike.
    @Test func aRowWithoutASummaryGetsOneMadeFromItsRecords() throws {
        let (box, survey, store) = try night(keepRemoved: true)
        defer { withExtendedLifetime(box) {} }
        let queue = try DatabaseQueue(path: store.url.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE article_file SET summary_bin = NULL WHERE path LIKE '%/b.txt' OR path LIKE '%/gone.txt'")
            try db.execute(sql: "UPDATE article_file SET summary_bin = x'00' WHERE path LIKE '%/5.txt'")
        }
        try queue.close()
        var inOrderKeeper = SummaryKeeper(spool: nil), byPathKeeper = SummaryKeeper(spool: nil)
        let inOrder = try #require(try ChronicleRun.storedSummariesInPathOrder(survey, store: store, keeper: &inOrderKeeper))
        let byPath = try ChronicleRun.storedSummariesByPath(survey, store: store, keeper: &byPathKeeper)
        #expect(inOrder.made.count == 3)
        #expect(try described(inOrder) == (try described(byPath)))
    }

    /// A row that is not the one the survey has in its place (here: the table changed since
    /// the survey read it) sends the night to the lookup by path, which finds the same.
    @Test func aRowOutOfPlaceGivesWayToTheLookupByPath() throws {
        let (box, survey, store) = try night(keepRemoved: true)
        let queue = try DatabaseQueue(path: store.url.path)
        try queue.write { db in
            try db.execute(
                sql: "UPDATE article_file SET path = ? WHERE path LIKE '%/c/4.txt'",
                arguments: [box.articles.appendingPathComponent("c/4b.txt").path])
        }
        try queue.close()
        var keeper = SummaryKeeper(spool: nil)
        #expect(try ChronicleRun.storedSummariesInPathOrder(survey, store: store, keeper: &keeper) == nil)
        var chosenKeeper = SummaryKeeper(spool: nil), byPathKeeper = SummaryKeeper(spool: nil)
        let chosen = try ChronicleRun.storedSummaries(survey, store: store, keeper: &chosenKeeper)
        let byPath = try ChronicleRun.storedSummariesByPath(survey, store: store, keeper: &byPathKeeper)
        #expect(try described(chosen) == (try described(byPath)))
    }
}
