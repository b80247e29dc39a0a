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
public struct ReportWriter: Sendable {
    public let config: ChronicleConfig

    public init(config: ChronicleConfig) {
        self.config = config
    }

    /// Writes the reports and returns the files written.
    @discardableResult
    public func write(_ input: ReportInput) throws -> [URL] {
        let formats = Set(config.formats)
        guard !formats.isEmpty else { return [] }
        // Templates and labels are read (and checked) before anything is written.
        let templates = try ReportTemplates(directory: config.templatesDirectory, language: config.language)
        let summary = ReportSummary(input.chronology)
        let language = config.language
        // The formats are independent: each is written into its own staging on its own core
        // (Markdown, the largest, alone; the others together), then all are committed at once.
        var jobs: [@Sendable (ReportStaging) throws -> Void] = []
        if formats.contains(.markdown) {
            let withTimeline = formats.contains(.svg)
            jobs.append { staging in
                try MarkdownReport(input: input, summary: summary, templates: templates, withTimeline: withTimeline)
                    .write(into: staging)
            }
        }
        jobs.append { staging in
            if formats.contains(.csv) {
                try CSVReport(input: input, summary: summary, templates: templates).write(into: staging)
            }
            if formats.contains(.xml) {
                try XMLReport(input: input, summary: summary, templates: templates, language: language).write(into: staging)
            }
            if formats.contains(.svg) {
                try TimelineSVG(input: input, summary: summary, templates: templates).write(into: staging)
            }
        }
        let stagings = jobs.map { _ in ReportStaging(root: config.output) }
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
        do {
            if let error = results.firstError() { throw error }
            let written = try ReportStaging.commit(stagings)
            if formats.contains(.markdown) { removeStaleFiles(keeping: written) }
            return written
        } catch {
            for staging in stagings { staging.discard() }
            throw error
        }
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

    /// Removes `units/*.md` and `years/*.md` left by earlier runs for units or years that no
    /// longer have events, so the folders always match `chronology.md`. Other files are kept.
    private func removeStaleFiles(keeping written: [URL]) {
        let keep = Set(written.map { $0.standardizedFileURL.path })
        for folder in ["units", "years"] {
            let directory = config.output.appendingPathComponent(folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".md") {
                let url = directory.appendingPathComponent(name)
                if !keep.contains(url.standardizedFileURL.path) { try? FileManager.default.removeItem(at: url) }
            }
        }
    }
}
