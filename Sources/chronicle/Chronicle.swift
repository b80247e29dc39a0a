import ArgumentParser
import ChronicleKit

@main
struct Chronicle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronicle",
        abstract: "Turns news articles about party-work conferences of military units into a chronology and reports.",
        discussion: """
            Without a subcommand, 'chronicle' runs the main job ('chronicle run') with config/chronicle.yml.
            """,
        version: "chronicle 1.0 (records \(Extraction.currentVersion))",
        subcommands: [RunCommand.self, ExtractCommand.self, EvalCommand.self, StatusCommand.self],
        defaultSubcommand: RunCommand.self
    )

    static func main() {
        ProcessMemory.tuneAllocator()
        main(nil)
    }
}
