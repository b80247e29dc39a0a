import Foundation
import Testing
@testable import ChronicleKit

/// The chronology is built from records kept in stored form (`RecordArchive`); it must come out
/// exactly as when it is built from decoded records.
@Suite struct RecordArchiveTests {
    let window = DateWindow(from: PartialDate(year: 2022, month: 1, day: 1), to: PartialDate(year: 2023, month: 12, day: 31))

    func event(_ unit: String, _ kind: EventKind, _ date: PartialDate?, documents: [String] = [], chair: String? = nil) -> Event {
        Event(
            unit: UnitReference(name: unit, id: unit.lowercased().replacingOccurrences(of: " ", with: "-"), mention: unit),
            kind: kind, title: "Hội nghị của \(unit)",
            date: EventDate(value: date, basis: .explicit, evidence: "Sáng 26/12, \(unit) tổ chức hội nghị."),
            chair: chair.map { Person(rank: "Thiếu tướng", name: $0, positions: ["Bí thư Đảng ủy"], role: .chair) },
            documents: documents.map { DocumentReference(code: $0, type: "Nghị quyết", number: $0) })
    }

    func record(_ source: String, _ events: [Event], status: ArticleStatus = .ok) -> ArticleRecord {
        ArticleRecord(
            source: source, url: "https://qdnd.vn/\(source)", title: "Tin \(source)", status: status,
            error: status == .ok ? nil : "không đọc được tệp", referenceDate: nil, events: events)
    }

    /// Three files: a JSON Lines export with two articles, a text article and one that could not be read.
    var files: [[ArticleRecord]] {
        let day = PartialDate(year: 2022, month: 12, day: 26)
        return [
            [
                record("export.jsonl:1", [event("Quân đoàn 1", .yearEndReview, day, chair: "Nguyễn Văn An")]),
                record(
                    "export.jsonl:2",
                    [
                        event("Quân khu 5", .partyCongress, PartialDate(year: 2023, month: 8, day: 18)),
                        event("Quân khu 5", .resolutionReview, nil, documents: ["382-NQ/ĐUQSTW"]),
                    ]),
            ],
            [
                record(
                    "hq.txt",
                    [
                        event("Quân đoàn 1", .yearEndReview, PartialDate(year: 2022, month: 12, day: nil)),
                        event("Quân khu 5", .resolutionReview, nil, documents: ["382-NQ/ĐUQSTW"]),
                        event("Quân khu 5", .partyCongress, PartialDate(year: 2019, month: 5, day: 2)),
                    ])
            ],
            [record("hong.html", [], status: .unreadable)],
        ]
    }

    func archive(_ files: [[ArticleRecord]]) -> RecordArchive {
        var archive = RecordArchive()
        for records in files { archive.append(RecordArchive.Entry(records: records)) }
        return archive
    }

    @Test func givesBackEveryRecordAsEncoded() {
        let archive = archive(files)
        let flat = files.flatMap { $0 }
        #expect(archive.count == flat.count)
        for index in flat.indices { #expect(archive.record(index) == flat[index]) }
        #expect(archive.problems == [ArticleProblem(source: "hong.html", reason: "không đọc được tệp")])
    }

    @Test func storedBlobsAreCheckedWhenRead() throws {
        let entry = RecordArchive.Entry(records: files[0])
        let blob = try #require(entry.bytes)
        #expect(try RecordBinary.decode(blob) == files[0])
        let reread = try #require(RecordArchive.Entry(blob: blob))
        #expect(reread.offsets == entry.offsets)
        // Read back in its grouping view, a blob gives the same offsets, problems and warnings.
        var failedRecords = files[2] + files[1]
        failedRecords[1].warnings = ["published \"2022.5\" is not a date"]
        let failed = RecordArchive.Entry(records: failedRecords)
        let failedBlob = try #require(failed.bytes)
        let rereadFailed = try #require(RecordArchive.Entry(blob: failedBlob))
        #expect(rereadFailed.offsets == failed.offsets)
        #expect(rereadFailed.unreadable.map(\.problem) == failed.unreadable.map(\.problem))
        #expect(rereadFailed.warnings == failed.warnings && !failed.warnings.isEmpty)
        #expect(RecordArchive.Entry(blob: Array(blob.dropLast(3))) == nil)
        #expect(RecordArchive.Entry(blob: [99] + blob.dropFirst()) == nil)
    }

    /// Records written one at a time in pieces give the blob `RecordBinary.encode` gives, with
    /// the same record starts, in memory or spooled, whatever the piece size.
    @Test func theEntryWriterGivesTheEncodedBlob() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try ScratchFile(directory: folder, name: "records")
        var records = (0..<300).map { n in
            record("export.jsonl:\(n + 1)", n % 7 == 0 ? [] : [event("Quân đoàn \(n % 4)", .yearEndReview, PartialDate(year: 2022))])
        }
        records[5].warnings = ["published \"x\" is not a date I can read; the year was resolved from the article's text"]
        records[9] = record("export.jsonl:10", [], status: .unreadable)
        for records in [records, [], Array(records.prefix(1))] {
            var starts: [Int32] = []
            let blob = RecordBinary.encode(records) { starts.append(Int32($0)) }
            for pieceSize in [1, 100, 4096, 1 << 20] {
                for spooled in [false, true] {
                    var writer = RecordArchive.EntryWriter(pieceSize: pieceSize)
                    for record in records { writer.add(record) }
                    let entry = writer.finish(spool: spooled ? spool : nil)
                    #expect(try entry.blob.withBytes { Array($0) } == blob, "pieces of \(pieceSize), spooled: \(spooled)")
                    #expect(entry.bytes == (spooled ? nil : blob))
                    #expect(entry.offsets == starts)
                    #expect(entry.unreadable.map(\.index) == (records.count > 9 ? [9] : []))
                    #expect(entry.warnings.map(\.source) == (records.count > 5 ? ["export.jsonl:6"] : []))
                }
            }
        }
    }

