import ArgumentParser
import ChronicleKit
import Foundation

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print what Chronicle understood of each article.",
        discussion: """
            'jsonl' prints one record per article in the contract of spec/records.md (files in path \
            order, each line of a JSON Lines export as its own article); 'table' prints a view for people.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, table
    }

    @OptionGroup var configOptions: ConfigOptions

    @Option(name: .long, help: "Output format: jsonl or table.")
    var format: Format = .jsonl

    @Argument(help: ArgumentHelp("Article files or folders.", valueName: "path"))
    var paths: [String]

    func run() throws {
        do {
            let config = try configOptions.load()
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let scan = try InputScanner().scan(paths.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL })
            let rules = try ExtractionRules.load(configDirectory: config.configDirectory, unitsFile: config.unitsFile)
            let extractor = ArticleExtractor(rules: rules)
            let loader = ArticleLoader(noise: try NoisePhrases.load(configDirectory: config.configDirectory))
            for file in scan.files {
                for article in loader.load(file) {
                    let record = extractor.record(for: article)
                    switch format {
                    case .jsonl: print(try record.jsonLine())
                    case .table: print(RecordTable.render(record))
                    }
                }
            }
        } catch {
            throw fail(error)
        }
    }
}
