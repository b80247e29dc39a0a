import Foundation
import Testing
#if canImport(FoundationXML)
    import FoundationXML
#endif
@testable import ChronicleKit

/// Hostile and broken inputs, end to end through `ChronicleRun`: each gives a problem entry
/// (or is handled correctly), the other articles' results do not change, reports are written,
/// and nothing from outside the inputs reaches a report or the store.
@Suite struct BadInputTests {
    static let good = [
        ("good/a.txt", "url: https://example.vn/a\nevent: 2022-12-26 | Quân đoàn 1 | year-end-review\n"),
        ("good/b.txt", "url: https://example.vn/b\nevent: 2023-06-20 | Tổng cục Kỹ thuật | mid-year-review\n"),
    ]

    /// Runs once with the good articles only, then with `bad` added; returns the second summary.
    private func runWith(_ bad: [(String, Data)], in box: Sandbox) throws -> (baseline: EventList, summary: RunSummary) {
        for (name, text) in Self.good { try box.write(name, text) }
        let baseline = try box.run().fullChronology().events
        for (name, data) in bad { try box.write(name, data) }
        let summary = try box.run()
        let goodSources = Set(baseline.flatMap(\.sources).map(\.source))
        let goodNow = try summary.fullChronology().events.filter { $0.sources.contains { goodSources.contains($0.source) } }
        #expect(goodNow == baseline, "other articles' results are unchanged")
        #expect(FileManager.default.fileExists(atPath: box.output.appendingPathComponent("chronology.md").path))
        let again = try box.run()
        #expect(again.unchanged >= Self.good.count, "what the store knew is kept")
        try checkReportsWellFormed(box)
        return (baseline, summary)
    }

    /// What must hold of any report set: no NUL bytes, XML parseable, CSV cells not formulas.
    private func checkReportsWellFormed(_ box: Sandbox) throws {
        for (name, data) in try box.reports() {
            #expect(!data.contains(0), "\(name) carries a NUL byte")
            if name.hasSuffix(".xml") || name.hasSuffix(".svg") {
                #expect(XMLParser(data: data).parse(), "\(name) is not well-formed XML")
            }
            if name.hasSuffix(".csv") {
                let text = String(decoding: data, as: UTF8.self)
                for line in text.split(whereSeparator: \.isNewline) {
                    for cell in line.split(separator: ",") {
                        let bare = cell.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                        #expect(!["=", "+", "@"].contains(bare.first.map(String.init) ?? ""), "\(name): formula cell \(cell)")
                    }
                }
            }
        }
    }

    private func problem(_ summary: RunSummary, _ suffix: String) -> ArticleProblem? {
        summary.problems.first { $0.source.hasSuffix(suffix) }
    }

    @Test func binaryFile() throws {
        let box = try Sandbox()
        let bytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let (_, summary) = try runWith([("bin/photo.txt", bytes)], in: box)
        #expect(problem(summary, "photo.txt") != nil)
    }

    @Test func invalidUTF8AndUTF16() throws {
        let box = try Sandbox()
        var invalid = Data("event: 2022-05-05 | Quân đoàn 2 | party-congress\nĐảng ủy ".utf8)
        invalid.append(contentsOf: [0xFF, 0xC3, 0x28])
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("event: 2022-05-06 | Quân đoàn 2 | committee-meeting\n".data(using: .utf16LittleEndian)!)
        let (_, summary) = try runWith([("enc/latin.txt", invalid), ("enc/utf16.txt", utf16)], in: box)
        // Either the loader decodes them (and the event is read) or says why it could not.
        let ids = Set(try summary.fullChronology().events.map(\.id))
        #expect(problem(summary, "latin.txt") != nil || ids.contains("2022-05-05-quan-doan-2-party-congress"))
        #expect(problem(summary, "utf16.txt") != nil || ids.contains("2022-05-06-quan-doan-2-committee-meeting"))
    }

