import Foundation
import GRDB
import Testing
@testable import ChronicleKit

/// The mechanisms that keep a run fast over a large archive: the binary record form, the
/// store's JSON compatibility, the readdir scanner.
@Suite struct ThroughputTests {
    static let full = ArticleRecord(
        source: "2022/12/bao-cao.txt", url: "https://www.qdnd.vn/chinh-tri/tin-tuc/hoi-nghi-123", title: "Đảng ủy Quân đoàn 1 tổng kết",
        status: .ok, error: nil,
        referenceDate: ReferenceDate(value: PartialDate(year: 2022, month: 12, day: 27), basis: "html-meta"),
        events: [
            Event(
                unit: UnitReference(name: "Quân đoàn 1", id: "quan-doan-1", mention: "Binh đoàn Quyết thắng"),
                organizer: "Đảng ủy Quân đoàn 1", kind: .yearEndReview, title: "Hội nghị tổng kết công tác Đảng năm 2022",
                date: EventDate(
                    value: PartialDate(year: 2022, month: 12, day: 26), partOfDay: .morning, basis: .referenceDate,
                    evidence: "Sáng 26-12, Đảng ủy Quân đoàn 1 tổ chức hội nghị \"tổng kết\"; ✓ 𝔘"),
                period: "năm 2022",
                chair: Person(rank: "Thiếu tướng", name: "Nguyễn Văn A", positions: ["Bí thư Đảng ủy", "Chính ủy"], role: .chair),
                people: [Person(name: "Trần Văn B", role: .directing), Person(rank: "Đại tá", name: "Lê C")],
                documents: [
                    DocumentReference(
                        code: "NQ-847", type: "Nghị quyết", number: "847", issuer: "QUTW",
                        date: PartialDate(year: 2021, month: 12))
                ],
                credits: ["Tin, ảnh: Minh Anh"]),
            Event(
                unit: UnitReference(name: "Quân đoàn 2", id: "quan-doan-2", mention: "Quân đoàn 2"), kind: .midYearReview,
                title: "", date: EventDate(value: nil, basis: .unresolved)),
        ])
    static let failed = ArticleRecord(
        source: "export.jsonl:7", url: nil, status: .unreadable, error: "not UTF-8 text", referenceDate: nil, events: [])

    @Test func binaryRecordsRoundTrip() throws {
        let records = [
            Self.full, Self.failed,
            ArticleRecord(source: "", url: "", title: "", status: .empty, error: "", referenceDate: nil, events: []),
        ]
        let bytes = RecordBinary.encode(records)
        #expect(try RecordBinary.decode(bytes) == records)
        #expect(try RecordBinary.decode(RecordBinary.encode([])) == [])
        // Smaller than the JSON it replaces.
        #expect(bytes.count < (try RecordJSON.encoder.encode(records)).count)
    }

    @Test func damagedBinaryRecordsAreRefused() {
        let bytes = RecordBinary.encode([Self.full])
        #expect(throws: RecordBinaryError.self) { try RecordBinary.decode(Array(bytes.dropLast(3))) }
        #expect(throws: RecordBinaryError.self) { try RecordBinary.decode(bytes + [0]) }
        #expect(throws: RecordBinaryError.self) { try RecordBinary.decode([9] + bytes.dropFirst()) }
        #expect(throws: RecordBinaryError.self) { try RecordBinary.decode([]) }
    }

    @Test func storeKeepsBinaryRowsAndStillReadsJSONRows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ChronicleStore(url: folder.appendingPathComponent("state.sqlite"))
        let file = InputFile(url: URL(fileURLWithPath: "/archive/a.txt"), displayPath: "a.txt")
        let binary = try StoredArticle(
            file: file, stamp: FileStamp(size: 10, modified: 20), contentHash: "00000000000000aa", extractorVersion: "v",
            configFingerprint: "f", records: [Self.full])
        let json = StoredArticle(
            path: "/archive/b.txt", displayPath: "b.txt", stamp: FileStamp(size: 1, modified: 2), contentHash: "bb",
            extractorVersion: "v", configFingerprint: "f", recordsJSON: "[\(try Self.failed.jsonLine())]")
        try store.commit(
            StoreUpdate(
                run: .fixture(files: 2, extracted: 2, articles: 2, events: 1),
                extracted: [binary, json], seen: ["/archive/a.txt", "/archive/b.txt"]))

