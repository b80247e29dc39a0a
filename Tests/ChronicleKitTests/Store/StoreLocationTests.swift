import Foundation
import Logging
import Testing
@testable import ChronicleKit

/// The store lives beside the configuration file (`config/chronicle.state/state.sqlite`), not
/// in the reports folder, so that sharing or cleaning the reports leaves the history alone; a
/// store where earlier versions kept it is moved there with its history.
@Suite struct StoreLocationTests {
    private static let article = "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n"

    private func defaultStore(_ box: Sandbox) -> URL {
        box.configDirectory.appendingPathComponent("chronicle.state/state.sqlite")
    }

    private func formerStore(_ box: Sandbox) -> URL {
        box.output.appendingPathComponent(".chronicle/state.sqlite")
    }

    private func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// A night of a version that kept the store in the reports folder.
    private func runAsEarlierVersions(_ box: Sandbox) throws {
        var config = try box.config()
        config.defaultStoreFile = nil
        var logger = Logger(label: "chronicle-test")
        logger.logLevel = .critical
        let options = RunOptions(config: config, asOf: PartialDate(year: 2024, month: 1, day: 14))
        _ = try ChronicleRun(options: options, logger: logger, extraction: try box.extraction()).run()
        #expect(exists(formerStore(box)))
    }

    private func run(_ box: Sandbox, log: LogCapture) throws -> RunSummary {
        let logger = Logger(label: "chronicle-test") { _ in log }
        let options = RunOptions(config: try box.config(), asOf: PartialDate(year: 2024, month: 1, day: 15))
        return try ChronicleRun(options: options, logger: logger, extraction: try box.extraction()).run()
    }

    @Test func theStoreLivesBesideTheConfigurationAndOutlivesTheReportsFolder() throws {
        let box = try Sandbox()
        try box.write("a.txt", Self.article)
        try box.run()
        #expect(ChronicleRun.storeURL(for: try box.config()) == defaultStore(box))
        #expect(exists(defaultStore(box)) && exists(defaultStore(box).appendingPathExtension("lock")))
        #expect(!exists(formerStore(box)))
        // The reports folder is cleaned (or shared, moved, restored from elsewhere): the history stays.
        try FileManager.default.removeItem(at: box.output)
        let next = try box.run()
        #expect(next.extracted == 0 && next.unchanged == 1)
        #expect(try box.store().runs().count == 2)
    }

    @Test func twoConfigurationsInOneFolderKeepTwoStores() throws {
        let box = try Sandbox()
        try box.write("a.txt", Self.article)
        let other = box.configDirectory.appendingPathComponent("weekly.yml")
        try String(contentsOf: box.configFile, encoding: .utf8)
            .replacingOccurrences(of: box.output.path, with: box.root.appendingPathComponent("weekly").path)
            .write(to: other, atomically: true, encoding: .utf8)
        let weekly = try ChronicleConfig.load(other, workingDirectory: box.root)
        #expect(ChronicleRun.storeURL(for: weekly) == box.configDirectory.appendingPathComponent("weekly.state/state.sqlite"))
        try box.run()
        _ = try ChronicleRun(options: RunOptions(config: weekly, asOf: PartialDate(year: 2024, month: 1, day: 15))).run()
        #expect(exists(defaultStore(box)))
        #expect(exists(ChronicleRun.storeURL(for: weekly)))
    }

    @Test func aStoreInTheConfigurationWinsAndOneBuiltInCodeKeepsItsStoreInItsOutput() throws {
        let box = try Sandbox()
        let chosen = box.root.appendingPathComponent("state/chosen.sqlite")
        try box.writeConfig(extra: "store: \(chosen.path)")
        #expect(ChronicleRun.storeURL(for: try box.config()) == chosen)
        let built = ChronicleConfig(
            configFile: box.configFile, inputs: [box.articles], output: box.output,
            window: DateWindow(from: PartialDate(year: 2022, month: 1, day: 1), to: PartialDate(year: 2022, month: 12, day: 31)))
        #expect(ChronicleRun.storeURL(for: built) == formerStore(box))
        let configured = try box.config()
        #expect(ChronicleRun.formerStoreURL(for: built) == nil && ChronicleRun.formerStoreURL(for: configured) == nil)
    }

    @Test func aStoreInTheReportsFolderIsMovedWithItsHistory() throws {
        let box = try Sandbox()
        try box.write("a.txt", Self.article)
        try runAsEarlierVersions(box)
        let log = LogCapture()
        let summary = try run(box, log: log)
        #expect(summary.extracted == 0 && summary.unchanged == 1, "the history came along")
        #expect(exists(defaultStore(box)))
        for leftover in ["", "-journal", ".lock"] {
            #expect(!exists(URL(fileURLWithPath: formerStore(box).path + leftover)), "state.sqlite\(leftover) is gone")
        }
        #expect(try box.store().runs().count == 2)
        let moved = log.messages.filter { $0.contains("moved the state store") }
        #expect(moved == ["moved the state store from \(formerStore(box).path) to \(defaultStore(box).path), beside the configuration"])
        // The next night has nothing to move.
        let again = LogCapture()
        _ = try run(box, log: again)
        #expect(!again.messages.contains { $0.contains("moved the state store") })
    }

