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

    /// Files extracted together before their records are printed; also the articles of one
    /// export extracted together.
    static let batch = 256

    func run() throws {
        do {
            let config = try configOptions.load()
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let scan = try InputScanner().scan(paths.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL })
            let rules = try ExtractionRules.load(configDirectory: config.configDirectory, unitsFile: config.unitsFile)
            let printer = RecordPrinter(
                extractor: ArticleExtractor(rules: rules),
                loader: ArticleLoader(noise: try NoisePhrases.load(configDirectory: config.configDirectory)), format: format)
            // All cores, output in path order: files are extracted a batch at a time (bounded
            // memory) and each batch printed in order; an export, a batch of its lines at a time.
            var pending: [InputFile] = []
            for file in scan.files {
                if file.isExport {
                    try printer.printFiles(pending)
                    pending = []
                    try printer.printExport(file)
                } else {
                    pending.append(file)
                    if pending.count == Self.batch {
                        try printer.printFiles(pending)
                        pending = []
                    }
                }
            }
            try printer.printFiles(pending)
        } catch {
            throw fail(error)
        }
    }
}

/// Extracts articles and prints their records to stdout, in order.
private struct RecordPrinter: Sendable {
    let extractor: ArticleExtractor
    let loader: ArticleLoader
    let format: ExtractCommand.Format

    func line(_ article: Article) -> Result<String, Error> {
        Result {
            let record = extractor.record(for: article)
            return (format == .jsonl ? try record.jsonLine() : RecordTable.render(record)) + "\n"
        }
    }

    /// Files of one article each (or small exports), extracted in parallel, printed in order.
    func printFiles(_ files: [InputFile]) throws {
        let gate = FileReading.Gate()
        let texts = try files.parallelMap(threads: FileReading.threads) { file -> Result<String, Error> in
            gate.reading(size: file.listedSize) {
                var lines: [Result<String, Error>] = []
                if let failed = loader.load(file, each: { lines.append(line($0)) }) { lines = [line(failed)] }
                return Result { try lines.map { try $0.get() }.joined() }
            }
        }.map { try $0.get() }
        for text in texts { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    /// An export, printed a batch of lines at a time as it is read, never held whole. One that
    /// cannot be read to its end keeps the lines already printed, then the line of its failure.
    func printExport(_ file: InputFile) throws {
        var batch: [Article] = []
        var failure: Error?
        func flush() {
            do {
                let text = try batch.parallelMap(line).map { try $0.get() }.joined()
                FileHandle.standardOutput.write(Data(text.utf8))
            } catch {
                failure = failure ?? error
            }
            batch.removeAll(keepingCapacity: true)
        }
        let failed = loader.load(file) { article in
            batch.append(article)
            if batch.count == ExtractCommand.batch { flush() }
        }
        if let failed { batch = [failed] }
        flush()
        if let failure { throw failure }
    }
}
