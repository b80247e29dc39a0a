import Foundation
import Testing
@testable import ChronicleKit

/// The chronology from record summaries (`SummaryArchive`, `MergePlan`) against the plain one
/// from whole records: the same events, sources, order and members, on seeded random archives
/// full of copies, refined dates and officials named by some copies only.
struct SummaryArchiveTests {
    static let window = DateWindow(from: PartialDate(year: 2022, month: 1, day: 1), to: PartialDate(year: 2023, month: 12, day: 31))

    /// The tests' seeded generator (`SeededGenerator`, SplitMix64) with a die's helpers.
    struct Dice {
        private var generator: SeededGenerator
        init(state: UInt64) { generator = SeededGenerator(state: state) }
        mutating func next() -> UInt64 { generator.next() }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func subset<T>(_ items: [T]) -> [T] { items.filter { _ in chance(40) } }
    }

    static let units = [
        UnitReference(name: "Quân đoàn 12", id: "quan-doan-12", mention: "Binh đoàn Hương Giang"),
        UnitReference(name: "Bộ Chỉ huy Quân sự tỉnh Nghệ An", id: "bo-chi-huy-quan-su-tinh-nghe-an", mention: "Bộ CHQS tỉnh"),
        UnitReference(name: "Học viện Chính trị", id: "hoc-vien-chinh-tri", mention: "Học viện"),
    ]
    static let people = [
        Person(rank: "Trung tướng", name: "Nguyễn Văn Hòa", positions: ["Chính ủy"], role: .chair),
        Person(rank: "Thiếu tướng", name: "Lê Quang Minh", positions: ["Tư lệnh"], role: .directing),
        Person(rank: "Đại tá", name: "Trần Đức Thắng", positions: ["Phó Chính ủy"], role: .speaker),
        Person(rank: nil, name: "Phạm Thị Lan", positions: [], role: .attending),
    ]
    static let documents = [
        DocumentReference(code: "382-NQ/ĐUQSTW", type: "Nghị quyết", number: "382", issuer: "ĐUQSTW", date: PartialDate(year: 2007)),
        DocumentReference(code: "847-NQ/QUTW", type: "Nghị quyết", number: "847", issuer: "QUTW"),
        DocumentReference(code: "05-CT/TW", type: "Chỉ thị", number: "05", issuer: "TW"),
    ]

    /// One report of a meeting: the same meeting told with another date precision, other
    /// officials or documents, as copies and follow-ups of an article do.
    static func event(_ dice: inout Dice) -> Event {
        let year = dice.pick([2021, 2022, 2023, 2024])
        let month = dice.pick([1, 6, 12])
        let day = dice.pick([1, 2, 3, 20])
        let value: PartialDate? =
            switch dice.below(10) {
            case 0: nil
            case 1: PartialDate(year: year)
            case 2, 3: PartialDate(year: year, month: month)
            default: PartialDate(year: year, month: month, day: day)
            }
        return Event(
            unit: dice.pick(units), organizer: dice.chance(50) ? "Đảng ủy đơn vị" : nil,
            kind: dice.pick([EventKind.yearEndReview, .partyCongress, .committeeMeeting]),
            title: dice.pick(["Hội nghị tổng kết", "Đại hội Đảng bộ"]),
            date: EventDate(value: value, basis: dice.pick([.explicit, .referenceDate]), evidence: "chiều \(day)/\(month)"),
            period: dice.chance(30) ? "\(year)" : nil, chair: dice.chance(50) ? dice.pick(people) : nil,
            people: dice.subset(people), documents: dice.subset(documents), credits: dice.subset(["Bài, ảnh: Minh Anh", "Hồng Vân"]))
    }

