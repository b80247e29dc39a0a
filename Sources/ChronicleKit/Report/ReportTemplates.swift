import Foundation
import Mustache
import Yams

/// The Mustache templates and the label file of one language, read from `report.templates`
/// (`config/templates/`) on every run, so staff can change the wording without rebuilding.
///
/// Templates render Markdown; every value the writer passes in is already Markdown-escaped, so
/// templates are rendered as plain text (`{{name}}` does not HTML-escape).
struct ReportTemplates: Sendable {
    /// Every template the Markdown report uses; each is `<name>.mustache` in the folder.
    static let names = [
        "chronology", "unit", "year", "overview", "summary-table", "new-events", "section-year",
        "section-unit", "table-header", "event-row", "no-events", "problems",
    ]
    /// Keys every label file must have besides the `kinds`, `precision` and `part_of_day` maps.
    static let requiredLabels = [
        "title", "unit_title", "year_title", "window", "from", "to", "as_of", "overview", "conferences", "units",
        "by_kind", "by_year", "summary", "unit", "year", "total", "timeline", "new_since_last_run", "no_events",
        "date", "kind", "conference", "chair", "documents", "sources", "corrected", "new", "problems",
        "unreadable_articles", "article_warnings", "undated_events", "no_problems", "articles_read", "files_skipped",
        "outside_window", "undated_count", "timeline_legend_day", "timeline_legend_month", "timeline_legend_year",
        "updated", "by_year_files", "unmatched_corrections", "correction_matches_nothing",
        // chronology.xlsx
        "sheet_chronology", "sheet_summary", "sheet_problems", "month", "date_start", "date_end", "date_precision",
        "time_of_day", "organizer", "period", "chair_positions", "people", "credits", "corrected_column", "yes_mark",
        "undated", "first_seen", "event_id", "date_evidence", "source", "reason",
        // the briefing
        "directing", "new_since_run_of", "line", "problems_by_reason", "more_items",
        "full_list_in", "conference_lower", "directing_lower", "timeline_legend_summary", "timeline_other_units",
    ]

    let library: MustacheLibrary
    /// The label file as a Mustache context value (`{{labels.title}}`).
    let labels: [String: String]
    let kindLabels: [EventKind: String]
    let precisionLabels: [DatePrecision: String]
    let partOfDayLabels: [PartOfDay: String]
    /// A problem's reason with its variable part as `{detail}` (`problem_reasons`).
    let problemReasonLabels: [ProblemReason.Code: String]
    /// A problem reason's short name, for counts by reason (`problem_kinds`).
    let problemKindLabels: [ProblemReason.Code: String]
    /// A hash of every template's and the label file's bytes: reports rendered from other
    /// wording are written again.
    let fingerprint: String

