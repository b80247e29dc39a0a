import Foundation
import Testing
@testable import ChronicleKit

/// Reads parts of a written workbook back: an .xlsx is a zip of XML files (`unzip -p`).
enum WorkbookParts {
    static func part(_ name: String, of file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["unzip", "-p", file.path, name]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "\(file.path): \(name)"])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The parts golden tests compare: the workbook's sheet list, each sheet, the styles and the
    /// document properties. The bytes of the zip itself depend on the zlib that compressed it.
    static let comparedParts = ["xl/workbook.xml", "xl/styles.xml", "docProps/core.xml"]

    /// `files` (relative path → bytes, under `root`) with each workbook replaced by its compared
    /// parts as `<path>.parts/<part>`, a line per row so a diff shows what changed.
    static func expanded(_ files: [String: Data], root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for (path, data) in files {
            guard path.hasSuffix(".xlsx") else {
                result[path] = data
                continue
            }
            let file = root.appendingPathComponent(path)
            let sheets = try part("xl/workbook.xml", of: file).components(separatedBy: "<sheet ").count - 1
            for name in comparedParts + (0..<sheets).map({ "xl/worksheets/sheet\($0 + 1).xml" }) {
                let text = try part(name, of: file).replacingOccurrences(of: "<row ", with: "\n<row ")
                result["\(path).parts/\(name)"] = Data(text.utf8)
            }
        }
        return result
    }

    /// Replaces each workbook under `root` by its compared parts, as files (`expanded`).
    static func expandInPlace(_ root: URL) throws {
        var files: [String: Data] = [:]
        for path in ReportSample.files(in: root) where path.hasSuffix(".xlsx") {
            files[path] = try Data(contentsOf: root.appendingPathComponent(path))
        }
        for (path, data) in try expanded(files, root: root) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        for path in files.keys { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }
    }

    /// The `numFmtId` of cell style `index` (`<cellXfs>` of `xl/styles.xml`).
    static func numberFormat(ofStyle index: Int, in styles: String) -> String? {
        guard let xfs = styles.range(of: "<cellXfs") else { return nil }
        let entries = styles[xfs.upperBound...].components(separatedBy: "<xf ").dropFirst()
        guard index < entries.count, let id = entries[entries.startIndex + index].range(of: "numFmtId=\"") else { return nil }
        return String(entries[entries.startIndex + index][id.upperBound...].prefix { $0 != "\"" })
    }

    /// The style index and value of a numeric cell (`<c r="A2" s="2"><v>44921</v></c>`).
    static func numberCell(_ reference: String, in sheet: String) -> (style: Int, value: String)? {
        guard let start = sheet.range(of: "<c r=\"\(reference)\" ") else { return nil }
        let cell = sheet[start.lowerBound...].prefix { $0 != "/" }
        guard !cell.contains("t=\"inlineStr\""), let s = cell.range(of: "s=\""), let v = cell.range(of: "<v>") else { return nil }
        return (Int(cell[s.upperBound...].prefix { $0 != "\"" }) ?? -1, String(cell[v.upperBound...].prefix { $0 != "<" }))
    }

    /// The text of an inline-string cell.
    static func textCell(_ reference: String, in sheet: String) -> String? {
        guard let start = sheet.range(of: "<c r=\"\(reference)\" ") else { return nil }
        let cell = sheet[start.lowerBound...]
        guard let end = cell.range(of: "</c>"), let t = cell[..<end.lowerBound].range(of: "<t>") else { return nil }
        return String(cell[t.upperBound...].prefix { $0 != "<" })
    }
}

@Suite struct ReportWorkbookTests {
    private func write(_ language: ReportLanguage = .vi) throws -> (output: URL, workbook: URL) {
        let output = ReportSample.temporaryDirectory()
        try ReportWriter(config: ReportSample.config(output: output, formats: [.xlsx], language: language)).write(ReportSample.input)
        return (output, output.appendingPathComponent("chronology.xlsx"))
    }

    /// The sheet row (from 1, header included) of the event with this title prefix.
    private func row(of title: String) -> Int {
        let chronology = ReportSample.input.chronology
        let items = chronology.events + chronology.undated
        return items.firstIndex { $0.event.title.hasPrefix(title) }! + 2
    }

