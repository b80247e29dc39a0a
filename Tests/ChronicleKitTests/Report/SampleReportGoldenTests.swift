import Foundation
import Testing
@testable import ChronicleKit

/// The whole job on the bundled sample corpus, compared file by file with the reports in
/// `Fixtures/report/samples/`. After a deliberate change to extraction or reports, regenerate with
/// `UPDATE_GOLDEN=1 swift test --filter SampleReportGoldenTests` and review the diff.
@Suite struct SampleReportGoldenTests {
    static let root = TestPaths.root
    static let golden = root.appendingPathComponent("Tests/ChronicleKitTests/Fixtures/report/samples")

    /// Every file below `folder` except the state folder, by relative path.
    static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let manager = FileManager.default
        for path in manager.subpaths(atPath: folder.path) ?? [] where !path.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            result[path] = try Data(contentsOf: url)
        }
        return result
    }

    @Test func sampleCorpusReportsMatchTheGoldens() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-samples-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var config = try ChronicleConfig.load(Self.root.appendingPathComponent("config/chronicle.yml"), workingDirectory: Self.root)
        config.output = output
        // The store beside config/chronicle.yml is the project's own: a test keeps its store with its output.
        config.storeFile = output.appendingPathComponent(".chronicle/state.sqlite")
        let options = RunOptions(config: config, asOf: PartialDate(year: 2024, month: 1, day: 15), workingDirectory: Self.root.path)
        let summary = try ChronicleRun(options: options).run()
        #expect(summary.events > 0)

        // A workbook is compared by its sheets' XML (`WorkbookParts`): the zip's bytes depend on zlib.
        let produced = try WorkbookParts.expanded(Self.files(in: output), root: output)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: Self.golden)
            for (path, data) in produced {
                let url = Self.golden.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = try Self.files(in: Self.golden)
        #expect(produced.keys.sorted() == expected.keys.sorted(), "the set of report files changed")
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(
                produced[path] == data,
                "\(path) differs from its golden file; run UPDATE_GOLDEN=1 swift test --filter SampleReportGoldenTests and review the diff")
        }
    }

    @Test func aSecondRunGivesByteIdenticalReports() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-samples-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var config = try ChronicleConfig.load(Self.root.appendingPathComponent("config/chronicle.yml"), workingDirectory: Self.root)
        config.output = output
        // The store beside config/chronicle.yml is the project's own: a test keeps its store with its output.
        config.storeFile = output.appendingPathComponent(".chronicle/state.sqlite")
        let options = RunOptions(config: config, asOf: PartialDate(year: 2024, month: 1, day: 15), workingDirectory: Self.root.path)
        _ = try ChronicleRun(options: options).run()
        let first = try Self.files(in: output)
        try FileManager.default.removeItem(at: output.appendingPathComponent(".chronicle"))
        _ = try ChronicleRun(options: options).run()
        #expect(try Self.files(in: output) == first)
    }
}