    /// Records of a seeded archive: copies share an address or a text key; some articles could
    /// not be read, some carry warnings.
    static func records(seed: UInt64, count: Int) -> [ArticleRecord] {
        var dice = Dice(state: seed)
        return (0..<count).map { index in
            if dice.chance(6) {
                return ArticleRecord(
                    source: "bai-\(index).txt", url: nil, status: .unreadable, error: "cannot read: I/O error", referenceDate: nil,
                    events: [])
            }
            var record = ArticleRecord(
                source: dice.chance(20) ? "xuat.jsonl:\(index)" : "bai-\(index).txt",
                url: dice.chance(40) ? "https://qdnd.vn/bai-\(dice.below(6))" : nil, title: dice.pick(["Tin A", "Tin B", nil]),
                status: .ok, error: nil,
                referenceDate: dice.chance(70)
                    ? ReferenceDate(value: PartialDate(year: 2022, month: dice.below(12) + 1, day: 5), basis: "path", evidence: "2022/05")
                    : nil,
                events: (0..<dice.below(3)).map { _ in event(&dice) },
                textKey: dice.chance(50) ? UInt64(dice.below(8)) : nil)
            if dice.chance(8) { record.warnings = ["published \"2022.5\" is not a date I can read"] }
            return record
        }
    }

    /// The records as files of one to three records, every other file stored (its whole records
    /// read through `fetch`, counted in `fetched`), the others extracted in this run.
    static func archive(
        _ records: [ArticleRecord], seed: UInt64, fetched: FetchLog, version: String = "v1", oneRecordAFile: Bool = false,
        fresh: (_ index: Int, _ file: [ArticleRecord]) -> Bool = { index, _ in index % 2 == 1 }
    ) -> SummaryArchive {
        var dice = Dice(state: seed ^ 0xfeed)
        var files: [[ArticleRecord]] = []
        var next = 0
        while next < records.count {
            let size = oneRecordAFile ? 1 : min(records.count - next, dice.below(3) + 1)
            files.append(Array(records[next..<(next + size)]))
            next += size
        }
        var stored: [String: [UInt8]] = [:]
        for (index, file) in files.enumerated() where !fresh(index, file) { stored["/archive/\(index)"] = RecordBinary.encode(file) }
        let store = stored
        var archive = SummaryArchive(
            fetch: { paths, body in
                for path in paths.sorted() {
                    fetched.paths.append(path)
                    store[path]?.withUnsafeBytes { body(path, $0) }
                }
            }, spool: nil)
        for (index, file) in files.enumerated() {
            let origin: SummaryArchive.Origin =
                fresh(index, file) ? .fresh(RecordArchive.Entry(records: file)) : .stored(path: "/archive/\(index)")
            let identity = SummaryArchive.fileIdentity(
                path: "/archive/\(index)", displayPath: "\(index)", contentHash: "\(file.hashValue)", extraction: version)
            let added = archive.append(summary: RecordSummary.encode(file), origin: origin, identity: identity)
            #expect(added)
        }
        return archive
    }

    final class FetchLog: @unchecked Sendable {
        var paths: [String] = []
    }

    @Test(arguments: 1...12)
    func theChronologyFromSummariesIsTheOneFromWholeRecords(seed: Int) {
        let records = Self.records(seed: UInt64(seed), count: 60 + seed * 25)
        let fetched = FetchLog()
        let archive = Self.archive(records, seed: UInt64(seed), fetched: fetched)
        let expected = ChronologyBuilder(window: Self.window).group(from: records)
        let got = ChronologyBuilder(window: Self.window).group(from: archive)
        #expect(!archive.failed)
        #expect(got.chronology.events == expected.chronology.events)
        #expect(got.chronology.undated == expected.chronology.undated)
        #expect(got.chronology.outsideWindow == expected.chronology.outsideWindow)
        #expect(got.members == expected.members && got.undatedMembers == expected.undatedMembers)
        // A file's problems come before its warnings; the run sorts them.
        #expect(archive.problems.sorted() == RecordArchive(records).problems.sorted())
        #expect(!expected.chronology.events.isEmpty)
    }

