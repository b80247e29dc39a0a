import CXLSXWriter
import Foundation

/// Writes `chronology.xlsx` with libxlsxwriter for the people who open the chronology in Excel or
/// LibreOffice, with sheet names and headers in the report's language:
///
/// - "Biên niên" (Chronology): one row per event, dated in chronology order then undated. A date
///   known to the day is a real date cell (sortable, `=YEAR()` works); a month or a year is text
///   ("12/2022", "2022"), with `year`, `month` and the first and last day it covers (`date_start`,
///   `date_end`, both date cells) beside it, so every row sorts and filters by date.
/// - "Tổng hợp" (Summary): units × the window's years, with totals (`SUM` formulas with their values).
/// - "Vấn đề" (Problems): articles that could not be read, then events without a date.
///
/// Each sheet has a frozen header row, an autofilter, set column widths and wrapped text. Cells
/// are typed, never formulas from article text, so no formula injection. The workbook's creation
/// date is the run's "as of" date (the file is written again only when its content changes, as
/// `chronology.xml` with its `updated` date): the same input gives byte-identical files.
struct WorkbookReport {
    static let fileName = "chronology.xlsx"
    /// Sources listed in a cell; the rest are counted ("+N").
    static let sourcesShown = 3

    /// The chronology sheet's columns: label key and width (in characters).
    static let columns: [(label: String, width: Double)] = [
        ("date", 11), ("unit", 26), ("kind", 20), ("conference", 48), ("chair", 24), ("chair_positions", 26),
        ("year", 7), ("month", 7), ("date_start", 11), ("date_end", 11), ("date_precision", 15), ("time_of_day", 8),
        ("organizer", 26), ("period", 16), ("people", 36), ("documents", 30), ("credits", 16), ("sources", 44),
        ("corrected_column", 10), ("first_seen", 11), ("event_id", 34), ("date_evidence", 60),
    ]

    let input: ReportInput
    let summary: ReportSummary
    let templates: ReportTemplates
    let language: ReportLanguage
    let plan: ReportPlan
    /// Folder for libxlsxwriter's temporary files (the output folder, like the run's other scratch files).
    let scratch: URL
    /// The last run's chronology rows (`RowCache`, `WorkbookRow`), refreshed when the workbook
    /// is written; nil: none kept.
    var rowCache: URL? = nil

    func write(into staging: ReportStaging) throws {
        guard plan.needs(Self.fileName) else { return }
        let sink = try staging.open(Self.fileName)
        // libxlsxwriter writes the file by name: the sink's temporary file is closed empty and
        // written over; the staging renames it into place with the other reports, or removes it.
        try sink.finish(sync: false)
        let book = try Workbook(writing: sink.temporaryURL.path, reportedAs: sink.url.path, tmpdir: scratch.path)
        try book.setProperties(title: label("title"), created: input.asOf)
        let styles = try Styles(book, language: language)
        let cache = RowCache.Update(url: rowCache, base: Self.rowCacheBase(templates, language: language))
        do {
            try writeChronology(try book.addSheet(label("sheet_chronology")), styles, cache: cache)
            try writeSummary(try book.addSheet(label("sheet_summary")), styles)
            try writeProblems(try book.addSheet(label("sheet_problems")), styles)
            try book.close()
        } catch {
            cache.abandon()
            throw error
        }
        cache.finish()
    }

    private func label(_ key: String) -> String { templates.labels[key] ?? key }

    /// The row cache's base key: the templates and the language the cells are made with.
    static func rowCacheBase(_ templates: ReportTemplates, language: ReportLanguage) -> Hash128.Digest {
        RowCache.base("xlsx", templates: templates) { $0.add(language.rawValue) }
    }

    /// The cell formats of the workbook.
    struct Styles {
        let header, text, date, number, totalText, totalNumber: UnsafeMutablePointer<lxw_format>

