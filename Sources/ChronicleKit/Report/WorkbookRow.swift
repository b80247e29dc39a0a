import CXLSXWriter
import Foundation

/// One row of the chronology sheet as the row cache keeps it (`RowCache`): each cell as
/// libxlsxwriter takes it, so that a night writes a cached row without decoding its event or
/// making a String. Every row goes through this form, cached or not, so both write the same.
///
/// Per cell one tag byte, then: nothing (empty); the UTF-8 text, cut to Excel's limit, and a NUL
/// (text); the value's bits, 8 bytes little-endian (a number, or a day as a date serial).
enum WorkbookRow {
    private static let empty: UInt8 = 0
    private static let text: UInt8 = 1
    private static let number: UInt8 = 2
    private static let date: UInt8 = 3

    /// The row of `cells`, a month or year given as `coarseDate` makes it.
    static func encode(_ cells: [WorkbookReport.Cell], coarseDate: (PartialDate) -> String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        for cell in cells {
            switch cell {
            case .text(let value): append(text: value, to: &out)
            case .number(let value): append(number, Double(value), to: &out)
            // Excel's dates start in 1900 (and count a 29 February 1900 that never was): earlier days stay text.
            case .date(let day) where day.precision == .day && day >= PartialDate(year: 1900, month: 3, day: 1):
                append(date, WorkbookReport.serial(day), to: &out)
            case .date(let day): append(text: coarseDate(day), to: &out)
            case .empty: out.append(empty)
            }
        }
        return out
    }

    /// Text longer than Excel's limit is cut with "…"; empty text is an empty cell.
    private static func append(text value: String, to out: inout [UInt8]) {
        guard !value.isEmpty else {
            out.append(empty)
            return
        }
        let limit = Workbook.Sheet.cellLimit
        var cut = value
        if value.utf8.count > limit, value.unicodeScalars.count > limit {
            cut = String(String.UnicodeScalarView(value.unicodeScalars.prefix(limit - 1))) + "…"
        }
        out.append(text)
        // C reads a string up to its first NUL: bytes after one would never be written.
        out += cut.utf8.prefix { $0 != 0 }
        out.append(0)
    }

    private static func append(_ tag: UInt8, _ value: Double, to out: inout [UInt8]) {
        out.append(tag)
        LittleEndian.append(value.bitPattern, to: &out)
    }

    /// Writes the row's cells at `row` of the sheet, column by column from the first.
    static func write(
        _ bytes: [UInt8], to sheet: Workbook.Sheet, row: Int, text textFormat: UnsafeMutablePointer<lxw_format>?,
        number numberFormat: UnsafeMutablePointer<lxw_format>?, date dateFormat: UnsafeMutablePointer<lxw_format>?
    ) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0, column = 0
            while offset < raw.count {
                let tag = raw[offset]
                offset += 1
                switch tag {
                case text:
                    let start = offset
                    while raw[offset] != 0 { offset += 1 }
                    let pointer = raw.baseAddress!.advanced(by: start).assumingMemoryBound(to: CChar.self)
                    try sheet.text(row, column, cString: pointer, textFormat)
                    offset += 1
                case number, date:
                    let value = Double(bitPattern: LittleEndian.uint64(raw, at: offset))
                    try sheet.number(row, column, value, tag == date ? dateFormat : numberFormat)
                    offset += 8
                default: break
                }
                column += 1
            }
        }
    }
}
