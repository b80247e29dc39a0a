import Foundation

/// Writes every configured report format into the output folder.
///
/// All files of a run are staged as temporary files and renamed into place only after every
/// format has been written and the XML validated: a failure leaves the previous reports intact
/// and no temporary files. Output is deterministic: the same input, config and `asOf` give
/// byte-identical files.
///
/// Files: `chronology.md`, `units/<unit-id>.md`, `years/<year>.md` (markdown);
/// `chronology.csv`, `summary.csv` (csv); `problems.csv` (markdown or csv); `chronology.xml`,
/// `chronology.xsd` (xml); `timeline.svg` (svg); `chronology.xlsx` (xlsx).
struct ReportWriter: Sendable {
    let config: ChronicleConfig
    /// Called after each report file is renamed into place, with the number renamed so far;
    /// tests stop a publish half-way through with it (`ReportStaging.commit`).
    var afterRename: (@Sendable (Int) throws -> Void)?
    /// Called once every file is staged, before the first is renamed into place: a run waits
    /// there for its store's commit, so that a failed commit publishes nothing.
    var beforePublish: (@Sendable () throws -> Void)?

    init(config: ChronicleConfig) {
        self.config = config
    }

    /// Writes every report and returns the files written.
    @discardableResult
    func write(_ input: ReportInput) throws -> [URL] {
        try write(input, manifest: nil).written
    }

    /// What a run of the writer did.
    struct Outcome: Sendable {
        /// Every report file of the configured formats, written now or earlier, as paths
        /// relative to the output folder.
        var files: [String]
        /// The files written in this run.
        var written: [URL]
        /// The events' content hashes, for a `ReportOutline` of this chronology.
        var digests: ReportDigests
    }

    /// Writes the reports whose content changed since the run that left `manifest` (every report
    /// when it is nil or missing), then records the new state in `manifest`.
    @discardableResult
    public func write(_ input: ReportInput, manifest: URL?) throws -> Outcome {
        try write(input.chronology, whole: input.chronology, digests: nil, context: input.context, manifest: manifest, loadWhole: nil)
    }

    /// Writes the reports of a run that has only the outline of its chronology: `loadWhole`
    /// reads the chronology, called only if a report other than the `chronology.md` index page
    /// and the timeline has to be written.
    func write(
        _ outline: ReportOutline, context: ReportContext, manifest: URL?, loadWhole: @escaping () throws -> Chronology
    ) throws -> Outcome {
        try write(outline.outline, whole: nil, digests: outline.digests, context: context, manifest: manifest, loadWhole: loadWhole)
    }

    private func write(
        _ index: any ChronologyIndex, whole: Chronology?, digests: ReportDigests?, context: ReportContext, manifest: URL?,
        loadWhole: (() throws -> Chronology)?
    ) throws -> Outcome {
        let formats = Set(config.formats)
        // No reports, no outline (an outline without digests is never taken).
        guard !formats.isEmpty else { return Outcome(files: [], written: [], digests: ReportDigests(dated: [], undated: [])) }
        // Templates and labels are read (and checked) before anything is written.
        let templates = try ReportTemplates(directory: config.templatesDirectory, language: config.language)
        guard let digests = digests ?? whole.map(ReportKeys.digests(of:)) else { throw ReportError.outlineWithoutChronology }
        var summary = ReportSummary(index: index)
        let keys = ReportKeys(chronology: index, context: context, digests: digests, summary: summary, templates: templates, config: config)
        let previous = manifest.flatMap { ReportManifest(contentsOf: $0) }
        let plan = plan(formats: formats, summary: summary, keys: keys, previous: previous)
        var index = index, whole = whole
        // An outline holds what the index page and the timeline show; anything else needs the
        // events whole.
        let fullList = index.datedHeads.count <= config.fullListLimit
        let needsWhole = plan.toWrite.contains { path in
            path == "timeline.svg" || path == ProblemsCSV.fileName ? false : path == "chronology.md" ? fullList : true
        }
        if whole == nil && needsWhole {
            guard let loadWhole else { throw ReportError.outlineWithoutChronology }
            let loaded = try loadWhole()
            (index, whole, summary) = (loaded, loaded, ReportSummary(index: loaded))
        }
        // The row caches live beside the manifest, in the job's state folder.
        let stateFolder = manifest?.deletingLastPathComponent()
        let written = try render(
            formats: formats, index: index, whole: whole, context: context, summary: summary, templates: templates, plan: plan,
            stateFolder: stateFolder)
        let files = plan.files.map(\.path)
        if formats.contains(.markdown) { removeStaleFiles(keeping: Set(files), wrote: previous) }
        if let manifest {
            // Written files are recorded as they are now; skipped ones keep their entry.
            var next = ReportManifest()
            for file in plan.files {
                if plan.needs(file.path) {
                    guard let identity = FileIdentity(path: config.output.path + "/" + file.path) else { continue }
                    next.set(file.path, .init(key: file.key, identity: identity))
                } else if let entry = previous?.entries[file.path] {
                    next.set(file.path, entry)
                }
            }
            try next.write(to: manifest)
        }
        return Outcome(files: files, written: written, digests: keys.digests)
    }