        init(_ book: Workbook, language: ReportLanguage) throws {
            header = try book.format {
                format_set_bold($0)
                format_set_text_wrap($0)
                format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
                format_set_bg_color($0, 0xDDE5F0)
                format_set_bottom($0, UInt8(LXW_BORDER_THIN.rawValue))
            }
            text = try book.format {
                format_set_text_wrap($0)
                format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            }
            date = try book.format {
                format_set_num_format($0, language == .vi ? "dd/mm/yyyy" : "yyyy-mm-dd")
                format_set_align($0, UInt8(LXW_ALIGN_LEFT.rawValue))
                format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            }
            number = try book.format { format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
            totalText = try book.format { format_set_bold($0) }
            totalNumber = try book.format { format_set_bold($0) }
        }
    }

    /// A typed cell of the chronology sheet.
    enum Cell {
        case text(String), number(Int), date(PartialDate), empty
    }

    /// The serial number of a day in Excel's 1900 date system (days since 1899-12-30).
    static func serial(_ day: PartialDate) -> Double { Double(day.dayNumber + 25_569) }

    private func header(_ sheet: Workbook.Sheet, _ labels: [String], _ styles: Styles) throws {
        for (column, text) in labels.enumerated() { try sheet.text(0, column, text, styles.header) }
    }

    // MARK: Chronology

    /// The event rows, dated then undated: each taken from the row cache when it has it, else
    /// decoded and made (`WorkbookRow`); the rows of this run become the cache for the next.
    private func writeChronology(_ sheet: Workbook.Sheet, _ styles: Styles, cache: RowCache.Update) throws {
        let events = input.chronology.events.count + input.chronology.undated.count
        for (column, spec) in Self.columns.enumerated() { try sheet.column(column, column, width: spec.width) }
        sheet.freeze(rows: 1, columns: 0)
        try sheet.autofilter(lastRow: events, lastColumn: Self.columns.count - 1)
        try header(sheet, Self.columns.map { label($0.label) }, styles)
        var row = 1
        for list in [input.chronology.events, input.chronology.undated] {
            for index in list.indices {
                let key = input.rowKey(list, index)
                let cells = cache.cached(key) ?? cache.keep(key, made: WorkbookRow.encode(self.cells(list[index]), coarseDate: coarseDate))
                try WorkbookRow.write(cells, to: sheet, row: row, text: styles.text, number: styles.number, date: styles.date)
                row += 1
            }
        }
    }

    /// A month or year as text in the report's style: "12/2022" or "2022-12"; "2022".
    private func coarseDate(_ date: PartialDate) -> String {
        language == .vi ? ReportFields.vietnameseDate(date) : date.description
    }

    /// One event's cells, in the order of `columns`.
    func cells(_ item: ChronologyEvent) -> [Cell] {
        let event = item.event
        let date = event.date.value
        let range = date.map(ReportFields.dayRange)
        let precision = date.map { templates.precisionLabels[$0.precision] ?? $0.precision.rawValue } ?? label("undated")
        return [
            date.map { .date($0) } ?? .empty,
            .text(ReportText.flat(event.unit.name)),
            .text(templates.kind(event.kind)),
            .text(ReportText.flat(event.title)),
            .text(event.chair.map(ReportFields.person) ?? ""),
            .text((event.chair?.positions ?? []).map(ReportText.flat).joined(separator: ", ")),
            date.map { .number($0.year) } ?? .empty,
            date?.month.map { .number($0) } ?? .empty,
            range.map { .date($0.start) } ?? .empty,
            range.map { .date($0.end) } ?? .empty,
            .text(precision),
            .text(event.date.partOfDay.map { templates.partOfDayLabels[$0] ?? $0.rawValue } ?? ""),
            .text(ReportText.flat(event.organizer ?? "")),
            .text(ReportText.flat(event.period ?? "")),
            .text(event.people.filter { $0.role != .chair }.map(Self.person).joined(separator: "\n")),
            .text(event.documents.map { ReportFields.document($0, vietnamese: language == .vi) }.joined(separator: "\n")),
            .text(event.credits.map(ReportText.flat).joined(separator: ", ")),
            .text(sources(item)),
            .text(item.corrected ? label("yes_mark") : ""),
            .date(input.firstSeen(item.id)),
            .text(item.id),
            .text(ReportText.flat(event.date.evidence ?? "")),
        ]
    }

