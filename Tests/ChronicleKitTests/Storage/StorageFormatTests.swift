import Foundation
import Testing
@testable import ChronicleKit

/// The stored forms and hashes of `Storage/`, pinned: a value that changes here changes what the
/// store, the report outline or the report keys hold, and needs its version bumped
/// (CONTRIBUTING.md, "When you change X, bump Y") before the pin is updated.
@Suite struct StorageFormatTests {
    static let record = ArticleRecord(
        source: "2022/12/bai-1.txt", url: "https://www.qdnd.vn/chinh-tri/1", title: "Tin 1", status: .ok, error: nil,
        referenceDate: ReferenceDate(value: PartialDate(year: 2022, month: 12, day: 27), basis: "path", evidence: "2022/12"),
        events: [CompactStorageTests.event(1).event, CompactStorageTests.event(2).event],
        warnings: [#"published "2022.5" is not a date I can read; the year was resolved from the article's text"#])

    func hex(_ value: UInt64) -> String { ContentHash(value: value).description }

    @Test func fnv1aGivesThePublishedValues() {
        #expect(hex(FNV1a.hash([UInt8]())) == "cbf29ce484222325")
        #expect(hex(FNV1a.hash(Array("a".utf8))) == "af63dc4c8601ec8c")
        #expect(hex(FNV1a.hash(Array("foobar".utf8))) == "85944171f73967e8")
        #expect(FNV1a.hash(Array("bar".utf8), from: FNV1a.hash(Array("foo".utf8))) == FNV1a.hash(Array("foobar".utf8)))
        #expect(ContentHash.empty.combined(with: "foobar".utf8).value == FNV1a.hash(Array("foobar".utf8)))
    }

    /// The loop over a raw buffer (a file's bytes) gives what the loop over any bytes gives.
    @Test func fnv1aOverARawBufferAgreesWithTheGenericLoop() {
        #expect(Array("foobar".utf8).withUnsafeBytes { hex(FNV1a.hash($0)) } == "85944171f73967e8")
        #expect([UInt8]().withUnsafeBytes { FNV1a.hash($0, from: 42) } == 42)
        let text = Array("Sáng 26/12, Đảng ủy Sư đoàn 9 tổ chức hội nghị tổng kết năm 2022.\n".utf8)
        for cut in [0, 1, 7, text.count / 2, text.count] {
            let head = text.withUnsafeBytes { FNV1a.hash(UnsafeRawBufferPointer(rebasing: $0[0..<cut])) }
            let whole = text.withUnsafeBytes { FNV1a.hash(UnsafeRawBufferPointer(rebasing: $0[cut...]), from: head) }
            #expect(whole == FNV1a.hash(text.lazy.map { $0 }))
        }
    }

    @Test func littleEndianPutsTheLeastSignificantByteFirst() throws {
        #expect(LittleEndian.bytes(0x0102_0304_0506_0708) == [8, 7, 6, 5, 4, 3, 2, 1])
        let bytes = [0xFF] + LittleEndian.bytes(0x8000_0000_0000_00FE)
        #expect(bytes.withUnsafeBytes { LittleEndian.uint64($0, at: 1) } == 0x8000_0000_0000_00FE)
        var w = RecordBinary.Writer()
        w.digest(Hash128.Digest(first: 1, second: 2))
        #expect(w.bytes == LittleEndian.bytes(1) + LittleEndian.bytes(2))
        try w.bytes.withUnsafeBytes { raw in
            var r = RecordBinary.Reader(bytes: UnsafeRawBufferPointer(rebasing: raw[..<12]))
            _ = try r.uint64()
            #expect(throws: RecordBinaryError.self) { try r.uint64() }
        }
    }

    /// Every reader of an event's head goes through `Reader.eventHead`, which `Reader.event`
    /// starts with: the head read alone, with or without its text, is the full event's.
    @Test func eventHeadIsTheStartOfTheEvent() throws {
        var events = (0..<50).map { CompactStorageTests.event($0).event }
        events[1].organizer = "Ban Thường vụ Đảng ủy"
        events[2].unit.role = "organizer"
        events[3].date = EventDate(value: nil, basis: .unresolved)
        events[4].people = [Person(rank: nil, name: "Trần Văn Bình", positions: [], role: .speaker)]
        for table in [nil, StringTable()] {
            for event in events {
                var w = RecordBinary.Writer()
                w.table = table
                w.event(event)
                w.string("after")
                try w.bytes.withUnsafeBytes { raw in
                    var full = RecordBinary.Reader(bytes: raw), head = full, skipped = full
                    full.table = table
                    head.table = table
                    skipped.table = table
                    #expect(try full.event() == event && (try full.string()) == "after")
                    let read = try head.eventHead()
                    #expect(read.organizer == event.organizer && read.title == event.title && read.kind == event.kind)
                    #expect(
                        read.date == event.date.value
                            && read.unit == UnitReference(name: event.unit.name, id: event.unit.id, mention: event.unit.mention))
                    let passed = try skipped.eventHead(skippingText: true)
                    #expect(
                        skipped.offset == head.offset && passed.unit == read.unit && passed.kind == read.kind && passed.date == read.date)
                }
            }
        }
        // And an event list read back from its stored form has the heads it was built with.
        let items = events.enumerated().map {
            ChronologyEvent(id: "e\($0.offset)", event: $0.element, sources: [], corrected: $0.offset % 3 == 0)
        }
        let list = EventList(items)
        var w = RecordBinary.Writer()
        list.write(to: &w) { _ in }
        let read = try w.bytes.withUnsafeBytes { raw in
            var r = RecordBinary.Reader(bytes: raw)
            return try EventList(reading: &r)
        }
        #expect(Array(read) == items)
        for (a, b) in zip(read.heads, list.heads) {
            #expect(a.id == b.id && a.kind == b.kind && a.date == b.date && a.corrected == b.corrected)
            #expect(a.unit.name == b.unit.name && a.unit.id == b.unit.id && a.unit.mention == b.unit.mention)
        }
    }