        let rows = try store.articles()
        #expect(try rows["/archive/a.txt"]?.records() == [Self.full])
        #expect(try rows["/archive/b.txt"]?.records() == [Self.failed])
        // The JSON view of a binary row is the record contract's JSON.
        #expect(rows["/archive/a.txt"]?.recordsJSON == "[\(try Self.full.jsonLine())]")
        #expect(try store.paths(forURL: Self.full.url!) == ["/archive/a.txt"])

        let states = try store.fileStates()
        #expect(states["/archive/a.txt"]?.stamp == FileStamp(size: 10, modified: 20))
        #expect(states["/archive/b.txt"]?.contentHash == "bb")

        var streamed: [String: [ArticleRecord]?] = [:]
        try store.forEachRecords(where: { $0 != "/nowhere" }) { path, records in streamed[path] = records }
        #expect(streamed.count == 2)
        #expect(streamed["/archive/a.txt"] == .some([Self.full]))
        #expect(streamed["/archive/b.txt"] == .some([Self.failed]))
    }

    @Test func recordBlobsLookedUpOneByOneAreThoseOfTheScan() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-lookup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ChronicleStore(url: directory.appendingPathComponent("state.sqlite"))
        var rows: [StoredArticle] = try (0..<30).map { index in
            var record = Self.full
            record.source = "bai-\(index).txt"
            let file = InputFile(url: URL(fileURLWithPath: "/archive/bai-\(index).txt"), displayPath: "bai-\(index).txt")
            return try StoredArticle(
                file: file, stamp: FileStamp(size: 1, modified: 1), contentHash: "\(index)", extractorVersion: "v", configFingerprint: "f",
                records: [record])
        }
        rows.append(
            StoredArticle(
                path: "/archive/cu.txt", displayPath: "cu.txt", stamp: FileStamp(size: 1, modified: 2), contentHash: "cc",
                extractorVersion: "v", configFingerprint: "f", recordsJSON: "[\(try Self.failed.jsonLine())]"))
        try store.commit(
            StoreUpdate(
                run: .fixture(files: rows.count, extracted: rows.count, articles: rows.count, events: 1),
                extracted: rows, seen: rows.map(\.path)))
        let wanted: Set<String> = ["/archive/bai-3.txt", "/archive/cu.txt", "/archive/missing.txt"]
        func blobs(archive: Int) throws -> [String: [UInt8]?] {
            var found: [String: [UInt8]?] = [:]
            try store.forEachRecordBlob(paths: wanted, archive: archive) { path, blob in
                found.updateValue(blob.map { Array($0) }, forKey: path)
            }
            return found
        }
        // Few paths beside a large archive: looked up one by one; else one pass over the table.
        let lookedUp = try blobs(archive: 1_000), scanned = try blobs(archive: 0)
        #expect(lookedUp["/archive/missing.txt"] == .some(nil))
        #expect(lookedUp.filter { $0.value != nil } == scanned.filter { $0.value != nil })
        #expect(try RecordBinary.decode(try #require(lookedUp["/archive/cu.txt"] ?? nil)) == [Self.failed])
        #expect(try RecordBinary.decode(try #require(lookedUp["/archive/bai-3.txt"] ?? nil)).first?.source == "bai-3.txt")
    }

    @Test func undecodableStoredRecordsAreExtractedAgain() throws {
        let box = try Sandbox()
        try box.write("a.txt", "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try box.write("b.txt", "event: 2023-06-20 | Quân đoàn 2 | mid-year-review\n")
        try box.run()
        // Damage one stored blob behind the store's back.
        let queue = try DatabaseQueue(path: ChronicleRun.storeURL(for: try box.config()).path)
        try queue.write { db in
            try db.execute(sql: "UPDATE article_file SET records_bin = x'0102' WHERE path LIKE '%/a.txt'")
            // Without the cached chronology, the records are read (and the damage found).
            try db.execute(sql: "DELETE FROM chronology_cache")
        }
        let second = try box.run()
        #expect(second.extracted == 1 && second.unchanged == 1)
        #expect(
            Set(try second.fullChronology().events.map(\.id)) == [
                "2022-12-26-quan-doan-1-year-end-review", "2023-06-20-quan-doan-2-mid-year-review",
            ])
        let third = try box.run()
        #expect(third.extracted == 0 && third.unchanged == 2)
    }

    @Test func lastSeenRunMovesOnForSeenFilesOnly() throws {
        let box = try Sandbox()
        try box.write("a.txt", "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try box.write("b.txt", "event: 2023-06-20 | Quân đoàn 2 | mid-year-review\n")
        let first = try box.run()
        try FileManager.default.removeItem(at: box.articles.appendingPathComponent("b.txt"))
        let second = try box.run()
        let third = try box.run()
        #expect(third.vanished == 1 && third.events == 2)
        let store = try ChronicleStore(url: ChronicleRun.storeURL(for: try box.config()))
        let seen = try store.lastSeenRuns().sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        #expect(seen.count == 2)
        #expect(seen[0].0.hasSuffix("/a.txt") && seen[0].1 == third.runID)
        #expect(seen[1].0.hasSuffix("/b.txt") && seen[1].1 == first.runID && second.runID > first.runID)
    }

    @Test func scannerSkipsHiddenEntriesFollowsFileLinksAndSortsByBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        for path in ["b/2.txt", "a/Z.html", "a/z.jsonl", ".hidden/x.txt", "a/.x.txt", "c/ảnh.jpg", "c/notes", "Đ.txt", "a.b/.txt"] {
            let url = folder.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("link.txt").path, withDestinationPath: folder.appendingPathComponent("b/2.txt").path)
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("dirlink").path, withDestinationPath: folder.appendingPathComponent("b").path)
        let result = try InputScanner(workingDirectory: folder.path).scan([folder])
        #expect(result.files.map(\.displayPath) == ["a/Z.html", "a/z.jsonl", "b/2.txt", "link.txt", "Đ.txt"])
        #expect(result.skipped == ["c/notes", "c/ảnh.jpg"])
        #expect(throws: InputError.missing(path: "nowhere")) {
            try InputScanner(workingDirectory: folder.path).scan([folder.appendingPathComponent("nowhere")])
        }
        #expect(
            InputScanner.pathExtension("a.TXT") == "TXT" && InputScanner.pathExtension(".txt") == ""
                && InputScanner.pathExtension("x") == "")
    }
}

