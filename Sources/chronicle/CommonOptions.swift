import ArgumentParser
import ChronicleKit
import Foundation
import Logging

/// Options shared by the subcommands that read the configuration.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The configuration file.", valueName: "file"))
    var config: String = "config/chronicle.yml"

    func load() throws -> ChronicleConfig {
        try ChronicleConfig.load(URL(fileURLWithPath: config))
    }
}

/// `--store`, for the subcommands that use the state store.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The state store to use instead of the configured one (default: beside the configuration file, <name>.state/state.sqlite).",
            valueName: "file"))
    var store: String?

    /// The configuration with `--store` applied.
    func apply(to config: inout ChronicleConfig) {
        guard let store else { return }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        config.storeFile = URL(fileURLWithPath: store, relativeTo: cwd).standardizedFileURL
    }
}

/// Prints a library error the way a user should see it and exits with its code.
func fail(_ error: Error) -> ExitCode {
    // String(describing:) uses the error's own description; a cast to CustomStringConvertible would
    // bridge to NSError on Linux and print "Error Domain=…".
    let message = String(describing: error)
    FileHandle.standardError.write(Data("chronicle: \(message)\n".utf8))
    return ExitCode(ChronicleExitCode.forError(error).rawValue)
}

/// Parses a `YYYY-MM-DD` option value.
func parseDay(_ text: String, option: String) throws -> PartialDate {
    guard text.count == 10, let date = PartialDate(iso: text), date.precision == .day else {
        throw ValidationError("\(option) must be a date YYYY-MM-DD, found '\(text)'")
    }
    return date
}

func today() -> PartialDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .current
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return PartialDate(year: parts.year!, month: parts.month!, day: parts.day!)
}
