import Foundation
import Testing

@testable import ChronicleKit

/// The chronology sheet's rows in the row cache's form (`WorkbookRow`): what a cell becomes, and a
/// night's workbook from cached rows against one made without them.
@Suite struct WorkbookRowTests {
    /// The cells of an encoded row back as (tag, text or value), to look at.
    private func cells(_ bytes: [UInt8]) -> [(tag: UInt8, text: String?, value: Double?)] {
        var result: [(UInt8, String?, Double?)] = []
        var offset = 0
        while offset < bytes.count {
            let tag = bytes[offset]
            offset += 1
            switch tag {
            case 1:
                let end = bytes[offset...].firstIndex(of: 0)!
                result.append((tag, String(decoding: bytes[offset..<end], as: UTF8.self), nil))
                offset = end + 1
            case 2, 3:
                let value = bytes.withUnsafeBytes { Double(bitPattern: LittleEndian.uint64($0, at: offset)) }
                result.append((tag, nil, value))
                offset += 8
            default: result.append((tag, nil, nil))
            }
        }
        return result
    }

    @Test func cellsAreKeptAsLibxlsxwriterTakesThem() {
        let long = String(repeating: "Đảng ủy ", count: 5_000)
        let row = WorkbookRow.encode(
            [
                .date(PartialDate(year: 2022, month: 12, day: 26)), .date(PartialDate(year: 2022, month: 12)),
                .date(PartialDate(year: 1899, month: 12, day: 31)), .text("Hội nghị tổng kết"), .text(""), .number(2022),
                .empty, .text(long), .text("trước\u{0}sau"),
            ], coarseDate: { ReportFields.vietnameseDate($0) })
        let read = cells(row)
        #expect(read.count == 9)
        // A day is a date serial; a month, or a day before Excel's dates, is text.
        #expect(read[0].tag == 3 && read[0].value == WorkbookReport.serial(PartialDate(year: 2022, month: 12, day: 26)))
        #expect(read[1].tag == 1 && read[1].text == "12/2022")
        #expect(read[2].tag == 1 && read[2].text == ReportFields.vietnameseDate(PartialDate(year: 1899, month: 12, day: 31)))
        #expect(read[3].tag == 1 && read[3].text == "Hội nghị tổng kết")
        // Empty text is an empty cell.
        #expect(read[4].tag == 0 && read[6].tag == 0)
        #expect(read[5].tag == 2 && read[5].value == 2022)
        // Text over Excel's limit is cut to it, the last character "…".
        let cut = read[7].text!
        #expect(cut.unicodeScalars.count == Workbook.Sheet.cellLimit && cut.hasSuffix("…") && long.hasPrefix(cut.dropLast()))
        // C reads up to the first NUL.
        #expect(read[8].text == "trước")
    }

    /// A night's workbook takes unchanged events' rows from the cache and equals one written
    /// without it; a cached row is taken as it is (its text changed in the cache shows).
    @Test func aNightsWorkbookFromCachedRows() throws {
        let output = ReportSample.temporaryDirectory(), cold = ReportSample.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: cold)
        }
        let manifest = output.appendingPathComponent(".chronicle/reports.manifest")
        let writer = ReportWriter(config: ReportSample.config(output: output, formats: [.xlsx]))
        try writer.write(ReportSample.input, manifest: manifest)
        var night = ReportSample.input
        let changed = night.chronology.events.firstIndex { $0.event.unit.id == ReportSample.quanDoan.id }!
        night.chronology.events[changed].event.title += " (bổ sung)"
        let cache = output.appendingPathComponent(".chronicle/\(RowCache.workbookFileName)")
        let base = WorkbookReport.rowCacheBase(try ReportTemplates(directory: ReportSample.templates, language: .vi), language: .vi)
        #expect(RowCache(url: cache, base: base).keys.count == night.chronology.events.count + night.chronology.undated.count)
        try writer.write(night, manifest: manifest)
        try ReportWriter(config: ReportSample.config(output: cold, formats: [.xlsx])).write(night)
        let sheet = "xl/worksheets/sheet1.xml"
        let fromCache = try WorkbookParts.part(sheet, of: output.appendingPathComponent("chronology.xlsx"))
        #expect(fromCache == (try WorkbookParts.part(sheet, of: cold.appendingPathComponent("chronology.xlsx"))))
        #expect(fromCache.contains("(bổ sung)"))

        // The cached rows rewritten with another title: the next night shows it.
        try RowCacheTests.rewriteRows(of: cache) { row in
            Array(String(decoding: row, as: UTF8.self).replacingOccurrences(of: "Hội nghị", with: "HN (bộ nhớ đệm)").utf8)
        }
        var third = night
        third.asOf = PartialDate(year: 2023, month: 7, day: 1)
        try writer.write(third, manifest: manifest)
        #expect(try WorkbookParts.part(sheet, of: output.appendingPathComponent("chronology.xlsx")).contains("HN (bộ nhớ đệm)"))
    }
}
