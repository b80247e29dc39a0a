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
