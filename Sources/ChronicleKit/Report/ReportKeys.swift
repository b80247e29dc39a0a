/// The key of each report file: a hash of everything the file shows. Two runs that would write
/// the same bytes into a file give it the same key, so the second run can leave it alone.
///
/// Only `chronology.md` (and `timeline.svg`, while the "as of" date falls inside the window)
/// shows the run's "as of" date; the other files show content only (`first_seen` dates instead of
/// per-run "new" flags, the date they were last updated), so on a night with nothing new they
/// keep their keys and are not written again.
struct ReportKeys {
    /// Everything every file depends on: report version, language, templates and labels, window.
    private let base: Hash128.Digest
    /// Per dated event (same order as `chronology.events`): its content.
    private let dated: [Hash128.Digest]
    private let undated: [Hash128.Digest]
    /// Whether each dated (undated) event is new since the last run: the Markdown files mark them.
    private let datedNew: [Bool]
    private let undatedNew: [Bool]
    /// Each event's first-seen date (dated, then undated) as a day number.
    private let firstSeen: [Int]
    /// Indices into `chronology.undated` per unit id.
    private let undatedByUnit: [String: [Int]]
    private let chronology: any ChronologyIndex
    private let context: ReportContext
    private let summary: ReportSummary
    /// The CSV files' field separator.
    private let csvDelimiter: Unicode.Scalar

    /// Bump when the writers change what they print for the same input. 6: the CSV's `sources`
    /// and `urls` cut to a spreadsheet cell. 5: warnings listed apart from unreadable articles;
    /// the XSD's `severity`.
    static let version = "chronicle-reports-6"

    /// - Parameter digests: the events' content hashes (`digests(of:)`, or kept in a `ReportOutline`).
    init(
        chronology: any ChronologyIndex, context: ReportContext, digests: ReportDigests, summary: ReportSummary,
        templates: ReportTemplates, config: ChronicleConfig
    ) {
        self.chronology = chronology
        self.context = context
        self.summary = summary
        csvDelimiter = config.csvDelimiter
        var base = Hash128(Self.version)
        base.add(config.language.rawValue)
        base.add(templates.fingerprint)
        base.add(chronology.window.from.description)
        base.add(chronology.window.to.description)
        base.add(config.fullListLimit)
        self.base = base.digest
        let newIDs = context.newEventIDs
        let heads = chronology.datedHeads, undatedEvents = chronology.undated
        dated = digests.dated
        undated = digests.undated
        datedNew = heads.map { newIDs.contains($0.id) }
        undatedNew = undatedEvents.heads.map { newIDs.contains($0.id) }
        firstSeen = (heads + undatedEvents.heads).map { context.firstSeen($0.id).dayNumber }
        undatedByUnit = Dictionary(grouping: undatedEvents.indices) { undatedEvents.heads[$0].unit.id }
    }

    /// The content hash of every event of a whole chronology, from the hashes its event lists
    /// took when the events were encoded: no event is decoded.
    static func digests(of chronology: Chronology) -> ReportDigests {
        func digests(_ list: EventList) -> [Hash128.Digest] {
            zip(list.digests, list.heads).map { digest(content: $0, corrected: $1.corrected) }
        }
        return ReportDigests(dated: digests(chronology.events), undated: digests(chronology.undated))
    }

    /// An event's content (`EventList.contentDigest`: every field any report shows) with its
    /// corrected flag.
    static func digest(content: Hash128.Digest, corrected: Bool) -> Hash128.Digest {
        var hash = Hash128("event")
        hash.add(content)
        hash.add(corrected)
        return hash.digest
    }

    /// The events' content hashes (to keep in a `ReportOutline`).
    var digests: ReportDigests { ReportDigests(dated: dated, undated: undated) }

    private func start(_ file: String) -> Hash128 {
        var hash = Hash128(file)
        hash.add(base)
        return hash
    }

    /// All events, dated then undated, with the numbers of the overview.
    private func addEverything(_ hash: inout Hash128) {
        hash.add(dated.count)
        for digest in dated { hash.add(digest) }
        hash.add(undated.count)
        for digest in undated { hash.add(digest) }
        hash.add(chronology.outsideWindow)
    }

