import Foundation
import Testing
@testable import ChronicleKit

/// Values an administrator can get wrong are refused with the file, the key and the value,
/// never silently rolled over or ignored.
@Suite struct ConfigValidationTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: url.appendingPathComponent("articles"), withIntermediateDirectories: true)
        return url
    }

    private func config(_ body: String, in dir: URL) throws -> URL {
        let file = dir.appendingPathComponent("chronicle.yml")
        try body.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func anAliasBombIsRefusedBeforeItGrows() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var yaml =
            "input: [articles]\noutput: reports\nwindow: {from: 2022-01-01, to: 2023-12-31}\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        let file = try config(yaml, in: dir)
        // 9^9 values once expanded: refused while walking, before the tree is built.
        let error = try #require(throws: ConfigError.self) { try ChronicleConfig.load(file, workingDirectory: dir) }
        #expect("\(error)".contains("expands to more than"))
    }

    /// `report.csv.delimiter`: "," (the default), ";" or a tab ("\t" or the word tab); nothing else.
    @Test func csvDelimiterIsCommaSemicolonOrTab() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = "input: [articles]\noutput: reports\nwindow: {from: 2022-01-01, to: 2023-12-31}\n"
        #expect(try ChronicleConfig.load(config(base, in: dir), workingDirectory: dir).csvDelimiter == ",")
        for (yaml, expected) in [("\";\"", ";"), ("\",\"", ","), ("\"\\t\"", "\t"), ("tab", "\t")] as [(String, Unicode.Scalar)] {
            let file = try config(base + "report:\n  csv:\n    delimiter: \(yaml)\n", in: dir)
            #expect(try ChronicleConfig.load(file, workingDirectory: dir).csvDelimiter == expected, "\(yaml)")
        }
        for yaml in ["\"|\"", "\";;\"", "\"\"", "semicolon"] {
            let file = try config(base + "report:\n  csv:\n    delimiter: \(yaml)\n", in: dir)
            let error = try #require(throws: ConfigError.self) { try ChronicleConfig.load(file, workingDirectory: dir) }
            #expect("\(error)".contains("report.csv.delimiter"), "\(yaml)")
        }
        let unknown = try config(base + "report:\n  csv:\n    separator: \";\"\n", in: dir)
        #expect(throws: ConfigError.self) { try ChronicleConfig.load(unknown, workingDirectory: dir) }
    }

    @Test func impossibleDatesAreRefusedNotRolledOver() {
        #expect(PartialDate(iso: "2022-02-30") == nil)
        #expect(PartialDate(iso: "2022-13-45") == nil)
        #expect(PartialDate(iso: "2023-02-29") == nil)
        #expect(PartialDate(iso: "2024-02-29") == PartialDate(year: 2024, month: 2, day: 29))
        #expect(PartialDate(iso: "2022-04-31") == nil)
        #expect(PartialDate(iso: "2022-12-31") == PartialDate(year: 2022, month: 12, day: 31))
    }

    @Test func aWindowDateThatDoesNotExistNamesKeyAndValue() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try config("input: [articles]\noutput: reports\nwindow: {from: 2022-02-30, to: 2023-12-31}\n", in: dir)
        let error = try #require(throws: ConfigError.self) { try ChronicleConfig.load(file, workingDirectory: dir) }
        #expect("\(error)".contains("window.from"))
        #expect("\(error)".contains("2022-02-30"))
    }

    @Test func anEmptyOutputIsRefused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try config("input: [articles]\noutput: \"\"\nwindow: {from: 2022-01-01, to: 2023-12-31}\n", in: dir)
        let error = try #require(throws: ConfigError.self) { try ChronicleConfig.load(file, workingDirectory: dir) }
        #expect("\(error)".contains("output"))
    }

    @Test func aNamedCorrectionsFileThatIsMissingIsAnError() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try config(
            "input: [articles]\noutput: reports\nwindow: {from: 2022-01-01, to: 2023-12-31}\ncorrections: fixes.yml\n", in: dir)
        let error = try #require(throws: ConfigError.self) { try ChronicleConfig.load(file, workingDirectory: dir) }
        #expect("\(error)".contains("fixes.yml"))
        // Present, it loads.
        try "corrections: []\n".write(to: dir.appendingPathComponent("fixes.yml"), atomically: true, encoding: .utf8)
        #expect(try ChronicleConfig.load(file, workingDirectory: dir).correctionsFile.lastPathComponent == "fixes.yml")
    }

    @Test func aCorrectionDateThatDoesNotExistIsRefused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try config(
            "input: [articles]\noutput: reports\nwindow: {from: 2022-01-01, to: 2023-12-31}\ncorrections: fixes.yml\n", in: dir)
        try "corrections:\n  - {id: 2022-12-26-quan-khu-4-year-end-review, date: 2022-13-45}\n".write(
            to: dir.appendingPathComponent("fixes.yml"), atomically: true, encoding: .utf8)
        let config = try ChronicleConfig.load(file, workingDirectory: dir)
        let error = try #require(throws: ConfigError.self) { try CorrectionSet.load(config: config) }
        #expect("\(error)".contains("2022-13-45"))
    }

    @Test func theCommandLineRefusesAnEmptyOutputAndAnImpossibleAsOf() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = try ChronicleBinary.run(["run", "--output", ""], in: dir)
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("--output"))
        let asOf = try ChronicleBinary.run(["run", "--as-of", "2024-02-30"], in: dir)
        #expect(asOf.status == 64)
        #expect(asOf.stderr.contains("2024-02-30"))
    }
}
