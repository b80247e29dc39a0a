import Foundation
import GRDB
import Testing
@testable import ChronicleKit

@Suite struct StoreTests {
    private func seed(_ box: Sandbox) throws {
        try box.write("a.txt", "url: https://example.vn/a\nevent: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try box.write("b.txt", "url: https://example.vn/b\nevent: 2023-06-20 | Quân đoàn 2 | mid-year-review\n")
        try box.write("sub/c.txt", "event: 2023-01-05 | Tổng cục Kỹ thuật | resolution-study\n")
    }

    private func ids(_ summary: RunSummary) throws -> Set<String> { Set(try summary.fullChronology().events.map(\.id)) }

    @Test func secondRunWithNoChangeExtractsNothing() throws {
        let box = try Sandbox()
        try seed(box)
        let first = try box.run()
        #expect(first.extracted == 3 && first.unchanged == 0)
        #expect(first.events == 3)
        let second = try box.run()
        #expect(second.extracted == 0 && second.unchanged == 3)
        #expect(try ids(second) == ids(first))
        let runs = try box.store().runs()
        #expect(runs.map(\.extracted) == [3, 0])
        #expect(runs.map(\.unchanged) == [0, 3])
        #expect(runs.allSatisfy { $0.reportsWritten })
        #expect(try box.store().articles().count == 3)
        #expect(try box.store().paths(forURL: "https://example.vn/a").count == 1)
    }

    /// The store's connection does not zero every freed page (Debian's SQLite does by default):
    /// each night's replaced chronology was written over with zeros and journalled first.
    @Test func theStoreDoesNotZeroFreedPages() throws {
        let folder = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("state.sqlite").path, configuration: ChronicleStore.configuration)
        // 2: FAST (deleted content cleared only on pages written anyway).
        #expect(try queue.read { try Int.fetchOne($0, sql: "PRAGMA secure_delete") } == 2)
    }

    @Test func aDamagedStoreStopsTheRunWithAClearMessage() throws {
        let box = try Sandbox()
        try seed(box)
        _ = try box.run()
        let url = ChronicleRun.storeURL(for: try box.config())
        // Overwrite the middle of the file, as a crash with its journal lost leaves pages half-written.
        var bytes = try Data(contentsOf: url)
        let page = 4096
        #expect(bytes.count > 3 * page)
        for i in (2 * page + 16)..<(3 * page) { bytes[i] = 0xA5 }
        try bytes.write(to: url)
        let error = try #require(throws: StoreError.self) { try ChronicleStore(url: url) }
        #expect("\(error)".contains("damaged"))
        #expect(ChronicleExitCode.forError(error) == .ioError)
    }

