import Foundation
import Testing
@testable import ChronicleKit

/// The `chronicle` binary that `swift test` builds beside the test bundle.
enum ChronicleBinary {
    static var url: URL? {
        var candidates: [URL] = []
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var folder = argument0.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("chronicle"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("chronicle"))
        let root = TestPaths.root
        candidates.append(root.appendingPathComponent(".build/debug/chronicle"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary to completion in `directory`.
    static func run(_ arguments: [String], in directory: URL) throws -> Result {
        let process = try start(arguments, in: directory)
        let out = process.standardOutput as! Pipe, err = process.standardError as! Pipe
        // Read before waiting so a chatty child cannot fill the pipe and block.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func start(_ arguments: [String], in directory: URL) throws -> Process {
        let binary = try #require(url, "the chronicle binary is built by `swift test` next to the test bundle")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }
}

@Suite struct CLITests {
    private func project() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("a.txt", "Sáng 26-12, Đảng ủy Quân đoàn 1 tổ chức hội nghị tổng kết công tác năm 2022.\n")
        return box
    }

    private func run(_ box: Sandbox, _ arguments: [String]) throws -> ChronicleBinary.Result {
        try ChronicleBinary.run(["run", "--config", box.configFile.path, "--as-of", "2024-01-15"] + arguments, in: box.root)
    }

    @Test func quietSuccess() throws {
        let box = try project()
        let result = try run(box, [])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty, "cron mails any output")
        #expect(FileManager.default.fileExists(atPath: box.output.appendingPathComponent("chronology.md").path))
        let verbose = try run(box, ["--verbose"])
        #expect(verbose.status == 0 && verbose.stdout.isEmpty)
        #expect(verbose.stderr.contains("1 articles unchanged, 0 extracted"))
    }

    @Test func badDateIsUsage64() throws {
        let box = try project()
        let result = try run(box, ["--from", "2022-13-45"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--from"))
        #expect(!FileManager.default.fileExists(atPath: box.output.path))
    }

    @Test func missingInputIs66() throws {
        let box = try project()
        let missing = box.root.appendingPathComponent("no-such-folder").path
        let result = try run(box, ["--input", missing])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no-such-folder"))
        #expect(!FileManager.default.fileExists(atPath: box.output.path))
    }

    @Test func badConfigKeyIs78() throws {
        let box = try project()
        try box.writeConfig(extra: "colour: red")
        let result = try run(box, [])
        #expect(result.status == 78)
        #expect(result.stderr.contains("colour") && result.stderr.contains(box.configFile.path))
    }

    @Test func lockedIs75() throws {
        let box = try project()
        #expect(try run(box, []).status == 0)
        let before = try box.reports()
        let lock = try RunLock.acquire(at: ChronicleRun.lockURL(for: try box.config()))
        defer { lock.release() }
        let result = try run(box, [])
        #expect(result.status == 75)
        #expect(result.stderr.contains("another chronicle run holds the lock on \(ChronicleRun.lockURL(for: try box.config()).path)"))
        #expect(try box.reports() == before)
    }

    @Test func extractUsesAllCoresAndKeepsPathOrder() throws {
        let box = try Sandbox()
        // More files than one batch, written in reverse so the disk order is not the path order.
        for n in (0..<300).reversed() {
            try box.write(
                String(format: "bai-%03d.txt", n),
                "Sáng 6/1, Đảng ủy Lữ đoàn \(100 + n) tổ chức hội nghị tổng kết công tác đảng năm 2022.\n")
        }
        let result = try ChronicleBinary.run(["extract", "--config", box.configFile.path, box.articles.path], in: box.root)
        #expect(result.status == 0)
        let sources = result.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["source"] as? String
        }
        #expect(sources.count == 300)
        #expect(sources == sources.sorted())
        #expect(sources.first?.hasSuffix("bai-000.txt") == true)
    }

    @Test func strictTurnsBadArticlesInto65() throws {
        let box = try project()
        try box.write("broken.txt", Data([0xC3, 0x28, 0xFF, 0x00, 0x9F]))
        let lenient = try run(box, [])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("broken.txt"), "bad articles are listed on stderr")
        #expect(lenient.stdout.isEmpty)
        let strict = try run(box, ["--strict"])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("broken.txt"))
    }

    @Test func strictTurnsAnUndatedMeetingInto65() throws {
        let box = try Sandbox()
        // A meeting held, but no day, month or year anywhere: an undated event.
        try box.write("undated.txt", "Đảng ủy Lữ đoàn 125 tổ chức hội nghị tổng kết công tác đảng, công tác chính trị.\n")
        #expect(try run(box, []).status == 0)
        #expect(try run(box, ["--strict"]).status == 65)
    }

    /// A warning (a publication date that is not a date) is printed once, marked as a warning,
    /// and does not fail `--strict`: its article was read and its meeting dated.
    @Test func aWarningIsPrintedButDoesNotFailStrict() throws {
        let box = try Sandbox()
        try box.write(
            "export.jsonl",
            #"{"published": "next Tuesday", "body": "Sáng 26-12, Đảng ủy Quân đoàn 1 tổ chức hội nghị tổng kết công tác năm 2022."}"# + "\n"
        )
        let first = try run(box, ["--strict", "--summary", "json"])
        #expect(first.status == 0)
        #expect(
            first.stderr.contains(
                #"chronicle: warning: articles/export.jsonl:1: published "next Tuesday" is not a date I can read; the year was resolved from the article's text"#
            ))
        #expect(first.stdout.contains(#""problems":1,"warnings":1,"new_problems":1"#))
        let second = try run(box, [])
        #expect(second.status == 0 && second.stderr.isEmpty, "the same warning is not mailed again")
    }

