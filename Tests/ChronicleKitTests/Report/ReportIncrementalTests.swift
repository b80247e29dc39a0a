import Foundation
import Testing
@testable import ChronicleKit

/// Reports are written again only when what they show changed (`ReportManifest`, `ReportKeys`).
@Suite struct ReportIncrementalTests {
    private func paths(_ urls: [URL], under root: URL) -> Set<String> {
        Set(urls.map { String($0.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)) })
    }

    private func setUp() -> (output: URL, manifest: URL) {
        let output = ReportSample.temporaryDirectory()
        return (output, output.appendingPathComponent(".chronicle/reports.manifest"))
    }

    @Test func sameInputWritesNothingTheSecondTime() throws {
        let (output, manifest) = setUp()
        defer { try? FileManager.default.removeItem(at: output) }
        let writer = ReportWriter(config: ReportSample.config(output: output))
        let first = try writer.write(ReportSample.input, manifest: manifest)
        #expect(first.written.count == first.files.count)
        let before = try ReportSample.files(in: output).map { try Data(contentsOf: output.appendingPathComponent($0)) }

        let second = try writer.write(ReportSample.input, manifest: manifest)
        #expect(second.written.isEmpty)
        #expect(second.files == first.files)
        let after = try ReportSample.files(in: output).map { try Data(contentsOf: output.appendingPathComponent($0)) }
        #expect(after == before)
    }

    @Test func anotherAsOfDateRewritesOnlyTheChronologyPage() throws {
        let (output, manifest) = setUp()
        defer { try? FileManager.default.removeItem(at: output) }
        let writer = ReportWriter(config: ReportSample.config(output: output))
        // Two nights after the window (the timeline draws no "as of" line); every event was
        // first seen before.
        var input = ReportSample.input
        for item in input.chronology.events + input.chronology.undated where input.firstSeenDates[item.id] == nil {
            input.firstSeenDates[item.id] = ReportSample.asOf
        }
        input.asOf = PartialDate(year: 2024, month: 1, day: 1)
        try writer.write(input, manifest: manifest)
        input.asOf = PartialDate(year: 2024, month: 1, day: 2)
        let next = try writer.write(input, manifest: manifest)
        #expect(paths(next.written, under: output) == ["chronology.md"])
        let page = try String(contentsOf: output.appendingPathComponent("chronology.md"), encoding: .utf8)
        #expect(page.contains("02/01/2024"))
        // The unit page keeps the date it last changed.
        let unit = try String(contentsOf: output.appendingPathComponent("units/quan-doan-12.md"), encoding: .utf8)
        #expect(unit.contains("Cập nhật ngày 01/01/2024"))
    }

    @Test func aChangedEventRewritesTheFilesThatShowIt() throws {
        let (output, manifest) = setUp()
        defer { try? FileManager.default.removeItem(at: output) }
        let writer = ReportWriter(config: ReportSample.config(output: output))
        try writer.write(ReportSample.input, manifest: manifest)
        var input = ReportSample.input
        let index = input.chronology.events.firstIndex { $0.event.unit.id == ReportSample.quanDoan.id }!
        input.chronology.events[index].event.title += " (bổ sung)"
        let year = input.chronology.events[index].event.date.value!.year
        let next = try writer.write(input, manifest: manifest)
        let written = paths(next.written, under: output)
        #expect(written.isSuperset(of: ["chronology.md", "units/quan-doan-12.md", "years/\(year).md", "chronology.csv", "chronology.xml"]))
        #expect(!written.contains("units/hoc-vien-chinh-tri.md"))
        #expect(!written.contains("chronology.xsd"))
        let text = try String(contentsOf: output.appendingPathComponent("units/quan-doan-12.md"), encoding: .utf8)
        #expect(text.contains("(bổ sung)"))
    }

    @Test func aReportEditedOrDeletedSinceIsWrittenAgain() throws {
        let (output, manifest) = setUp()
        defer { try? FileManager.default.removeItem(at: output) }
        let writer = ReportWriter(config: ReportSample.config(output: output))
        try writer.write(ReportSample.input, manifest: manifest)
        let csv = output.appendingPathComponent("chronology.csv")
        let original = try Data(contentsOf: csv)
        try Data("edited in a spreadsheet\r\n".utf8).write(to: csv)
        try FileManager.default.removeItem(at: output.appendingPathComponent("units/binh-doan-15.md"))
        let next = try writer.write(ReportSample.input, manifest: manifest)
        #expect(paths(next.written, under: output) == ["chronology.csv", "units/binh-doan-15.md"])
        #expect(try Data(contentsOf: csv) == original)
    }

    @Test func aDamagedManifestMeansEverythingIsWritten() throws {
        let (output, manifest) = setUp()
        defer { try? FileManager.default.removeItem(at: output) }
        let writer = ReportWriter(config: ReportSample.config(output: output))
        let first = try writer.write(ReportSample.input, manifest: manifest)
        try Data("garbage\n".utf8).write(to: manifest)
        let next = try writer.write(ReportSample.input, manifest: manifest)
        #expect(next.written.count == first.files.count)
    }

    @Test func newMarksComeAndGoWithTheFilesThatShowThem() throws {
        let (output, manifest) = setUp()
        defer { try? FileManager.default.removeItem(at: output) }
        let writer = ReportWriter(config: ReportSample.config(output: output))
        try writer.write(ReportSample.input, manifest: manifest)
        // The next run: the new event is no longer new, nothing else changed.
        var input = ReportSample.input
        let newID = input.newEventIDs.first!
        input.firstSeenDates[newID] = input.asOf
        input.newEventIDs = []
        let next = try writer.write(input, manifest: manifest)
        let item = input.chronology.events.first { $0.id == newID }!
        let year = item.event.date.value!.year
        #expect(paths(next.written, under: output) == ["chronology.md", "units/hoc-vien-chinh-tri.md", "years/\(year).md"])
    }

    @Test func aLargeChronologyLinksToTheYearFiles() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        var config = ReportSample.config(output: output, formats: [.markdown])
        config.fullListLimit = 3
        try ReportWriter(config: config).write(ReportSample.input)
        let page = try String(contentsOf: output.appendingPathComponent("chronology.md"), encoding: .utf8)
        #expect(page.contains("## Danh sách đầy đủ theo năm"))
        #expect(page.contains("[Năm 2022](years/2022.md)"))
        #expect(!page.contains("| Ngày, hội nghị |"), "no event table")
        let year = try String(contentsOf: output.appendingPathComponent("years/2022.md"), encoding: .utf8)
        #expect(year.contains("| Ngày, hội nghị |"))
    }
}

