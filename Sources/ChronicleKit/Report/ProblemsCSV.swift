/// Writes `problems.csv`: every problem the briefing's problems section counts and shows only
/// the first of (`MarkdownReport.problemsShown`). Same conventions as `chronology.csv` (UTF-8 with
/// BOM, RFC 4180 quoting, CRLF, formula-injection guard: `CSVReport.writeRow`).
///
/// One row per article that could not be read (sorted by source), one per warning of an article
/// that was read, one per correction that matches nothing, then one per undated event (in
/// chronology order):
/// - `problem`: `unreadable-article`, `article-warning`, `unmatched-correction` or `undated-event`
/// - `reason_code`: the reason as a code (`empty`, `invalid-utf8`, `unreadable-date`, …
///   `ProblemReason.Code`; `undated`)
/// - `reason`: the reason in the report's language
/// - `source`: the article file (`path` or `path:line`); for an event every article, joined with "; "
/// - `url`: the articles' URLs (those known), joined with "; "
/// - `event_id`, `unit`, `kind_label`, `title`: the undated event; empty for an article
struct ProblemsCSV {
    static let fileName = "problems.csv"
    static let columns = ["problem", "reason_code", "reason", "source", "url", "event_id", "unit", "kind_label", "title"]

    let chronology: any ChronologyIndex
    let context: ReportContext
    let templates: ReportTemplates
    let plan: ReportPlan
    /// `report.csv.delimiter`, as for `chronology.csv`.
    let delimiter: UInt8

    func write(into staging: ReportStaging) throws {
        guard plan.needs(Self.fileName) else { return }
        let sink = try staging.open(Self.fileName)
        try sink.write("\u{FEFF}")
        try CSVReport.writeRow(delimiter, Self.columns, to: sink)
        let articles = context.problems.sorted().filter { $0.correction == nil }
        // Articles that could not be read first, then the warnings of those read.
        for problem in articles.filter({ !$0.isWarning }) + articles.filter(\.isWarning) {
            let reason = ProblemReason(parsing: problem.reason)
            try CSVReport.writeRow(
                delimiter,
                [
                    reason.code.isWarning ? "article-warning" : "unreadable-article", reason.code.rawValue,
                    BriefingText.reason(reason, templates: templates), problem.source, "", "", "", "", "",
                ],
                to: sink)
        }
        for problem in context.problems.sorted() {
            guard let correction = problem.correction else { continue }
            try CSVReport.writeRow(
                delimiter,
                [
                    "unmatched-correction", "unmatched-correction", templates.labels["correction_matches_nothing"] ?? "",
                    problem.source, "", correction.key, "", "", correction.target,
                ],
                to: sink)
        }
        let undatedLabel = templates.labels["undated_events"]!
        for item in chronology.undated {
            try CSVReport.writeRow(
                delimiter,
                [
                    "undated-event", "undated", undatedLabel,
                    item.sources.map { ReportText.flat($0.source) }.joined(separator: "; "),
                    item.sources.compactMap { $0.url.map(ReportText.flat) }.filter { !$0.isEmpty }.joined(separator: "; "),
                    item.id, item.event.unit.name, templates.kind(item.event.kind), item.event.title,
                ],
                to: sink)
        }
    }
}