    @Test func sheetsDatesFrozenHeaderAndFilter() throws {
        let (output, workbook) = try write()
        defer { try? FileManager.default.removeItem(at: output) }
        let book = try WorkbookParts.part("xl/workbook.xml", of: workbook)
        #expect(book.contains("<sheet name=\"Biên niên\" sheetId=\"1\""))
        #expect(book.contains("<sheet name=\"Tổng hợp\" sheetId=\"2\""))
        #expect(book.contains("<sheet name=\"Vấn đề\" sheetId=\"3\""))
        let sheet = try WorkbookParts.part("xl/worksheets/sheet1.xml", of: workbook)
        let styles = try WorkbookParts.part("xl/styles.xml", of: workbook)
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        let rows = ReportSample.input.chronology.events.count + ReportSample.input.chronology.undated.count + 1
        #expect(sheet.contains("<autoFilter ref=\"A1:V\(rows)\"/>"))
        #expect(sheet.contains("<col min=\"4\" max=\"4\" width=\"48.7109375\" customWidth=\"1\"/>"))
        #expect(WorkbookParts.textCell("A1", in: sheet) == "Ngày")
        #expect(WorkbookParts.textCell("D1", in: sheet) == "Hội nghị")
        #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"))

        // 26/12/2022 is a date cell: Excel serial 44921 in the dd/mm/yyyy format; year, month, start, end beside it.
        let day = row(of: "Hội nghị tổng kết công tác đảng")
        let date = try #require(WorkbookParts.numberCell("A\(day)", in: sheet))
        #expect(date.value == "44921")
        #expect(WorkbookParts.numberFormat(ofStyle: date.style, in: styles) == "164")
        #expect(WorkbookParts.numberCell("G\(day)", in: sheet)?.value == "2022")
        #expect(WorkbookParts.numberCell("H\(day)", in: sheet)?.value == "12")
        #expect(WorkbookParts.numberCell("I\(day)", in: sheet)?.value == "44921")
        #expect(WorkbookParts.numberCell("J\(day)", in: sheet)?.value == "44921")
        #expect(WorkbookParts.textCell("E\(day)", in: sheet) == "Trung tướng Trần Văn Bình")

        // A month is text, its first and last days are dates: 01/03/2023 and 31/03/2023.
        let month = row(of: "Hội nghị học tập")
        #expect(WorkbookParts.textCell("A\(month)", in: sheet) == "03/2023")
        #expect(WorkbookParts.numberCell("H\(month)", in: sheet)?.value == "3")
        let start = try #require(WorkbookParts.numberCell("I\(month)", in: sheet))
        #expect(start.value == "44986")
        #expect(WorkbookParts.numberFormat(ofStyle: start.style, in: styles) == "164")
        #expect(WorkbookParts.numberCell("J\(month)", in: sheet)?.value == "45016")

        // A year alone: text "2022", no month, 01/01/2022 to 31/12/2022.
        let year = row(of: "Đại hội đại biểu")
        #expect(WorkbookParts.textCell("A\(year)", in: sheet) == "2022")
        #expect(WorkbookParts.numberCell("H\(year)", in: sheet) == nil)
        #expect(WorkbookParts.numberCell("I\(year)", in: sheet)?.value == "44562")
        #expect(WorkbookParts.numberCell("J\(year)", in: sheet)?.value == "44926")

        // The formula-like title stays text (typed cells are never formulas).
        let formula = row(of: "=HYPERLINK")
        #expect(WorkbookParts.textCell("D\(formula)", in: sheet)?.hasPrefix("=HYPERLINK(\"http") == true)
        #expect(!sheet.contains("<f>"))
        // Undated: no date, year or month; the precision column says so.
        let undated = row(of: "Hội nghị Ban Thường vụ")
        #expect(WorkbookParts.numberCell("A\(undated)", in: sheet) == nil && WorkbookParts.textCell("A\(undated)", in: sheet) == nil)
        #expect(WorkbookParts.textCell("K\(undated)", in: sheet) == "chưa xác định")
    }

