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

    /// Files extracted together before their records are printed.
    static let batch = 256

    func run() throws {
        do {
            let config = try configOptions.load()
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let scan = try InputScanner().scan(paths.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL })
            let rules = try ExtractionRules.load(configDirectory: config.configDirectory, unitsFile: config.unitsFile)
            let extractor = ArticleExtractor(rules: rules)
            let loader = ArticleLoader(noise: try NoisePhrases.load(configDirectory: config.configDirectory))
            let format = self.format
            // All cores, output in path order: files are extracted a batch at a time (bounded
            // memory) and each batch printed in order.
            for start in stride(from: 0, to: scan.files.count, by: Self.batch) {
                let batch = Array(scan.files[start..<min(start + Self.batch, scan.files.count)])
                let texts = try batch.parallelMap { file -> Result<String, Error> in
                    Result {
                        var text = ""
                        var failure: Error?
                        func add(_ article: Article) {
                            let record = extractor.record(for: article)
                            do {
                                text += format == .jsonl ? try record.jsonLine() : RecordTable.render(record)
                                text += "\n"
                            } catch {
                                failure = error
                            }
                        }
                        // Each article is extracted as it is read, not after the whole file.
                        if let failed = loader.load(file, each: add) {
                            text = ""
                            add(failed)
                        }
                        if let failure { throw failure }
                        return text
                    }
                }.map { try $0.get() }
                for text in texts { FileHandle.standardOutput.write(Data(text.utf8)) }
            }
        } catch {
            throw fail(error)
        }
    }
}
