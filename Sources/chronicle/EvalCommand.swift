import ArgumentParser
import ChronicleKit
import Foundation

/// `chronicle eval --gold FILE.jsonl`: scores extraction against annotated passages.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score extraction against a gold file (JSON Lines with text, or naming article files, and expected events).",
        discussion: """
            Prints detection precision, recall and F1, and unit, kind, date, year and chair accuracy \
            (first gold event against first extracted event, as spec/records.md describes), then each miss. \
            A gold line without "text" names its article file by "id", relative to the working directory \
            ("export.jsonl:N" is line N of a JSON Lines export); the file is read as a run reads it.
            """
    )

    @OptionGroup var configOptions: ConfigOptions

    @Option(name: .long, help: ArgumentHelp("The gold file.", valueName: "file"))
    var gold: String

    func run() throws {
        do {
            let config = try configOptions.load()
            let rules = try ExtractionRules.load(configDirectory: config.configDirectory, unitsFile: config.unitsFile)
            let articles = try GoldSet.load(URL(fileURLWithPath: gold))
            let report = Evaluator(extractor: ArticleExtractor(rules: rules)).evaluate(articles)
            print(report.render())
        } catch {
            throw fail(error)
        }
    }
}