    private func addRun(_ hash: inout Hash128) {
        hash.add(context.articlesRead)
        hash.add(context.filesSkipped)
        hash.add(context.problems.count)
        for problem in context.problems {
            hash.add(problem.source)
            hash.add(problem.reason)
        }
    }

    private func addFirstSeen(_ hash: inout Hash128) {
        for day in firstSeen { hash.add(day) }
    }

    func chronologyMarkdown(withTimeline: Bool) -> String {
        var hash = start("chronology.md")
        hash.add(context.asOf.description)
        hash.add(withTimeline)
        addEverything(&hash)
        addRun(&hash)
        for flag in datedNew { hash.add(flag) }
        for flag in undatedNew { hash.add(flag) }
        addNewSince(&hash, shown: !context.newEventIDs.isEmpty)
        return hash.key
    }

    /// The date new events are new since, which a file listing new events shows.
    private func addNewSince(_ hash: inout Hash128, shown: Bool) {
        guard shown, let since = context.newSince else { return }
        hash.add(since.description)
    }

    func unit(_ position: Int) -> String {
        var hash = start("unit")
        hash.add(summary.unitFiles[position])
        let unit = summary.units[position]
        hash.add(unit.id)
        hash.add(unit.name)
        let events = summary.eventsByUnit[position]
        hash.add(events.count)
        for index in events {
            hash.add(dated[index])
            hash.add(datedNew[index])
        }
        for index in undatedByUnit[unit.id] ?? [] {
            hash.add(undated[index])
            hash.add(undatedNew[index])
        }
        addNewSince(&hash, shown: events.contains { datedNew[$0] } || (undatedByUnit[unit.id] ?? []).contains { undatedNew[$0] })
        return hash.key
    }

    func year(_ position: Int) -> String {
        var hash = start("year")
        hash.add(summary.years[position])
        let events = summary.eventsByYear[position]
        hash.add(events.count)
        for index in events {
            hash.add(dated[index])
            hash.add(datedNew[index])
        }
        addNewSince(&hash, shown: events.contains { datedNew[$0] })
        return hash.key
    }

    var chronologyCSV: String {
        var hash = start("chronology.csv")
        hash.add(String(csvDelimiter))
        addEverything(&hash)
        addFirstSeen(&hash)
        return hash.key
    }

    var summaryCSV: String {
        var hash = start("summary.csv")
        hash.add(String(csvDelimiter))
        addEverything(&hash)
        return hash.key
    }

    var xml: String {
        var hash = start("chronology.xml")
        addEverything(&hash)
        addFirstSeen(&hash)
        addRun(&hash)
        return hash.key
    }

    /// The workbook shows every event with its first-seen date, the summary by unit and year (of
    /// the window, in `base`) and the problems.
    var workbook: String {
        var hash = start("chronology.xlsx")
        addEverything(&hash)
        addFirstSeen(&hash)
        // The problems sheet; not the run's counts, which the workbook does not show.
        hash.add(context.problems.count)
        for problem in context.problems {
            hash.add(problem.source)
            hash.add(problem.reason)
        }
        return hash.key
    }

    var problemsCSV: String {
        var hash = start("problems.csv")
        hash.add(context.problems.count)
        for problem in context.problems {
            hash.add(problem.source)
            hash.add(problem.reason)
        }
        hash.add(undated.count)
        for digest in undated { hash.add(digest) }
        return hash.key
    }

    var schema: String {
        var hash = Hash128("chronology.xsd")
        hash.add(ChronologySchema.xsd)
        return hash.key
    }

    var timeline: String {
        var hash = start("timeline.svg")
        hash.add(dated.count)
        for digest in dated { hash.add(digest) }
        // The "as of" line is drawn only when that month is in the window (`TimelineSVG`).
        let window = chronology.window, asOf = context.asOf
        let first = window.from.year * 12 + (window.from.month ?? 1) - 1
        let last = max(first, window.to.year * 12 + (window.to.month ?? 12) - 1)
        let month = asOf.year * 12 + (asOf.month ?? 12) - 1
        if month >= first && month <= last { hash.add(asOf.description) }
        return hash.key
    }
}