    @Test func aMoveAcrossFileSystemsCopiesThenRemovesTheOldStore() throws {
        let box = try Sandbox()
        try box.write("a.txt", Self.article)
        try runAsEarlierVersions(box)
        let runs = try ChronicleStore(url: formerStore(box)).runs()
        try FileManager.default.createDirectory(at: defaultStore(box).deletingLastPathComponent(), withIntermediateDirectories: true)
        let move = StoreMove(from: formerStore(box), to: defaultStore(box), forceCopy: true)
        #expect(try move.run() == .copied)
        #expect(!exists(formerStore(box)) && !exists(move.staged))
        #expect(try ChronicleStore(url: defaultStore(box)).runs() == runs)
        #expect(try move.run() == .nothing)
    }

    @Test func aCopyStoppedAfterTheOldStoreWasRemovedIsFinished() throws {
        let box = try Sandbox()
        try box.write("a.txt", Self.article)
        try runAsEarlierVersions(box)
        let move = StoreMove(from: formerStore(box), to: defaultStore(box))
        try FileManager.default.createDirectory(at: defaultStore(box).deletingLastPathComponent(), withIntermediateDirectories: true)
        // The copy was complete and synced, the old store removed; the run stopped before the rename.
        try FileManager.default.moveItem(at: formerStore(box), to: move.staged)
        #expect(try box.run().extracted == 0)
        #expect(exists(defaultStore(box)) && !exists(move.staged))
    }

    @Test func twoStoresAreRefusedNamingBothAndWhichToRemove() throws {
        let box = try Sandbox()
        try box.write("a.txt", Self.article)
        try runAsEarlierVersions(box)
        let former = try Data(contentsOf: formerStore(box))
        try FileManager.default.createDirectory(at: defaultStore(box).deletingLastPathComponent(), withIntermediateDirectories: true)
        try former.write(to: defaultStore(box))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: formerStore(box).path)
        let reports = try box.reports()
        let error = try #require(throws: StoreError.self) { try box.run() }
        #expect(ChronicleExitCode.forError(error) == .badConfig)
        let message = "\(error)"
        #expect(message.contains(formerStore(box).path) && message.contains(defaultStore(box).path))
        #expect(message.contains("\(defaultStore(box).path) was written last: remove \(formerStore(box).path)"))
        #expect(try box.reports() == reports && (try Data(contentsOf: formerStore(box))) == former, "nothing was touched")
        #expect(throws: StoreError.self) { try RunStatus.read(config: try box.config()) }
    }

    @Test func statusShowsAStoreNotYetMoved() throws {
        let box = try Sandbox()
        try box.write("a.txt", Self.article)
        try runAsEarlierVersions(box)
        let status = try #require(try RunStatus.read(config: try box.config()))
        #expect(status.store == formerStore(box).path && status.storeMovesTo == defaultStore(box).path)
        #expect(status.runs == 1 && status.text.contains("the next run moves it"))
    }

    /// The claim on an output survives moving the whole installation (its paths relative to it).
    @Test func movingTheWholeInstallationKeepsTheStoresClaim() throws {
        let box = try Sandbox()
        try box.write("a.txt", Self.article)
        try String(contentsOf: box.configFile, encoding: .utf8)
            .replacingOccurrences(of: box.output.path, with: "reports")
            .replacingOccurrences(of: box.articles.path, with: "articles")
            .write(to: box.configFile, atomically: true, encoding: .utf8)
        try box.run()
        let moved = box.root.deletingLastPathComponent().appendingPathComponent("moved-\(UUID().uuidString)")
        try FileManager.default.moveItem(at: box.root, to: moved)
        defer { try? FileManager.default.removeItem(at: moved) }
        let config = try ChronicleConfig.load(moved.appendingPathComponent("config/chronicle.yml"), workingDirectory: moved)
        let summary = try ChronicleRun(options: RunOptions(config: config, asOf: PartialDate(year: 2024, month: 1, day: 16))).run()
        #expect(summary.events == 1)
        // Another output is still refused.
        var elsewhere = config
        elsewhere.output = moved.appendingPathComponent("other")
        #expect(throws: StoreError.self) {
            try ChronicleRun(options: RunOptions(config: elsewhere, asOf: PartialDate(year: 2024, month: 1, day: 16))).run()
        }
    }

    @Test func relativePaths() {
        #expect(ChronicleStore.relativePath(from: "/srv/c/config/chronicle.state", to: "/srv/c/reports") == "../../reports")
        #expect(ChronicleStore.relativePath(from: "/srv/c", to: "/srv/c") == ".")
        #expect(ChronicleStore.relativePath(from: "/a", to: "/b/c") == "../b/c")
    }
}

/// Log messages of a run, for tests.
final class LogCapture: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var captured: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return captured
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.lock()
        captured.append(event.message.description)
        lock.unlock()
    }
}
