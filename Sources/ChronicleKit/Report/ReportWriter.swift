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
        let staging = ReportStaging(root: config.output)
        do {
            if formats.contains(.markdown) {
                try MarkdownReport(input: input, summary: summary, templates: templates, withTimeline: formats.contains(.svg))
                    .write(into: staging)
            }
            if formats.contains(.csv) {
                try CSVReport(input: input, summary: summary, templates: templates).write(into: staging)
            }
            if formats.contains(.xml) {
                try XMLReport(input: input, summary: summary, templates: templates, language: config.language).write(into: staging)
            }
            if formats.contains(.svg) {
                try TimelineSVG(input: input, summary: summary, templates: templates).write(into: staging)
            }
            let written = try staging.commit()
            if formats.contains(.markdown) { removeStaleFiles(keeping: written) }
            return written
        } catch {
            staging.discard()
            throw error
        }
    }

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
