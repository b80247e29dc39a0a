import Foundation
import Testing
@testable import ChronicleKit

@Suite struct CorrectionsTests {
    private func seed(_ box: Sandbox) throws {
        try box.write("a.txt", "url: https://example.vn/a\nevent: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try box.write(
            "b.txt",
            "url: https://example.vn/b\nevent: 2023-06-20 | Quân đoàn 2 | mid-year-review\nevent: 2023-06-21 | Quân đoàn 2 | committee-meeting\n"
        )
    }

    private func event(_ summary: RunSummary, _ id: String) throws -> ChronologyEvent? {
        let chronology = try summary.fullChronology()
        return (chronology.events + chronology.undated).first { $0.id == id }
    }

    @Test func setByIDAndSurviveReextraction() throws {
        let box = try Sandbox()
        try seed(box)
        try box.corrections(
            """
            corrections:
              - id: 2022-12-26-quan-doan-1-year-end-review
                date: "2022-12-27"
                chair: {rank: Thiếu tướng, name: Nguyễn Văn Thử}
                note: the conference was held the day after
            """)
        let first = try box.run()
        // The event keeps the id it was found with: the next correction names the same id.
        let fixed = try #require(try event(first, "2022-12-26-quan-doan-1-year-end-review"))
        #expect(fixed.corrected && fixed.event.date.value == PartialDate(year: 2022, month: 12, day: 27))
        #expect(fixed.event.chair?.name == "Nguyễn Văn Thử" && fixed.event.chair?.rank == "Thiếu tướng")
        #expect(try event(first, "2022-12-27-quan-doan-1-year-end-review") == nil)
        #expect(first.corrected == 1)
        #expect(first.problems.isEmpty)

        // The article changes and is extracted again: the correction still applies.
        try box.write("a.txt", "url: https://example.vn/a\nTin cập nhật.\nevent: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        let second = try box.run()
        #expect(second.extracted == 1)
        #expect(try event(second, "2022-12-26-quan-doan-1-year-end-review")?.corrected == true)
        // And an unchanged run too.
        #expect(try event(box.run(), "2022-12-26-quan-doan-1-year-end-review")?.corrected == true)
    }

    @Test func setUnitAndKindByURL() throws {
        let box = try Sandbox()
        try seed(box)
        try box.corrections(
            """
            corrections:
              - url: https://example.vn/a
                unit: quan-doan-2
                kind: mid-year-review
                date: 2022-07
            """)
        let summary = try box.run()
        // Corrected in the run that first sees it, the event is named after what the article said.
        let fixed = try #require(try event(summary, "2022-12-26-quan-doan-1-year-end-review"))
        #expect(fixed.event.date.value == PartialDate(year: 2022, month: 7) && fixed.event.kind == .midYearReview)
        #expect(fixed.corrected && fixed.event.unit.name == "Quân đoàn 2")
        #expect(try !summary.fullChronology().events.contains { $0.event.unit.id == "quan-doan-1" })
        #expect(try summary.fullChronology().events.filter(\.corrected).count == 1)
    }

    @Test func unitByCanonicalNameOrAliasOrUnlistedName() throws {
        let box = try Sandbox()
        try seed(box)
        try box.corrections(
            """
            corrections:
              - id: 2023-06-20-quan-doan-2-mid-year-review
                unit: TCKT
              - id: 2023-06-21-quan-doan-2-committee-meeting
                unit: Sư đoàn 312
            """)
        let summary = try box.run()
        #expect(try event(summary, "2023-06-20-quan-doan-2-mid-year-review")?.event.unit.name == "Tổng cục Kỹ thuật")
        #expect(try event(summary, "2023-06-21-quan-doan-2-committee-meeting")?.event.unit.name == "Sư đoàn 312")
        #expect(try event(summary, "2023-06-21-quan-doan-2-committee-meeting")?.corrected == true)
    }

    @Test func suppressByURLAndByID() throws {
        let box = try Sandbox()
        try seed(box)
        try box.corrections(
            """
            corrections:
              - url: https://example.vn/a
                suppress: true
                note: reprint
              - id: 2023-06-21-quan-doan-2-committee-meeting
                suppress: true
            """)
        let summary = try box.run()
        #expect(try summary.fullChronology().events.map(\.id) == ["2023-06-20-quan-doan-2-mid-year-review"])
        #expect(summary.suppressed == 2)
        #expect(summary.problems.isEmpty)
        // Withdrawing the correction brings the events back without re-extraction.
        try box.corrections("corrections: []\n")
        let after = try box.run()
        #expect(after.extracted == 0 && after.events == 3)
    }

    @Test func idMatchesEveryReportMergedIntoTheEvent() throws {
        let box = try Sandbox()
        try seed(box)
        // A second paper reports the same meeting with a month date only.
        try box.write("c.txt", "url: https://example.vn/c\nevent: 2022-12 | Quân đoàn 1 | year-end-review\n")
        try box.corrections(
            """
            corrections:
              - id: 2022-12-26-quan-doan-1-year-end-review
                kind: party-congress
            """)
        let summary = try box.run()
        let kinds = try summary.fullChronology().events.filter { $0.event.unit.id == "quan-doan-1" }.map(\.event.kind)
        #expect(kinds == [.partyCongress])
    }

    @Test func unmatchedCorrectionIsAProblem() throws {
        let box = try Sandbox()
        try seed(box)
        try box.corrections(
            """
            corrections:
              - id: 2021-01-01-quan-doan-9-year-end-review
                date: 2021
              - url: https://example.vn/none
                suppress: true
            """)
        let summary = try box.run()
        #expect(summary.problems.count == 2)
        #expect(summary.problems.allSatisfy { $0.source.hasSuffix("corrections.yml") && $0.reason.contains("matches no article or event") })
        #expect(summary.problems.contains { $0.reason.contains("corrections[0] (id 2021-01-01-quan-doan-9-year-end-review)") })
        #expect(summary.events == 3)
    }

    @Test(arguments: [
        ("corrections:\n  - id: x\n    colour: red\n", "corrections[0].colour"),
        ("corrections:\n  - date: 2022\n", "corrections[0].id"),
        ("corrections:\n  - id: x\n    date: 2022-13\n", "corrections[0].date"),
        ("corrections:\n  - id: x\n    kind: picnic\n", "corrections[0].kind"),
        ("corrections:\n  - id: x\n    suppress: true\n    date: 2022\n", "corrections[0].suppress"),
        ("corrections:\n  - id: x\n    suppress: maybe\n", "corrections[0].suppress"),
        ("corrections:\n  - id: x\n    unit: quan-doan-99\n", "corrections[0].unit"),
        ("corrections:\n  - id: x\n    chair: {title: A}\n", "chair.title"),
        ("fixes: []\n", "fixes"),
        ("corrections: [\n", "not valid YAML"),
    ])
    func badFileIsAConfigErrorNamingFileAndKey(yaml: String, key: String) throws {
        let box = try Sandbox()
        try seed(box)
        try box.corrections(yaml)
        do {
            try box.run()
            Issue.record("expected a ConfigError for \(key)")
        } catch let error as ConfigError {
            #expect(error.description.contains(box.correctionsFile.path))
            #expect(error.description.contains(key))
            #expect(ChronicleExitCode.forError(error) == .badConfig)
        }
        #expect(!FileManager.default.fileExists(atPath: box.output.path), "a bad config touches nothing")
    }

    @Test func shippedExampleLoadsAsEmpty() throws {
        let root = TestPaths.root
        let config = ChronicleConfig(
            configFile: root.appendingPathComponent("config/chronicle.yml"), inputs: [], output: root,
            window: DateWindow(from: PartialDate(year: 2022, month: 1, day: 1), to: PartialDate(year: 2022, month: 12, day: 31)))
        let set = try CorrectionSet.load(config: config)
        #expect(FileManager.default.fileExists(atPath: set.file.path))
        #expect(set.corrections.isEmpty)
    }
}