    @Test func aDamagedRecordBlobIsExtractedAgainNotPublished() throws {
        let box = try Sandbox()
        try seed(box)
        let first = try box.run()
        let url = ChronicleRun.storeURL(for: try box.config())
        // Flip one letter of a stored unit id inside a record blob, as a disk fault would.
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT path, records_bin FROM article_file")
            let row = try #require(rows.first { ($0["path"] as String).hasSuffix("/a.txt") })
            var blob = [UInt8]((row["records_bin"] as Data?) ?? Data())
            let needle = Array("quan-doan-1".utf8)
            let at = try #require((0...(blob.count - needle.count)).first { Array(blob[$0..<($0 + needle.count)]) == needle })
            blob[at + 5] = UInt8(ascii: "X")
            try db.execute(sql: "UPDATE article_file SET records_bin = ? WHERE path = ?", arguments: [Data(blob), row["path"] as String])
        }
        #expect(throws: RecordBinaryError.checksum) {
            try queue.read { db in
                let data = try #require(try Data.fetchOne(db, sql: "SELECT records_bin FROM article_file WHERE path LIKE '%/a.txt'"))
                _ = try RecordBinary.decode([UInt8](data))
            }
        }
        // An unchanged night publishes from the cached chronology. When another file changes, the
        // chronology is built from the summaries and a's event is taken from the cached chronology
        // (its reports did not change): its records are not read, nothing damaged is published.
        try box.write("b.txt", "url: https://example.vn/b\nevent: 2023-06-20 | Quân đoàn 2 | mid-year-review\nnote: sửa lại\n")
        let second = try box.run()
        #expect(second.extracted == 1 && second.unchanged == 2)
        #expect(try ids(second) == ids(first))
        #expect(try !second.fullChronology().events.contains { $0.event.unit.id.contains("X") })
        // Once a's records must be read (no cached chronology to take its event from), the damage
        // is found and a is extracted again.
        try queue.write { db in try db.execute(sql: "DELETE FROM chronology_cache") }
        try box.write("c.txt", "event: 2023-09-02 | Quân đoàn 2 | committee-meeting\n")
        let third = try box.run()
        #expect(third.extracted == 2)
        #expect(try !third.fullChronology().events.contains { $0.event.unit.id.contains("X") })
    }

    @Test func theRealPipelineIsIncrementalToo() throws {
        let box = try Sandbox()
        try seed(box)
        #expect(try box.run(standard: true).extracted == 3)
        let second = try box.run(standard: true)
        #expect(second.extracted == 0 && second.unchanged == 3)
    }

    @Test func changedFileIsExtractedAgainTouchedFileIsNot() throws {
        let box = try Sandbox()
        try seed(box)
        try box.run()
        try box.write("b.txt", "url: https://example.vn/b\nevent: 2023-07-02 | Quân đoàn 2 | mid-year-review\n")
        let changed = try box.run()
        #expect(changed.extracted == 1 && changed.unchanged == 2)
        // The article now gives another date: its event keeps the id it was first given.
        let review = try changed.fullChronology().events.first { $0.event.unit.id == "quan-doan-2" && $0.event.kind == .midYearReview }
        #expect(review?.event.date.value == PartialDate(year: 2023, month: 7, day: 2))
        #expect(review?.id == "2023-06-20-quan-doan-2-mid-year-review")
        #expect(try !ids(changed).contains("2023-07-02-quan-doan-2-mid-year-review"))

        // Same bytes, new mtime: the hash says unchanged, and the new stamp is remembered.
        let a = box.articles.appendingPathComponent("a.txt")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: a.path)
        let touched = try box.run()
        #expect(touched.extracted == 0 && touched.unchanged == 3)
        let stored = try box.store().articles()[a.standardizedFileURL.path]
        #expect(stored?.stamp == FileStamp(path: a.path))
    }

    @Test func deletedFileKeepsItsEventsUnlessPruned() throws {
        let box = try Sandbox()
        try seed(box)
        try box.run()
        try FileManager.default.removeItem(at: box.articles.appendingPathComponent("a.txt"))
        let kept = try box.run()
        #expect(kept.vanished == 1 && kept.pruned == 0)
        #expect(try ids(kept).contains("2022-12-26-quan-doan-1-year-end-review"))
        #expect(try box.store().articles().count == 3)

        let pruned = try box.run(prune: true)
        #expect(pruned.pruned == 1)
        #expect(try !ids(pruned).contains("2022-12-26-quan-doan-1-year-end-review"))
        #expect(try box.store().articles().count == 2)
        #expect(try box.store().knownEvents()["2022-12-26-quan-doan-1-year-end-review"] == nil)
        #expect(try box.store().paths(forURL: "https://example.vn/a").isEmpty)
        #expect(try box.run().vanished == 0)
    }

    @Test func extractorVersionChangeExtractsEverything() throws {
        let box = try Sandbox()
        try seed(box)
        try box.run(version: "test-1")
        #expect(try box.run(version: "test-2").extracted == 3)
        #expect(try box.run(version: "test-2").extracted == 0)
    }

    @Test func ruleOrGazetteerChangeExtractsEverythingCorrectionsDoNot() throws {
        let box = try Sandbox()
        try seed(box)
        try box.run()
        try box.corrections("corrections: []\n")
        try box.writeConfig(extra: "# another comment")
        #expect(try box.run().extracted == 0, "corrections.yml and chronicle.yml are not extraction inputs")

        try "kinds: [year-end-review]\n".write(
            to: box.configDirectory.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
        #expect(try box.run().extracted == 3)
        let units = box.configDirectory.appendingPathComponent("units.yml")
        try (try String(contentsOf: units, encoding: .utf8) + "  - name: Quân đoàn 3\n").write(to: units, atomically: true, encoding: .utf8)
        #expect(try box.run().extracted == 3)
        #expect(try box.run().extracted == 0)
    }

    @Test func newSinceTheLastRun() throws {
        let box = try Sandbox()
        try seed(box)
        let first = try box.run()
        #expect(first.newEventIDs.isEmpty, "a first run marks nothing new")
        try box.write("d.txt", "event: 2023-09-09 | Quân đoàn 1 | committee-meeting\n")
        let second = try box.run()
        #expect(second.newEventIDs == ["2023-09-09-quan-doan-1-committee-meeting"])
        #expect(try box.run().newEventIDs.isEmpty)
        #expect(try box.store().runs().map(\.newEvents) == [0, 1, 0])
    }

    @Test func newEventsSurviveARunWhoseReportsFailed() throws {
        let box = try Sandbox()
        try seed(box)
        try box.run()
        try box.write("d.txt", "event: 2023-09-09 | Quân đoàn 1 | committee-meeting\n")
        // The report cannot be replaced (a folder stands in its way): the store has committed
        // the run, but its reports were never written.
        let report = box.output.appendingPathComponent("chronology.md")
        try FileManager.default.removeItem(at: report)
        try FileManager.default.createDirectory(at: report.appendingPathComponent("blocker"), withIntermediateDirectories: true)
        do {
            try box.run()
            Issue.record("the report write must fail")
        } catch let error as OutputError {
            #expect(ChronicleExitCode.forError(error) == .ioError)
        }
        #expect(try box.store().runs().last?.reportsWritten == false)
        try FileManager.default.removeItem(at: report)
        let recovered = try box.run()
        #expect(recovered.extracted == 0)
        #expect(recovered.newEventIDs == ["2023-09-09-quan-doan-1-committee-meeting"], "still new: no report has shown it yet")
        #expect(try box.run().newEventIDs.isEmpty)
    }

    @Test func unreadableFileIsTriedAgainEachRun() throws {
        let box = try Sandbox()
        try seed(box)
        try box.write("bad.txt", Data([0x48, 0xC3, 0x28, 0xA0, 0xA1]))  // invalid UTF-8
        let first = try box.run()
        #expect(first.problems.contains { $0.source.hasSuffix("bad.txt") })
        let second = try box.run()
        #expect(second.extracted == 1 && second.unchanged == 3)
        #expect(second.problems.contains { $0.source.hasSuffix("bad.txt") })
    }

    /// XXH3's published values (64 bits, seed 0), read whole, from a file, or a piece at a time.
    @Test func contentHashIsXXH3() throws {
        #expect(ContentHash(bytes: []).description == "2d06800538d394c2")
        #expect(ContentHash(bytes: Array("a".utf8)).description == "e6c632b61e964e1f")
        let text = Array(String(repeating: "Sáng 26/12, Đảng ủy Sư đoàn 9 tổ chức hội nghị.\n", count: 40).utf8)
        for cut in [0, 1, 15, 16, 17, 240, 241, text.count / 2, text.count] {
            let hasher = FileHasher()
            text.withUnsafeBytes { bytes in
                hasher.add(UnsafeRawBufferPointer(rebasing: bytes[..<cut]))
                hasher.add(UnsafeRawBufferPointer(rebasing: bytes[cut...]))
            }
            #expect(hasher.value == ContentHash(bytes: text).value, "cut at \(cut)")
        }
        let box = try Sandbox()
        let url = try box.write("x.txt", "a")
        #expect(ContentHash(fileAt: url.path) == ContentHash(bytes: Array("a".utf8)))
        #expect(ContentHash(fileAt: box.root.appendingPathComponent("none").path) == nil)
    }

    @Test func unusableStoreFileIsAnIOErrorNamingIt() throws {
        let box = try Sandbox()
        try seed(box)
        let url = ChronicleRun.storeURL(for: try box.config())
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: url)
        do {
            try box.run()
            Issue.record("a corrupt store must stop the run")
        } catch let error as StoreError {
            #expect(error.description.contains(url.path))
            #expect(ChronicleExitCode.forError(error) == .ioError)
        }
        #expect(try Data(contentsOf: url) == Data(repeating: 0x41, count: 4096), "what the store knew is not overwritten")
    }
}
