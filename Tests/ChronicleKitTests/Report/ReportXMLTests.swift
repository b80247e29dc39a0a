import CLibXML2
import Foundation
import Testing
@testable import ChronicleKit

@Suite struct ReportXMLTests {
    /// Evaluates an XPath expression to a string.
    func string(_ expression: String, _ context: xmlXPathContextPtr) -> String {
        guard let result = xmlXPathEvalExpression(expression, context) else { return "" }
        defer { xmlXPathFreeObject(result) }
        guard let text = xmlXPathCastToString(result) else { return "" }
        // xmlFree is a global function pointer (not concurrency-safe to reference in Swift 6); libc free is what it points to.
        defer { free(text) }
        return String(cString: text)
    }

    @Test func theSchemaRefusesAnIdTwiceAndListsUnmatchedCorrectionsApart() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        var input = ReportSample.input
        input.problems.append(
            ArticleProblem(
                source: "config/corrections.yml", reason: "corrections[0] (id x): matches no article or event (check the id or url)",
                correction: ArticleProblem.CorrectionReference(key: "corrections[0]", target: "id x")))
        try ReportWriter(config: ReportSample.config(output: output, formats: [.xml])).write(input)
        let xml = try String(contentsOf: output.appendingPathComponent("chronology.xml"), encoding: .utf8)
        #expect(xml.contains(#"<correction file="config/corrections.yml" key="corrections[0]" target="id x"/>"#))
        #expect(xml.contains(#"problems="3""#), "the overview counts the articles' problems only")

