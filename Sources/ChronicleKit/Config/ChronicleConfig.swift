import Foundation

/// The inclusive range of dates the chronology covers.
public struct DateWindow: Sendable, Hashable {
    public var from: PartialDate
    public var to: PartialDate

    public init(from: PartialDate, to: PartialDate) {
        self.from = from
        self.to = to
    }

    /// Whether a date of any precision falls inside the window (a month or year overlapping it counts).
    func contains(_ date: PartialDate) -> Bool {
        let first = date.dayNumber
        let last: Int
        switch date.precision {
        case .day: last = first
        case .month:
            last = PartialDate(year: date.month == 12 ? date.year + 1 : date.year, month: date.month! % 12 + 1, day: 1).dayNumber - 1
        case .year: last = PartialDate(year: date.year + 1, month: 1, day: 1).dayNumber - 1
        }
        return last >= from.dayNumber && first <= to.dayNumber
    }

    var years: ClosedRange<Int> { from.year...max(from.year, to.year) }
}

/// Report output formats.
enum ReportFormat: String, Sendable, CaseIterable {
    case markdown, csv, xml, svg, xlsx
}

/// Language of report labels.
enum ReportLanguage: String, Sendable {
    case vi, en
}

/// `config/chronicle.yml`: where articles are, where reports go, the window and the formats.
///
/// Paths to inputs, output and store are taken relative to the working directory (cron lines `cd`
/// into the project first); paths to other config files relative to the config file's folder.
public struct ChronicleConfig: Sendable {
    var configFile: URL
    public var inputs: [URL]
    public var output: URL
    public var window: DateWindow
    var formats: [ReportFormat]
    var language: ReportLanguage
    public var unitsFile: URL
    var templatesDirectory: URL
    var correctionsFile: URL
    /// The SQLite state file named by `store:`; nil means the default, `defaultStoreFile`.
    public var storeFile: URL?
    /// Where the store lives when `store:` names none: beside the configuration file, in a
    /// folder named after it (`config/chronicle.yml` → `config/chronicle.state/state.sqlite`),
    /// so that sharing or cleaning the reports folder leaves the history alone and two
    /// configurations in one folder keep two stores. Nil for a configuration built in code
    /// (tests, tools), whose store is then `<output>/.chronicle/state.sqlite`.
    var defaultStoreFile: URL?
    /// `chronology.md` lists every event when there are at most this many; above, it links to
    /// the year files instead, so that the file read at briefings stays small (and cheap to
    /// write every night) however large the archive grows.
    var fullListLimit: Int
    /// The CSV files' field separator (`report.csv.delimiter`): `,` by default; `;` for a
    /// spreadsheet set to a Vietnamese (or other) locale whose list separator is `;`; or a tab.
    var csvDelimiter: Unicode.Scalar = ","

    static let defaultFullListLimit = 2_000
    static let csvDelimiters: [Unicode.Scalar] = [",", ";", "\t"]

    /// `<output>/.chronicle`: the run lock and what the job keeps about the output folder (the
    /// reports' manifest and outline, the publish journal).
    var stateDirectory: URL { output.appendingPathComponent(".chronicle", isDirectory: true) }

    /// The folder that holds the config files (gazetteer, rules, templates).
    public var configDirectory: URL { configFile.deletingLastPathComponent() }

    static let knownKeys = ["input", "output", "window", "formats", "units", "report", "corrections", "store"]

    init(
        configFile: URL, inputs: [URL], output: URL, window: DateWindow, formats: [ReportFormat] = ReportFormat.allCases,
        language: ReportLanguage = .vi, unitsFile: URL? = nil, templatesDirectory: URL? = nil,
        correctionsFile: URL? = nil, storeFile: URL? = nil, fullListLimit: Int = ChronicleConfig.defaultFullListLimit
    ) {
        let directory = configFile.deletingLastPathComponent()
        self.configFile = configFile
        self.inputs = inputs
        self.output = output
        self.window = window
        self.formats = formats
        self.language = language
        self.unitsFile = unitsFile ?? directory.appendingPathComponent("units.yml")
        self.templatesDirectory = templatesDirectory ?? directory.appendingPathComponent("templates")
        self.correctionsFile = correctionsFile ?? directory.appendingPathComponent("corrections.yml")
        self.storeFile = storeFile
        self.fullListLimit = fullListLimit
    }

    private static func resolve(_ path: String, against base: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
    }

