import ArgumentParser
import ChronicleBenchSupport
import ChronicleKit
import Foundation

extension BenchRunner.Selection: ExpressibleByArgument {}

/// `chronicle-bench`: measures Chronicle's throughput on a synthetic corpus and on real press text.
@main
struct ChronicleBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronicle-bench",
        abstract: "Measure Chronicle's throughput on a synthetic corpus and on real press text, beside a grep pass.",
        discussion: """
            Writes N articles of each corpus in year/month folders: the synthetic one, composed from \
            phrase pools (.txt files plus one article in ten in .jsonl exports), and, when \
            --real-corpus holds JSON Lines files, one made of their passages (read at run time, \
            one or two per article). On each it times a `cat | grep` pass over the files as the \
            yardstick, then, each phase in its own child process so each peak memory is separate: \
            extraction alone (one thread and all cores), a cold run, a night with nothing changed and \
            one with 1% new articles. It prints both side by side with what their text is made of, \
            and checks the goals. Use the release build (scripts/bench).
            """
    )

    @Option(help: "Number of articles of each corpus.")
    var articles = 20_000

    @Option(help: ArgumentHelp("Which corpora to measure: both, synthetic or real.", valueName: "corpora"))
    var corpus = BenchRunner.Selection.both

    @Option(
        name: .customLong("real-corpus"),
        help: ArgumentHelp("Folder whose *.jsonl passages make the real-text corpus (read at run time only).", valueName: "dir"))
    var realCorpus = "../shared/corpus"

    @Option(help: "Repeat the measurements this many times and report the medians.")
    var runs = 1

    @Option(
        help: ArgumentHelp(
            "Work folder for the corpora, outputs and stores (default: a fresh temporary folder, removed afterwards).", valueName: "dir"))
    var workdir: String?

    @Option(help: "Seed of the corpus generators.")
    var seed: UInt64 = 2022

    @Option(help: ArgumentHelp("The configuration file (its gazetteer, rules and templates are used).", valueName: "file"))
    var config = "config/chronicle.yml"

    @Option(name: .customLong("extract-limit"), help: "At most this many articles are held in memory for the extraction figures.")
    var extractLimit = 50_000

    @Flag(help: "Exit with status 1 when a goal is not met.")
    var check = false

    @Flag(help: "Print one JSON line with all figures on stdout (the table goes to stderr).")
    var json = false

    @Flag(help: "Keep the temporary work folder.")
    var keep = false

    @Option(name: .customLong("show-articles"), help: ArgumentHelp("Print this many synthetic articles and exit.", valueName: "n"))
    var showArticles: Int?

    @Option(
        help: ArgumentHelp(
            "Run one phase in this process and print its result as JSON (used by the benchmark itself).", visibility: .hidden))
    var phase: String?

    func validate() throws {
        guard articles >= 10 else { throw ValidationError("--articles must be at least 10, found \(articles)") }
        guard extractLimit >= 1 else { throw ValidationError("--extract-limit must be at least 1, found \(extractLimit)") }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1, found \(runs)") }
        if let phase, BenchPhase(rawValue: phase) == nil {
            throw ValidationError("--phase must be one of \(BenchPhase.allCases.map(\.rawValue).joined(separator: ", ")), found '\(phase)'")
        }
    }

    func run() throws {
        ProcessMemory.tuneAllocator()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let configFile = URL(fileURLWithPath: config, relativeTo: cwd).standardizedFileURL
        if let showArticles {
            let corpus = SyntheticCorpus(seed: seed)
            for index in 0..<showArticles { print("--- article \(index)\n\(corpus.article(at: index).text)") }
            return
        }
        if let phase = phase.flatMap(BenchPhase.init(rawValue:)) {
            guard let workdir else { throw ValidationError("--phase needs --workdir") }
            let layout = BenchPhase.Layout(root: URL(fileURLWithPath: workdir, relativeTo: cwd).standardizedFileURL)
            let result = try phase.run(layout: layout, configFile: configFile, extractLimit: extractLimit)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
            return
        }
        let report = try BenchRunner(
            articles: articles, seed: seed, configFile: configFile,
            realCorpus: URL(fileURLWithPath: realCorpus, relativeTo: cwd).standardizedFileURL, selection: corpus,
            workdir: workdir.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL },
            extractLimit: extractLimit, runs: runs, keep: keep
        ).run()
        let table = BenchTable(report: report).render()
        if json {
            FileHandle.standardError.write(Data((table + "\n").utf8))
            print(try report.jsonLine())
        } else {
            print(table)
        }
        if check && !report.goalsMet { throw ExitCode(1) }
    }
}
