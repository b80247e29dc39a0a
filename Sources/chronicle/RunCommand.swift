import ArgumentParser
import ChronicleKit
import Foundation
import Logging

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Read the article folders, build the chronology and write the reports (the default).",
        discussion: """
            Reads every .txt, .html/.htm and .jsonl file under the input folders, extracts the \
            conferences each article reports, merges reports of the same meeting and writes \
            chronology.md, chronology.xlsx, chronology.csv and chronology.xml into the output folder.

            Runs are incremental: state is kept beside the configuration file (chronicle.yml → \
            chronicle.state/state.sqlite; or `store:`, or --store) and only new or changed files are \
            read again. A store keeps one output's history: a run with --output elsewhere needs its \
            own --store. One run at a time (lock: <output>/.chronicle/lock). \
            Silent on success; exit codes: 0 ok, 64 usage, 65 bad articles with --strict, 66 input \
            missing, 73/74 cannot create/write output, 75 another run holds the lock, 78 bad config.
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Article folders or files to read instead of the configured ones.", valueName: "dir"))
    var input: [String] = []

    @Option(name: .long, help: ArgumentHelp("Folder to write the reports to instead of the configured one.", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("First day of the chronology window for this run (YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Last day of the chronology window for this run (YYYY-MM-DD).", valueName: "date"))
    var to: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The reports' \"as of\" date (YYYY-MM-DD); default today.", valueName: "date"))
    var asOf: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Exit with code 65 when an article could not be read or a meeting could not be dated (or a correction matched nothing).",
            discussion: "Warnings (a publication date that is not a date) do not count: their articles were read."))
    var strict = false

    @Flag(name: .long, help: "Forget articles whose files disappeared from the inputs (by default their events are kept).")
    var prune = false

    @Flag(name: .shortAndLong, help: "Log each step to stderr.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("Print a one-line summary of the run to stdout (json).", valueName: "format"))
    var summary: SummaryFormat?

    enum SummaryFormat: String, ExpressibleByArgument { case json }

    func validate() throws {
        if let output, output.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--output must name a folder, found an empty path (it would write into the current folder)")
        }
        if let from { _ = try parseDay(from, option: "--from") }
        if let to { _ = try parseDay(to, option: "--to") }
        if let asOf { _ = try parseDay(asOf, option: "--as-of") }
        if let from, let to, try parseDay(to, option: "--to") < parseDay(from, option: "--from") {
            throw ValidationError("--to (\(to)) is before --from (\(from))")
        }
    }

    func run() throws {
        // Logs go to stderr: stdout stays empty and cron mails nothing on a quiet success.
        var logger = Logger(label: "chronicle", factory: { label in StreamLogHandler.standardError(label: label) })
        logger.logLevel = verbose ? .info : .error
        do {
            var config = try configOptions.load()
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            if !input.isEmpty { config.inputs = input.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL } }
            if let output { config.output = URL(fileURLWithPath: output, relativeTo: cwd).standardizedFileURL }
            storeOptions.apply(to: &config)
            if let from { config.window.from = try parseDay(from, option: "--from") }
            if let to { config.window.to = try parseDay(to, option: "--to") }
            if config.window.to < config.window.from {
                throw ValidationError("the window ends (\(config.window.to)) before it starts (\(config.window.from))")
            }
            let options = RunOptions(
                config: config, asOf: try asOf.map { try parseDay($0, option: "--as-of") } ?? today(), strict: strict,
                prune: prune, showProgress: isatty(STDERR_FILENO) == 1 && !verbose)
            let started = Date()
            let summary = try ChronicleRun(options: options, logger: logger).run()
            // Cron mails stderr every night: only problems the last run did not print, unless asked.
            let log = ProblemLog(config: config)
            let fresh = log.new(in: summary.problems)
            let shown = strict || verbose ? summary.problems : fresh
            for problem in shown {
                let kind = problem.isWarning ? "warning: " : ""
                FileHandle.standardError.write(Data("chronicle: \(kind)\(problem.logLine)\n".utf8))
            }
            try? log.remember(summary.problems)
            if self.summary == .json {
                print(Self.jsonLine(summary, newProblems: fresh.count, seconds: Date().timeIntervalSince(started)))
            }
            // As documented: an article that could not be read, or a meeting that could not be dated.
            // A warning is neither: its article was read, and a meeting it could not date is undated.
            if strict && (summary.problems.contains { !$0.isWarning } || summary.undated > 0) {
                throw ExitCode(ChronicleExitCode.dataError.rawValue)
            }
        } catch let error as ValidationError {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail(error)
        }
    }

    /// One line for logs: what was read, what is new, what went wrong, how long it took.
    static func jsonLine(_ summary: RunSummary, newProblems: Int, seconds: Double) -> String {
        let fields: [(String, String)] = [
            ("files", "\(summary.filesRead)"), ("extracted", "\(summary.extracted)"), ("unchanged", "\(summary.unchanged)"),
            ("articles", "\(summary.articles)"), ("events", "\(summary.events)"), ("new_events", "\(summary.newEventIDs.count)"),
            ("undated", "\(summary.undated)"), ("problems", "\(summary.problems.count)"),
            ("warnings", "\(summary.problems.filter(\.isWarning).count)"), ("new_problems", "\(newProblems)"),
            ("reports_written", "\(summary.reports.count)"), ("seconds", String(format: "%.2f", seconds)),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
