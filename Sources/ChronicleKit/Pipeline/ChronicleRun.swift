import Foundation
import Logging

/// Options of one run of the main job, on top of the config file.
public struct RunOptions: Sendable {
    public var config: ChronicleConfig
    public var asOf: PartialDate
    public var strict: Bool

    public init(config: ChronicleConfig, asOf: PartialDate, strict: Bool = false) {
        self.config = config
        self.asOf = asOf
        self.strict = strict
    }
}

/// What a run did, for the log and the exit code.
public struct RunSummary: Sendable {
    public var filesRead: Int
    public var filesSkipped: Int
    public var articles: Int
    public var events: Int
    public var problems: [ArticleProblem]
    public var reports: [URL]
}

/// The main job: ingest → extract → chronology → reports.
public struct ChronicleRun: Sendable {
    public let options: RunOptions
    public let logger: Logger

    public init(options: RunOptions, logger: Logger = Logger(label: "chronicle")) {
        self.options = options
        self.logger = logger
    }

    public func run() throws -> RunSummary {
        let config = options.config
        let scan = try InputScanner().scan(config.inputs)
        logger.info("found \(scan.files.count) article files, \(scan.skipped.count) other files skipped")

        let rules = try ExtractionRules.load(configDirectory: config.configDirectory, unitsFile: config.unitsFile)
        let extractor = ArticleExtractor(rules: rules)
        let loader = ArticleLoader()
        let records: [ArticleRecord] = scan.files.parallelMap { file in
            loader.load(file).map { extractor.record(for: $0) }
        }.flatMap { $0 }

        let chronology = ChronologyBuilder(window: config.window).build(records)
        let problems = Self.problems(records)
        for problem in problems {
            logger.warning("\(problem.source): \(problem.reason)")
        }
        let input = ReportInput(
            chronology: chronology, problems: problems, asOf: options.asOf,
            articlesRead: records.count, filesSkipped: scan.skipped.count)
        let reports = try ReportWriter(config: config).write(input)
        logger.info("\(records.count) articles, \(chronology.events.count) events in the window, \(reports.count) reports written")
        return RunSummary(
            filesRead: scan.files.count, filesSkipped: scan.skipped.count, articles: records.count,
            events: chronology.events.count, problems: problems, reports: reports)
    }

    /// Articles that could not be read, and meetings that could not be dated.
    static func problems(_ records: [ArticleRecord]) -> [ArticleProblem] {
        var problems: [ArticleProblem] = []
        for record in records {
            if record.status != .ok {
                problems.append(ArticleProblem(source: record.source, reason: record.error ?? record.status.rawValue))
                continue
            }
            for event in record.events where event.date.value == nil {
                problems.append(ArticleProblem(
                    source: record.source,
                    reason: "\(event.kind.rawValue) of \(event.unit.name): no date or year can be justified from the article"))
            }
        }
        return problems.sorted()
    }
}