    @Test func mergesInSeveralBatchesGiveTheSameChronology() {
        // More groups than one merge batch holds.
        var records = Self.records(seed: 31, count: 9000)
        for index in records.indices {
            records[index].textKey = nil
            for event in records[index].events.indices {
                let number = (index * 7 + event) % 6000
                records[index].events[event].unit = UnitReference(name: "Lữ đoàn \(number)", id: "lu-doan-\(number)", mention: "")
            }
        }
        let archive = Self.archive(records, seed: 31, fetched: FetchLog())
        let got = ChronologyBuilder(window: Self.window).group(from: archive)
        #expect(got.chronology.events.count + got.chronology.undated.count > ChronologyBuilder.mergeBatch)
        let expected = ChronologyBuilder(window: Self.window).group(from: records)
        #expect(!archive.failed)
        #expect(got.chronology.events == expected.chronology.events && got.chronology.undated == expected.chronology.undated)
    }

    /// A batch's plans are made on all cores (`ChronologyBuilder.plans`); they are those made one by one.
    @Test func plansMadeOnAllCoresAreThoseMadeOneByOne() {
        let records = Self.records(seed: 5, count: 2000)
        let archive = Self.archive(records, seed: 5, fetched: FetchLog())
        let grouping = ChronologyBuilder(window: Self.window).group(from: archive)
        let groups = grouping.allMembers.map { members in
            members.map { ChronologyBuilder.Report(position: $0, date: PackedDate(nil), documents: -1) }
        }
        #expect(groups.count > 64, "enough groups to be shared between the threads")
        let parallel = ChronologyBuilder.plans(groups, archive)
        let serial = groups.map { ChronologyBuilder.MergePlan($0, archive) }
        #expect(parallel.map(\.key) == serial.map(\.key))
        #expect(parallel.map(\.reads) == serial.map(\.reads))
    }

    @Test func copiesOfAnArticleAreReadWholeOnce() {
        // One article and its copies at other paths: one meeting, resolved to other dates by
        // some; a follow-up names the chair.
        var meeting = Self.event(&Self.seeded)
        meeting.date = EventDate(value: PartialDate(year: 2022, month: 12, day: 26), basis: .explicit, evidence: "chiều 26/12")
        var records = (0..<40).map { index in
            var copy = meeting
            if index % 3 == 0 { copy.date = EventDate(value: PartialDate(year: 2022, month: 12), basis: .referenceDate) }
            return ArticleRecord(
                source: "sao-chep/\(index).txt", url: nil, status: .ok, error: nil, referenceDate: nil, events: [copy], textKey: 7)
        }
        var followUp = meeting
        followUp.chair = Self.people[0]
        records.append(ArticleRecord(source: "tiep-theo.txt", url: nil, status: .ok, error: nil, referenceDate: nil, events: [followUp]))
        let fetched = FetchLog()
        let archive = Self.archive(records, seed: 99, fetched: fetched)
        let got = ChronologyBuilder(window: Self.window).group(from: archive)
        #expect(got.chronology.events == ChronologyBuilder(window: Self.window).group(from: records).chronology.events)
        #expect(got.chronology.events.count == 1)
        // Two digests among the 41 reports (the copies', the follow-up's): at most two files read.
        #expect(fetched.paths.count <= 2)
    }

    @Test func aStoredRecordThatCannotBeFetchedFailsTheArchive() {
        let records = Self.records(seed: 5, count: 80)
        var archive = SummaryArchive(fetch: { _, _ in }, spool: nil)
        let identity = SummaryArchive.fileIdentity(path: "/gone", displayPath: "gone", contentHash: "1", extraction: "v1")
        let added = archive.append(summary: RecordSummary.encode(records), origin: .stored(path: "/gone"), identity: identity)
        #expect(added)
        _ = ChronologyBuilder(window: Self.window).group(from: archive)
        #expect(archive.failed)
    }

    /// The events of a grouping by plan key, as the store keeps them for the next night.
    static func earlier(_ grouping: ChronologyGrouping) -> EarlierMerges? {
        EarlierMerges(chronology: grouping.chronology, keys: grouping.allMergeKeys ?? [])
    }