@Suite struct ReportOutlineTests {
    @Test func readsBackWhatItWroteAndNothingElse() throws {
        let directory = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("outline.bin")
        let input = ReportSample.input
        let cache = BuiltChronology(chronology: input.chronology, problems: input.problems, articles: 9, suppressed: 0)
        let outcome = try ReportWriter(config: ReportSample.config(output: directory.appendingPathComponent("reports")))
            .write(input, manifest: nil)
        try ReportOutline.write(fingerprint: "f1", full: cache, digests: outcome.digests, to: url)

        let read = try #require(ReportOutline(contentsOf: url, fingerprint: "f1"))
        let outline = read.outline
        #expect(outline.datedHeads.map(\.id) == input.chronology.events.map(\.id))
        #expect(outline.datedHeads.indices.map { outline.listing($0) } == input.chronology.events.map(EventListing.init))
        #expect(outline.undated == input.chronology.undated && outline.window == input.chronology.window)
        #expect(read.problems == input.problems && read.articles == 9)
        #expect(read.digests == outcome.digests)

        #expect(ReportOutline(contentsOf: url, fingerprint: "f2") == nil, "another chronology")
        var bytes = try Data(contentsOf: url)
        bytes.removeLast(5)
        try bytes.write(to: url)
        #expect(ReportOutline(contentsOf: url, fingerprint: "f1") == nil, "a truncated file")
        try Data("chronicle-report-outline 2\n\u{FF}\u{FF}\u{FF}\u{FF}\u{FF}\u{FF}\u{FF}\u{7F}".utf8).write(to: url)
        #expect(ReportOutline(contentsOf: url, fingerprint: "f1") == nil, "a length past the end")
    }

    /// The index page (and the timeline) a run writes from the outline are the ones the whole
    /// chronology gives, new events and undated ones included.
    @Test func theIndexPageFromTheOutlineIsTheOneFromTheWholeChronology() throws {
        let directory = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = ReportSample.input
        #expect(!input.newEventIDs.isEmpty && !input.chronology.undated.isEmpty)
        func config(_ name: String) -> ChronicleConfig {
            var config = ReportSample.config(output: directory.appendingPathComponent(name), formats: [.markdown, .svg])
            config.fullListLimit = 3  // the index page without the full list: what an outline renders
            return config
        }
        let whole = try ReportWriter(config: config("whole")).write(input, manifest: nil)

        // The previous night's reports, then this night's from the outline.
        let manifest = directory.appendingPathComponent("reports.manifest")
        var lastNight = input
        lastNight.asOf = PartialDate(year: 2023, month: 6, day: 29)
        _ = try ReportWriter(config: config("outline")).write(lastNight, manifest: manifest)
        let url = directory.appendingPathComponent("outline.bin")
        let built = BuiltChronology(chronology: input.chronology, problems: input.problems, articles: 9, suppressed: 0)
        try ReportOutline.write(fingerprint: "f1", full: built, digests: whole.digests, to: url)
        let outline = try #require(ReportOutline(contentsOf: url, fingerprint: "f1"))
        var loaded = false
        let tonight = try ReportWriter(config: config("outline")).write(outline, context: input.context, manifest: manifest) {
            loaded = true
            return input.chronology
        }
        #expect(!loaded, "written from the outline alone")
        #expect(tonight.written.map(\.lastPathComponent) == ["chronology.md", "timeline.svg"])
        for name in ["chronology.md", "timeline.svg"] {
            let fromWhole = try Data(contentsOf: directory.appendingPathComponent("whole/" + name))
            let fromOutline = try Data(contentsOf: directory.appendingPathComponent("outline/" + name))
            #expect(fromOutline == fromWhole, "\(name)")
        }
    }
}
