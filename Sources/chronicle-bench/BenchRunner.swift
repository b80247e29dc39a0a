import ChronicleBenchSupport
import ChronicleKit
import Foundation

/// A benchmark step that failed, named for the user.
enum BenchError: Error, CustomStringConvertible {
    case phaseFailed(phase: String, status: Int32)
    case badPhaseOutput(phase: String, output: String)
    case cannotPrepare(path: String, reason: String)
    case noRealText(folder: String)

    var description: String {
        switch self {
        case .phaseFailed(let phase, let status): return "phase '\(phase)' failed with exit status \(status) (its error is above)"
        case .badPhaseOutput(let phase, let output): return "phase '\(phase)' printed no result line; output was: \(output.prefix(400))"
        case .cannotPrepare(let path, let reason): return "\(path): cannot prepare the work folder: \(reason)"
        case .noRealText(let folder): return "\(folder): no *.jsonl files, so no real-text corpus (give --real-corpus DIR)"
        }
    }
}

/// Writes the corpora, runs each phase in a child process on each, and gathers the figures.
struct BenchRunner {
    /// Which corpora to measure.
    enum Selection: String, CaseIterable, Sendable {
        case both, synthetic, real
    }

    /// A corpus written to its work folder, ready to be measured.
    private struct Prepared {
        var name: CorpusResult.Name
        var corpus: any BenchCorpus
        var source: String
        var layout: BenchPhase.Layout
        var files: CorpusWriteStats
        var generationSeconds: Double
        var profile: CorpusProfile
    }

    var articles: Int
    var seed: UInt64
    var configFile: URL
    var realCorpus: URL
    var selection: Selection
    var workdir: URL?
    var extractLimit: Int
    var runs: Int
    var keep: Bool

    /// Articles of each corpus whose text is profiled.
    static let profileSample = 2_000

    func run() throws -> BenchReport {
        let manager = FileManager.default
        // Fail before spending a minute on the corpora if the phases cannot load the config.
        _ = try ChronicleConfig.load(configFile)
        let temporary = workdir == nil
        let root =
            workdir ?? manager.temporaryDirectory.appendingPathComponent("chronicle-bench-\(ProcessInfo.processInfo.processIdentifier)")
        defer {
            if temporary && !keep { try? manager.removeItem(at: root) }
        }
        var prepared: [Prepared] = []
        if selection != .real {
            prepared.append(
                try prepare(.synthetic, SyntheticCorpus(seed: seed), source: "composed from the phrase pools, seed \(seed)", root: root))
        }
        var missing: String?
        if selection != .synthetic {
            if Self.hasJSONLines(realCorpus) {
                let corpus = try RealTextCorpus(folder: realCorpus, seed: seed)
                let source =
                    "\(corpus.passages.count) passages of \(corpus.sources.joined(separator: ", ")) in \(realCorpus.path), one or two per article"
                prepared.append(try prepare(.real, corpus, source: source, root: root))
            } else if selection == .real {
                throw BenchError.noRealText(folder: realCorpus.path)
            } else {
                missing = "no \(realCorpus.path)/*.jsonl"
                progress("no real text (\(missing!)): going on with the synthetic corpus only")
            }
        }
        var measured = [[CorpusResult.Run]](repeating: [], count: prepared.count)
        var added = [CorpusWriteStats](repeating: CorpusWriteStats(), count: prepared.count)
        for repetition in 0..<runs {
            for (index, corpus) in prepared.enumerated() {
                if runs > 1 { progress("run \(repetition + 1) of \(runs), \(corpus.name.rawValue) corpus") }
                let (run, stats) = try measure(corpus)
                measured[index].append(run)
                added[index] = stats
            }
        }
        if !temporary || keep { progress("work folder kept: \(root.path)") }
        let results = prepared.enumerated().map { index, corpus in
            CorpusResult(
                name: corpus.name, source: corpus.source, files: CorpusResult.Files(corpus.files),
                added: CorpusResult.Files(added[index]), generationSeconds: corpus.generationSeconds, profile: corpus.profile,
                runs: measured[index])
        }
        return BenchReport(
            cores: ProcessInfo.processInfo.activeProcessorCount, articles: articles, runs: runs, corpora: results, realTextMissing: missing)
    }

    /// Writes a corpus to `root/<name>/input` and profiles its text, before anything is timed.
    private func prepare(_ name: CorpusResult.Name, _ corpus: any BenchCorpus, source: String, root: URL) throws -> Prepared {
        let layout = BenchPhase.Layout(root: root.appendingPathComponent(name.rawValue))
        let manager = FileManager.default
        do {
            for folder in [layout.input, layout.output, layout.state] where manager.fileExists(atPath: folder.path) {
                try manager.removeItem(at: folder)
            }
            try manager.createDirectory(at: layout.input, withIntermediateDirectories: true)
        } catch {
            throw BenchError.cannotPrepare(path: layout.root.path, reason: error.localizedDescription)
        }
        progress("writing \(articles) \(name.rawValue) articles in \(layout.input.path) …")
        let clock = ContinuousClock()
        let start = clock.now
        let files = try corpus.write(0..<articles, to: layout.input)
        let seconds = (clock.now - start).seconds
        let profile = CorpusProfile(corpus: corpus, sample: 0..<min(articles, Self.profileSample))
        return Prepared(
            name: name, corpus: corpus, source: source, layout: layout, files: files, generationSeconds: seconds, profile: profile)
    }

    /// One repetition on one corpus: extraction alone, the grep pass, a cold run (and one with
    /// the files out of the page cache), a night with nothing changed and one with 1% new
    /// articles (removed again before the next repetition).
    private func measure(_ corpus: Prepared) throws -> (CorpusResult.Run, CorpusWriteStats) {
        let layout = corpus.layout
        if FileManager.default.fileExists(atPath: layout.added.path) { try FileManager.default.removeItem(at: layout.added) }
        var phases = [try runChild(.extract, layout: layout)]
        progress("cat | grep over the \(corpus.name.rawValue) corpus …")
        let grep = try GrepYardstick.seconds(over: layout.input)
        phases.append(try runChild(.cold, layout: layout))
        phases.append(try runChild(.coldUncached, layout: layout))
        phases.append(try runChild(.warm, layout: layout))
        let count = max(1, articles / 100)
        progress("adding \(count) new articles …")
        let added = try corpus.corpus.write(articles..<(articles + count), to: layout.added)
        phases.append(try runChild(.warmAdded, layout: layout))
        return (CorpusResult.Run(grepSeconds: grep, phases: phases), added)
    }

    static func hasJSONLines(_ folder: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.contains { $0.hasSuffix(".jsonl") }
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