    /// The corrections file named in the configuration; one named but missing is an error, since
    /// silently applying no corrections would publish what an analyst corrected.
    private static func configuredCorrections(_ document: YAMLDocument, directory: URL, path: String) throws -> URL? {
        guard let name = try document.string("corrections") else { return nil }
        let file = resolve(name, against: directory)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw ConfigError.wrongValue(
                path: path, key: "corrections", expected: "an existing corrections file", found: "'\(name)', which does not exist")
        }
        return file
    }

    /// Loads and checks a config file.
    public static func load(_ url: URL, workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws
        -> ChronicleConfig
    {
        let document = try YAMLDocument.load(url)
        try document.rejectUnknownKeys(knownKeys)
        let directory = url.deletingLastPathComponent()
        let inputs = try document.strings("input") ?? []
        if inputs.isEmpty {
            throw ConfigError.missingKey(path: url.path, key: "input", expected: "a list of folders to read articles from")
        }
        let output = try document.requiredString("output", expected: "the folder reports are written to")
        if output.trimmingCharacters(in: .whitespaces).isEmpty {
            // An empty path would be the working directory: reports (and their cleanup) there.
            throw ConfigError.wrongValue(
                path: url.path, key: "output", expected: "the folder reports are written to", found: "an empty path")
        }
        let window = try loadWindow(document)
        let formats = try loadFormats(document)
        let report = try loadReport(document, directory: directory)
        var config = ChronicleConfig(
            configFile: url,
            inputs: inputs.map { resolve($0, against: workingDirectory) },
            output: resolve(output, against: workingDirectory),
            window: window,
            formats: formats,
            language: report.language,
            unitsFile: try document.string("units").map { resolve($0, against: directory) },
            templatesDirectory: report.templates,
            correctionsFile: try configuredCorrections(document, directory: directory, path: url.path),
            storeFile: try document.string("store").map { resolve($0, against: workingDirectory) },
            fullListLimit: report.fullListLimit)
        config.csvDelimiter = report.csvDelimiter
        config.defaultStoreFile = defaultStore(beside: url)
        return config
    }

    /// `<folder>/<name>.state/state.sqlite` for the configuration file `<folder>/<name>.yml`.
    static func defaultStore(beside configFile: URL) -> URL {
        let file = configFile.standardizedFileURL
        return file.deletingLastPathComponent()
            .appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".state", isDirectory: true)
            .appendingPathComponent("state.sqlite")
    }

    /// `window`: `from` and `to` dates, in that order.
    private static func loadWindow(_ document: YAMLDocument) throws -> DateWindow {
        let path = document.path
        guard let windowDoc = try document.mapping("window") else {
            throw ConfigError.missingKey(path: path, key: "window", expected: "a mapping with 'from' and 'to' dates")
        }
        try windowDoc.rejectUnknownKeys(["from", "to"])
        guard let from = try windowDoc.date("from") else {
            throw ConfigError.missingKey(path: path, key: "window.from", expected: "a date YYYY-MM-DD")
        }
        guard let to = try windowDoc.date("to") else {
            throw ConfigError.missingKey(path: path, key: "window.to", expected: "a date YYYY-MM-DD")
        }
        if to < from {
            throw ConfigError.wrongValue(
                path: path, key: "window.to", expected: "a date not before window.from (\(from))", found: "'\(to)'")
        }
        return DateWindow(from: from, to: to)
    }

    /// `formats`: all of them when not given.
    private static func loadFormats(_ document: YAMLDocument) throws -> [ReportFormat] {
        guard let names = try document.strings("formats") else { return ReportFormat.allCases }
        return try names.enumerated().map { index, name in
            guard let format = ReportFormat(rawValue: name.lowercased()) else {
                throw ConfigError.wrongValue(
                    path: document.path, key: "formats[\(index)]",
                    expected: "one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))", found: "'\(name)'")
            }
            return format
        }
    }

    /// `report`: language, templates folder and the full-list limit, each with its default.
    private static func loadReport(_ document: YAMLDocument, directory: URL) throws
        -> (language: ReportLanguage, templates: URL?, fullListLimit: Int, csvDelimiter: Unicode.Scalar)
    {
        var language = ReportLanguage.vi
        var fullListLimit = defaultFullListLimit
        guard let report = try document.mapping("report") else { return (language, nil, fullListLimit, ",") }
        try report.rejectUnknownKeys(["language", "templates", "full_list_limit", "csv"])
        if let limit = try report.int("full_list_limit") {
            guard limit >= 0 else {
                throw ConfigError.wrongValue(
                    path: document.path, key: "report.full_list_limit", expected: "a number of events, 0 or more", found: "'\(limit)'")
            }
            fullListLimit = limit
        }
        if let code = try report.string("language") {
            guard let parsed = ReportLanguage(rawValue: code.lowercased()) else {
                throw ConfigError.wrongValue(path: document.path, key: "report.language", expected: "vi or en", found: "'\(code)'")
            }
            language = parsed
        }
        let templates = try report.string("templates").map { resolve($0, against: directory) }
        return (language, templates, fullListLimit, try loadCSVDelimiter(report))
    }

    /// `report.csv.delimiter`: "," (the default), ";" for Vietnamese-locale Excel, or a tab.
    private static func loadCSVDelimiter(_ report: YAMLDocument) throws -> Unicode.Scalar {
        guard let csv = try report.mapping("csv") else { return "," }
        try csv.rejectUnknownKeys(["delimiter"])
        guard let text = try csv.string("delimiter") else { return "," }
        let scalar = text == "tab" ? "\t" : text.unicodeScalars.count == 1 ? text.unicodeScalars.first : nil
        guard let scalar, csvDelimiters.contains(scalar) else {
            throw ConfigError.wrongValue(
                path: report.path, key: "report.csv.delimiter", expected: "\",\" or \";\" or a tab (\"\\t\" or tab)",
                found: "'\(text)'")
        }
        return scalar
    }
}