    @Test func controlCharactersAndNUL() throws {
        let box = try Sandbox()
        let text = "event: 2022-05-07 | Quân đoàn 2 | party-congress\n\u{0}\u{7}\u{1B}[31mchữ đỏ\u{1B}[0m\u{8}\u{0}\n"
        let (_, summary) = try runWith([("ctl/control.txt", Data(text.utf8))], in: box)
        #expect(
            try summary.fullChronology().events.contains { $0.id == "2022-05-07-quan-doan-2-party-congress" }
                || problem(summary, "control.txt") != nil)
    }

    @Test func deeplyNestedHTML() throws {
        let box = try Sandbox()
        let html =
            "<html><body>" + String(repeating: "<div>", count: 10_000) + "Tin bài"
            + String(repeating: "</div>", count: 10_000) + "</body></html>"
        let (_, summary) = try runWith([("html/deep.html", Data(html.utf8))], in: box)
        #expect(summary.articles >= 3)
    }

    @Test func externalEntityNeverLeaks() throws {
        let box = try Sandbox()
        let secret = box.root.appendingPathComponent("secret.txt")
        try "TOPSECRET-7f3a9c".write(to: secret, atomically: true, encoding: .utf8)
        let html = """
            <?xml version="1.0"?>
            <!DOCTYPE html [<!ENTITY xxe SYSTEM "file://\(secret.path)">]>
            <html><head><title>&xxe;</title></head><body>
            <p>event: 2022-05-08 | &xxe; | party-congress</p><p>&xxe;</p>
            </body></html>
            """
        let (_, summary) = try runWith([("html/xxe.html", Data(html.utf8))], in: box)
        for (name, data) in try box.reports() {
            #expect(!String(decoding: data, as: UTF8.self).contains("TOPSECRET"), "\(name) leaks a local file")
        }
        for row in try box.store().articles().values { #expect(!row.recordsJSON.contains("TOPSECRET")) }
        #expect(!summary.problems.contains { $0.reason.contains("TOPSECRET") })
    }

    @Test func entityExpansionBomb() throws {
        let box = try Sandbox()
        var entities = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 { entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">" }
        let html = "<?xml version=\"1.0\"?><!DOCTYPE html [\(entities)]><html><body><p>&lol9;</p></body></html>"
        let started = Date()
        _ = try runWith([("html/bomb.html", Data(html.utf8))], in: box)
        #expect(Date().timeIntervalSince(started) < 30)
        for (name, data) in try box.reports() {
            #expect(data.count < 1_000_000, "\(name) grew from an entity bomb")
            #expect(!String(decoding: data, as: UTF8.self).contains("lollollollol"))
        }
    }

    @Test func formulaCDATAAndMarkupInText() throws {
        let box = try Sandbox()
        let text = """
            event: 2022-05-09 | Quân đoàn 1 | committee-meeting | =HYPERLINK("http://x.invalid","bấm") ]]> <script>&amp; & <
            event: 2022-05-10 | Quân đoàn 2 | other-meeting | +SUM(A1:A9) @cmd -1 "trích" , dấu phẩy
            """
        let (_, summary) = try runWith([("odd/formula.txt", Data(text.utf8))], in: box)
        #expect(try summary.fullChronology().events.contains { $0.event.title.hasPrefix("=HYPERLINK") })
    }

    @Test func awkwardFileNames() throws {
        let box = try Sandbox()
        let names = [
            "names/with space.txt", "names/comma,name.txt", "names/quote\"d'.txt", "names/new\nline.txt", "names/Hội nghị Đảng ủy.txt",
        ]
        let files = names.enumerated().map { index, name in
            (name, Data("event: 2022-0\(index + 1)-15 | Quân đoàn 2 | committee-meeting\n".utf8))
        }
        let (_, summary) = try runWith(files, in: box)
        for index in names.indices {
            #expect(try summary.fullChronology().events.contains { $0.id == "2022-0\(index + 1)-15-quan-doan-2-committee-meeting" })
        }
        let sources = Set(try summary.fullChronology().events.flatMap(\.sources).map(\.source))
        for name in names { #expect(sources.contains { $0.hasSuffix(name) }) }
        #expect(try box.run().extracted == 0, "odd names are stable store keys")
    }

    @Test
    func emptyFileIsAProblem() throws {
        let box = try Sandbox()
        let (_, summary) = try runWith([("empty/empty.txt", Data())], in: box)
        #expect(problem(summary, "empty.txt") != nil)
    }

    @Test
    func oversizeFileIsAProblem() throws {
        let box = try Sandbox()
        let line = Data("Đảng ủy Quân đoàn 1 tổ chức hội nghị; tin bài rất dài.\n".utf8)
        var big = Data()
        while big.count < 20 * 1024 * 1024 { big.append(line) }
        let (_, summary) = try runWith([("big/huge.txt", big)], in: box)
        #expect(problem(summary, "huge.txt") != nil)
    }
}
