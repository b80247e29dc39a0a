import Foundation
import GRDB
import Testing
@testable import ChronicleKit

/// A night reads the stored summaries in the store's path order beside the survey's rows
/// (`storedSummariesInPathOrder`); it must find what looking each row up by path finds
/// (`storedSummariesByPath`), and give way to it when a row is not the one it expects.
@Suite struct StoredSummariesTests {
    /// The night of `FileSurveyTests`: restamped, changed, new and vanished files.
    private func night(keepRemoved: Bool) throws -> (box: Sandbox, survey: FileSurvey, store: ChronicleStore) {
        let (box, _, survey) = try FileSurveyTests.surveyedNight(keepRemoved: keepRemoved)
        return (box, survey, try box.store())
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
            #expect(inOrder.reused.compactMap { $0 }.count == 5)
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
            try db.execute(sql: "DELETE FROM file_summary WHERE path LIKE '%/b.txt' OR path LIKE '%/gone.txt'")
            try db.execute(sql: "UPDATE file_summary SET summary_bin = x'00' WHERE path LIKE '%/5.txt'")
        }
        try queue.close()
        var inOrderKeeper = SummaryKeeper(spool: nil), byPathKeeper = SummaryKeeper(spool: nil)
        let inOrder = try #require(try ChronicleRun.storedSummariesInPathOrder(survey, store: store, keeper: &inOrderKeeper))
        let byPath = try ChronicleRun.storedSummariesByPath(survey, store: store, keeper: &byPathKeeper)
        #expect(inOrder.made.count == 3)
        #expect(try described(inOrder) == (try described(byPath)))
    }

    /// A store that matched its seal gives its summaries without their checksums computed
    /// again; a summary changed behind its back breaks the seal, and is then checked, found
    /// damaged and made again from its records.
    @Test func aSummaryChangedBehindTheStoresBackIsCheckedAgain() throws {
        let (box, survey, store) = try night(keepRemoved: true)
        defer { withExtendedLifetime(box) {} }
        #expect(store.checkedOnOpen == false)
        var sealedKeeper = SummaryKeeper(spool: nil)
        let sealed = try #require(try ChronicleRun.storedSummariesInPathOrder(survey, store: store, keeper: &sealedKeeper))
        #expect(sealed.made.isEmpty)
        let queue = try DatabaseQueue(path: store.url.path)
        try queue.write { db in
            // b.txt's summary with the last byte of its checksum changed.
            try db.execute(
                sql: """
                    UPDATE file_summary SET summary_bin = CAST(substr(summary_bin, 1, length(summary_bin) - 1)
                        || CASE WHEN substr(summary_bin, -1) = x'00' THEN x'01' ELSE x'00' END AS BLOB)
                    WHERE path LIKE '%/b.txt'
                    """)
        }
        try queue.close()
        let reopened = try ChronicleStore(url: store.url)
        #expect(reopened.checkedOnOpen)
        var keeper = SummaryKeeper(spool: nil)
        let checked = try #require(try ChronicleRun.storedSummariesInPathOrder(survey, store: reopened, keeper: &keeper))
        #expect(checked.made.keys.map { URL(fileURLWithPath: $0).lastPathComponent } == ["b.txt"])
        #expect(try described(checked).filter { !$0.hasPrefix("made") } == (try described(sealed)))
    }

    /// A row that is not the one the survey has in its place (here: the table changed since
    /// the survey read it) sends the night to the lookup by path, which finds the same.
    @Test func aRowOutOfPlaceGivesWayToTheLookupByPath() throws {
        let (box, survey, store) = try night(keepRemoved: true)
        let queue = try DatabaseQueue(path: store.url.path)
        try queue.write { db in
            // The file and its summary renamed together; the key is checked at the commit.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            for table in ["article_file", "file_summary"] {
                try db.execute(
                    sql: "UPDATE \(table) SET path = ? WHERE path LIKE '%/c/4.txt'",
                    arguments: [box.articles.appendingPathComponent("c/4b.txt").path])
            }
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