    @Test func aProblemIsPrintedOnceNotEveryNight() throws {
        let box = try project()
        try box.write("broken.txt", Data([0xC3, 0x28, 0xFF, 0x00, 0x9F]))
        #expect(try run(box, []).stderr.contains("broken.txt"))
        let second = try run(box, [])
        #expect(second.status == 0)
        #expect(second.stderr.isEmpty, "the same problem is not mailed again")
        #expect(try String(contentsOf: box.output.appendingPathComponent("chronology.md"), encoding: .utf8).contains("broken.txt"))
        // A new problem is printed, the old one is not.
        try box.write("broken2.txt", Data([0xFF, 0xFE, 0xFD]))
        let third = try run(box, [])
        #expect(third.stderr.contains("broken2.txt") && !third.stderr.contains("broken.txt:"))
    }

    @Test func versionSummaryAndStatusForAdministrators() throws {
        let box = try project()
        let version = try ChronicleBinary.run(["--version"], in: box.root)
        #expect(version.status == 0 && version.stdout.contains("chronicle"))
        let never = try ChronicleBinary.run(["status", "--config", box.configFile.path], in: box.root)
        #expect(never.status == 66)
        let summary = try run(box, ["--summary", "json"])
        #expect(summary.status == 0)
        let line = try #require(summary.stdout.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["files"] as? Int == 1 && object["events"] as? Int == 1 && object["new_problems"] as? Int == 0)
        let status = try ChronicleBinary.run(["status", "--config", box.configFile.path, "--json"], in: box.root)
        #expect(status.status == 0)
        let state = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect(state["runs"] as? Int == 1)
        #expect((state["last_successful_run"] as? [String: Any])?["events"] as? Int == 1)
    }

    /// The store beside the configuration keeps one output's history: a run with `--output`
    /// elsewhere is refused (78) unless it names a store of its own.
    @Test func aRunToAnotherOutputNeedsItsOwnStore() throws {
        let box = try project()
        #expect(try run(box, []).status == 0)
        let status = try ChronicleBinary.run(["status", "--config", box.configFile.path, "--json"], in: box.root)
        let state = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect(state["store"] as? String == box.configDirectory.appendingPathComponent("chronicle.state/state.sqlite").path)
        let elsewhere = box.root.appendingPathComponent("elsewhere")
        let refused = try run(box, ["--output", elsewhere.path])
        #expect(refused.status == 78 && refused.stderr.contains("--store"))
        let own = elsewhere.appendingPathComponent(".chronicle/state.sqlite")
        #expect(try run(box, ["--output", elsewhere.path, "--store", own.path]).status == 0)
        let ownStatus = try ChronicleBinary.run(["status", "--config", box.configFile.path, "--store", own.path], in: box.root)
        #expect(ownStatus.status == 0 && ownStatus.stdout.contains("store: \(own.path)"))
    }

    @Test func outputThatCannotBeCreatedIs73() throws {
        let box = try project()
        let blocker = box.root.appendingPathComponent("file-not-folder")
        try Data("x".utf8).write(to: blocker)
        let result = try run(box, ["--output", blocker.appendingPathComponent("reports").path])
        #expect(result.status == 73)
    }
}