    @Test func summaryHasUnitsByYearWithTotals() throws {
        let (output, workbook) = try write()
        defer { try? FileManager.default.removeItem(at: output) }
        let sheet = try WorkbookParts.part("xl/worksheets/sheet2.xml", of: workbook)
        #expect(sheet.contains("state=\"frozen\""))
        #expect(sheet.contains("<pane xSplit=\"1\" ySplit=\"1\""))
        let summary = ReportSummary(ReportSample.input.chronology)
        #expect(summary.windowYears == [2022, 2023])
        #expect(sheet.contains("<autoFilter ref=\"A1:D\(summary.units.count + 1)\"/>"))
        #expect(WorkbookParts.textCell("B1", in: sheet) == "2022")
        #expect(WorkbookParts.textCell("D1", in: sheet) == "Tổng")
        #expect(sheet.contains("<c r=\"D2\" s=\"5\"><f>SUM(B2:C2)</f><v>"))
        let total = summary.units.count + 2
        #expect(WorkbookParts.textCell("A\(total)", in: sheet) == "Tổng")
        let events = ReportSample.input.chronology.events.count
        #expect(sheet.contains("<f>SUM(D2:D\(total - 1))</f><v>\(events)</v>"))

        let problems = try WorkbookParts.part("xl/worksheets/sheet3.xml", of: workbook)
        #expect(problems.contains("state=\"frozen\""))
        #expect(problems.contains("<autoFilter ref=\"A1:C5\"/>"))
        #expect(WorkbookParts.textCell("A2", in: problems) == "corpus/x/broken.html")
        // Three unreadable articles, then the undated meeting.
        #expect(WorkbookParts.textCell("B5", in: problems) == "Hội nghị chưa xác định được ngày")
        #expect(WorkbookParts.textCell("C5", in: problems) == "Hội nghị Ban Thường vụ Đảng ủy Sư đoàn lần thứ 8")
    }

    @Test func englishSheetsAndHeaders() throws {
        let (output, workbook) = try write(.en)
        defer { try? FileManager.default.removeItem(at: output) }
        let book = try WorkbookParts.part("xl/workbook.xml", of: workbook)
        #expect(book.contains("<sheet name=\"Chronology\""))
        #expect(book.contains("<sheet name=\"Summary\""))
        #expect(book.contains("<sheet name=\"Problems\""))
        let sheet = try WorkbookParts.part("xl/worksheets/sheet1.xml", of: workbook)
        #expect(WorkbookParts.textCell("A1", in: sheet) == "Date")
        #expect(WorkbookParts.textCell("G1", in: sheet) == "Year")
        #expect(WorkbookParts.textCell("A\(row(of: "Hội nghị học tập"))", in: sheet) == "2023-03")
        #expect(try WorkbookParts.part("xl/styles.xml", of: workbook).contains("formatCode=\"yyyy-mm-dd\""))
    }

    /// libxlsxwriter stamps the creation time into docProps/core.xml; it is the report's "as of"
    /// date, and the zip entries carry a fixed time, so the same input gives the same bytes.
    @Test func twoWritesOfTheSameInputGiveTheSameBytes() throws {
        let (first, a) = try write()
        defer { try? FileManager.default.removeItem(at: first) }
        Thread.sleep(forTimeInterval: 1.1)
        let (second, b) = try write()
        defer { try? FileManager.default.removeItem(at: second) }
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        let core = try WorkbookParts.part("docProps/core.xml", of: a)
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-06-30T00:00:00Z</dcterms:created>"))
    }

    @Test func aBadSheetNameIsAConfigErrorAndKeepsThePreviousWorkbook() throws {
        let (output, workbook) = try write()
        let templates = ReportSample.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: templates)
        }
        let before = try Data(contentsOf: workbook)
        for name in try FileManager.default.contentsOfDirectory(atPath: ReportSample.templates.path) {
            try FileManager.default.copyItem(
                at: ReportSample.templates.appendingPathComponent(name), to: templates.appendingPathComponent(name))
        }
        let labels = templates.appendingPathComponent("labels.vi.yml")
        let text = try String(contentsOf: labels, encoding: .utf8)
            .replacingOccurrences(of: "sheet_problems: Vấn đề", with: "sheet_problems: Vấn đề: 2022/2023")
        try Data(text.utf8).write(to: labels)
        var config = ReportSample.config(output: output, formats: [.xlsx])
        config.templatesDirectory = templates
        var input = ReportSample.input
        input.problems.append(ArticleProblem(source: "corpus/x/new.txt", reason: "the file is empty"))
        let error = try #require(throws: ConfigError.self) { try ReportWriter(config: config).write(input) }
        #expect(error.description.contains("sheet_problems"))
        #expect(try Data(contentsOf: workbook) == before)
        #expect(ReportSample.files(in: output) == ["chronology.xlsx"])
    }
}