    @Test func aNightTakesTheEventsWhoseReportsDidNotChange() {
        let records = Self.records(seed: 21, count: 300)
        let first = ChronologyBuilder(window: Self.window).group(from: Self.archive(records, seed: 21, fetched: FetchLog()))
        // The next night: the same files and a few new ones at the end of the archive.
        let more =
            records
            + Self.records(seed: 22, count: 12).map { record in
                var record = record
                record.source = "moi/" + record.source
                return record
            }
        let fetched = FetchLog()
        var archive = Self.archive(more, seed: 21, fetched: fetched)
        let earlier = Self.earlier(first)
        #expect(earlier != nil)
        archive.earlierMerges = earlier
        let night = ChronologyBuilder(window: Self.window).group(from: archive)
        let cold = ChronologyBuilder(window: Self.window).group(from: more)
        #expect(night.chronology.events == cold.chronology.events && night.chronology.undated == cold.chronology.undated)
        // Only the files of merges that changed were read whole.
        let everything = FetchLog()
        _ = ChronologyBuilder(window: Self.window).group(from: Self.archive(more, seed: 21, fetched: everything))
        #expect(fetched.paths.count < everything.paths.count / 2)
    }

    /// A night whose new files join events an earlier run merged (copies of its articles, other
    /// reports of its meetings): each event is the one merging the records gives, whether the
    /// earlier event is extended with the new reports (they rank after those it took values
    /// from) or merged again; extending reads none of the earlier reports' records.
    @Test func aNightExtendsTheEventsNewFilesJoin() {
        for seed in 41...48 as ClosedRange<UInt64> {
            let records = Self.records(seed: seed, count: 300)
            let isNew: (Int, [ArticleRecord]) -> Bool = { _, file in file.contains { $0.source.hasPrefix("moi/") } }
            let first = ChronologyBuilder(window: Self.window).group(
                from: Self.archive(records, seed: seed, fetched: FetchLog(), fresh: { _, _ in false }))
            let more =
                records
                + Self.records(seed: seed + 100, count: 60).map { record in
                    var record = record
                    record.source = "moi/" + record.source
                    return record
                }
            let keys = first.allMergeKeys ?? []
            #expect(keys.contains { $0.members != nil && !$0.contributing.isEmpty })
            func night(_ earlier: EarlierMerges?) -> (ChronologyGrouping, FetchLog) {
                let fetched = FetchLog()
                var archive = Self.archive(more, seed: seed, fetched: fetched, fresh: isNew)
                archive.earlierMerges = earlier
                return (ChronologyBuilder(window: Self.window).group(from: archive), fetched)
            }
            let (extended, fetched) = night(EarlierMerges(chronology: first.chronology, keys: keys))
            let (byPlans, planFetched) = night(EarlierMerges(chronology: first.chronology, keys: keys.map { MergeKeys(plan: $0.plan) }))
            let cold = ChronologyBuilder(window: Self.window).group(from: more)
            #expect(extended.chronology.events == cold.chronology.events && extended.chronology.undated == cold.chronology.undated)
            #expect(byPlans.chronology.events == cold.chronology.events && byPlans.chronology.undated == cold.chronology.undated)
            #expect(extended.allMembers == cold.allMembers)
            // The same keys for the next night as merging every event again gives.
            #expect(extended.allMergeKeys == byPlans.allMergeKeys)
            #expect(fetched.paths.count <= planFetched.paths.count)
        }
    }

