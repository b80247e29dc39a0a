import CLibXML2
import Foundation
import Testing
@testable import ChronicleKit

/// Rows taken from the last run's row cache give the same reports as rows rendered afresh,
/// whatever state the cache is in.
@Suite struct RowCacheTests {
    /// The sample chronology with one event changed and flagged new: the night after.
    private func nextNight() -> ReportInput {
        var input = ReportSample.input
        let index = input.chronology.events.firstIndex { $0.event.unit.id == ReportSample.quanDoan.id }!
        input.chronology.events[index].event.title += " (bổ sung)"
        input.newEventIDs = [input.chronology.events[index].id]
        return input
    }

    /// Every report file's bytes, by path (not the job's state folder).
    private func contents(of output: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in ReportSample.files(in: output) where !path.hasPrefix(".") {
            files[path] = try Data(contentsOf: output.appendingPathComponent(path))
        }
        return files
    }

    /// Writes the first night, lets `damage` change each row cache (Markdown and CSV), writes the
    /// next night; returns the reports and the Markdown cache.
    private func twoNights(damage: (URL) throws -> Void = { _ in }) throws -> (reports: [String: Data], cache: URL, output: URL) {
        let output = ReportSample.temporaryDirectory()
        let manifest = output.appendingPathComponent(".chronicle/reports.manifest")
        let writer = ReportWriter(config: ReportSample.config(output: output))
        try writer.write(ReportSample.input, manifest: manifest)
        let cache = output.appendingPathComponent(".chronicle/\(RowCache.markdownFileName)")
        try damage(cache)
        try damage(output.appendingPathComponent(".chronicle/\(RowCache.csvFileName)"))
        try damage(output.appendingPathComponent(".chronicle/\(RowCache.xmlFileName)"))
        try damage(output.appendingPathComponent(".chronicle/\(RowCache.workbookFileName)"))
        try writer.write(nextNight(), manifest: manifest)
        return (try contents(of: output), cache, output)
    }

    /// The next night's reports written into an empty folder, without any cache.
    private func cold() throws -> [String: Data] {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        try ReportWriter(config: ReportSample.config(output: output)).write(nextNight())
        return try contents(of: output)
    }

