import Foundation

/// Writes `chronology.md`, `units/<unit>.md` and `years/<year>.md` from the Mustache templates.
///
/// The document is rendered piece by piece (header, one heading per group, one row per event)
/// straight into the file sink, so a chronology of tens of thousands of events never becomes one
/// String in memory. Every value given to a template is already Markdown-escaped.
struct MarkdownReport {
    /// The chronology, or only its outline when no file but the index page is written.
    let chronology: any ChronologyIndex
    let context: ReportContext
    let summary: ReportSummary
    let templates: ReportTemplates
    let withTimeline: Bool
    let plan: ReportPlan
    /// Above this many events, `chronology.md` links to the year files instead of listing them.
    let fullListLimit: Int
    /// Each event's table row, rendered once and shared by chronology.md and the unit and year
    /// files, kept in a scratch file (at a large archive the rows are a hundred megabytes); nil
    /// for events no file written in this run shows.
    private let rows: [ScratchFile.Span?]
    /// Renders of the small fixed pieces (table header, year and unit headings), which repeat
    /// in every unit and year file.
    private let pieces = PieceCache()
    /// Undated events per unit id (positions in `chronology.undated`), for the unit files.
    private let undatedByUnit: [String: [Int]]
    /// Each unit's position in the summary's unit order.
    private let unitRank: [String: Int]
    /// The events new since the last run, dated then undated, in chronology order.
    private let newItems: [NewItem]

    private struct NewItem {
        var head: EventList.Head
        var dated: Bool
        var index: Int
    }

    /// - Parameters:
    ///   - whole: the chronology whole, needed for the event tables (nil when none is written);
    ///   - scratch: the folder for the scratch file of rendered rows.
    init(
        chronology: any ChronologyIndex, whole: Chronology?, context: ReportContext, summary: ReportSummary,
        templates: ReportTemplates, withTimeline: Bool, plan: ReportPlan, fullListLimit: Int, scratch: URL,
        rowCache: URL? = nil
    ) throws {
        self.chronology = chronology
        self.context = context
        self.summary = summary
        self.templates = templates
        self.withTimeline = withTimeline
        self.plan = plan
        self.fullListLimit = fullListLimit
        // Rendering a row through Mustache is the largest cost of the Markdown report: only the
        // rows of files written in this run are rendered, on all cores (order kept).
        var needed = [Bool](repeating: false, count: chronology.datedHeads.count)
        if plan.needs("chronology.md") && chronology.datedHeads.count <= fullListLimit {
            needed = [Bool](repeating: true, count: needed.count)
        } else {
            for (position, events) in summary.eventsByUnit.enumerated() where plan.needs(Self.unitPath(summary, position)) {
                for index in events { needed[index] = true }
            }
            for (position, events) in summary.eventsByYear.enumerated() where plan.needs(Self.yearPath(summary, position)) {
                for index in events { needed[index] = true }
            }
        }
        let wanted = needed.indices.filter { needed[$0] }
        var rows = [ScratchFile.Span?](repeating: nil, count: needed.count)
        if !wanted.isEmpty {
            guard let events = whole?.events else { throw ReportError.outlineWithoutChronology }
            rows = try Self.rows(wanted, of: events, context: context, templates: templates, scratch: scratch, cache: rowCache)
        }
        self.rows = rows
        let undatedHeads = chronology.undated.heads
        undatedByUnit = Dictionary(grouping: undatedHeads.indices) { undatedHeads[$0].unit.id }
        unitRank = Dictionary(uniqueKeysWithValues: summary.units.enumerated().map { ($1.id, $0) })
        // Found once: each unit and year file lists its own, and scanning the whole chronology
        // per file made a run with new events quadratic in the number of units.
        var newItems: [NewItem] = []
        if !context.newEventIDs.isEmpty {
            for (dated, heads) in [(true, chronology.datedHeads), (false, undatedHeads)] {
                for (index, head) in heads.enumerated() where context.newEventIDs.contains(head.id) {
                    newItems.append(NewItem(head: head, dated: dated, index: index))
                }
            }
        }
        self.newItems = newItems
    }