    /// "Thiếu tướng Lê Minh Quang (Tư lệnh Quân đoàn)".
    static func person(_ person: Person) -> String {
        let positions = person.positions.map(ReportText.flat).filter { !$0.isEmpty }
        return ReportFields.person(person) + (positions.isEmpty ? "" : " (\(positions.joined(separator: ", ")))")
    }

    /// The first sources (URL, or path where there is none), one a line, then "+N" for the rest.
    func sources(_ item: ChronologyEvent) -> String {
        var lines = item.sources.prefix(Self.sourcesShown).map(ReportFields.sourceLocation)
        if item.sources.count > Self.sourcesShown { lines.append("+\(item.sources.count - Self.sourcesShown)") }
        return lines.joined(separator: "\n")
    }

    // MARK: Summary and problems

    /// Units × the window's years; a total column and a total row.
    private func writeSummary(_ sheet: Workbook.Sheet, _ styles: Styles) throws {
        let years = summary.windowYears, units = summary.units
        let totalColumn = years.count + 1, totalRow = units.count + 1
        try sheet.column(0, 0, width: 40)
        try sheet.column(1, totalColumn, width: 9)
        sheet.freeze(rows: 1, columns: 1)
        try sheet.autofilter(lastRow: units.count, lastColumn: totalColumn)
        try header(sheet, [label("unit")] + years.map(String.init) + [label("total")], styles)
        let last = Workbook.Sheet.columnName(years.count)
        for (position, unit) in units.enumerated() {
            let row = position + 1, counts = summary.unitYear[position]
            try sheet.text(row, 0, ReportText.flat(unit.name), styles.text)
            for (column, count) in counts.enumerated() { try sheet.number(row, column + 1, Double(count), styles.number) }
            try sheet.formula(
                row, totalColumn, "=SUM(B\(row + 1):\(last)\(row + 1))", value: Double(counts.reduce(0, +)), styles.totalNumber)
        }
        try sheet.text(totalRow, 0, label("total"), styles.totalText)
        for column in 1...totalColumn {
            let name = Workbook.Sheet.columnName(column)
            let value =
                column == totalColumn
                ? summary.unitYear.reduce(0) { $0 + $1.reduce(0, +) } : summary.unitYear.reduce(0) { $0 + $1[column - 1] }
            let formula = units.isEmpty ? "=0" : "=SUM(\(name)2:\(name)\(totalRow))"
            try sheet.formula(totalRow, column, formula, value: Double(value), styles.totalNumber)
        }
    }

    /// Articles that could not be read (source, reason), the warnings of articles read, then
    /// events without a date (their sources, the reason, the meeting's name).
    private func writeProblems(_ sheet: Workbook.Sheet, _ styles: Styles) throws {
        let sorted = input.problems.sorted(), undated = input.chronology.undated
        let problems = sorted.filter { !$0.isWarning } + sorted.filter(\.isWarning)
        try sheet.column(0, 0, width: 50)
        try sheet.column(1, 1, width: 40)
        try sheet.column(2, 2, width: 50)
        sheet.freeze(rows: 1, columns: 0)
        try sheet.autofilter(lastRow: problems.count + undated.count, lastColumn: 2)
        try header(sheet, [label("source"), label("reason"), label("conference")], styles)
        var row = 1
        for problem in problems {
            try sheet.text(row, 0, ReportText.flat(problem.source), styles.text)
            try sheet.text(row, 1, ReportText.flat(problem.reason), styles.text)
            row += 1
        }
        for item in undated {
            try sheet.text(row, 0, sources(item), styles.text)
            try sheet.text(row, 1, label("undated_events"), styles.text)
            try sheet.text(row, 2, ReportText.flat(item.event.title), styles.text)
            row += 1
        }
    }
}