    @Test func rowsFromTheCacheGiveTheReportsOfAColdRun() throws {
        let (reports, cache, output) = try twoNights()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(FileManager.default.fileExists(atPath: cache.path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".chronicle/\(RowCache.csvFileName)").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".chronicle/\(RowCache.xmlFileName)").path))
        #expect(reports == (try cold()))
    }

    /// A row the cache has is taken, not rendered: every cached row replaced by a marker shows
    /// up in the year files, except the changed event's, which is rendered.
    @Test func cachedRowsAreTakenAsTheyAre() throws {
        let marker = Array("| cached |\n".utf8)
        let (reports, _, output) = try twoNights { cache in
            guard cache.lastPathComponent == RowCache.markdownFileName else { return }
            let base = MarkdownReport.rowCacheBase(try ReportTemplates(directory: ReportSample.templates, language: .vi))
            let keys = RowCache(url: cache, base: base).keys
            #expect(!keys.isEmpty)
            let writer = try RowCache.Writer(url: cache, base: base)
            for key in keys { try writer.add(key, marker) }
            try writer.commit()
        }
        defer { try? FileManager.default.removeItem(at: output) }
        let years = reports.filter { $0.key.hasPrefix("years/") }.map { String(decoding: $0.value, as: UTF8.self) }.joined()
        #expect(years.contains("| cached |"))
        #expect(years.contains("(bổ sung)"))
    }

    /// Rewrites every row of the cache at `url` as `change` makes it, keys and base kept, in
    /// the file's order.
    static func rewriteRows(of url: URL, _ change: ([UInt8]) -> [UInt8]) throws {
        let head = [UInt8](try Data(contentsOf: url).prefix(RowCache.headerCount))
        let base = head.withUnsafeBytes {
            Hash128.Digest(
                first: LittleEndian.uint64($0, at: RowCache.magic.count), second: LittleEndian.uint64($0, at: RowCache.magic.count + 8))
        }
        let cache = RowCache(url: url, base: base)
        let rows = try cache.index.entries.sorted { $0.value.lowerBound < $1.value.lowerBound }.map {
            try (key: $0.key, row: #require(cache.row($0.key)))
        }
        let writer = try RowCache.Writer(url: url, base: base)
        for (key, row) in rows { try writer.add(key, change(row)) }
        try writer.commit()
    }

    /// The same for `chronology.csv` and the event elements of `chronology.xml`: cached rows are
    /// copied as they are, the changed event's written anew.
    @Test func cachedCSVRowsAndXMLElementsAreTakenAsTheyAre() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let manifest = output.appendingPathComponent(".chronicle/reports.manifest")
        let writer = ReportWriter(config: ReportSample.config(output: output, formats: [.csv, .xml]))
        try writer.write(ReportSample.input, manifest: manifest)
        try Self.rewriteRows(of: output.appendingPathComponent(".chronicle/\(RowCache.csvFileName)")) { _ in Array("cached\r\n".utf8) }
        // A cached element is not validated again (it was, when it was written): this one is still valid anyway.
        try Self.rewriteRows(of: output.appendingPathComponent(".chronicle/\(RowCache.xmlFileName)")) { row in
            Array(String(decoding: row, as: UTF8.self).replacingOccurrences(of: "<title>", with: "<title>(bộ nhớ đệm) ").utf8)
        }
        try writer.write(nextNight(), manifest: manifest)
        let csv = try String(contentsOf: output.appendingPathComponent("chronology.csv"), encoding: .utf8)
        #expect(csv.contains("cached\r\n"))
        #expect(csv.contains("(bổ sung)"))
        let xml = try String(contentsOf: output.appendingPathComponent("chronology.xml"), encoding: .utf8)
        #expect(xml.contains("<title>(bộ nhớ đệm) "))
        #expect(xml.contains("(bổ sung)</title>") && !xml.contains("(bộ nhớ đệm) Hội nghị tổng kết công tác Đảng năm 2022 (bổ sung)"))
        // The undated events' elements too.
        let undated = try #require(xml.range(of: "<undated>")).upperBound
        #expect(xml[undated...].contains("<title>(bộ nhớ đệm) "))
    }

    /// The XML of a night (cached elements, the new ones validated apart) is the XML of a cold
    /// run: when an undated event changes, when one is added, and when there are none.
    @Test func undatedElementsFromTheCacheGiveTheXMLOfAColdRun() throws {
        func changed(_ input: ReportInput) -> ReportInput {
            var input = input
            input.chronology.undated[0].event.title += " (bổ sung)"
            return input
        }
        func added(_ input: ReportInput) -> ReportInput {
            var input = input
            var copy = input.chronology.undated[0]
            copy.id += "-2"
            copy.event.unit = UnitReference(name: "Quân khu 7", id: "quan-khu-7", mention: "Quân khu 7")
            input.chronology.undated.append(copy)
            return input
        }
        func none(_ input: ReportInput) -> ReportInput {
            var input = input
            input.chronology.undated = EventList()
            return input
        }
        for (first, night) in [
            (ReportSample.input, changed(ReportSample.input)), (ReportSample.input, added(ReportSample.input)),
            (none(ReportSample.input), none(ReportSample.input)), (ReportSample.input, none(ReportSample.input)),
        ] {
            let output = ReportSample.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            let manifest = output.appendingPathComponent(".chronicle/reports.manifest")
            let writer = ReportWriter(config: ReportSample.config(output: output, formats: [.xml]))
            try writer.write(first, manifest: manifest)
            try writer.write(night, manifest: manifest)
            let coldOutput = ReportSample.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: coldOutput) }
            try ReportWriter(config: ReportSample.config(output: coldOutput, formats: [.xml])).write(night)
            let xml = try Data(contentsOf: output.appendingPathComponent("chronology.xml"))
            #expect(xml == (try Data(contentsOf: coldOutput.appendingPathComponent("chronology.xml"))))
        }
    }

    /// A night validates what it wrote without the cached elements; the ids, unique across the
    /// whole document in the schema, are checked over every event: a new event given the id of
    /// a cached one fails the report, and the last night's stays.
    @Test func aNewEventWithTheIDOfACachedOneFailsTheXML() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let manifest = output.appendingPathComponent(".chronicle/reports.manifest")
        let writer = ReportWriter(config: ReportSample.config(output: output, formats: [.xml]))
        try writer.write(ReportSample.input, manifest: manifest)
        let xml = output.appendingPathComponent("chronology.xml")
        let first = try Data(contentsOf: xml)
        var night = nextNight()
        let changed = night.chronology.events.firstIndex { $0.event.unit.id == ReportSample.quanDoan.id }!
        let cached = night.chronology.events.indices.first { $0 != changed && !night.newEventIDs.contains(night.chronology.events[$0].id) }!
        night.chronology.events[changed].id = night.chronology.events[cached].id
        #expect(throws: ReportError.self) { try writer.write(night, manifest: manifest) }
        #expect(try Data(contentsOf: xml) == first)
        try writer.write(nextNight(), manifest: manifest)
        #expect(try Data(contentsOf: xml) != first)
    }

    @Test func theValidationCopyIsValidatedAgainstTheSchema() throws {
        let directory = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = try XMLReport.ValidationCopy(directory: directory)
        try copy.append(Array("<chronology updated=\"2023-06-30\" language=\"vi\"><window/></chronology>".utf8))
        #expect(throws: ReportError.self) { try copy.validate(reportedAs: "reports/chronology.xml") }
        // Nothing is left in the folder: the copy is unlinked as it is made.
        #expect(ReportSample.files(in: directory).isEmpty)
    }

    /// Unit names are written into the units section by hand: escaped as libxml2's writer escapes them.
    @Test func unitAttributesAreEscapedAsLibxml2Does() throws {
        for value in ["Quân đoàn 12", "Trung đoàn 9 | Sư đoàn 2", "A & B <C> \"D\" 'E'", "dòng\nmới\tvà\rcuối", "x\u{1}y", ""] {
            let buffer = try #require(xmlBufferCreate())
            defer { xmlBufferFree(buffer) }
            let writer = try #require(xmlNewTextWriterMemory(buffer, 0))
            xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
            xmlTextWriterStartElement(writer, "unit")
            xmlTextWriterWriteAttribute(writer, "name", ReportText.clean(value))
            xmlTextWriterEndElement(writer)
            xmlTextWriterEndDocument(writer)
            xmlFreeTextWriter(writer)
            let written = String(cString: xmlBufferContent(buffer))
            #expect(written.contains("<unit name=\"\(XMLReport.attribute(value))\"/>"), "\(value.debugDescription): \(written)")
        }
    }

    @Test func aDamagedRowIsRenderedAgain() throws {
        let (reports, _, output) = try twoNights { cache in
            var bytes = try [UInt8](Data(contentsOf: cache))
            // A byte inside the last row: its checksum no longer matches.
            bytes[bytes.count - 3] ^= 0x20
            try Data(bytes).write(to: cache)
        }
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(reports == (try cold()))
    }

    @Test func aTruncatedOrForeignCacheGivesNoRows() throws {
        for damage in [
            { (cache: URL) in try Data([UInt8](try Data(contentsOf: cache)).prefix(50)).write(to: cache) },
            { (cache: URL) in try Data("not a cache".utf8).write(to: cache) },
        ] {
            let (reports, _, output) = try twoNights(damage: damage)
            defer { try? FileManager.default.removeItem(at: output) }
            #expect(reports == (try cold()))
        }
    }

    @Test func rowsOfOtherTemplatesAreNotTaken() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let url = output.appendingPathComponent("rows.cache")
        let key = MarkdownReport.rowKey(content: Hash128("event").digest, corrected: false, new: false)
        let writer = try RowCache.Writer(url: url, base: Hash128("a").digest)
        try writer.add(key, Array("| 26/12/2022 | hàng |\n".utf8))
        try writer.commit()
        #expect(RowCache(url: url, base: Hash128("a").digest).row(key) == Array("| 26/12/2022 | hàng |\n".utf8))
        #expect(RowCache(url: url, base: Hash128("b").digest).row(key) == nil)
        #expect(RowCache(url: output.appendingPathComponent("missing"), base: Hash128("a").digest).row(key) == nil)
    }

    /// Rows read through a window (a megabyte of the file at a time) are the rows read one by
    /// one, in the file's order or not, across windows; a damaged row is not taken either way.
    @Test func rowsReadThroughAWindowAreTheRowsReadOneByOne() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let url = output.appendingPathComponent("rows.cache")
        let base = Hash128("a").digest
        let writer = try RowCache.Writer(url: url, base: base)
        var keys: [Hash128.Digest] = []
        var generator = SeededGenerator(state: 7)
        for number in 0..<3000 {
            let key = Hash128("row \(number)").digest
            keys.append(key)
            let length = Int.random(in: 0..<2000, using: &generator)
            try writer.add(key, Array("| \(number) | Sư đoàn \(number % 40) |".utf8) + [UInt8](repeating: 0x2E, count: length))
        }
        try writer.commit()
        var bytes = [UInt8](try Data(contentsOf: url))
        let damagedRow = try #require(RowCache(url: url, base: base).row(keys[1500]))
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: damagedRow) })
        bytes[at + 3] ^= 0x40
        try Data(bytes).write(to: url)
        let cache = RowCache(url: url, base: base)
        for order in [Array(keys.indices), keys.indices.shuffled(using: &generator)] {
            var window = RowCache.Window()
            for index in order {
                #expect(cache.row(keys[index], through: &window) == cache.row(keys[index]))
            }
        }
        var window = RowCache.Window()
        #expect(cache.row(keys[1500], through: &window) == nil && cache.row(keys[1499], through: &window) != nil)
        #expect(cache.row(Hash128("unknown").digest, through: &window) == nil)
    }

    /// Any one byte of a row changed, at any place (the checksum takes eight bytes at a time,
    /// then the tail), and the row is not taken.
    @Test func aRowWithAnyByteChangedIsNotTaken() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let url = output.appendingPathComponent("rows.cache")
        let row = Array("| 26/12/2022 | Đảng ủy Quân khu 7 | Hội nghị tổng kết |\n".utf8)
        let key = Hash128("event").digest, base = Hash128("a").digest
        let writer = try RowCache.Writer(url: url, base: base)
        try writer.add(key, row)
        try writer.commit()
        let intact = try Data(contentsOf: url)
        let rowStart = intact.count - row.count
        for place in row.indices {
            var damaged = intact
            damaged[rowStart + place] ^= 0x01
            try damaged.write(to: url)
            #expect(RowCache(url: url, base: base).row(key) == nil, "byte \(place) changed")
        }
        try intact.write(to: url)
        #expect(RowCache(url: url, base: base).row(key) == row)
    }
}