    /// Every file of the configured formats with its key; those unchanged since `previous` are skipped.
    private func plan(formats: Set<ReportFormat>, summary: ReportSummary, keys: ReportKeys, previous: ReportManifest?) -> ReportPlan {
        let root = config.output
        var plan = ReportPlan()
        if formats.contains(.markdown) {
            for file in MarkdownReport.files(summary, keys: keys, withTimeline: formats.contains(.svg)) {
                plan.add(file.path, key: file.key, previous: previous, root: root)
            }
        }
        if formats.contains(.csv) {
            plan.add("chronology.csv", key: keys.chronologyCSV, previous: previous, root: root)
            plan.add("summary.csv", key: keys.summaryCSV, previous: previous, root: root)
        }
        if formats.contains(.xml) {
            plan.add(ChronologySchema.fileName, key: keys.schema, previous: previous, root: root)
            plan.add("chronology.xml", key: keys.xml, previous: previous, root: root)
        }
        if formats.contains(.markdown) || formats.contains(.csv) {
            plan.add(ProblemsCSV.fileName, key: keys.problemsCSV, previous: previous, root: root)
        }
        if formats.contains(.svg) { plan.add("timeline.svg", key: keys.timeline, previous: previous, root: root) }
        if formats.contains(.xlsx) { plan.add(WorkbookReport.fileName, key: keys.workbook, previous: previous, root: root) }
        return plan
    }

    /// Writes the planned files. The formats are independent: each is written into its own
    /// staging on its own core (Markdown; the CSV files; the XML files; the problems list and
    /// the timeline; the workbook, which compresses) and synced on another thread as soon as its
    /// job ends (`ReportStaging.syncAhead`), then all are committed at once, in that order. With
    /// more jobs than cores the last to start waits for one, so the jobs start by `startRank`,
    /// the workbook and Markdown first. `whole` is nil only when no file but the index page and
    /// the timeline is to be written.
    private func render(
        formats: Set<ReportFormat>, index: any ChronologyIndex, whole: Chronology?, context: ReportContext,
        summary: ReportSummary, templates: ReportTemplates, plan: ReportPlan, stateFolder: URL?
    ) throws -> [URL] {
        let jobs = self.jobs(
            formats: formats, index: index, whole: whole, context: context, summary: summary, templates: templates, plan: plan,
            stateFolder: stateFolder)
        let root = config.output
        let stagings = jobs.map { _ in ReportStaging(root: root) }
        let results = ConcurrentResults(count: jobs.count)
        let order = jobs.indices.sorted { jobs[$0].rank < jobs[$1].rank }
        let work = UncheckedSendable(value: (jobs, stagings))
        DispatchQueue.concurrentPerform(iterations: jobs.count) { started in
            let (jobs, stagings) = work.value
            let index = order[started]
            do {
                try jobs[index].write(stagings[index])
                try stagings[index].syncAhead()
            } catch {
                results.set(index, error)
            }
        }
        do {
            if let error = results.firstError() { throw error }
            try beforePublish?()
            return try ReportStaging.commit(stagings, journal: PublishJournal(config: config), afterRename: afterRename)
        } catch {
            for staging in stagings { staging.discard() }
            throw error
        }
    }

    /// What one job writes into its staging, and its place in the start order (`startRank`).
    private struct Job {
        var rank: Int
        var write: @Sendable (ReportStaging) throws -> Void
    }

