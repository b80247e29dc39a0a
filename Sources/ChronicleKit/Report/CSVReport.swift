import Foundation

/// Writes `chronology.csv` and `summary.csv` for Excel and LibreOffice.
///
/// Both files are UTF-8 with a byte-order mark (so Excel detects UTF-8), RFC 4180 quoting (a
/// cell holding `"`, `,`, CR or LF — and `;`, for spreadsheets set to a semicolon separator — is
/// quoted and its `"` doubled), CRLF line ends and one header row of stable snake_case names.
/// Fields are separated by `report.csv.delimiter`: `,` by default, `;` for a spreadsheet whose
/// locale (Vietnamese among them) lists with `;`, or a tab. Multi-valued cells are joined with "; ".
/// Text cells are flattened to one line (runs of whitespace become one space) and characters XML
/// forbids (control characters) are removed.
///
/// Spreadsheet formula injection is neutralized following OWASP's "CSV Injection" guidance: a
/// cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe
/// `'`, so a spreadsheet shows it as text instead of evaluating it.
///
/// `chronology.csv` — one row per event, dated events in chronology order then undated ones; what
/// a reader looks at first comes first (date, unit, kind, title, chair):
/// - `date`: ISO 8601 cut to its precision (`2022-12-26`, `2022-12`, `2022`); empty when undated
/// - `unit`: the unit's canonical name
/// - `kind`: kind id (`year-end-review`, ...); `kind_label`: the kind in words, in the report language
/// - `title`
/// - `chair_rank`, `chair_name`, `chair_positions` (positions joined with "; ")
/// - `year`, `month`: the date's year and month (empty when the date has none)
/// - `date_start`, `date_end`: the first and last day the date covers (`2022-12-01`, `2022-12-31`
///   for `2022-12`), so every row sorts and filters by a full date
/// - `date_precision`: `day`, `month`, `year`; empty when undated
/// - `part_of_day`: `morning`, `afternoon`, `evening` or empty
/// - `date_basis`: `explicit`, `reference-date`, `period-year`, `anniversary`, `context`, `unresolved`
/// - `unit_id`, `unit_mention`: the unit's canonical id, and the words of the article
/// - `organizer`: the party body that held the meeting
/// - `period`
/// - `people`: `role: rank name (position, position)` per person, joined with "; "
/// - `documents`: `type code (YYYY-MM-DD)` per document, joined with "; "
/// - `credits`: reporters' bylines, joined with "; "
/// - `sources`: the article files (`path` or `path:line`), joined with "; " (`list`: as many as
///   a spreadsheet cell holds, then how many more)
/// - `urls`: the articles' URLs (those known), joined likewise
/// - `corrected`: `true` when an analyst's correction applies, else `false`
/// - `first_seen`: the "as of" date (`YYYY-MM-DD`) of the run that first found the event; filter
///   on it to see what came in since a given day
/// - `event_id`: stable chronology id (`2022-12-26-quan-doan-1-year-end-review`)
/// - `date_evidence`: the sentence the date was read from
///
/// `summary.csv` — one row per unit, year and kind with at least one event, sorted by unit name,
/// year and kind: `unit_id`, `unit`, `year`, `kind`, `kind_label`, `count`.
struct CSVReport {
    static let chronologyColumns = [
        "date", "unit", "kind", "kind_label", "title", "chair_rank", "chair_name", "chair_positions",
        "year", "month", "date_start", "date_end", "date_precision", "part_of_day", "date_basis", "unit_id", "unit_mention",
        "organizer", "period", "people", "documents", "credits", "sources", "urls", "corrected", "first_seen", "event_id",
        "date_evidence",
    ]
    static let summaryColumns = ["unit_id", "unit", "year", "kind", "kind_label", "count"]

    let input: ReportInput
    let summary: ReportSummary
    let templates: ReportTemplates
    let plan: ReportPlan
    /// The field separator (`,`, `;` or tab; `ChronicleConfig.csvDelimiter`).
    var delimiter: UInt8 = 0x2C
    /// The last run's rows (`RowCache`), refreshed when `chronology.csv` is written; nil: none kept.
    var rowCache: URL?

    func write(into staging: ReportStaging) throws {
        if plan.needs("chronology.csv") {
            let events = try staging.open("chronology.csv")
            try events.write("\u{FEFF}")
            try Self.writeRow(delimiter, Self.chronologyColumns, to: events)
            try writeEvents(to: events)
        }
        guard plan.needs("summary.csv") else { return }

        let counts = try staging.open("summary.csv")
        try counts.write("\u{FEFF}")
        try Self.writeRow(delimiter, Self.summaryColumns, to: counts)
        for count in summary.counts {
            try Self.writeRow(
                delimiter,
                [count.unit.id, count.unit.name, String(count.year), count.kind.rawValue, templates.kind(count.kind), String(count.count)],
                to: counts)
        }
    }

