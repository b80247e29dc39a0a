import Foundation
import Logging
import Testing
@testable import ChronicleKit

/// A throw-away project for pipeline tests: `config/` (chronicle.yml, units.yml, rules.yml),
/// `articles/` and `reports/` in a temporary folder.
///
/// Articles are written in a small test notation the test extraction understands, one event a line:
/// `event: 2022-12-26 | Quân đoàn 1 | year-end-review` and optionally `url: https://…`. The
/// real `ArticleLoader` reads the files, so loader failures show as they will in production.
final class Sandbox: @unchecked Sendable {
    let root: URL
    var articles: URL { root.appendingPathComponent("articles") }
    var output: URL { root.appendingPathComponent("reports") }
    var configDirectory: URL { root.appendingPathComponent("config") }
    var configFile: URL { configDirectory.appendingPathComponent("chronicle.yml") }
    var correctionsFile: URL { configDirectory.appendingPathComponent("corrections.yml") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("config"), withIntermediateDirectories: true)
        try writeConfig()
        try """
        units:
          - name: Quân đoàn 1
            id: quan-doan-1
            aliases: [Binh đoàn Quyết thắng]
          - name: Quân đoàn 2
            id: quan-doan-2
          - name: Tổng cục Kỹ thuật
            id: tong-cuc-ky-thuat
            aliases: [TCKT]
        """.write(to: configDirectory.appendingPathComponent("units.yml"), atomically: true, encoding: .utf8)
        try "# rule tables\nkinds: []\n".write(to: configDirectory.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
        // The real loader and extractor (run by the CLI tests) read the project's noise phrases and rule tables.
        for folder in ["ingest", "extraction"] {
            try FileManager.default.copyItem(
                at: Self.projectTemplates.deletingLastPathComponent().appendingPathComponent(folder),
                to: configDirectory.appendingPathComponent(folder))
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The project's own report templates (`config/templates`), found from this file's path.
    static let projectTemplates = TestPaths.root
        .appendingPathComponent("config/templates")

    func writeConfig(extra: String = "", input: String? = nil) throws {
        try """
        input:
          - \(input ?? articles.path)
        output: \(output.path)
        window:
          from: 2020-01-01
          to: 2025-12-31
        formats: [markdown, csv, xml, svg]
        report:
          templates: \(Self.projectTemplates.path)
        \(extra)
        """.write(to: configFile, atomically: true, encoding: .utf8)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> URL {
        let url = articles.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url
    }

    func corrections(_ yaml: String) throws {
        try yaml.write(to: correctionsFile, atomically: true, encoding: .utf8)
    }

    func config() throws -> ChronicleConfig {
        try ChronicleConfig.load(configFile, workingDirectory: root)
    }

    /// The test extraction with the real loader; `version` stands for `ArticleExtractor.version`.
    func extraction(version: String = "test-1") throws -> Extraction {
        let config = try config()
        return Extraction(version: version, configFingerprint: ConfigFingerprint.compute(config: config)) { file in
            ExtractTestSupport.loader.load(file).map { article in
                var record = ArticleRecord(article: article, events: article.status == .ok ? TestNotation.events(in: article.text) : [])
                if record.url == nil { record.url = TestNotation.urlLine(article.text) }
                return record
            }
        }
    }

    @discardableResult
    func run(
        version: String = "test-1", prune: Bool = false, standard: Bool = false,
        asOf: PartialDate = PartialDate(year: 2024, month: 1, day: 15)
    ) throws -> RunSummary {
        let options = RunOptions(config: try config(), asOf: asOf, prune: prune)
        var logger = Logger(label: "chronicle-test")
        logger.logLevel = .critical
        return try ChronicleRun(options: options, logger: logger, extraction: standard ? nil : try extraction(version: version)).run()
    }

    func store() throws -> ChronicleStore {
        try ChronicleStore(url: ChronicleRun.storeURL(for: try config()))
    }

    /// Every report file in the output folder (subfolders included), by relative path.
    func reports() throws -> [String: Data] {
        var result: [String: Data] = [:]
        let manager = FileManager.default
        guard let paths = manager.subpaths(atPath: output.path) else { return result }
        for path in paths where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var isDirectory: ObjCBool = false
            let url = output.appendingPathComponent(path)
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            result[path] = try Data(contentsOf: url)
        }
        return result
    }
}

/// The test notation of `Sandbox` articles.
enum TestNotation {
    static func events(in text: String) -> [Event] {
        var events: [Event] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("event:") else { continue }
            let parts = trimmed.dropFirst(6).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 3, let kind = EventKind(rawValue: parts[2]) else { continue }
            let name = parts[1]
            let date = PartialDate(iso: parts[0])
            events.append(
                Event(
                    unit: UnitReference(name: name, id: UnitDirectory.slug(name), mention: name), kind: kind,
                    title: parts.count > 3 ? parts[3] : "Hội nghị \(kind.rawValue)",
                    date: EventDate(value: date, basis: date == nil ? .unresolved : .explicit)))
        }
        return events
    }

    static func urlLine(_ text: String) -> String? {
        text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("url:") }.map { $0.dropFirst(4).trimmingCharacters(in: .whitespaces) }
    }
}

@Suite struct PipelineHarnessTests {
    @Test func notationReadsEvents() {
        let events = TestNotation.events(in: "Tin bài\nevent: 2022-12-26 | Quân đoàn 1 | year-end-review\nevent: x | y | nonsense\n")
        #expect(events.count == 1)
        #expect(events.first.map(ChronologyEvent.id(for:)) == "2022-12-26-quan-doan-1-year-end-review")
    }
}