/// The chronology cache: reused when nothing it depends on changed, rebuilt otherwise, and the
/// reports are the same either way.
@Suite struct ChronologyCacheTests {
    private func seed(_ box: Sandbox) throws {
        try box.write("a.txt", "url: https://example.vn/a\nevent: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try box.write(
            "b.txt",
            "url: https://example.vn/b\nevent: 2023-06-20 | Quân đoàn 2 | mid-year-review\nevent: x | Quân đoàn 2 | resolution-study\n")
        try box.write("sub/c.txt", "event: 2023-01-05 | Tổng cục Kỹ thuật | resolution-study\n")
    }

    private func same(_ a: RunSummary, _ b: RunSummary) throws -> Bool {
        let x = try a.fullChronology(), y = try b.fullChronology()
        return x.events == y.events && x.undated == y.undated
            && x.outsideWindow == y.outsideWindow && a.problems == b.problems
            && a.articles == b.articles && a.events == b.events && a.corrected == b.corrected && a.suppressed == b.suppressed
    }

    @Test func unchangedInputsReuseTheChronologyWithTheSameReports() throws {
        let box = try Sandbox()
        try seed(box)
        try box.corrections("corrections:\n  - url: https://example.vn/a\n    kind: mid-year-review\n")
        let first = try box.run()
        #expect(!first.chronologyReused)
        let reports = try box.reports()
        let second = try box.run()
        #expect(second.chronologyReused)
        #expect(try same(first, second))
        #expect(try second.corrected == 1 && !second.fullChronology().undated.isEmpty)
        #expect(try box.reports() == reports)
    }