    /// The event rows, dated then undated: each taken from the row cache when it has it, else
    /// decoded and rendered; the rows of this run become the cache for the next.
    private func writeEvents(to sink: AtomicFileSink) throws {
        let base = RowCache.base("csv", templates: templates) { $0.add(UInt64(delimiter)) }
        let cache = RowCache.Update(url: rowCache, base: base)
        do {
            for list in [input.chronology.events, input.chronology.undated] {
                for index in list.indices {
                    let key = input.rowKey(list, index)
                    let line = cache.cached(key) ?? cache.keep(key, made: Self.line(delimiter, row(list[index])))
                    try line.withUnsafeBytes { try sink.write(bytes: $0) }
                }
            }
        } catch {
            cache.abandon()
            throw error
        }
        cache.finish()
    }

    private func row(_ item: ChronologyEvent) -> [String] {
        let event = item.event
        let date = event.date.value, range = date.map(ReportFields.dayRange)
        return [
            date?.description ?? "",
            event.unit.name,
            event.kind.rawValue,
            templates.kind(event.kind),
            event.title,
            event.chair?.rank ?? "",
            event.chair?.name ?? "",
            (event.chair?.positions ?? []).map(ReportText.flat).joined(separator: "; "),
            date.map { String($0.year) } ?? "",
            date?.month.map { String($0) } ?? "",
            range?.start.description ?? "",
            range?.end.description ?? "",
            event.date.precision?.rawValue ?? "",
            event.date.partOfDay?.rawValue ?? "",
            event.date.basis.rawValue,
            event.unit.id,
            event.unit.mention,
            event.organizer ?? "",
            event.period ?? "",
            event.people.map(ReportFields.personWithRole).joined(separator: "; "),
            event.documents.map { ReportFields.document($0, vietnamese: false) }.joined(separator: "; "),
            event.credits.map(ReportText.flat).joined(separator: "; "),
            Self.list(item.sources.map { ReportText.flat($0.source) }),
            Self.list(item.sources.compactMap { $0.url.map(ReportText.flat) }.filter { !$0.isEmpty }),
            item.corrected ? "true" : "false",
            input.firstSeen(item.id).description,
            item.id,
            event.date.evidence ?? "",
        ]
    }

    /// `items` joined with "; ", as many as a spreadsheet cell holds: Excel keeps 32,767
    /// characters of a cell and cuts a longer CSV field, so an event reported by hundreds of
    /// copies lists those that fit and says how many more there are (`chronology.xml` lists all).
    static func list(_ items: [String]) -> String {
        let joined = items.joined(separator: "; ")
        let limit = Workbook.Sheet.cellLimit
        guard joined.utf8.count > limit, joined.unicodeScalars.count > limit else { return joined }
        // Room for the note, whose count has at most as many digits as the whole list's.
        let room = limit - note(items.count).unicodeScalars.count
        var kept = 0, length = 0
        for item in items {
            let added = item.unicodeScalars.count + (kept > 0 ? 2 : 0)
            guard length + added <= room else { break }
            length += added
            kept += 1
        }
        return items.prefix(kept).joined(separator: "; ") + note(items.count - kept, first: kept == 0)
    }

    /// What follows the entries of a list cut to the cell (`list`).
    private static func note(_ more: Int, first: Bool = false) -> String {
        (first ? "" : "; ") + "… +\(more) more in chronology.xml"
    }

    static func writeRow(_ delimiter: UInt8, _ cells: [String], to sink: AtomicFileSink) throws {
        try line(delimiter, cells).withUnsafeBytes { try sink.write(bytes: $0) }
    }

    /// One row's bytes, CRLF-terminated.
    static func line(_ delimiter: UInt8, _ cells: [String]) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(256)
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(delimiter) }
            appendField(cell, to: &line)
        }
        line.append(0x0D)
        line.append(0x0A)
        return line
    }

    /// One cell: flattened, formula-neutralized, quoted when RFC 4180 requires it.
    static func field(_ raw: String) -> String {
        var bytes: [UInt8] = []
        appendField(raw, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `field` appended as UTF-8 bytes: one pass over the cell, no Foundation string search
    /// (`replacingOccurrences` through NSString cost more than everything else in the CSV).
    static func appendField(_ raw: String, to out: inout [UInt8]) {
        let text = ReportText.flat(raw)
        let utf8 = text.utf8
        var needsQuotes = false
        for byte in utf8 where isQuoted(byte) {
            needsQuotes = true
            break
        }
        if needsQuotes { out.append(0x22) }
        if let first = utf8.first, isFormulaStart(first) { out.append(0x27) }
        for byte in utf8 {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        if needsQuotes { out.append(0x22) }
    }

    /// Bytes that make a cell need quotes: `"`, `,`, `;` (semicolon-separated locales), tab, LF, CR
    /// (whichever is the delimiter; cells are flattened, so tabs and line breaks do not reach here).
    @inline(__always)
    private static func isQuoted(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0x2C || byte == 0x3B || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// First bytes that make a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@`, tab, CR.
    @inline(__always)
    private static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
    }
}