    /// The jobs of the configured formats, in publish order (`render`).
    private func jobs(
        formats: Set<ReportFormat>, index: any ChronologyIndex, whole: Chronology?, context: ReportContext,
        summary: ReportSummary, templates: ReportTemplates, plan: ReportPlan, stateFolder: URL?
    ) -> [Job] {
        let root = config.output, language = config.language, fullListLimit = config.fullListLimit
        let delimiter = UInt8(config.csvDelimiter.value)
        let input = whole.map { ReportInput(chronology: $0, context: context) }
        var jobs: [Job] = []
        if formats.contains(.markdown) {
            jobs.append(
                Job(rank: Self.startRank.markdown) { staging in
                    try MarkdownReport(
                        chronology: index, whole: whole, context: context, summary: summary, templates: templates,
                        withTimeline: formats.contains(.svg), plan: plan, fullListLimit: fullListLimit, scratch: root,
                        rowCache: stateFolder?.appendingPathComponent(RowCache.markdownFileName)
                    ).write(into: staging)
                })
        }
        if let input, formats.contains(.csv) {
            jobs.append(
                Job(rank: Self.startRank.csv) { staging in
                    try CSVReport(
                        input: input, summary: summary, templates: templates, plan: plan, delimiter: delimiter,
                        rowCache: stateFolder?.appendingPathComponent(RowCache.csvFileName)
                    ).write(into: staging)
                })
        }
        if let input, formats.contains(.xml) {
            jobs.append(
                Job(rank: Self.startRank.xml) { staging in
                    try XMLReport(
                        input: input, summary: summary, templates: templates, language: language, plan: plan,
                        rowCache: stateFolder?.appendingPathComponent(RowCache.xmlFileName)
                    ).write(into: staging)
                })
        }
        jobs.append(
            Job(rank: Self.startRank.problemsAndTimeline) { staging in
                if formats.contains(.markdown) || formats.contains(.csv) {
                    try ProblemsCSV(chronology: index, context: context, templates: templates, plan: plan, delimiter: delimiter)
                        .write(into: staging)
                }
                if formats.contains(.svg) {
                    try TimelineSVG(chronology: index, context: context, summary: summary, templates: templates, plan: plan)
                        .write(into: staging)
                }
            })
        if formats.contains(.xlsx), let input {
            jobs.append(
                Job(rank: Self.startRank.workbook) { staging in
                    try WorkbookReport(
                        input: input, summary: summary, templates: templates, language: language, plan: plan, scratch: root,
                        rowCache: stateFolder?.appendingPathComponent(RowCache.workbookFileName)
                    ).write(into: staging)
                })
        }
        return jobs
    }

    /// The order the jobs start in (`render`), the longest first as far as a run can tell: the
    /// workbook compresses all of its sheets whatever changed; Markdown writes a page per unit
    /// and year and is the longest of a first run; on a night that adds to large events, the
    /// XML and CSV rows of those events, the XML (validated) the longer; the problems list and
    /// the timeline last.
    static let startRank = (workbook: 0, markdown: 1, xml: 2, csv: 3, problemsAndTimeline: 4)

    /// Errors of concurrently written formats, by job.
    private final class ConcurrentResults: @unchecked Sendable {
        private var errors: [Error?]
        private let lock = NSLock()

        init(count: Int) { errors = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ error: Error) {
            lock.lock()
            errors[index] = error
            lock.unlock()
        }

        /// The error of the first job (in format order) that failed.
        func firstError() -> Error? {
            lock.lock()
            defer { lock.unlock() }
            return errors.compactMap { $0 }.first
        }
    }

    /// Each job touches only its own staging, so handing them across threads is safe.
    private struct UncheckedSendable<T>: @unchecked Sendable { let value: T }

    /// Removes `units/*.md` and `years/*.md` that an earlier run wrote (its manifest lists them)
    /// for units or years that no longer have events, so the folders match `chronology.md`. A
    /// file the job did not write (a user's README or notes beside the reports) is never removed;
    /// without a manifest nothing is.
    private func removeStaleFiles(keeping files: Set<String>, wrote previous: ReportManifest?) {
        guard let previous else { return }
        for folder in ["units", "years"] {
            let directory = config.output.path + "/" + folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names.sorted() where name.hasSuffix(".md") {
                let path = folder + "/" + name
                guard !files.contains(path), previous.entries[path] != nil else { continue }
                try? FileManager.default.removeItem(atPath: directory + "/" + name)
            }
        }
    }
}
