import Foundation
import Testing
@testable import ChronicleKit

@Suite struct ReportWriterTests {
    @Test func writingTwiceGivesIdenticalBytes() throws {
        let first = ReportSample.temporaryDirectory(), second = ReportSample.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        try ReportWriter(config: ReportSample.config(output: first)).write(ReportSample.input)
        try ReportWriter(config: ReportSample.config(output: second)).write(ReportSample.input)
        // And once more over the first, replacing the files in place.
        try ReportWriter(config: ReportSample.config(output: first)).write(ReportSample.input)
        let files = ReportSample.files(in: first)
        #expect(files == ReportSample.files(in: second))
        #expect(files.contains("chronology.md") && files.contains("timeline.svg") && files.contains("units/quan-doan-12.md"))
        for path in files {
            #expect(
                try Data(contentsOf: first.appendingPathComponent(path)) == Data(contentsOf: second.appendingPathComponent(path)), "\(path)"
            )
        }
        #expect(!files.contains { $0.hasSuffix(".tmp") })
    }

    @Test func formatsAreHonoured() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let written = try ReportWriter(config: ReportSample.config(output: output, formats: [.markdown])).write(ReportSample.input)
        // The briefing's full problem list goes with it.
        #expect(written.allSatisfy { $0.pathExtension == "md" || $0.lastPathComponent == "problems.csv" })
        let text = try String(contentsOf: output.appendingPathComponent("chronology.md"), encoding: .utf8)
        #expect(!text.contains("timeline.svg"), "no picture embedded when svg is not written")
    }

    @Test func outputPathThatIsAFileFailsCleanly() throws {
        let directory = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("reports")
        try Data("not a folder".utf8).write(to: blocker)
        #expect(throws: OutputError.self) { try ReportWriter(config: ReportSample.config(output: blocker)).write(ReportSample.input) }
        #expect(ReportSample.files(in: directory) == ["reports"])
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "not a folder")
    }

    @Test func failureHalfWayKeepsThePreviousReportsAndNoTemporaryFiles() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        try ReportWriter(config: ReportSample.config(output: output)).write(ReportSample.input)
        let before = ReportSample.files(in: output)
        let old = try Data(contentsOf: output.appendingPathComponent("chronology.md"))
        // Next run: a different chronology, and "years" is now a file, so writing years/<year>.md fails
        // after chronology.md and the unit files have been written to temporary files.
        try FileManager.default.removeItem(at: output.appendingPathComponent("years"))
        try Data("blocker".utf8).write(to: output.appendingPathComponent("years"))
        var input = ReportSample.input
        input.chronology.events.removeLast()
        #expect(throws: OutputError.self) { try ReportWriter(config: ReportSample.config(output: output)).write(input) }
        #expect(try Data(contentsOf: output.appendingPathComponent("chronology.md")) == old)
        let after = ReportSample.files(in: output)
        #expect(!after.contains { $0.contains(".tmp") })
        #expect(Set(after) == Set(before.filter { !$0.hasPrefix("years/") } + ["years"]))
    }

    @Test func filesOfUnitsAndYearsNoLongerReportedAreRemoved() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        // The manifest (kept outside the output here) lists what the job wrote: only those files go.
        let manifest = ReportSample.temporaryDirectory().appendingPathComponent("reports.manifest")
        defer { try? FileManager.default.removeItem(at: manifest.deletingLastPathComponent()) }
        try ReportWriter(config: ReportSample.config(output: output)).write(ReportSample.input, manifest: manifest)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("units/binh-doan-15.md").path))
        try Data("kept".utf8).write(to: output.appendingPathComponent("units/notes.txt"))
        // A user's own Markdown files beside the reports are not the job's to remove.
        try Data("# Ghi chú của tổ biên tập".utf8).write(to: output.appendingPathComponent("units/README.md"))
        try Data("kept".utf8).write(to: output.appendingPathComponent("years/notes.md"))
        var input = ReportSample.input
        input.chronology.events.removeAll { $0.event.unit.id == ReportSample.binhDoan.id || $0.event.date.value?.year == 2022 }
        // With a manifest, files whose content did not change are not rewritten: compare with the plan.
        let reported = try ReportWriter(config: ReportSample.config(output: output)).write(input, manifest: manifest).files
        let files = ReportSample.files(in: output)
        #expect(!files.contains("units/binh-doan-15.md"))
        #expect(!files.contains("years/2022.md"))
        #expect(files.contains("years/2023.md") && files.contains("units/notes.txt"))
        let users = ["units/notes.txt", "units/README.md", "years/notes.md"]
        #expect(Set(files) == Set(reported + users))
        // Without a manifest the job cannot tell its files from a user's, and removes none.
        #expect(files.contains("units/quan-doan-12.md"))
        input.chronology.events.removeAll { $0.event.unit.id == ReportSample.quanDoan.id }
        try ReportWriter(config: ReportSample.config(output: output)).write(input)
        #expect(ReportSample.files(in: output).contains("units/quan-doan-12.md"))
    }

    /// A copy of the project's templates to edit, an output folder and a config using both.
    private static func editableTemplates() throws -> (templates: URL, output: URL, config: ChronicleConfig) {
        let templates = ReportSample.temporaryDirectory()
        let output = ReportSample.temporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: ReportSample.templates.path) {
            try FileManager.default.copyItem(
                at: ReportSample.templates.appendingPathComponent(name), to: templates.appendingPathComponent(name))
        }
        var config = ReportSample.config(output: output)
        config.templatesDirectory = templates
        return (templates, output, config)
    }

    @Test func templatesIncludingEachOtherInALoopAreRefused() throws {
        let (templates, output, config) = try Self.editableTemplates()
        defer {
            try? FileManager.default.removeItem(at: templates)
            try? FileManager.default.removeItem(at: output)
        }
        // A staff edit that makes a row include the table header, which includes the row.
        try Data("| {{date}} |{{> table-header}}\n".utf8).write(to: templates.appendingPathComponent("event-row.mustache"))
        try Data("| a | b |\n{{> event-row}}".utf8).write(to: templates.appendingPathComponent("table-header.mustache"))
        let error = try #require(throws: ConfigError.self) { try ReportWriter(config: config).write(ReportSample.input) }
        #expect(error.description.contains("loop"))
        #expect(error.description.contains("event-row → table-header → event-row"))
        #expect(ReportSample.files(in: output).isEmpty)
    }

    /// A labels file kept from an older version lacks the labels of problem codes added since:
    /// those show the reason as written and the code, and the run goes on.
    @Test func labelsOfNewerProblemCodesFallBack() throws {
        let (templates, output, config) = try Self.editableTemplates()
        defer {
            try? FileManager.default.removeItem(at: templates)
            try? FileManager.default.removeItem(at: output)
        }
        let labels = templates.appendingPathComponent("labels.vi.yml")
        let kept = try String(contentsOf: labels, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("name-not-utf8:") }.joined(separator: "\n")
        try Data(kept.utf8).write(to: labels)
        let loaded = try ReportTemplates(directory: templates, language: .vi)
        #expect(loaded.problemReasonLabels[.nameNotUTF8] == "{detail}")
        #expect(loaded.problemKindLabels[.nameNotUTF8] == "name-not-utf8")
        #expect(loaded.problemReasonLabels[.empty] != "{detail}")
        try ReportWriter(config: config).write(ReportSample.input)
        #expect(ReportSample.files(in: output).contains("chronology.md"))
    }

    @Test func missingOrBrokenTemplateNamesTheFile() throws {
        let (templates, output, config) = try Self.editableTemplates()
        defer {
            try? FileManager.default.removeItem(at: templates)
            try? FileManager.default.removeItem(at: output)
        }

        let row = templates.appendingPathComponent("event-row.mustache")
        try Data("| {{#date}} {{date}} |\n".utf8).write(to: row)
        do {
            try ReportWriter(config: config).write(ReportSample.input)
            Issue.record("a broken template must fail")
        } catch let error as ConfigError {
            #expect(error.description.contains(row.path))
            #expect(error.description.contains("Mustache"))
        }

        try FileManager.default.removeItem(at: row)
        #expect(throws: ConfigError.missingFile(path: row.path)) { try ReportWriter(config: config).write(ReportSample.input) }
        #expect(ReportSample.files(in: output).isEmpty, "nothing written when the templates are unusable")

        try FileManager.default.copyItem(at: ReportSample.templates.appendingPathComponent("event-row.mustache"), to: row)
        let labels = templates.appendingPathComponent("labels.vi.yml")
        let text = try String(contentsOf: labels, encoding: .utf8).replacingOccurrences(of: "  party-congress:", with: "  party-kongress:")
        try Data(text.utf8).write(to: labels)
        do {
            try ReportWriter(config: config).write(ReportSample.input)
            Issue.record("a label file without a kind must fail")
        } catch let error as ConfigError {
            #expect(error.description.contains(labels.path))
            #expect(error.description.contains("party-congress"))
        }
    }

    @Test func markdownEscapesArticleText() {
        #expect(ReportText.markdown("a | b") == "a \\| b")
        #expect(ReportText.markdown("*x* _y_ [z] <w> `v` #1 & ]]>") == "\\*x\\* \\_y\\_ \\[z\\] \\<w\\> \\`v\\` \\#1 \\& \\]\\]\\>")
        #expect(ReportText.markdown("- item") == "\\- item")
        #expect(ReportText.markdown("12. tháng") == "12\\. tháng")
        #expect(ReportText.markdown("dòng một\ndòng\u{7} hai") == "dòng một dòng hai")
        #expect(ReportText.linkDestination("javascript:alert(1)") == nil)
        #expect(ReportText.linkDestination("https://a.vn/x y|z") == "https://a.vn/x%20y%7Cz")
    }

    /// Many events: the writer streams, so time and memory stay modest. Scale it with
    /// `REPORT_SCALE_EVENTS=30000` (and `REPORT_SCALE_FORMATS=markdown,csv`) to measure.
    @Test func largeChronology() throws {
        // REPORT_SCALE_OUTPUT=/some/folder keeps the files for a look.
        let kept = ProcessInfo.processInfo.environment["REPORT_SCALE_OUTPUT"].map { URL(fileURLWithPath: $0) }
        let output = kept ?? ReportSample.temporaryDirectory()
        defer { if kept == nil { try? FileManager.default.removeItem(at: output) } }
        let count = Int(ProcessInfo.processInfo.environment["REPORT_SCALE_EVENTS"] ?? "") ?? 1000
        var events: [ChronologyEvent] = []
        for n in 0..<count {
            let unit = UnitReference(name: "Đơn vị \(n % 150)", id: "don-vi-\(n % 150)", mention: "ĐV \(n % 150)")
            let date = PartialDate(year: 2022 + (n / 1000) % 2, month: 1 + n % 12, day: 1 + n % 28)
            let event = Event(
                unit: unit, kind: EventKind.allCases[n % 8], title: "Hội nghị số \(n) về công tác đảng",
                date: EventDate(value: date, basis: .explicit, evidence: "Ngày \(date), đơn vị tổ chức hội nghị."),
                chair: Person(rank: "Đại tá", name: "Nguyễn Văn \(n)", role: .chair),
                documents: [DocumentReference(code: "\(n)-NQ/ĐU", type: "Nghị quyết")])
            events.append(
                ChronologyEvent(id: "e\(n)", event: event, sources: [EventSource(source: "in/\(n).txt", url: "https://qdnd.vn/\(n)")]))
        }
        events.sort { ($0.event.date.value!, $0.id) < ($1.event.date.value!, $1.id) }
        let input = ReportInput(chronology: Chronology(window: ReportSample.window, events: events), problems: [], asOf: ReportSample.asOf)
        let clock = ContinuousClock()
        let formats =
            (ProcessInfo.processInfo.environment["REPORT_SCALE_FORMATS"]).map {
                $0.split(separator: ",").compactMap { ReportFormat(rawValue: String($0)) }
            } ?? ReportFormat.allCases
        let elapsed = try clock.measure { try ReportWriter(config: ReportSample.config(output: output, formats: formats)).write(input) }
        let size =
            (try? FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("chronology.xml").path)[.size] as? Int) ?? 0
        print("report: \(count) events written in \(elapsed), chronology.xml \(size) bytes")
        let years = Set(events.map { $0.event.date.value!.year }).count
        #expect(
            ReportSample.files(in: output).count == (formats.contains(.markdown) ? 1 + 150 + years : 0) + (formats.contains(.csv) ? 2 : 0)
                + (formats.contains(.markdown) || formats.contains(.csv) ? 1 : 0) + (formats.contains(.xml) ? 2 : 0)
                + (formats.contains(.svg) ? 1 : 0) + (formats.contains(.xlsx) ? 1 : 0))
    }
}