    /// One meeting told by three stored articles, and tonight by a new one: a follow-up with a
    /// month only, naming the chair, extends the earlier event without reading the stored
    /// records; one with a day the others lack ranks first, and the meeting is merged again.
    @Test func aNewReportExtendsTheEarlierEventOnlyWhenItRanksAfter() {
        var meeting = Self.event(&Self.seeded)
        meeting.date = EventDate(value: PartialDate(year: 2022, month: 12, day: 26), basis: .explicit, evidence: "chiều 26/12")
        meeting.chair = nil
        let stored = (0..<3).map { index in
            ArticleRecord(source: "bai-\(index).txt", url: nil, status: .ok, error: nil, referenceDate: nil, events: [meeting])
        }
        let isNew: (Int, [ArticleRecord]) -> Bool = { _, file in file.contains { $0.source.hasPrefix("moi/") } }
        let first = ChronologyBuilder(window: Self.window).group(
            from: Self.archive(stored, seed: 7, fetched: FetchLog(), oneRecordAFile: true, fresh: { _, _ in false }))
        for (date, extends) in [(PartialDate(year: 2022, month: 12), true), (PartialDate(year: 2022, month: 12, day: 25), false)] {
            var followUp = meeting
            followUp.date = EventDate(value: date, basis: .referenceDate)
            followUp.chair = Self.people[0]
            let records =
                stored + [ArticleRecord(source: "moi/tiep.txt", url: nil, status: .ok, error: nil, referenceDate: nil, events: [followUp])]
            let fetched = FetchLog()
            var archive = Self.archive(records, seed: 7, fetched: fetched, oneRecordAFile: true, fresh: isNew)
            archive.earlierMerges = EarlierMerges(chronology: first.chronology, keys: first.allMergeKeys ?? [])
            let night = ChronologyBuilder(window: Self.window).group(from: archive)
            let cold = ChronologyBuilder(window: Self.window).group(from: records)
            #expect(night.chronology.events == cold.chronology.events)
            #expect(night.chronology.events.count == 1 && night.chronology.events[0].event.chair == Self.people[0])
            #expect(night.chronology.events[0].sources.count == 4)
            #expect(fetched.paths.isEmpty == extends, "\(date)")
        }
    }

    @Test func anotherExtractionMatchesNoEarlierMerge() {
        let records = Self.records(seed: 23, count: 120)
        let first = ChronologyBuilder(window: Self.window).group(from: Self.archive(records, seed: 23, fetched: FetchLog()))
        let earlier = Self.earlier(first)
        let fetched = FetchLog(), unaided = FetchLog()
        var archive = Self.archive(records, seed: 23, fetched: fetched, version: "v2")
        archive.earlierMerges = earlier
        let night = ChronologyBuilder(window: Self.window).group(from: archive)
        _ = ChronologyBuilder(window: Self.window).group(from: Self.archive(records, seed: 23, fetched: unaided, version: "v2"))
        // Every merge read its records again, as without the earlier merges.
        #expect(!fetched.paths.isEmpty && fetched.paths == unaided.paths)
        #expect(night.chronology.events == first.chronology.events)
    }

    @Test func mergeKeysAreStoredAndReadBack() {
        let keys = [
            MergeKeys(plan: Hash128("a").digest, members: Hash128("m").digest, contributing: [3, 0, 700]), MergeKeys(),
            MergeKeys(plan: Hash128("b").digest), MergeKeys(members: Hash128("n").digest),
        ]
        let blob = EarlierMerges.encode(keys)
        #expect(blob.withUnsafeBytes { EarlierMerges.decode($0) } == keys)
        var damaged = blob
        damaged[3] ^= 1
        #expect(damaged.withUnsafeBytes { EarlierMerges.decode($0) } == nil)
        // The first form, plan keys only, as a store of the version before wrote it.
        var w = RecordBinary.Writer()
        w.bytes.append(1)
        w.count(2)
        w.bytes.append(1)
        w.digest(Hash128("a").digest)
        w.bytes.append(0)
        RecordBinary.seal(&w.bytes)
        #expect(w.bytes.withUnsafeBytes { EarlierMerges.decode($0) } == [MergeKeys(plan: Hash128("a").digest), MergeKeys()])
    }

    nonisolated(unsafe) static var seeded = Dice(state: 42)
}

extension RecordArchive {
    /// An archive of `records`, one file each.
    init(_ records: [ArticleRecord]) {
        self.init()
        for record in records { append(Entry(records: [record])) }
    }
}
