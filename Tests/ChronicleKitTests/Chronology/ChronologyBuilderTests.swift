import Testing
@testable import ChronicleKit

@Suite struct ChronologyBuilderTests {
    let window = DateWindow(from: PartialDate(year: 2022, month: 1, day: 1), to: PartialDate(year: 2023, month: 12, day: 31))

    func event(_ unit: String, _ kind: EventKind, _ date: PartialDate?) -> Event {
        Event(
            unit: UnitReference(name: unit, id: unit.lowercased().replacingOccurrences(of: " ", with: "-"), mention: unit),
            kind: kind, title: "Hội nghị", date: EventDate(value: date, basis: .explicit))
    }

    func record(_ source: String, _ events: [Event]) -> ArticleRecord {
        ArticleRecord(source: source, url: nil, status: .ok, error: nil, referenceDate: nil, events: events)
    }

    @Test func mergesACongressReportedOnItsOpeningAndClosingDays() {
        let opening = event("Quân khu 5", .partyCongress, PartialDate(year: 2023, month: 8, day: 18))
        let closing = event("Quân khu 5", .partyCongress, PartialDate(year: 2023, month: 8, day: 20))
        let chronology = ChronologyBuilder(window: window).build([record("b.txt", [closing]), record("a.txt", [opening])])
        #expect(chronology.events.count == 1)
        #expect(chronology.events[0].event.date.value == PartialDate(year: 2023, month: 8, day: 18))
        #expect(chronology.events[0].sources.map(\.source) == ["a.txt", "b.txt"])
    }

    @Test func keepsOneDayMeetingsOnDifferentDaysApart() {
        let first = event("Quân đoàn 1", .yearEndReview, PartialDate(year: 2022, month: 12, day: 26))
        let second = event("Quân đoàn 1", .yearEndReview, PartialDate(year: 2022, month: 12, day: 28))
        #expect(ChronologyBuilder(window: window).build([record("a.txt", [first, second])]).events.count == 2)
    }

    @Test func mergesAMonthReportIntoTheDayReport() {
        let day = event("Quân đoàn 1", .resolutionReview, PartialDate(year: 2022, month: 7, day: 11))
        let month = event("Quân đoàn 1", .resolutionReview, PartialDate(year: 2022, month: 7))
        let chronology = ChronologyBuilder(window: window).build([record("a.txt", [month]), record("b.txt", [day])])
        #expect(chronology.events.count == 1)
        #expect(chronology.events[0].event.date.value?.precision == .day)
    }

    @Test func leavesOutEventsOutsideTheWindowAndListsUndatedOnes() {
        let old = event("Quân khu 3", .partyCongress, PartialDate(year: 2020, month: 8, day: 6))
        let undated = event("Quân khu 3", .selfCriticism, nil)
        let chronology = ChronologyBuilder(window: window).build([record("a.txt", [old, undated])])
        #expect(chronology.events.isEmpty)
        #expect(chronology.outsideWindow == 1)
        #expect(chronology.undated.count == 1)
    }

    @Test func sortsByDateThenUnit() {
        let a = event("Quân khu 9", .yearEndReview, PartialDate(year: 2022, month: 12, day: 20))
        let b = event("Quân khu 1", .yearEndReview, PartialDate(year: 2022, month: 12, day: 20))
        let c = event("Quân khu 2", .midYearReview, PartialDate(year: 2022, month: 6, day: 30))
        let ids = ChronologyBuilder(window: window).build([record("a.txt", [a, b, c])]).events.map(\.event.unit.name)
        #expect(ids == ["Quân khu 2", "Quân khu 1", "Quân khu 9"])
    }

    @Test func windowContainsCoarseDatesThatOverlapIt() {
        #expect(window.contains(PartialDate(year: 2023)))
        #expect(window.contains(PartialDate(year: 2022, month: 1)))
        #expect(!window.contains(PartialDate(year: 2021, month: 12, day: 31)))
        #expect(!window.contains(PartialDate(year: 2024)))
    }
}

/// Grouping's packed dates give back the dates packed, equal ones equal.
@Suite struct PackedDateTests {
    @Test func packedDatesRoundTrip() {
        let dates: [PartialDate?] = [
            nil, PartialDate(year: 2022), PartialDate(year: 2022, month: 12), PartialDate(year: 2022, month: 12, day: 26),
            PartialDate(year: 1, month: 1, day: 1), PartialDate(year: 9999, month: 12, day: 31), PartialDate(year: 2023, month: 1, day: 31),
        ]
        for date in dates { #expect(PackedDate(date).value == date) }
        for a in dates {
            for b in dates { #expect((PackedDate(a) == PackedDate(b)) == (a == b)) }
        }
    }

    /// An event's sources extended with a night's: the same list as joining them and sorting
    /// again, for lists with shared, repeated and equally ranked sources (same path and address,
    /// another title or date).
    @Test func sourcesAddedToAnEventAreTheSortedUnion() {
        var random = SeededGenerator(state: 18)
        func source() -> EventSource {
            let path = "tin/bai-\(Int.random(in: 0..<12, using: &random)).txt"
            let url = Bool.random(using: &random) ? nil : "https://qdnd.vn/\(Int.random(in: 0..<2, using: &random))"
            let title = ["Hội nghị Đảng ủy", "Hội nghị sơ kết", nil].randomElement(using: &random)!
            let date = Bool.random(using: &random) ? nil : PartialDate(year: 2023, month: 12, day: Int.random(in: 1...2, using: &random))
            return EventSource(source: path, url: url, title: title, date: date)
        }
        for _ in 0..<2_000 {
            let earlier = ChronologyBuilder.distinctSorted((0..<Int.random(in: 0...14, using: &random)).map { _ in source() })
            let added = ChronologyBuilder.distinctSorted((0..<Int.random(in: 0...4, using: &random)).map { _ in source() })
            #expect(ChronologyBuilder.union(earlier, added) == ChronologyBuilder.distinctSorted(earlier + added))
        }
    }
}
