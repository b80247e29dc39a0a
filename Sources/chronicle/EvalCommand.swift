import ArgumentParser
import ChronicleKit
import Foundation

/// `chronicle eval [--gold FILE.jsonl ...]`: scores extraction against annotated passages.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score extraction against a gold file (JSON Lines with text, or naming article files, and expected events).",
        discussion: """
            Prints detection precision, recall and F1, and unit, kind, date, year and chair accuracy \
            (first gold event against first extracted event, as spec/records.md describes), then each miss. \
            A gold line without "text" names its article file by "id", relative to the working directory \
            ("export.jsonl:N" is line N of a JSON Lines export); the file is read as a run reads it. \
            Several --gold files are scored one after the other, each with its own figures; without \
            --gold, the shared development files (../shared/corpus/dev.jsonl and dev-2022-2023.jsonl) are.
            """
    )

    @OptionGroup var configOptions: ConfigOptions

    @Option(name: .long, help: ArgumentHelp("A gold file (repeat the option for several).", valueName: "file"))
    var gold: [String] = []

    /// The development files beside the repository, scored when no --gold is given.
    static let sharedDevFiles = ["../shared/corpus/dev.jsonl", "../shared/corpus/dev-2022-2023.jsonl"]

    func validate() throws {
        if gold.isEmpty, !Self.sharedDevFiles.contains(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw ValidationError(
                "no --gold file given, and the shared development files (\(Self.sharedDevFiles.joined(separator: ", "))) are not there")
        }
    }

    func run() throws {
        do {
            let config = try configOptions.load()
            let rules = try ExtractionRules.load(configDirectory: config.configDirectory, unitsFile: config.unitsFile)
            let evaluator = Evaluator(extractor: ArticleExtractor(rules: rules))
            let loader = ArticleLoader(noise: try NoisePhrases.load(configDirectory: config.configDirectory))
            let files = gold.isEmpty ? Self.sharedDevFiles.filter { FileManager.default.fileExists(atPath: $0) } : gold
            for (index, file) in files.enumerated() {
                let report = evaluator.evaluate(try GoldSet.load(URL(fileURLWithPath: file), loader: loader))
                if files.count > 1 { print((index > 0 ? "\n" : "") + "== \(file)") }
                print(report.render())
            }
        } catch {
            throw fail(error)
        }
    }
}