        // An undated event given the id of a dated one: the document no longer validates.
        var twice = ReportSample.input
        twice.chronology.undated[0].id = twice.chronology.events[0].id
        let other = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(throws: (any Error).self) { try ReportWriter(config: ReportSample.config(output: other, formats: [.xml])).write(twice) }
    }

    /// A warning is a `problem` with `severity="warning"`, which the schema allows.
    @Test func aWarningIsAProblemOfSeverityWarning() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        var input = ReportSample.input
        let reason = #"published "2022.5" is not a date I can read; the year was resolved from the article's text"#
        input.problems.append(ArticleProblem(source: "export.jsonl:2", reason: reason))
        try ReportWriter(config: ReportSample.config(output: output, formats: [.xml])).write(input)
        let xml = try String(contentsOf: output.appendingPathComponent("chronology.xml"), encoding: .utf8)
        let escaped = reason.replacingOccurrences(of: "\"", with: "&quot;")
        #expect(xml.contains(#"source="export.jsonl:2" reason="\#(escaped)" severity="warning"/>"#))
        #expect(xml.components(separatedBy: "severity=").count == 2, "only the warning is marked")
    }

    @Test func xmlValidatesAndRoundTripsTheFields() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let input = ReportSample.input
        try ReportWriter(config: ReportSample.config(output: output, formats: [.xml])).write(input)
        let xmlURL = output.appendingPathComponent("chronology.xml")
        #expect(ReportSample.files(in: output) == ["chronology.xml", "chronology.xsd"])
        #expect(try String(contentsOf: output.appendingPathComponent("chronology.xsd"), encoding: .utf8) == ChronologySchema.xsd)
        // Validates (again, independently of the writer's own check).
        try XMLReport.validate(file: xmlURL, reportedAs: xmlURL.path)

        let doc = try #require(xmlReadFile(xmlURL.path, "UTF-8", Int32(XML_PARSE_NONET.rawValue)))
        defer { xmlFreeDoc(doc) }
        let context = try #require(xmlXPathNewContext(doc))
        defer { xmlXPathFreeContext(context) }
        #expect(string("string(/chronology/@*[local-name()='noNamespaceSchemaLocation'])", context) == "chronology.xsd")
        #expect(string("count(/chronology/units/unit/year/event)", context) == String(input.chronology.events.count))
        #expect(string("count(/chronology/undated/event)", context) == String(input.chronology.undated.count))
        #expect(string("count(/chronology/problems/problem)", context) == String(input.problems.count))
        #expect(string("sum(/chronology/summary/by-year/year/@count)", context) == String(input.chronology.events.count))

        for item in input.chronology.events + input.chronology.undated {
            let e = "//event[@id='\(item.id)']"
            let event = item.event
            #expect(string("count(\(e))", context) == "1")
            #expect(string("string(\(e)/@kind)", context) == event.kind.rawValue)
            #expect(string("string(\(e)/@corrected)", context) == String(item.corrected))
            #expect(string("string(\(e)/@first-seen)", context) == input.firstSeen(item.id).description)
            #expect(string("string(\(e)/date/@value)", context) == (event.date.value?.description ?? ""))
            #expect(string("string(\(e)/date/@precision)", context) == (event.date.precision?.rawValue ?? ""))
            let range = event.date.value.map(ReportFields.dayRange)
            #expect(string("string(\(e)/date/@year)", context) == (event.date.value.map { String($0.year) } ?? ""))
            #expect(string("string(\(e)/date/@month)", context) == (event.date.value?.month.map { String($0) } ?? ""))
            #expect(string("string(\(e)/date/@start)", context) == (range?.start.description ?? ""))
            #expect(string("string(\(e)/date/@end)", context) == (range?.end.description ?? ""))
            #expect(string("string(\(e)/date/@part-of-day)", context) == (event.date.partOfDay?.rawValue ?? ""))
            #expect(string("string(\(e)/date/@basis)", context) == event.date.basis.rawValue)
            #expect(string("string(\(e)/date/evidence)", context) == ReportText.clean(event.date.evidence ?? ""))
            #expect(string("string(\(e)/unit/@id)", context) == event.unit.id)
            #expect(string("string(\(e)/unit/@name)", context) == event.unit.name)
            #expect(string("string(\(e)/unit/@mention)", context) == event.unit.mention)
            #expect(string("string(\(e)/organizer)", context) == (event.organizer ?? ""))
            #expect(string("string(\(e)/title)", context) == ReportText.clean(event.title))
            #expect(string("string(\(e)/period)", context) == (event.period ?? ""))
            #expect(string("string(\(e)/chair/@name)", context) == (event.chair?.name ?? ""))
            #expect(string("string(\(e)/chair/@rank)", context) == (event.chair?.rank ?? ""))
            #expect(string("count(\(e)/chair/position)", context) == String(event.chair?.positions.count ?? 0))
            #expect(string("count(\(e)/people/person)", context) == String(event.people.count))
            for (index, person) in event.people.enumerated() {
                #expect(string("string(\(e)/people/person[\(index + 1)]/@name)", context) == person.name)
                #expect(string("string(\(e)/people/person[\(index + 1)]/@role)", context) == person.role.rawValue)
            }
            #expect(string("count(\(e)/documents/document)", context) == String(event.documents.count))
            for (index, document) in event.documents.enumerated() {
                let d = "\(e)/documents/document[\(index + 1)]"
                #expect(string("string(\(d)/@code)", context) == document.code)
                #expect(string("string(\(d)/@type)", context) == document.type)
                #expect(string("string(\(d)/@number)", context) == (document.number ?? ""))
                #expect(string("string(\(d)/@date)", context) == (document.date?.description ?? ""))
            }
            #expect(string("count(\(e)/credits/credit)", context) == String(event.credits.count))
            #expect(string("count(\(e)/sources/source)", context) == String(item.sources.count))
            for (index, source) in item.sources.enumerated() {
                #expect(string("string(\(e)/sources/source[\(index + 1)]/@path)", context) == source.source)
                #expect(string("string(\(e)/sources/source[\(index + 1)]/@url)", context) == (source.url ?? ""))
            }
        }
        // Markup-like text survives as text; the control characters are gone.
        let raw = try String(contentsOf: xmlURL, encoding: .utf8)
        #expect(raw.contains("&lt;trong sạch&gt; &amp; vững mạnh&quot; ]]&gt;"))
        #expect(!raw.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        // A month spans its days; a year has no month.
        #expect(
            raw.contains("<date value=\"2023-03\" precision=\"month\" year=\"2023\" month=\"3\" start=\"2023-03-01\" end=\"2023-03-31\""))
        #expect(raw.contains("<date value=\"2022\" precision=\"year\" year=\"2022\" start=\"2022-01-01\" end=\"2022-12-31\""))
    }

    @Test func schemaRejectsAnInvalidDocument() throws {
        let directory = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.xml")
        try Data("<chronology updated=\"yesterday\" language=\"fr\"><window/></chronology>".utf8).write(to: file)
        #expect(throws: ReportError.self) { try XMLReport.validate(file: file, reportedAs: file.path) }
        try Data("<chronology".utf8).write(to: file)
        #expect(throws: ReportError.self) { try XMLReport.validate(file: file, reportedAs: file.path) }
    }
}
