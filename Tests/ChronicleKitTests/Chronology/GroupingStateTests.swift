import Foundation
import Testing
@testable import ChronicleKit

/// The grouping kept between runs (`GroupingState`, `KeptGrouping`): extended with records
/// added after the kept ones, it gives the groups of a grouping of the whole input; when a new
/// record would change the kept groups it says so instead.
struct GroupingStateTests {
    typealias Dice = SummaryArchiveTests.Dice
    static let window = SummaryArchiveTests.window

    /// A night's new articles after `kept`: new articles of the same units, kinds and dates (they
    /// join kept meetings), copies of kept articles (same address, text and events), copies of
    /// one another, some unreadable.
    static func night(after kept: [ArticleRecord], seed: UInt64, count: Int) -> [ArticleRecord] {
        var dice = Dice(state: seed ^ 0x5eed)
        let copiable = kept.filter { $0.status == .ok && !$0.events.isEmpty }
        var made: [ArticleRecord] = []
        for index in 0..<count {
            if dice.chance(5) {
                made.append(
                    ArticleRecord(
                        source: "moi-\(index).txt", url: nil, status: .unreadable, error: "I/O error", referenceDate: nil, events: []))
            } else if dice.chance(30), !copiable.isEmpty {
                var copy = dice.pick(copiable)
                copy.source = "ban-sao-\(index).txt"
                made.append(copy)
            } else if dice.chance(20), let earlier = made.last(where: { $0.status == .ok }) {
                var copy = earlier
                copy.source = "lai-\(index).txt"
                made.append(copy)
            } else {
                made.append(
                    ArticleRecord(
                        source: "moi-\(index).txt", url: dice.chance(50) ? "https://qdnd.vn/moi-\(seed)-\(index)" : nil, status: .ok,
                        error: nil, referenceDate: nil, events: (0..<(dice.below(3) + 1)).map { _ in SummaryArchiveTests.event(&dice) },
                        textKey: dice.chance(60) ? 1_000 + UInt64(index) : nil))
            }
        }
        return made
    }

    /// `records` grouped from empty.
    static func grouped(_ records: [ArticleRecord]) -> GroupingState {
        var state = GroupingState(window: window)
        let extended = state.extend(from: records, records: 0..<records.count)
        #expect(extended)
        return state
    }

    /// The first `kept` of `records` grouped and kept (through the stored form), then extended
    /// with the rest; nil when the extension is refused.
    static func continued(_ records: [ArticleRecord], kept: Int) throws -> GroupingState? {
        let first = grouped(Array(records[..<kept]))
        let form = KeptGrouping(state: first, recordsPerFile: Array(repeating: 1, count: kept), problems: []).encoded()
        var state = try form.withUnsafeBytes { try KeptGrouping(decoding: $0) }.state
        return state.extend(from: records, records: kept..<records.count) ? state : nil
    }

