import ArgumentParser
import ChronicleKit
import Foundation

/// `chronicle-bench`: builds a synthetic corpus and measures Chronicle's throughput.
@main
struct ChronicleBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronicle-bench",
        abstract: "Measure Chronicle's throughput on a deterministic synthetic corpus.",
        discussion: """
            Generates N press-style articles composed from phrase pools (year/month folders, .txt files plus one article in ten \
            in .jsonl exports), then measures, each phase in its own child process so each peak \
            memory is separate: extraction alone (one thread and all cores), a cold run, a warm run \
            with nothing changed and a warm run with 1% new articles. Use the release build \
            (scripts/bench).
            """
    )

    @Option(help: "Number of articles to generate.")
    var articles = 50_000

    @Option(
        help: ArgumentHelp(
            "Work folder for the corpus, output and store (default: a fresh temporary folder, removed afterwards).", valueName: "dir"))
    var workdir: String?

    @Option(help: "Seed of the corpus generator.")
    var seed: UInt64 = 2022

    @Option(help: ArgumentHelp("The configuration file (its gazetteer, rules and templates are used).", valueName: "file"))
    var config = "config/chronicle.yml"

    @Option(name: .customLong("extract-limit"), help: "At most this many articles are held in memory for the extraction figures.")
    var extractLimit = 50_000

    @Flag(help: "Print one JSON line with all figures on stdout (the table goes to stderr).")
    var json = false

    @Flag(help: "Keep the temporary work folder.")
    var keep = false

    @Option(
        help: ArgumentHelp(
            "Run one phase in this process and print its result as JSON (used by the benchmark itself).", visibility: .hidden))
    var phase: String?

    func validate() throws {
        guard articles >= 10 else { throw ValidationError("--articles must be at least 10, found \(articles)") }
        guard extractLimit >= 1 else { throw ValidationError("--extract-limit must be at least 1, found \(extractLimit)") }
        if let phase, BenchPhase(rawValue: phase) == nil {
            throw ValidationError("--phase must be one of \(BenchPhase.allCases.map(\.rawValue).joined(separator: ", ")), found '\(phase)'")
        }
    }

    func run() throws {
        ProcessMemory.tuneAllocator()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let configFile = URL(fileURLWithPath: config, relativeTo: cwd).standardizedFileURL
        if let phase = phase.flatMap(BenchPhase.init(rawValue:)) {
            guard let workdir else { throw ValidationError("--phase needs --workdir") }
            let layout = BenchPhase.Layout(root: URL(fileURLWithPath: workdir, relativeTo: cwd).standardizedFileURL)
            let result = try phase.run(layout: layout, configFile: configFile, extractLimit: extractLimit)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
            return
        }
        try BenchRunner(
            articles: articles, seed: seed, configFile: configFile,
            workdir: workdir.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL },
            extractLimit: extractLimit, json: json, keep: keep
        ).run()
    }
}