@Suite struct ReportEdgeTests {
    @Test func emptyChronologyStillGivesValidReports() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let input = ReportInput(chronology: Chronology(window: ReportSample.window, events: []), problems: [], asOf: ReportSample.asOf)
        let written = try ReportWriter(config: ReportSample.config(output: output)).write(input)
        #expect(
            ReportSample.files(in: output) == [
                "chronology.csv", "chronology.md", "chronology.xlsx", "chronology.xml", "chronology.xsd", "problems.csv", "summary.csv",
                "timeline.svg",
            ])
        #expect(written.count == 8)
        let text = try String(contentsOf: output.appendingPathComponent("chronology.md"), encoding: .utf8)
        #expect(text.contains("Không có hội nghị nào"))
    }

    @Test func unitIdsThatCleanUpAlikeGetDistinctFiles() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let events = ["doan/1", "doan-1"].enumerated().map { index, id in
            let event = Event(
                unit: UnitReference(name: "Đoàn \(index)", id: id, mention: "Đoàn"), kind: .otherMeeting, title: "Hội nghị",
                date: EventDate(value: PartialDate(year: 2022, month: 5, day: 1 + index), basis: .explicit))
            return ChronologyEvent(id: ChronologyEvent.id(for: event), event: event, sources: [EventSource(source: "a\(index).txt")])
        }
        let input = ReportInput(chronology: Chronology(window: ReportSample.window, events: events), problems: [], asOf: ReportSample.asOf)
        try ReportWriter(config: ReportSample.config(output: output, formats: [.markdown])).write(input)
        #expect(ReportSample.files(in: output).filter { $0.hasPrefix("units/") } == ["units/doan-1-2.md", "units/doan-1.md"])
    }
}