    @Test(arguments: 1...16)
    func aKeptGroupingExtendedWithNewArticlesGroupsAsTheWholeInput(seed: Int) throws {
        let kept = SummaryArchiveTests.records(seed: UInt64(seed), count: 80 + seed * 20)
        let records = kept + Self.night(after: kept, seed: UInt64(seed), count: 10 + seed * 3)
        let whole = Self.grouped(records)
        let state = try #require(try Self.continued(records, kept: kept.count))
        #expect(state.groups(pinned: []) == whole.groups(pinned: []))
        #expect((0..<3).map { state.groupCount(list: $0) } == (0..<3).map { whole.groupCount(list: $0) })
        #expect(state.items == whole.items)
        #expect(
            (0..<records.count).map { state.copies.article(of: Int32($0)) }
                == (0..<records.count).map { whole.copies.article(of: Int32($0)) })
        #expect(state.copies.identities == whole.copies.identities)
        // The events merged from either are the same.
        let builder = ChronologyBuilder(window: Self.window)
        let fromKept = builder.merge(state, records), fromWhole = builder.group(from: records)
        #expect(fromKept.chronology.events == fromWhole.chronology.events && fromKept.chronology.undated == fromWhole.chronology.undated)
        #expect(fromKept.members == fromWhole.members && fromKept.chronology.outsideWindow == fromWhole.chronology.outsideWindow)
    }

    @Test func aKeptGroupingExtendedTwiceIsTheWholeOnesToo() throws {
        let kept = SummaryArchiveTests.records(seed: 77, count: 150)
        let first = Self.night(after: kept, seed: 1, count: 30)
        let records = kept + first + Self.night(after: kept + first, seed: 2, count: 30)
        var state = try #require(try Self.continued(Array(records[..<(kept.count + first.count)]), kept: kept.count))
        let form = KeptGrouping(state: state, recordsPerFile: Array(repeating: 1, count: state.recordCount), problems: []).encoded()
        state = try form.withUnsafeBytes { try KeptGrouping(decoding: $0) }.state
        let extended = state.extend(from: records, records: (kept.count + first.count)..<records.count)
        #expect(extended)
        #expect(state.groups(pinned: []) == Self.grouped(records).groups(pinned: []))
    }

    static func article(_ source: String, url: String?, text: UInt64?, _ date: PartialDate) -> ArticleRecord {
        let event = Event(
            unit: SummaryArchiveTests.units[0], kind: .yearEndReview, title: "Hội nghị tổng kết",
            date: EventDate(value: date, basis: .explicit))
        return ArticleRecord(source: source, url: url, status: .ok, error: nil, referenceDate: nil, events: [event], textKey: text)
    }

    @Test func aNewCopyOfTwoKeptArticlesIsRefused() throws {
        let december = PartialDate(year: 2022, month: 12, day: 26)
        let kept = [
            Self.article("a.txt", url: "https://qdnd.vn/a", text: 1, december),
            Self.article("b.txt", url: "https://qdnd.vn/b", text: 2, december),
        ]
        // The page of one and the text of the other: both would become one article.
        let records = kept + [Self.article("c.txt", url: "https://qdnd.vn/a", text: 2, december)]
        #expect(try Self.continued(records, kept: 2) == nil)
        // A copy of one of them alone is taken.
        let one = kept + [Self.article("d.txt", url: "https://qdnd.vn/b", text: 2, december)]
        #expect(try Self.continued(one, kept: 2) != nil)
    }

    @Test func aNewCopyThatDatesAKeptEventMorePreciselyIsRefused() throws {
        let kept = [Self.article("a.txt", url: "https://qdnd.vn/a", text: 1, PartialDate(year: 2022, month: 12))]
        // It would lead its copies: the kept event's group would be made again around it.
        let sharper = kept + [Self.article("b.txt", url: "https://qdnd.vn/a", text: nil, PartialDate(year: 2022, month: 12, day: 26))]
        #expect(try Self.continued(sharper, kept: 1) == nil)
        let vaguer = kept + [Self.article("c.txt", url: "https://qdnd.vn/a", text: nil, PartialDate(year: 2022))]
        #expect(try Self.continued(vaguer, kept: 1) != nil)
    }

    @Test func theStoredFormReadsBackAndADamagedOneIsRefused() throws {
        let records = SummaryArchiveTests.records(seed: 9, count: 200)
        let kept = KeptGrouping(
            state: Self.grouped(records), recordsPerFile: [150, 50], problems: [ArticleProblem(source: "bai.txt", reason: "không đọc được")]
        )
        let form = kept.encoded()
        let read = try form.withUnsafeBytes { try KeptGrouping(decoding: $0) }
        #expect(read.encoded() == form)
        #expect(read.recordsPerFile == [150, 50] && read.problems == kept.problems && read.state.items == kept.state.items)
        var damaged = form
        damaged[damaged.count / 2] ^= 0x40
        #expect(throws: (any Error).self) { try damaged.withUnsafeBytes { try KeptGrouping(decoding: $0) } }
        #expect(throws: (any Error).self) { try Array(form.dropLast()).withUnsafeBytes { try KeptGrouping(decoding: $0) } }
    }

    @Test func aKeyIndexFindsKeptAndAddedKeysAndSortsThemTogether() throws {
        var index = try #require(KeyIndex<UInt64>(sortedKeys: [3, 8, 20], values: [0, 1, 2]))
        index.insert(5, 3)
        index.insert(30, 4)
        index.insert(1, 5)
        #expect([1, 3, 5, 8, 20, 30, 7].map { index.value($0) } == [5, 0, 3, 1, 2, 4, nil])
        let all = index.sorted()
        #expect(all.keys == [1, 3, 5, 8, 20, 30] && all.values == [5, 0, 3, 1, 2, 4])
        #expect(KeyIndex<UInt64>(sortedKeys: [3, 3], values: [0, 1]) == nil)
    }
}