    @Test func anUnchangedNightWritesTheIndexPageFromTheOutline() throws {
        let box = try Sandbox()
        try seed(box)
        let first = try box.run()
        #expect(!first.chronologyIsOutline)
        let reports = try box.reports()

        // The next night: only the pages that show the "as of" date are written (the timeline
        // draws it: the window reaches into 2024), from the outline.
        let second = try box.run(asOf: PartialDate(year: 2024, month: 1, day: 16))
        #expect(second.chronologyReused && second.chronologyIsOutline)
        #expect(second.reports.map(\.lastPathComponent) == ["chronology.md", "timeline.svg"])
        #expect(try second.fullChronology().events == first.fullChronology().events)
        let after = try box.reports()
        #expect(after["chronology.md"] != reports["chronology.md"])
        let asOfPages: Set<String> = ["chronology.md", "timeline.svg"]
        #expect(after.filter { !asOfPages.contains($0.key) } == reports.filter { !asOfPages.contains($0.key) })

        // A unit page deleted by hand: written again, from the whole chronology read for it.
        let unit = try #require(reports.keys.first { $0.hasPrefix("units/") })
        try FileManager.default.removeItem(at: box.output.appendingPathComponent(unit))
        let third = try box.run(asOf: PartialDate(year: 2024, month: 1, day: 16))
        #expect(third.chronologyIsOutline)
        #expect(third.reports.map { "units/" + $0.lastPathComponent } == [unit])
        let page = try #require(try box.reports()[unit].map { String(decoding: $0, as: UTF8.self) })
        let before = String(decoding: reports[unit]!, as: UTF8.self)
        #expect(page == before.replacingOccurrences(of: "15/01/2024", with: "16/01/2024"), "the same page, updated on the 16th")
    }

    @Test func aChangedNewOrVanishedFileRebuildsIt() throws {
        let box = try Sandbox()
        try seed(box)
        try box.run()
        try box.write("b.txt", "event: 2023-07-02 | Quân đoàn 2 | mid-year-review\n")
        let changed = try box.run()
        #expect(!changed.chronologyReused)
        #expect(try changed.fullChronology().events.map(\.id).contains("2023-07-02-quan-doan-2-mid-year-review"))
        #expect(try box.run().chronologyReused)

        try box.write("d.txt", "event: 2022-03-01 | Quân đoàn 1 | resolution-study\n")
        let added = try box.run()
        #expect(!added.chronologyReused && added.events == 4)

        try FileManager.default.removeItem(at: box.articles.appendingPathComponent("d.txt"))
        let kept = try box.run()
        #expect(!kept.chronologyReused && kept.events == 4)
        #expect(try box.run().chronologyReused)
        let pruned = try box.run(prune: true)
        #expect(!pruned.chronologyReused && pruned.events == 3)
        #expect(try box.run().chronologyReused)
    }

    @Test func aChangedWindowCorrectionOrExtractorRebuildsIt() throws {
        let box = try Sandbox()
        try seed(box)
        let first = try box.run()
        #expect(try box.run().chronologyReused)

        try box.corrections("corrections:\n  - url: https://example.vn/b\n    suppress: true\n")
        let corrected = try box.run()
        #expect(!corrected.chronologyReused && corrected.suppressed == 2 && corrected.events == first.events - 1)
        #expect(try box.run().chronologyReused)

        let text = try String(contentsOf: box.configFile, encoding: .utf8)
            .replacingOccurrences(of: "from: 2020-01-01", with: "from: 2023-01-01")
            .replacingOccurrences(of: "to: 2025-12-31", with: "to: 2023-12-31")
        try text.write(to: box.configFile, atomically: true, encoding: .utf8)
        let narrower = try box.run()
        #expect(!narrower.chronologyReused && narrower.events == 1)
        #expect(try box.run().chronologyReused)

        let other = try box.run(version: "test-2")
        #expect(!other.chronologyReused && other.extracted == 3)
        #expect(try box.run(version: "test-2").chronologyReused)
    }

