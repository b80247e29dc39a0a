import Foundation

/// Writes every configured report format into the output folder.
///
/// All files of a run are staged as temporary files and renamed into place only after every
/// format has been written and the XML validated: a failure leaves the previous reports intact
/// and no temporary files. Output is deterministic: the same input, config and `asOf` give
/// byte-identical files.
///
/// Files: `chronology.md`, `units/<unit-id>.md`, `years/<year>.md` (markdown);
/// `chronology.csv`, `summary.csv` (csv); `chronology.xml`, `chronology.xsd` (xml);
/// `timeline.svg` (svg).
struct ReportWriter: Sendable {
    let config: ChronicleConfig

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
    ///
    /// - Parameters:
    ///   - outline: set when `input.chronology` is the cut-down chronology of a `ReportOutline`;
    ///   - fullChronology: then loads the whole chronology, called only if a report other than
    ///     the `chronology.md` index page and the timeline has to be written.
    func write(
        _ input: ReportInput, manifest: URL?, outline: ReportOutline? = nil, fullChronology: (() throws -> Chronology)? = nil
    ) throws -> Outcome {
        var input = input
        let formats = Set(config.formats)
        // No reports, no outline (an outline without digests is never taken).
        guard !formats.isEmpty else { return Outcome(files: [], written: [], digests: ReportDigests(dated: [], undated: [])) }
        // Templates and labels are read (and checked) before anything is written.
        let templates = try ReportTemplates(directory: config.templatesDirectory, language: config.language)
        var summary = ReportSummary(input.chronology)
        let keys = ReportKeys(input: input, summary: summary, templates: templates, config: config, digests: outline?.digests)
        let previous = manifest.flatMap { ReportManifest(contentsOf: $0) }
        let root = config.output
        var plan = ReportPlan()
        let withTimeline = formats.contains(.svg)
        if formats.contains(.markdown) {
            for file in MarkdownReport.files(summary, keys: keys, withTimeline: withTimeline) {
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
        if formats.contains(.svg) { plan.add("timeline.svg", key: keys.timeline, previous: previous, root: root) }
        if outline != nil {
            // The outline holds what the index page and the timeline show; anything else needs the
            // events whole.
            let fullList = input.chronology.events.count <= config.fullListLimit
            let needsFull = plan.toWrite.contains { path in
                path == "timeline.svg" ? false : path == "chronology.md" ? fullList : true
            }
            if needsFull {
                guard let fullChronology else { throw ReportError.outlineWithoutChronology }
                input.chronology = try fullChronology()
                summary = ReportSummary(input.chronology)
            }
        }

        let language = config.language
        let fullListLimit = config.fullListLimit
        let finalPlan = plan
        let finalInput = input, finalSummary = summary
        // The formats are independent: each is written into its own staging on its own core
        // (Markdown, the largest, alone; the others together), then all are committed at once.
        var jobs: [@Sendable (ReportStaging) throws -> Void] = []
        if formats.contains(.markdown) {
            jobs.append { staging in
                try MarkdownReport(
                    input: finalInput, summary: finalSummary, templates: templates, withTimeline: withTimeline, plan: finalPlan,
                    fullListLimit: fullListLimit, scratch: root
                ).write(into: staging)
            }
        }
        jobs.append { staging in
            if formats.contains(.csv) {
                try CSVReport(input: finalInput, summary: finalSummary, templates: templates, plan: finalPlan).write(into: staging)
            }
            if formats.contains(.xml) {
                try XMLReport(input: finalInput, summary: finalSummary, templates: templates, language: language, plan: finalPlan)
                    .write(into: staging)
            }
            if formats.contains(.svg) {
                try TimelineSVG(input: finalInput, summary: finalSummary, templates: templates, plan: finalPlan).write(into: staging)
            }
        }
        let stagings = jobs.map { _ in ReportStaging(root: root) }
        let results = ConcurrentResults(count: jobs.count)
        let work = UncheckedSendable(value: (jobs, stagings))
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let (jobs, stagings) = work.value
            do {
                try jobs[index](stagings[index])
            } catch {
                results.set(index, error)
            }
        }
        let written: [URL]
        do {
            if let error = results.firstError() { throw error }
            written = try ReportStaging.commit(stagings)
        } catch {
            for staging in stagings { staging.discard() }
            throw error
        }
        let files = plan.files.map(\.path)
        if formats.contains(.markdown) { removeStaleFiles(keeping: Set(files), wrote: previous) }
        if let manifest {
            // Written files are recorded as they are now; skipped ones keep their entry.
            var next = ReportManifest()
            for file in plan.files {
                if plan.needs(file.path) {
                    guard let identity = FileIdentity(path: root.path + "/" + file.path) else { continue }
                    next.set(file.path, .init(key: file.key, identity: identity))
                } else if let entry = previous?.entries[file.path] {
                    next.set(file.path, entry)
                }
            }
            try next.write(to: manifest)
        }
        return Outcome(files: files, written: written, digests: keys.digests)
    }

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