    /// An archive of `files` with every entry spilled to a spool in a new folder, which `body`
    /// gets too; the folder is removed after.
    func withSpooledArchive(_ files: [[ArticleRecord]], _ body: (RecordArchive, URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try ScratchFile(directory: folder, name: "records")
        var archive = RecordArchive()
        for records in files {
            var entry = RecordArchive.Entry(records: records)
            entry.spill(to: spool)
            #expect(entry.bytes == nil)
            archive.append(entry)
        }
        try body(archive, folder)
    }

    @Test func spooledRecordsReadBackAsEncoded() throws {
        try withSpooledArchive(files) { archive, folder throws in
            // The scratch file is unlinked at once: nothing is left in the folder.
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
            let flat = files.flatMap { $0 }
            for index in flat.indices { #expect(archive.record(index) == flat[index]) }
            #expect(ChronologyBuilder(window: window).build(from: archive).events == ChronologyBuilder(window: window).build(flat).events)
        }
    }

    /// Grouping reads a record with everything else passed over (`Reader.groupingView`): the view
    /// made from the bytes is the one made from the fully decoded record, whatever the fields
    /// passed over hold.
    @Test func theGroupingViewKeepsWhatGroupingReads() {
        var busy = event(
            "Sư đoàn 312", .yearEndReview, PartialDate(year: 2022, month: 12, day: 20), documents: ["51-NQ/TW"], chair: "Trần Văn Bình")
        busy.organizer = "Đảng ủy Sư đoàn 312"
        busy.unit.role = "Đảng ủy"
        busy.period = "2020-2025"
        busy.date.partOfDay = .morning
        busy.people = [Person(rank: "Đại tá", name: "Lê Văn Cường", positions: ["Chính ủy", "Phó Bí thư"], role: .attending)]
        busy.credits = ["HOÀNG MINH", "Bài và ảnh: NGUYỄN HẢI"]
        busy.documents[0].issuer = "BCHTW"
        busy.documents[0].date = PartialDate(year: 2019, month: 7, day: 3)
        var dated = record(
            "2022/12/su-doan.txt", [busy, event("Quân khu 5", .resolutionReview, nil, documents: ["382-NQ/ĐUQSTW", "51-NQ/TW"])])
        dated.referenceDate = ReferenceDate(
            value: PartialDate(year: 2022, month: 12, day: 21), basis: "dateline", evidence: "Hà Nội, 21/12/2022")
        dated.textKey = 0x1234_5678
        let records = files.flatMap { $0 } + [dated]
        let archive = archive([records])
        for (index, full) in records.enumerated() {
            #expect(archive.groupingView(index) == GroupingView(full))
        }
        // The undated event's documents, each once and in order, whatever order they are cited in.
        let undated = archive.groupingView(records.count - 1).reports[1]
        #expect(undated.documentsKey == "382-NQ/ĐUQSTW\u{0}51-NQ/TW")
        #expect(archive.groupingView(records.count - 1).reports[0].documentsKey == nil)
        let viaArchive = ChronologyBuilder(window: window).build(from: archive), plain = ChronologyBuilder(window: window).build(records)
        #expect(viaArchive.events == plain.events && viaArchive.undated == plain.undated)
        #expect(viaArchive.outsideWindow == plain.outsideWindow)
    }

    /// Grouping reads a batch of records on all cores (`groupingViewsOnAllCores`): the same
    /// views, in the same order, as reading them one by one, corrected ones included; and
    /// over more records than a batch, the same chronology as from the decoded records.
    @Test func groupingViewsReadOnAllCoresAreThoseReadOneByOne() throws {
        let units = ["Quân đoàn 1", "Quân khu 5", "Sư đoàn 312", "Bộ Tư lệnh Thủ đô Hà Nội"]
        let kinds: [EventKind] = [.yearEndReview, .partyCongress, .resolutionReview]
        var generator = SeededGenerator(state: 42)
        var files: [[ArticleRecord]] = []
        var count = 0
        while count < ChronologyBuilder.groupingBatch + 300 {
            let records = (0..<Int.random(in: 1...3, using: &generator)).map { n -> ArticleRecord in
                let day = PartialDate(
                    year: 2022 + Int.random(in: 0...1, using: &generator), month: Int.random(in: 1...12, using: &generator), day: 26)
                let events = (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                    event(
                        units.randomElement(using: &generator)!, kinds.randomElement(using: &generator)!,
                        Bool.random(using: &generator) ? day : nil, documents: ["382-NQ/ĐUQSTW"])
                }
                return record("kho/\(count)-\(n).txt", events, status: Int.random(in: 0..<50, using: &generator) == 0 ? .unreadable : .ok)
            }
            count += records.count
            files.append(records)
        }
        var archive = archive(files)
        archive.replace(7, with: record("sua.txt", [event("Quân khu 5", .partyCongress, PartialDate(year: 2023, month: 8, day: 18))]))
        for range in [0..<archive.count, 0..<1, 5..<300, (archive.count - 200)..<archive.count] {
            #expect(archive.groupingViewsOnAllCores(range) == range.map(archive.groupingView))
        }
        let fresh = self.archive(files)
        // Spooled, the records are read a run at a time through a window of the spool: the same
        // views, whatever run a range starts or ends in.
        try withSpooledArchive(files) { spooled, _ in
            let run = RecordArchive.groupingRun
            for range in [0..<spooled.count, 0..<1, (run - 3)..<(2 * run + 5), (spooled.count - 200)..<spooled.count] {
                #expect(spooled.groupingViewsOnAllCores(range) == range.map(spooled.groupingView))
                #expect(spooled.groupingViewsOnAllCores(range) == range.map(fresh.groupingView))
            }
        }
        let viaArchive = ChronologyBuilder(window: window).build(from: fresh)
        let plain = ChronologyBuilder(window: window).build(files.flatMap { $0 })
        #expect(viaArchive.events == plain.events && viaArchive.undated == plain.undated)
        #expect(viaArchive.outsideWindow == plain.outsideWindow)
    }

    @Test func aVanishedFileKeepsOnlyItsReadableRecords() {
        var archive = RecordArchive()
        archive.append(RecordArchive.Entry(records: files[2] + files[1]).readableOnly())
        #expect(archive.count == 1)
        #expect(archive.problems.isEmpty)
        #expect(archive.record(0).source == "hq.txt")
    }

    @Test func buildsTheSameChronologyAsFromDecodedRecords() {
        let flat = files.flatMap { $0 }
        let fromRecords = ChronologyBuilder(window: window).build(flat)
        let fromArchive = ChronologyBuilder(window: window).build(from: archive(files))
        #expect(fromArchive.events == fromRecords.events)
        #expect(fromArchive.undated == fromRecords.undated)
        #expect(fromArchive.outsideWindow == fromRecords.outsideWindow)
        // The year-end review was reported twice, and so was the undated review citing one resolution.
        #expect(fromArchive.events.first { $0.event.kind == .yearEndReview }?.sources.count == 2)
        #expect(fromArchive.undated.count == 1)
        #expect(fromArchive.undated[0].sources.map(\.source) == ["export.jsonl:2", "hq.txt"])
    }

    @Test func correctionsAppliedRecordByRecordMatchThoseAppliedAtOnce() {
        let flat = files.flatMap { $0 }
        let review = ChronologyEvent.id(for: event("Quân đoàn 1", .yearEndReview, PartialDate(year: 2022, month: 12, day: 26)))
        let set = CorrectionSet(
            file: URL(fileURLWithPath: "config/corrections.yml"),
            corrections: [
                Correction(key: "corrections[0]", eventID: review, chair: Person(rank: "Trung tướng", name: "Trần Văn Bình", role: .chair)),
                Correction(key: "corrections[1]", url: "https://qdnd.vn/hq.txt", suppress: true),
                Correction(key: "corrections[2]", eventID: "2020-01-01-khong-co-year-end-review"),
            ])
        var decoded = flat
        let atOnce = set.build(&decoded, window: window, memory: EventIDMemory())

        var archive = archive(files)
        let inArchive = set.build(&archive, window: window, memory: EventIDMemory())
        for index in flat.indices { #expect(archive.record(index) == decoded[index]) }
        #expect(inArchive.chronology.events == atOnce.chronology.events)
        #expect(inArchive.chronology.undated == atOnce.chronology.undated)
        #expect(inArchive.suppressed == atOnce.suppressed)
        #expect(inArchive.unmatched == atOnce.unmatched)
        #expect(inArchive.unmatched.map(\.key) == ["corrections[2]"])
        // The id correction reached the review in both articles that reported it; hq.txt was
        // then suppressed (its three events), so the review keeps only the export's report.
        let reviewed = inArchive.chronology.events.first { $0.event.kind == .yearEndReview }
        #expect(reviewed?.corrected == true && reviewed?.event.chair?.name == "Trần Văn Bình")
        #expect(reviewed?.sources.map(\.source) == ["export.jsonl:1"])
        #expect(inArchive.suppressed == 3)
    }
}
