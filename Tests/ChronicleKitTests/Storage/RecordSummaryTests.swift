import Foundation
import Testing
@testable import ChronicleKit

/// The stored summary of a file's records (`RecordSummary`) and the ranking view of a record.
struct RecordSummaryTests {
    static let records = SummaryArchiveTests.records(seed: 11, count: 40)

    @Test func aSummaryKeepsEachEventsDigestAndTheCutRecords() throws {
        let blob = RecordSummary.encode(Self.records)
        try blob.withUnsafeBytes { raw in
            #expect(RecordSummary.isIntact(raw))
            let parts = try RecordSummary.parts(of: raw)
            #expect(parts.digests == Self.records.flatMap { $0.events.map(RecordSummary.digest) })
            #expect(parts.flagged == Self.records.map { $0.status != .ok || !$0.warnings.isEmpty })
            let cut = try RecordBinary.decode(parts.records)
            #expect(cut == Self.records.map(RecordSummary.cut))
            // Each start is where `encode` put the record.
            var starts: [Int] = []
            _ = RecordBinary.encode(cut) { starts.append($0) }
            #expect(parts.starts.map(Int.init) == starts)
        }
    }

    /// `read`, which makes no arrays (the archive's pass over every summary), gives what
    /// `parts` gives: each record's start, flag and digests; and refuses what it refuses.
    @Test func readingASummaryInPlaceAgreesWithItsParts() throws {
        for count in [0, 1, 2, 40] {
            let blob = RecordSummary.encode(Array(Self.records.prefix(count)))
            for checked in [false, true] {
                try blob.withUnsafeBytes { raw in
                    let parts = try RecordSummary.parts(of: raw)
                    var digests = [Hash128("before").digest]
                    var starts: [Int32] = [], flagged: [Bool] = [], firsts: [Int32] = []
                    try RecordSummary.read(raw, checked: checked, digests: &digests) { start, isFlagged, first in
                        starts.append(start)
                        flagged.append(isFlagged)
                        firsts.append(first)
                    }
                    #expect(starts == parts.starts.map { $0 + Int32(parts.recordsStart) })
                    #expect(flagged == parts.flagged)
                    #expect(Array(digests.dropFirst()) == parts.digests)
                    #expect(firsts == parts.firstDigest.map { $0 + 1 })
                }
            }
        }
        var damaged = RecordSummary.encode(Self.records)
        damaged[damaged.count / 2] ^= 0x20
        damaged.withUnsafeBytes { raw in
            var digests: [Hash128.Digest] = []
            #expect(throws: (any Error).self) { try RecordSummary.read(raw, checked: false, digests: &digests) { _, _, _ in } }
        }
        // A record table changed, its checksum made right: the starts no longer hold.
        var body = Array(RecordSummary.encode(Array(Self.records.prefix(3))).dropLast(RecordBinary.checksumSize))
        let table = 2
        #expect(body[1] == 3)
        body[table + 1] = body[table + 4]
        RecordBinary.seal(&body)
        body.withUnsafeBytes { raw in
            var digests: [Hash128.Digest] = []
            #expect(throws: (any Error).self) { try RecordSummary.parts(of: raw) }
            #expect(throws: (any Error).self) { try RecordSummary.read(raw, checked: false, digests: &digests) { _, _, _ in } }
        }
    }

    @Test func theCutKeepsWhatGroupingRankingAndProblemsRead() {
        for record in Self.records {
            let cut = RecordSummary.cut(record)
            #expect(cut.source == record.source && cut.url == record.url && cut.title == record.title)
            #expect(cut.status == record.status && cut.error == record.error && cut.warnings == record.warnings)
            #expect(cut.textKey == record.textKey && cut.referenceDate?.value == record.referenceDate?.value)
            #expect(cut.events.map(\.unit.id) == record.events.map(\.unit.id))
            #expect(cut.events.map(\.kind) == record.events.map(\.kind))
            #expect(cut.events.map(\.date.value) == record.events.map(\.date.value))
            #expect(cut.events.map { $0.documents.map(\.code) } == record.events.map { $0.documents.map(\.code) })
        }
    }

    @Test func theDigestCoversWhatAMergeTakesFromALaterReport() {
        var event = SummaryArchiveTests.event(&SummaryArchiveTests.seeded)
        let digest = RecordSummary.digest(event)
        var redated = event
        redated.date = EventDate(value: PartialDate(year: 2023, month: 1), basis: .referenceDate, evidence: "tháng 1")
        redated.title = "Hội nghị khác"
        #expect(RecordSummary.digest(redated) == digest)
        event.people.append(Person(rank: "Đại úy", name: "Vũ Văn Nam", positions: [], role: .speaker))
        #expect(RecordSummary.digest(event) != digest)
        var credited = redated
        credited.credits.append("Thanh Hà")
        #expect(RecordSummary.digest(credited) != digest)
    }

    @Test func aDamagedSummaryIsRefused() {
        var blob = RecordSummary.encode(Self.records)
        blob[blob.count / 2] ^= 0x20
        blob.withUnsafeBytes { raw in
            #expect(!RecordSummary.isIntact(raw))
            #expect(throws: (any Error).self) { try RecordSummary.parts(of: raw) }
        }
        let old = [UInt8(1)] + RecordSummary.encode(Self.records).dropFirst()
        old.withUnsafeBytes { #expect(!RecordSummary.isIntact($0)) }
    }

    @Test func theRankingViewAgreesWithTheWholeRecord() {
        let archive = RecordArchive(Self.records)
        for (index, record) in Self.records.enumerated() {
            let view = archive.rankingView(index)
            #expect(view.source == ChronologyBuilder.source(record))
            #expect(view.source.title == record.title && view.source.date == record.referenceDate?.value)
            #expect(view.dates == record.events.map(\.date.value))
        }
    }

    @Test func recordStartsAreWhereEncodePutTheRecords() throws {
        for count in [1, 2, 7] {
            let records = Array(Self.records.prefix(count))
            var starts: [Int] = []
            let blob = RecordBinary.encode(records) { starts.append($0) }
            let found = try blob.withUnsafeBytes { try RecordBinary.recordStarts(in: $0) }
            #expect(found.map(Int.init) == starts)
        }
    }
}

/// `EventList.reportedEvent`, which an earlier merge is taken with, against the whole event.
struct ReportedEventTests {
    @Test func theReportedEventIsTheWholeEventsEvent() throws {
        let list = EventList((0..<30).map(CompactStorageTests.event))
        var w = RecordBinary.Writer()
        list.write(to: &w, flush: { _ in })
        let stored = try w.bytes.withUnsafeBytes { raw -> EventList in
            var r = RecordBinary.Reader(bytes: raw)
            return try EventList(reading: &r)
        }
        for index in 0..<list.count {
            #expect(list.reportedEvent(index) == list[index].event)
            #expect(stored.reportedEvent(index) == list[index].event)
        }
    }
}