    /// Loads the templates and `labels.<language>.yml`; a missing or broken file is a
    /// `ConfigError` that names it.
    init(directory: URL, language: ReportLanguage) throws {
        var library = MustacheLibrary()
        var hash = Hash128("templates")
        var partials: [String: [String]] = [:]
        for name in Self.names {
            let url = directory.appendingPathComponent("\(name).mustache")
            guard FileManager.default.fileExists(atPath: url.path) else { throw ConfigError.missingFile(path: url.path) }
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw ConfigError.unreadable(path: url.path, reason: "not UTF-8 text or not readable")
            }
            hash.add(name)
            hash.add(text)
            partials[name] = Self.partialNames(in: text)
            do {
                // The pragma sits on the first line without a newline so line numbers in errors stay right.
                library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}" + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw ConfigError.unreadable(
                    path: url.path,
                    reason:
                        "not a valid Mustache template: line \(error.context.lineNumber), column \(error.context.columnNumber): \(error.error)"
                )
            } catch {
                throw ConfigError.unreadable(path: url.path, reason: "not a valid Mustache template: \(error)")
            }
        }
        try Self.rejectPartialLoops(partials, directory: directory)
        self.library = library

        let labelsURL = directory.appendingPathComponent("labels.\(language.rawValue).yml")
        let document = try YAMLDocument.load(labelsURL)
        hash.add(FileManager.default.contents(atPath: labelsURL.path).map { String(decoding: $0, as: UTF8.self) } ?? "")
        fingerprint = hash.key
        var labels: [String: String] = [:]
        for key in Self.requiredLabels {
            labels[key] = try document.requiredString(key, expected: "the label text")
        }
        /// `fallback` gives the label of a key the file lacks; without one, a missing key is an error.
        func map<Key>(_ name: String, _ keys: [Key], _ raw: (Key) -> String, fallback: ((Key) -> String)? = nil) throws -> [Key: String] {
            guard let mapping = try document.mapping(name) else {
                throw ConfigError.missingKey(path: labelsURL.path, key: name, expected: "a mapping of ids to label text")
            }
            var result: [Key: String] = [:]
            for key in keys {
                if let fallback, try mapping.string(raw(key)) == nil {
                    result[key] = fallback(key)
                } else {
                    result[key] = try mapping.requiredString(raw(key), expected: "the label text")
                }
            }
            return result
        }
        kindLabels = try map("kinds", EventKind.allCases, \.rawValue)
        precisionLabels = try map("precision", [DatePrecision.day, .month, .year], \.rawValue)
        partOfDayLabels = try map("part_of_day", [PartOfDay.morning, .afternoon, .evening], \.rawValue)
        try Self.checkSheetNames(labels, path: labelsURL.path)
        // A problem code added by a newer version than a user's own labels file shows as the
        // reason Chronicle wrote and the code, rather than stopping every run until it is added.
        problemReasonLabels = try map("problem_reasons", ProblemReason.Code.allCases, \.rawValue, fallback: { _ in "{detail}" })
        problemKindLabels = try map("problem_kinds", ProblemReason.Code.allCases, \.rawValue, fallback: \.rawValue)
        self.labels = labels
    }

    /// The workbook's sheet names as Excel takes them: 1 to 31 characters, none of `[]:*?/\`,
    /// not starting or ending with `'`, and no two alike (Excel ignores case).
    static func checkSheetNames(_ labels: [String: String], path: String) throws {
        var seen: Set<String> = []
        for key in ["sheet_chronology", "sheet_summary", "sheet_problems"] {
            let name = labels[key] ?? ""
            let valid =
                !name.isEmpty && name.count <= 31 && !name.contains(where: { "[]:*?/\\".contains($0) })
                && !name.hasPrefix("'") && !name.hasSuffix("'")
            guard valid, seen.insert(name.lowercased()).inserted else {
                throw ConfigError.wrongValue(
                    path: path, key: key, expected: "a sheet name of 1 to 31 characters, none of [ ] : * ? / \\, unlike the other sheets'",
                    found: "'\(name)'")
            }
        }
    }

    /// The partials a template includes (`{{> name}}`).
    static func partialNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{>") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            names.append(rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// A template that includes itself, directly or through others, would render forever (the
    /// run died of a stack overflow): refused when the templates are read, naming the loop.
    static func rejectPartialLoops(_ partials: [String: [String]], directory: URL) throws {
        var done = Set<String>()
        func visit(_ name: String, _ path: [String]) throws {
            if let start = path.firstIndex(of: name) {
                let loop = (path[start...] + [name]).joined(separator: " → ")
                throw ConfigError.unreadable(
                    path: directory.appendingPathComponent("\(name).mustache").path,
                    reason: "its partials include each other in a loop: \(loop)")
            }
            guard !done.contains(name) else { return }
            for next in partials[name] ?? [] where partials[next] != nil { try visit(next, path + [name]) }
            done.insert(name)
        }
        for name in partials.keys.sorted() { try visit(name, []) }
    }

    func kind(_ kind: EventKind) -> String { kindLabels[kind] ?? kind.rawValue }

    /// Renders a template registered under `name`.
    func render(_ name: String, _ context: [String: Any]) -> String {
        var context = context
        context["labels"] = labels
        return Self.collapseBlankLines(library.render(context, withTemplate: name) ?? "")
    }

    /// Reduces runs of blank lines to one, so optional sections left empty (and staff edits)
    /// never leave gaps in the Markdown.
    static func collapseBlankLines(_ text: String) -> String {
        // Byte scan: "\n" is one byte in UTF-8 and never part of another character.
        var text = text
        return text.withUTF8 { bytes -> String in
            var newlines = 0
            var runs = 0
            for byte in bytes {
                if byte == 0x0A {
                    newlines += 1
                    if newlines > 2 { runs += 1 }
                } else {
                    newlines = 0
                }
            }
            if runs == 0 { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count - runs)
            newlines = 0
            for byte in bytes {
                if byte == 0x0A {
                    newlines += 1
                    if newlines > 2 { continue }
                } else {
                    newlines = 0
                }
                out.append(byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