    /// The rows of the `wanted` events in a scratch file: taken from the last run's row cache
    /// when it has them, else rendered on all cores a batch at a time (so only a batch of rows is
    /// in memory). With a cache file, the rows of every event this run knows are kept in it for
    /// the next run.
    private static func rows(
        _ wanted: [Int], of events: EventList, context: ReportContext, templates: ReportTemplates, scratch: URL, cache: URL?
    ) throws -> [ScratchFile.Span?] {
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreateDirectory(path: scratch.path, reason: (error as NSError).localizedDescription)
        }
        let file = try ScratchFile(directory: scratch, name: "rows")
        let base = rowCacheBase(templates)
        let previous = cache.map { RowCache(url: $0, base: base) }
        let keys = events.indices.map { index in
            rowKey(
                content: events.digests[index], corrected: events.heads[index].corrected,
                new: context.newEventIDs.contains(events.heads[index].id))
        }
        var rows = [ScratchFile.Span?](repeating: nil, count: events.count)
        var rendered = [Bool](repeating: false, count: events.count)
        var start = 0
        while start < wanted.count {
            let batch = Array(wanted[start..<min(wanted.count, start + 1024)])
            let made = batch.parallelMap { index -> (row: [UInt8], rendered: Bool) in
                if let row = previous?.row(keys[index]) { return (row, false) }
                return (Array(templates.render("event-row", Self.row(events[index], context: context, templates: templates)).utf8), true)
            }
            for (index, row) in zip(batch, made) {
                rows[index] = try file.append(row.row)
                rendered[index] = row.rendered
            }
            start += batch.count
        }
        guard let cache else { return rows }
        // Rows not needed tonight stay in the cache while their events are in the chronology:
        // where they are when the cache is extended in place, else copied.
        // Only a cache: one that cannot be written is removed, and the next run renders the rows.
        do {
            let writer = try RowCache.Writer(url: cache, base: base, previous: previous)
            do {
                for index in events.indices {
                    if rendered[index], let row = try rows[index]?.bytes() {
                        try writer.add(keys[index], row)
                    } else {
                        try writer.carry(keys[index])
                    }
                }
                try writer.commit()
            } catch {
                writer.discard()
                throw error
            }
        } catch {
            RowCache.remove(at: cache)
        }
        return rows
    }

    /// The row cache's base key: the templates rows are rendered with.
    static func rowCacheBase(_ templates: ReportTemplates) -> Hash128.Digest {
        RowCache.base("markdown", templates: templates)
    }

    /// The key of one event's row: its content (`EventList.digests`), its corrected flag and
    /// whether it is new in this run.
    static func rowKey(content: Hash128.Digest, corrected: Bool, new: Bool) -> Hash128.Digest {
        RowCache.key {
            $0.add(content)
            $0.add(corrected)
            $0.add(new)
        }
    }

    private final class PieceCache {
        var renders: [String: String] = [:]
    }

    /// `templates.render` for pieces whose context is a few strings, remembered by template and values.
    private func piece(_ name: String, _ context: [String: String]) -> String {
        let key = ([name] + context.keys.sorted().flatMap { [$0, context[$0]!] }).joined(separator: "\u{0}")
        if let cached = pieces.renders[key] { return cached }
        let text = templates.render(name, context)
        pieces.renders[key] = text
        return text
    }

    /// Every file this report consists of, each with its key, in writing order.
    static func files(_ summary: ReportSummary, keys: ReportKeys, withTimeline: Bool) -> [(path: String, key: String)] {
        var files = [("chronology.md", keys.chronologyMarkdown(withTimeline: withTimeline))]
        for position in summary.units.indices { files.append((unitPath(summary, position), keys.unit(position))) }
        for position in summary.years.indices { files.append((yearPath(summary, position), keys.year(position))) }
        return files
    }

    static func unitPath(_ summary: ReportSummary, _ position: Int) -> String { "units/\(summary.unitFiles[position]).md" }

    static func yearPath(_ summary: ReportSummary, _ position: Int) -> String { "years/\(summary.years[position]).md" }

    /// Writes the files of the plan that are to be written.
    func write(into staging: ReportStaging) throws {
        if plan.needs("chronology.md") { try writeChronology(try staging.open("chronology.md")) }
        for (position, unit) in summary.units.enumerated() where plan.needs(Self.unitPath(summary, position)) {
            let sink = try staging.open(Self.unitPath(summary, position))
            try writeUnit(unit, events: summary.eventsByUnit[position], into: sink)
        }
        for (position, year) in summary.years.enumerated() where plan.needs(Self.yearPath(summary, position)) {
            let sink = try staging.open(Self.yearPath(summary, position))
            try writeYear(year, events: summary.eventsByYear[position], into: sink)
        }
    }

    // MARK: Files

    private func writeChronology(_ sink: AtomicFileSink) throws {
        var context = common()
        context.merge(overview(Array(chronology.datedHeads.indices), unitCount: summary.units.count)) { $1 }
        context["show_run"] = true
        context["has_timeline"] = withTimeline
        context["timeline_path"] = "timeline.svg"
        context["summary"] = summaryTable()
        context.merge(newEvents { _ in true }) { $1 }
        let fullList = chronology.datedHeads.count <= fullListLimit
        if !fullList {
            context["year_files"] = [
                "years": summary.years.enumerated().map { position, year in
                    ["year": String(year), "link": Self.yearPath(summary, position), "count": String(summary.eventsByYear[position].count)]
                }
            ]
        }
        try sink.write(templates.render("chronology", context))

        if chronology.datedHeads.isEmpty { try sink.write(templates.render("no-events", [:])) }
        for (position, year) in summary.years.enumerated() where fullList {
            try sink.write(piece("section-year", ["heading": "##", "year": String(year)]))
            try writeUnitSections(summary.eventsByYear[position], heading: "###", into: sink)
        }
        try problems(
            articles: self.context.problems, undated: Array(chronology.undated.indices), showArticles: true, csvPath: ProblemsCSV.fileName,
            into: sink)
    }

    private func writeUnit(_ unit: UnitReference, events: [Int], into sink: AtomicFileSink) throws {
        var context = common()
        // Written again only when its content changes: it shows the date of that change.
        context["updated"] = context.removeValue(forKey: "as_of")
        context["unit"] = ReportText.markdown(unit.name)
        context.merge(overview(events, unitCount: 1)) { $1 }
        context.merge(newEvents { $0.unit.id == unit.id }) { $1 }
        try sink.write(templates.render("unit", context))
        var start = 0
        while start < events.count {
            let year = chronology.datedHeads[events[start]].date!.year
            var end = start
            while end < events.count && chronology.datedHeads[events[end]].date!.year == year { end += 1 }
            try sink.write(piece("section-year", ["heading": "##", "year": String(year)]))
            try table(events[start..<end], into: sink)
            start = end
        }
        let undated = undatedByUnit[unit.id] ?? []
        if !undated.isEmpty {
            try problems(articles: [], undated: undated, showArticles: false, csvPath: "../" + ProblemsCSV.fileName, into: sink)
        }
    }

    private func writeYear(_ year: Int, events: [Int], into sink: AtomicFileSink) throws {
        var context = common()
        // Written again only when its content changes: it shows the date of that change.
        context["updated"] = context.removeValue(forKey: "as_of")
        context["year"] = String(year)
        let unitCount = Set(events.map { chronology.datedHeads[$0].unit.id }).count
        context.merge(overview(events, unitCount: unitCount)) { $1 }
        context.merge(newEvents { $0.date?.year == year }) { $1 }
        try sink.write(templates.render("year", context))
        try writeUnitSections(events, heading: "##", into: sink)
    }

    /// One section per unit (in the summary's unit order), each a table of its events in date order.
    private func writeUnitSections(_ events: [Int], heading: String, into sink: AtomicFileSink) throws {
        // Each event's unit rank looked up once, not in the comparator (n·log n lookups by id).
        let heads = chronology.datedHeads
        let ranks = events.map { unitRank[heads[$0].unit.id]! }
        let indices = events.indices.sorted { ranks[$0] != ranks[$1] ? ranks[$0] < ranks[$1] : $0 < $1 }.map { events[$0] }
        var start = 0
        while start < indices.count {
            let unit = heads[indices[start]].unit
            var end = start
            while end < indices.count && heads[indices[end]].unit.id == unit.id { end += 1 }
            try sink.write(piece("section-unit", ["heading": heading, "unit": ReportText.markdown(unit.name)]))
            try table(indices[start..<end], into: sink)
            start = end
        }
    }

    // MARK: Pieces

    private func common() -> [String: Any] {
        [
            "window_from": ReportFields.vietnameseDate(chronology.window.from),
            "window_to": ReportFields.vietnameseDate(chronology.window.to),
            "as_of": ReportFields.vietnameseDate(context.asOf),
        ]
    }

    private func overview(_ events: [Int], unitCount: Int) -> [String: Any] {
        var kinds = [Int](repeating: 0, count: EventKind.allCases.count)
        var years: [Int: Int] = [:]
        for index in events {
            let head = chronology.datedHeads[index]
            kinds[EventKind.allCases.firstIndex(of: head.kind)!] += 1
            if let year = head.date?.year { years[year, default: 0] += 1 }
        }
        let byKind = EventKind.allCases.indices.filter { kinds[$0] > 0 }.map {
            ["label": templates.kind(EventKind.allCases[$0]), "count": String(kinds[$0])]
        }
        let byYear = years.keys.sorted().map { ["year": String($0), "count": String(years[$0]!)] }
        return [
            "event_count": String(events.count),
            "unit_count": String(unitCount),
            "by_kind": lastMarked(byKind),
            "has_kinds": !byKind.isEmpty,
            "by_year": lastMarked(byYear),
            "has_years": !byYear.isEmpty,
            "show_run": false,
            "articles_read": String(context.articlesRead),
            "files_skipped": String(context.filesSkipped),
            "outside_window": String(chronology.outsideWindow),
            "undated_count": String(chronology.undated.count),
        ]
    }

    private func lastMarked(_ items: [[String: String]]) -> [[String: Any]] {
        items.enumerated().map { index, item in
            var item: [String: Any] = item
            item["last"] = index == items.count - 1
            return item
        }
    }

    private func summaryTable() -> [String: Any] {
        let rows: [[String: Any]] = summary.units.enumerated().map { position, unit in
            [
                "unit": ReportText.markdown(unit.name),
                "link": "units/\(summary.unitFiles[position]).md",
                "counts": summary.unitYear[position].map { ["count": String($0)] },
                "total": String(summary.unitYear[position].reduce(0, +)),
            ]
        }
        let totals = summary.windowYears.indices.map { y in
            ["count": String(summary.unitYear.reduce(0) { $0 + $1[y] })]
        }
        return [
            "years": summary.windowYears.map { ["year": String($0)] },
            "rows": rows,
            "totals": totals,
            "total": String(chronology.datedHeads.count),
        ]
    }

    private func newEvents(_ filter: (EventList.Head) -> Bool) -> [String: Any] {
        guard !context.newEventIDs.isEmpty else { return ["has_new": false] }
        var items: [[String: Any]] = []
        for new in newItems where filter(new.head) {
            let item = new.dated ? chronology.listing(new.index) : EventListing(chronology.undated.listing(new.index))
            items.append([
                "date": item.date.map(ReportFields.vietnameseDate) ?? "?",
                "unit": ReportText.markdown(item.unit.name),
                "kind": ReportText.markdown(templates.kind(item.kind)),
                "title": ReportText.markdown(item.title),
            ])
        }
        var result: [String: Any] = ["has_new": !items.isEmpty, "new_events": items]
        if let since = context.newSince { result["new_since"] = ReportFields.vietnameseDate(since) }
        return result
    }

    private func table(_ indices: ArraySlice<Int>, into sink: AtomicFileSink) throws {
        try sink.write(piece("table-header", [:]))
        for index in indices {
            let row = try rows[index]!.bytes()
            try row.withUnsafeBytes { try sink.write(bytes: $0) }
        }
        try sink.write("\n")
    }

    private static func row(_ item: ChronologyEvent, context: ReportContext, templates: ReportTemplates) -> [String: Any] {
        let event = item.event
        var row: [String: Any] = [
            "date": event.date.value.map(ReportFields.vietnameseDate) ?? "?",
            "kind": ReportText.markdown(templates.kind(event.kind)),
            "title": ReportText.markdown(event.title),
            "chair": event.chair.map(BriefingText.person) ?? "",
            "directing": BriefingText.directing(event),
            "has_chair": event.chair != nil,
            "has_directing": event.people.contains { $0.role == .directing },
            "documents": event.documents.map { ReportText.markdown(ReportFields.document($0, vietnamese: true)) }.joined(separator: "; "),
            "has_documents": !event.documents.isEmpty,
            "sources": BriefingText.sources(item.sources),
            "corrected": item.corrected,
            "new": context.newEventIDs.contains(item.id),
        ]
        if let precision = event.date.precision, precision != .day {
            row["precision"] = ReportText.markdown(templates.precisionLabels[precision] ?? precision.rawValue)
        }
        if let part = event.date.partOfDay {
            row["part_of_day"] = ReportText.markdown(templates.partOfDayLabels[part] ?? part.rawValue)
        }
        return row
    }

    /// Entries of each list the problems section shows; the rest are counted, and all are in
    /// `problems.csv`.
    static let problemsShown = 20

    /// Problems counted by reason, and the first of them with their reasons, in the report's language.
    private func listed(_ problems: [ArticleProblem]) -> (byReason: [[String: Any]], shown: [[String: String]]) {
        let reasons = problems.map { ProblemReason(parsing: $0.reason) }
        var counts: [ProblemReason.Code: Int] = [:]
        for reason in reasons { counts[reason.code, default: 0] += 1 }
        let byReason = ProblemReason.Code.allCases.filter { counts[$0] != nil }.map {
            ["reason": ReportText.markdown(BriefingText.reasonName($0, templates: templates)), "count": String(counts[$0]!)]
        }
        let shown = zip(problems, reasons).prefix(Self.problemsShown).map { problem, reason in
            [
                "source": ReportText.markdown(problem.source),
                "reason": ReportText.markdown(BriefingText.reason(reason, templates: templates)),
            ]
        }
        return (lastMarked(byReason), shown)
    }

    /// The problems section: unreadable articles counted by reason and the first of them, the
    /// first articles read with a warning, then the first undated events.
    /// - Parameters:
    ///   - undated: positions in `chronology.undated`;
    ///   - csvPath: the path of `problems.csv` from the file written.
    private func problems(
        articles: [ArticleProblem], undated: [Int], showArticles: Bool, csvPath: String, into sink: AtomicFileSink
    ) throws {
        let sorted = articles.sorted().filter { $0.correction == nil && !$0.isWarning }
        let warnings = articles.sorted().filter(\.isWarning)
        // Corrections that match nothing: a section of their own, worded in the report's language.
        let corrections: [[String: String]] = articles.sorted().compactMap { problem in
            problem.correction.map {
                [
                    "source": ReportText.markdown(problem.source), "key": ReportText.markdown($0.key),
                    "target": ReportText.markdown($0.target),
                    "reason": ReportText.markdown(templates.labels["correction_matches_nothing"] ?? ""),
                ]
            }
        }
        let (byReason, problems) = listed(sorted)
        let (_, warningItems) = listed(warnings)
        let undatedItems: [[String: Any]] = undated.prefix(Self.problemsShown).map { index in
            let item = chronology.undated[index]
            return [
                "kind": ReportText.markdown(templates.kind(item.event.kind)),
                "unit": ReportText.markdown(item.event.unit.name),
                "title": ReportText.markdown(item.event.title),
                "corrected": item.corrected,
                "sources": BriefingText.sources(item.sources, fileNames: false),
            ]
        }
        var context: [String: Any] = [
            "show_articles": showArticles,
            "has_problems": !problems.isEmpty,
            "reasons": byReason,
            "problems": problems,
            "has_warnings": !warningItems.isEmpty,
            "warnings": warningItems,
            "has_corrections": !corrections.isEmpty,
            "corrections": corrections,
            "has_undated": !undatedItems.isEmpty,
            "undated": undatedItems,
            "problems_csv": csvPath,
        ]
        if sorted.count > problems.count { context["more_problems"] = String(sorted.count - problems.count) }
        if warnings.count > warningItems.count { context["more_warnings"] = String(warnings.count - warningItems.count) }
        if undated.count > undatedItems.count { context["more_undated"] = String(undated.count - undatedItems.count) }
        try sink.write(templates.render("problems", context))
    }
}
