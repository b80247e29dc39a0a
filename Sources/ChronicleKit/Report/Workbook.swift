import CXLSXWriter
import Foundation

/// Checked calls into libxlsxwriter for one workbook (`WorkbookReport`).
///
/// The workbook is written in constant-memory mode: rows go to temporary files in `tmpdir` as
/// they are written (in row order), so a chronology of any size costs a few rows of memory.
/// Strings are then stored inline in each sheet rather than in a shared table.
final class Workbook {
    private let handle: UnsafeMutablePointer<lxw_workbook>
    /// The report's path, for messages (the file written is its temporary file).
    let path: String
    /// C strings libxlsxwriter may point to until the workbook is closed.
    private var strings: [UnsafeMutablePointer<CChar>] = []
    private var closed = false

    init(writing file: String, reportedAs path: String, tmpdir: String) throws {
        self.path = path
        let directory = strdup(tmpdir)!
        strings.append(directory)
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: directory, use_zip64: 0)
        guard let handle = workbook_new_opt(file, &options) else {
            free(directory)
            throw ReportError.workbookFailure(path: path, reason: "libxlsxwriter cannot create the workbook")
        }
        self.handle = handle
    }

    deinit {
        if !closed { workbook_close(handle) }
        for string in strings { free(string) }
    }

    private func cString(_ text: String) -> UnsafeMutablePointer<CChar> {
        let pointer = strdup(text)!
        strings.append(pointer)
        return pointer
    }

    func check(_ status: lxw_error, _ action: @autoclosure () -> String) throws {
        guard status != LXW_NO_ERROR else { return }
        throw ReportError.workbookFailure(path: path, reason: "\(action()): \(String(cString: lxw_strerror(status)))")
    }

    /// Title and creation date. The creation date is written into `docProps/core.xml`; a fixed
    /// one (midnight UTC of `created`) keeps the file's bytes the same for the same input,
    /// where libxlsxwriter would otherwise write the current time.
    func setProperties(title: String, created: PartialDate) throws {
        var properties = lxw_doc_properties()
        properties.title = cString(title)
        properties.author = cString("Chronicle")
        properties.created = time_t(created.dayNumber) * 86_400
        try check(workbook_set_properties(handle, &properties), "cannot set the document properties")
    }

    func format(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) throws -> UnsafeMutablePointer<lxw_format> {
        guard let format = workbook_add_format(handle) else {
            throw ReportError.workbookFailure(path: path, reason: "cannot add a cell format")
        }
        configure(format)
        return format
    }

    func addSheet(_ name: String) throws -> Sheet {
        try check(workbook_validate_sheet_name(handle, name), "the sheet name '\(name)'")
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw ReportError.workbookFailure(path: path, reason: "cannot add the sheet '\(name)'")
        }
        return Sheet(handle: sheet, book: self)
    }

    /// Assembles and writes the file.
    func close() throws {
        closed = true
        try check(workbook_close(handle), "cannot write the file")
    }

    /// One worksheet; rows must be written in order (constant-memory mode).
    struct Sheet {
        let handle: UnsafeMutablePointer<lxw_worksheet>
        let book: Workbook

        /// Excel's limit of characters in a cell; longer text is cut with "…".
        static let cellLimit = 32_767

        func text(_ row: Int, _ column: Int, _ text: String, _ format: UnsafeMutablePointer<lxw_format>?) throws {
            guard !text.isEmpty else { return }
            var value = text
            if value.unicodeScalars.count > Self.cellLimit {
                value = String(String.UnicodeScalarView(value.unicodeScalars.prefix(Self.cellLimit - 1))) + "…"
            }
            try book.check(
                worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), value, format), "cell (\(row), \(column))")
        }

        /// Text already cut to `cellLimit` and not empty (`WorkbookRow`).
        func text(_ row: Int, _ column: Int, cString: UnsafePointer<CChar>, _ format: UnsafeMutablePointer<lxw_format>?) throws {
            try book.check(
                worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), cString, format), "cell (\(row), \(column))")
        }

        func number(_ row: Int, _ column: Int, _ value: Double, _ format: UnsafeMutablePointer<lxw_format>?) throws {
            try book.check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), value, format), "cell (\(row), \(column))")
        }

        /// A formula with its value, so a reader that does not recalculate still shows it.
        func formula(
            _ row: Int, _ column: Int, _ formula: String, value: Double, _ format: UnsafeMutablePointer<lxw_format>?
        ) throws {
            try book.check(
                worksheet_write_formula_num(handle, lxw_row_t(row), lxw_col_t(column), formula, format, value),
                "cell (\(row), \(column))")
        }

        func column(_ first: Int, _ last: Int, width: Double) throws {
            try book.check(
                worksheet_set_column(handle, lxw_col_t(first), lxw_col_t(last), width, nil), "the width of column \(first)")
        }

        /// Keeps the first `rows` rows and `columns` columns in view when scrolling.
        func freeze(rows: Int, columns: Int) {
            worksheet_freeze_panes(handle, lxw_row_t(rows), lxw_col_t(columns))
        }

        func autofilter(lastRow: Int, lastColumn: Int) throws {
            try book.check(worksheet_autofilter(handle, 0, 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)), "the autofilter")
        }

        /// "A", "B", … "Z", "AA" … for a column index from 0.
        static func columnName(_ index: Int) -> String {
            var name = "", n = index + 1
            while n > 0 {
                let digit = (n - 1) % 26
                name = String(UnicodeScalar(UInt8(65 + digit))) + name
                n = (n - 1) / 26
            }
            return name
        }
    }
}