    @Test func cacheRoundTrips() throws {
        let chronology = ChronologyBuilder(window: DateWindow(from: PartialDate(year: 2020), to: PartialDate(year: 2025)))
            .build([ThroughputTests.full, ThroughputTests.failed])
        var marked = chronology
        marked.events[0].corrected = true
        let cache = BuiltChronology(
            chronology: marked, problems: [ArticleProblem(source: "a.txt", reason: "không đọc được")], articles: 2, suppressed: 1)
        let decoded = try BuiltChronology(decoding: cache.encoded())
        #expect(decoded.chronology.events == marked.events && decoded.chronology.undated == marked.undated)
        #expect(decoded.chronology.window == marked.window && decoded.chronology.outsideWindow == marked.outsideWindow)
        #expect(decoded.problems == cache.problems && decoded.articles == 2 && decoded.suppressed == 1)
        #expect(throws: RecordBinaryError.self) { try BuiltChronology(decoding: Array(cache.encoded().dropLast())) }
    }
}

/// The indexed grouping of `ChronologyBuilder` merges exactly what a scan over every group would.
@Suite struct ChronologyBucketTests {
    private func record(_ name: String, _ events: [Event]) -> ArticleRecord {
        ArticleRecord(source: name, url: nil, status: .ok, error: nil, referenceDate: nil, events: events)
    }

    private func event(_ date: PartialDate?, documents: [String] = []) -> Event {
        Event(
            unit: UnitReference(name: "Quân đoàn 1", id: "quan-doan-1", mention: "Quân đoàn 1"), kind: .committeeMeeting,
            title: "Hội nghị Ban Thường vụ", date: EventDate(value: date, basis: date == nil ? .unresolved : .explicit),
            documents: documents.map { DocumentReference(code: $0, type: "Nghị quyết") })
    }

    /// The grouping by a scan over every group, as the builder did before it kept an index.
    private func reference(_ records: [ArticleRecord]) -> [[String]] {
        var groups: [[(Event, String)]] = []
        for record in records {
            for event in record.events {
                if let index = groups.firstIndex(where: { $0.contains { ChronologyBuilder.sameMeeting($0.0, event) } }) {
                    groups[index].append((event, record.source))
                } else {
                    groups.append([(event, record.source)])
                }
            }
        }
        return groups.map { $0.map(\.1).sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func mergesAcrossYearEndsMonthsAndDocumentsLikeAFullScan() {
        var records: [ArticleRecord] = []
        let dates: [PartialDate?] = [
            PartialDate(year: 2022, month: 12, day: 31), PartialDate(year: 2023, month: 1, day: 1),
            PartialDate(year: 2023, month: 1), PartialDate(year: 2023, month: 1, day: 15), PartialDate(year: 2023),
            PartialDate(year: 2022, month: 6, day: 3), PartialDate(year: 2022, month: 6, day: 5), PartialDate(year: 2022, month: 6, day: 4),
            nil, nil,
        ]
        for (index, date) in dates.enumerated() {
            records.append(record(String(format: "a%02d.txt", index), [event(date)]))
        }
        records.append(record("d1.txt", [event(nil, documents: ["NQ-847", "KL-01"])]))
        records.append(record("d2.txt", [event(nil, documents: ["KL-01", "NQ-847"])]))
        records.append(record("d3.txt", [event(nil, documents: ["NQ-847"])]))
        let window = DateWindow(from: PartialDate(year: 2000, month: 1, day: 1), to: PartialDate(year: 2030, month: 12, day: 31))
        let chronology = ChronologyBuilder(window: window).build(records)
        let built = (chronology.events + chronology.undated).map { $0.sources.map(\.source).sorted() }
            .sorted { $0.lexicographicallyPrecedes($1) }
        #expect(built == reference(records))
        #expect(built.contains { $0.contains("a00.txt") && $0.contains("a01.txt") })
        #expect(built.contains(["d1.txt", "d2.txt"]))
    }
}
