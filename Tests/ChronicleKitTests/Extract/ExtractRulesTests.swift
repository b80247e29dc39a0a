import Foundation
import Testing
@testable import ChronicleKit

@Suite struct ExtractRulesTests {
    private func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("extraction"), withIntermediateDirectories: true)
        let real = ExtractTestSupport.root.appendingPathComponent("config")
        for name in ["units.yml", "extraction/cues.yml", "extraction/ranks.yml", "extraction/unit-shapes.yml"] {
            let text = try files[name] ?? String(contentsOf: real.appendingPathComponent(name), encoding: .utf8)
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func loadsTheShippedConfig() {
        #expect(ExtractTestSupport.rules.units.count > 40)
        #expect(ExtractTestSupport.rules.units.allSatisfy { $0.id == UnitRecognizer.slug($0.name) })
    }

    @Test func unknownKindIsAnErrorNamingFileAndKey() throws {
        let cues = try String(contentsOf: ExtractTestSupport.root.appendingPathComponent("config/extraction/cues.yml"), encoding: .utf8)
            .replacingOccurrences(of: "  self-criticism:", with: "  self-critique:")
        let dir = try folder(["extraction/cues.yml": cues])
        #expect {
            try ExtractionRules.load(configDirectory: dir, unitsFile: dir.appendingPathComponent("units.yml"))
        } throws: { error in
            guard case ConfigError.unknownKey(let path, let key, _) = error else { return false }
            return path.hasSuffix("cues.yml") && key == "kinds.self-critique"
        }
    }

    @Test func badUnitIdIsAnError() throws {
        let dir = try folder(["units.yml": "units:\n  - name: Sư đoàn 9\n    id: Sư đoàn 9\n"])
        #expect(throws: ConfigError.self) {
            try ExtractionRules.load(configDirectory: dir, unitsFile: dir.appendingPathComponent("units.yml"))
        }
    }

    private func loadError(_ name: String, _ edit: (String) -> String) throws -> ConfigError? {
        let real = try String(contentsOf: ExtractTestSupport.root.appendingPathComponent("config/\(name)"), encoding: .utf8)
        let edited = edit(real)
        #expect(edited != real, "the edit changed nothing in \(name)")
        let dir = try folder([name: edited])
        do {
            _ = try ExtractionRules.load(configDirectory: dir, unitsFile: dir.appendingPathComponent("units.yml"))
            return nil
        } catch let error as ConfigError {
            return error
        }
    }

    @Test func wordListsComeFromTheShapesFile() throws {
        let rules = ExtractTestSupport.rules
        #expect(rules.stopWords.count == 20)
        #expect(rules.shapes.filter(\.placeName).count > 10)
        #expect(rules.shapes.first { $0.canonicalPrefix == "Bộ Chỉ huy Quân sự tỉnh" }?.placeName == true)
        #expect(rules.shapes.first { $0.canonicalPrefix == "Sư đoàn" }?.placeName == false)
        #expect(rules.periodNames == [.midYearReview: "6 tháng đầu năm {year}", .yearEndReview: "{year}", .selfCriticism: "{year}"])
    }

    @Test func missingWordListsAreErrorsNamingFileAndKey() throws {
        for key in ["stop_words", "place_words"] {
            let error = try loadError("extraction/unit-shapes.yml") { text in
                text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix(key + ":") }.joined(separator: "\n")
            }
            guard case .missingKey(let path, let found, _)? = error else {
                Issue.record("no missing-key error for \(key): \(String(describing: error))")
                continue
            }
            #expect(path.hasSuffix("unit-shapes.yml") && found == key)
        }
        let periods = try loadError("extraction/cues.yml") {
            $0.replacingOccurrences(
                of:
                    "periods:\n  mid-year-review: \"6 tháng đầu năm {year}\"\n  year-end-review: \"{year}\"\n  self-criticism: \"{year}\"\n",
                with: "")
        }
        guard case .missingKey(let path, "periods", _)? = periods else {
            Issue.record("no missing-key error for periods: \(String(describing: periods))")
            return
        }
        #expect(path.hasSuffix("cues.yml"))
    }

    @Test func badWordListEntriesAreErrorsNamingTheEntry() throws {
        let stop = try loadError("extraction/unit-shapes.yml") {
            $0.replacingOccurrences(of: "stop_words: [năm,", with: "stop_words: [năm nay,")
        }
        guard case .wrongValue(let path, "stop_words[0]", "one word", "'năm nay'")? = stop else {
            Issue.record("no wrong-value error for a two-word stop word: \(String(describing: stop))")
            return
        }
        #expect(path.hasSuffix("unit-shapes.yml"))
        let noYear = try loadError("extraction/cues.yml") {
            $0.replacingOccurrences(of: "\"6 tháng đầu năm {year}\"", with: "\"6 tháng đầu năm\"")
        }
        guard case .wrongValue(_, "periods.mid-year-review", _, "'6 tháng đầu năm'")? = noYear else {
            Issue.record("no wrong-value error for a period without {year}: \(String(describing: noYear))")
            return
        }
        let badKind = try loadError("extraction/cues.yml") {
            $0.replacingOccurrences(of: "  year-end-review: \"{year}\"", with: "  year-end: \"{year}\"")
        }
        guard case .unknownKey(_, "periods.year-end", _)? = badKind else {
            Issue.record("no unknown-key error for a period of an unknown kind: \(String(describing: badKind))")
            return
        }
    }

    @Test func foldingTreatsVariantsAlike() {
        #expect(FoldedText.fold("Đảng uỷ") == FoldedText.fold("đảng ủy"))
        #expect(FoldedText.fold("Hoá học") == FoldedText.fold("hóa học"))
        #expect(FoldedText.fold("Phòng không – Không quân") == FoldedText.fold("phòng không-không quân"))
        #expect(FoldedText.fold("Hòa bình".decomposedStringWithCanonicalMapping) == FoldedText.fold("hoà bình"))
    }

    @Test func extractorIsSafeAcrossThreads() async {
        let extractor = ExtractTestSupport.extractor
        let text = "Chiều 11-7, Đảng ủy Sư đoàn 5 tổ chức hội nghị quán triệt nghị quyết."
        let results = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<16 { group.addTask { extractor.extract(Article(source: "t", text: text)).first?.unit.name } }
            var all: [String?] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.allSatisfy { $0 == "Sư đoàn 5" })
    }
}
