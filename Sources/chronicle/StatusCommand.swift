import ArgumentParser
import ChronicleKit
import Foundation

/// `chronicle status`: the job's state for an administrator, without running it.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the last run, the last successful run and the store's size, without running.",
        discussion: "Exit codes: 0 ok, 66 the job has never run (no store), 74 the store cannot be read, 78 bad config."
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Print one JSON object instead of lines of text.")
    var json = false

    func run() throws {
        do {
            var config = try configOptions.load()
            storeOptions.apply(to: &config)
            guard let status = try RunStatus.read(config: config) else {
                FileHandle.standardError.write(
                    Data("chronicle: no store at \(ChronicleRun.storeURL(for: config).path): the job has not run yet\n".utf8))
                throw ExitCode(ChronicleExitCode.inputMissing.rawValue)
            }
            if json {
                let encoder = JSONEncoder()
                encoder.keyEncodingStrategy = .convertToSnakeCase
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(status), as: UTF8.self))
            } else {
                print(status.text)
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail(error)
        }
    }
}
