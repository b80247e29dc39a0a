import ChronicleBenchSupport
import ChronicleKit
import Foundation

/// A benchmark step that failed, named for the user.
enum BenchError: Error, CustomStringConvertible {
    case phaseFailed(phase: String, status: Int32)
    case badPhaseOutput(phase: String, output: String)
    case cannotPrepare(path: String, reason: String)

    var description: String {
        switch self {
        case .phaseFailed(let phase, let status): return "phase '\(phase)' failed with exit status \(status) (its error is above)"
        case .badPhaseOutput(let phase, let output): return "phase '\(phase)' printed no result line; output was: \(output.prefix(400))"
        case .cannotPrepare(let path, let reason): return "\(path): cannot prepare the work folder: \(reason)"
        }
    }
}

/// Generates the corpus, runs each phase in a child process and prints the figures.
struct BenchRunner {
    var articles: Int
    var seed: UInt64
    var configFile: URL
    var workdir: URL?
    var extractLimit: Int
    var json: Bool
    var keep: Bool

    func run() throws {
        let manager = FileManager.default
        // Fail before spending a minute on the corpus if the phases cannot load the config.
        _ = try ChronicleConfig.load(configFile)
        let temporary = workdir == nil
        let root =
            workdir ?? manager.temporaryDirectory.appendingPathComponent("chronicle-bench-\(ProcessInfo.processInfo.processIdentifier)")
        let layout = BenchPhase.Layout(root: root)
        do {
            for folder in [layout.input, layout.output, layout.state] where manager.fileExists(atPath: folder.path) {
                try manager.removeItem(at: folder)
            }
            try manager.createDirectory(at: layout.input, withIntermediateDirectories: true)
        } catch {
            throw BenchError.cannotPrepare(path: root.path, reason: error.localizedDescription)
        }
        defer {
            if temporary && !keep { try? manager.removeItem(at: root) }
        }

        // Corpus, before anything is timed.
        let corpus = SyntheticCorpus(seed: seed)
        progress("generating \(articles) articles in \(layout.input.path) …")
        let clock = ContinuousClock()
        let generationStart = clock.now
        let written = try corpus.write(0..<articles, to: layout.input)
        let generationSeconds = (clock.now - generationStart).seconds

        var results: [PhaseResult] = []
        for phase in [BenchPhase.extract, .cold, .warm] {
            results.append(try runChild(phase, layout: layout))
        }
        let added = max(1, articles / 100)
        progress("adding \(added) new articles …")
        let addedStats = try corpus.write(articles..<(articles + added), to: layout.input)
        results.append(try runChild(.warmAdded, layout: layout))

        let cores = ProcessInfo.processInfo.activeProcessorCount
        let report = BenchReport(
            cores: cores,
            corpus: BenchReport.Corpus(
                articles: written.articles, textFiles: written.textFiles, exportFiles: written.exportFiles,
                bytes: written.bytes, addedArticles: addedStats.articles, addedBytes: addedStats.bytes, seed: seed,
                generationSeconds: generationSeconds),
            phases: results,
            checks: BenchReport.checks(cores: cores, articles: articles, phases: results))
        if json {
            FileHandle.standardError.write(Data((report.table() + "\n").utf8))
            print(try report.jsonLine())
        } else {
            print(report.table())
        }
        if !temporary || keep { progress("work folder kept: \(root.path)") }
    }

    /// Runs `chronicle-bench --phase <phase>` and reads its JSON result line.
    private func runChild(_ phase: BenchPhase, layout: BenchPhase.Layout) throws -> PhaseResult {
        progress("phase \(phase.rawValue) …")
        let process = Process()
        process.executableURL = Self.executable()
        process.arguments = [
            "--phase", phase.rawValue, "--workdir", layout.root.path, "--config", configFile.path,
            "--extract-limit", String(extractLimit),
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError.phaseFailed(phase: phase.rawValue, status: process.terminationStatus)
        }
        let text = String(decoding: output, as: UTF8.self)
        guard let line = text.split(separator: "\n").last,
            let result = try? JSONDecoder().decode(PhaseResult.self, from: Data(line.utf8))
        else {
            throw BenchError.badPhaseOutput(phase: phase.rawValue, output: text)
        }
        return result
    }

    /// This program's own executable, to start the phases.
    private static func executable() -> URL {
        #if os(Linux)
            let link = URL(fileURLWithPath: "/proc/self/exe")
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link.path) {
                return URL(fileURLWithPath: target)
            }
        #endif
        return Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }

    private func progress(_ message: String) {
        FileHandle.standardError.write(Data("chronicle-bench: \(message)\n".utf8))
    }
}