    @Test func recordsBlobIsPinned() throws {
        let blob = RecordBinary.encode([Self.record])
        #expect(blob.count == 1151)
        #expect(hex(FNV1a.hash(blob)) == "8008a3eb9691d0d0")
        #expect(try RecordBinary.decode(blob) == [Self.record])
        #expect(RecordArchive.Entry(records: [Self.record]).bytes == blob)
    }

    @Test func recordSummaryIsPinned() throws {
        let blob = RecordSummary.encode([Self.record, Self.record])
        #expect(blob.first == RecordSummary.version)
        #expect(blob.count == 797)
        #expect(hex(FNV1a.hash(blob)) == "1956b85baf92f4b1")
    }

    @Test func keptGroupingIsPinned() throws {
        var copy = Self.record
        copy.source = "xuat.jsonl:4"
        let records = [Self.record, copy]
        let window = DateWindow(from: PartialDate(year: 2022, month: 1, day: 1), to: PartialDate(year: 2023, month: 12, day: 31))
        var state = GroupingState(window: window)
        let extended = state.extend(from: records, records: 0..<2)
        #expect(extended)
        let blob = KeptGrouping(state: state, recordsPerFile: [1, 1], problems: []).encoded()
        #expect(blob.first == KeptGrouping.version)
        #expect(blob.count == 268)
        #expect(hex(FNV1a.hash(blob)) == "13c41c1f1c3a8b0d")
        let read = try blob.withUnsafeBytes { try KeptGrouping(decoding: $0) }
        #expect(read.state.items == state.items && read.encoded() == blob)
    }

    @Test func storedChronologyIsPinned() throws {
        let chronology = Chronology(
            window: DateWindow(from: PartialDate(year: 2022), to: PartialDate(year: 2023)),
            events: (0..<40).map(CompactStorageTests.event), undated: [CompactStorageTests.event(41)], outsideWindow: 3)
        let built = BuiltChronology(
            chronology: chronology, problems: [ArticleProblem(source: "x.html", reason: "hỏng")], articles: 41, suppressed: 1)
        let bytes = built.encoded()
        #expect(bytes.count == 19397)
        #expect(hex(FNV1a.hash(bytes)) == "fac8a578fa68449c")
        var outline: [UInt8] = []
        try built.write(cuttingDated: ReportOutline.cut) { outline += $0 }
        #expect(hex(FNV1a.hash(outline)) == "2312398ff9180662")
        // The listings read from the bodies give the same outline as the events decoded and cut.
        var listed: [UInt8] = []
        try built.write(listingDated: true) { listed += $0 }
        #expect(listed == outline)
        let digests = ReportKeys.digests(of: chronology)
        #expect(hex(FNV1a.hash(digests.encoded())) == "407f038d08e22eda")
        #expect(try digests.encoded().withUnsafeBytes { try ReportDigests(decoding: $0) } == digests)
    }

    @Test func hashesArePinned() {
        var hash = Hash128("label")
        hash.add("Đảng ủy Quân khu 4")
        hash.add(42)
        hash.add(true)
        hash.add(bytes: Array(0..<UInt8(21)))
        #expect(hash.key == "bd5dd7cfb02c11670ae46467530171d4")
        let sourceTwo = ChronologyCache.Source(path: "/a/2.txt", displayPath: "2.txt", contentHash: "00000000000000aa", current: true)
        let sourceOne = ChronologyCache.Source(path: "/a/1.txt", displayPath: "1.txt", contentHash: "00000000000000bb", current: false)
        func fingerprint(_ sources: [ChronologyCache.Source]) -> String {
            ChronologyCache.fingerprint(
                sources: sources, extractorVersion: "x1", configFingerprint: "c1",
                window: DateWindow(from: PartialDate(year: 2022), to: PartialDate(year: 2023)),
                corrections: URL(fileURLWithPath: "/nonexistent/corrections.yml"), workingDirectory: "/a")
        }
        #expect(fingerprint([sourceTwo, sourceOne]) == "5e9657958422fb70e5d7ff641e1c061d6a42bd4aaec199b0")
        // In path order already, the same.
        #expect(fingerprint([sourceOne, sourceTwo]) == fingerprint([sourceTwo, sourceOne]))
        // A content hash's text: sixteen lowercase hex digits, as `String(_:radix:)` padded.
        var generator = SeededGenerator(state: 16)
        for value in [0, 1, 0xabc, UInt64.max, 1 << 63] + (0..<200).map({ _ in UInt64.random(in: 0...UInt64.max, using: &generator) }) {
            let digits = String(value, radix: 16)
            #expect(ContentHash(value: value).description == String(repeating: "0", count: 16 - digits.count) + digits)
        }
        #expect(Array("| 26/12 | Quân đoàn 12 |\n".utf8).withUnsafeBytes { RowCache.checksum($0) } == 3_552_379_760_897_857_145)
        let table = StringTable()
        #expect(table.intern("Sư đoàn 312") == 0 && table.intern("Sư đoàn 312") == 0 && table.intern("Sư đoàn 324") == 1)
        let pool = StringPool()
        let long = Array("Ban Chỉ huy Quân sự tỉnh Hà Tĩnh".utf8)
        let first = long.withUnsafeBytes { pool.string($0) }, second = long.withUnsafeBytes { pool.string($0) }
        #expect(first == "Ban Chỉ huy Quân sự tỉnh Hà Tĩnh" && second == first)
    }
}
