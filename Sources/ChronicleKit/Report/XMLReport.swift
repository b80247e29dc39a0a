import CLibXML2
import Foundation

/// Writes `chronology.xml` (units → years → events, then undated events and problems, with the
/// summary by unit and by year) with libxml2's xmlTextWriter, and `chronology.xsd` beside it.
///
/// The writer's memory buffer is drained into the file sink as it fills, so the document is
/// never held whole as a String. After writing, the file is parsed back (no network, no entity
/// substitution) and validated against the embedded schema; a document that does not validate
/// is a bug and fails the run before anything is renamed into place.
struct XMLReport {
    let input: ReportInput
    let summary: ReportSummary
    let templates: ReportTemplates
    let language: ReportLanguage
    let plan: ReportPlan
    /// The last run's event elements (`RowCache`), refreshed when `chronology.xml` is written;
    /// nil: none kept.
    var rowCache: URL?

    func write(into staging: ReportStaging) throws {
        if plan.needs(ChronologySchema.fileName) {
            let schema = try staging.open(ChronologySchema.fileName)
            try schema.write(ChronologySchema.xsd)
        }
        guard plan.needs("chronology.xml") else { return }
        let sink = try staging.open("chronology.xml")
        let cache = RowCache.Update(url: rowCache, base: RowCache.base("xml", templates: templates) { $0.add(ChronologySchema.xsd) })
        // With cached elements to take, what is new is copied aside to be validated (`ValidationCopy`).
        let copy = cache.hasRows ? try ValidationCopy(directory: staging.root) : nil
        do {
            try writeDocument(into: sink, cache: cache, copy: copy)
        } catch {
            cache.abandon()
            throw error
        }
        try sink.finish(sync: false)  // synced with the other reports before the renames
        do {
            if let copy, copy.leftOut > 0 {
                try copy.validate(reportedAs: sink.url.path)
                try Self.checkUniqueIDs(input.chronology, path: sink.url.path)
            } else {
                try Self.validate(file: sink.temporaryURL, reportedAs: sink.url.path)
            }
        } catch {
            cache.abandon()
            throw error
        }
        cache.finish()
    }

    // MARK: Writing

    private func writeDocument(into sink: AtomicFileSink, cache: RowCache.Update, copy: ValidationCopy?) throws {
        let path = sink.url.path
        guard let buffer = xmlBufferCreate() else { throw ReportError.xmlFailure(path: path, reason: "out of memory") }
        defer { xmlBufferFree(buffer) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            throw ReportError.xmlFailure(path: path, reason: "cannot create the XML writer")
        }
        defer { xmlFreeTextWriter(writer) }
        var w = Writer(writer: writer, buffer: buffer, sink: sink, path: path, copy: copy)
        xmlTextWriterSetIndent(writer, 1)
        try w.check(xmlTextWriterSetIndentString(writer, "  "))
        try w.check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))

        try w.start("chronology")
        try writeHeader(&w)
        try writeSummary(&w)
        // The units and undated sections are assembled from event elements (cached or written
        // alone) and go to the file directly, between elements the writer writes.
        try w.drain(force: true)
        try writeUnits(into: sink, cache: cache, copy: copy)
        try writeUndated(into: sink, cache: cache, copy: copy)

        try w.start("problems")
        for problem in input.problems.sorted() where problem.correction == nil {
            try w.start("problem")
            try w.attribute("source", problem.source)
            try w.attribute("reason", problem.reason)
            if problem.isWarning { try w.attribute("severity", "warning") }
            try w.end()
        }
        try w.end()
        try writeUnmatchedCorrections(&w)

        try w.end()
        try w.check(xmlTextWriterEndDocument(writer))
        try w.drain(force: true)
    }

    /// The root element's attributes, the window and the overview counts.
    private func writeHeader(_ w: inout Writer) throws {
        let chronology = input.chronology
        try w.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        try w.attribute("xsi:noNamespaceSchemaLocation", ChronologySchema.fileName)
        // Written again only when its content changes: `updated` is the date of that change.
        try w.attribute("updated", input.asOf.description)
        try w.attribute("language", language.rawValue)

        try w.start("window")
        try w.attribute("from", chronology.window.from.description)
        try w.attribute("to", chronology.window.to.description)
        try w.end()

        try w.start("overview")
        try w.attribute("events", String(chronology.events.count))
        try w.attribute("units", String(summary.units.count))
        try w.attribute("undated", String(chronology.undated.count))
        try w.attribute("outside-window", String(chronology.outsideWindow))
        try w.attribute("articles-read", String(input.articlesRead))
        try w.attribute("files-skipped", String(input.filesSkipped))
        try w.attribute("problems", String(input.problems.filter { $0.correction == nil }.count))
        try w.end()
    }

    /// The dated events by unit, then by year, as libxml2's writer indents them (two spaces a
    /// level): each event's element taken from the last run's cache when it has it, else written
    /// alone (`EventElements`); the unit and year tags written here. `copy` gets the same
    /// without the cached elements, and without the years and units left with none.
    private func writeUnits(into sink: AtomicFileSink, cache: RowCache.Update, copy: ValidationCopy?) throws {
        let chronology = input.chronology
        guard !summary.units.isEmpty else {
            try sink.write("  <units/>\n")
            try copy?.append(Array("  <units/>\n".utf8))
            return
        }
        let elements = try EventElements(path: sink.url.path) { item, w in try writeEvent(item, &w) }
        var out = Array("  <units>\n".utf8)
        try copy?.append(out)
        for (position, unit) in summary.units.enumerated() {
            let unitStart = Array("    <unit id=\"\(Self.attribute(unit.id))\" name=\"\(Self.attribute(unit.name))\">\n".utf8)
            out += unitStart
            // The copy's unit and year tags are written with their first new element.
            var unitCopied = false
            let events = summary.eventsByUnit[position]
            var start = 0
            while start < events.count {
                let year = chronology.events.heads[events[start]].date!.year
                let yearStart = Array("      <year value=\"\(year)\">\n".utf8)
                out += yearStart
                var yearCopied = false
                while start < events.count && chronology.events.heads[events[start]].date!.year == year {
                    let index = events[start]
                    let key = input.rowKey(chronology.events, index), taken = cache.cached(key)
                    let element = try taken ?? cache.keep(key, made: elements.element(chronology.events[index]))
                    let cached = taken != nil
                    out += element
                    if let copy {
                        if cached {
                            copy.leftOut += 1
                        } else {
                            if !unitCopied { try copy.append(unitStart) }
                            if !yearCopied { try copy.append(yearStart) }
                            (unitCopied, yearCopied) = (true, true)
                            try copy.append(element)
                        }
                    }
                    start += 1
                }
                out += Self.yearEnd
                if yearCopied { try copy?.append(Self.yearEnd) }
            }
            out += Self.unitEnd
            if unitCopied { try copy?.append(Self.unitEnd) }
            if out.count >= 1 << 16 { try Self.flush(&out, to: sink) }
        }
        out += Array("  </units>\n".utf8)
        try Self.flush(&out, to: sink)
        try copy?.append(Array("  </units>\n".utf8))
    }

    /// The undated events as libxml2's writer writes them inside `chronology/undated`, each
    /// element taken from the last run's cache when it has it (under its own key: its
    /// indentation is not a dated element's). An archive of real articles has about as many
    /// undated meetings as dated ones, each with its sources. `copy` gets the section without
    /// the cached elements (an `undated` element with none is valid).
    private func writeUndated(into sink: AtomicFileSink, cache: RowCache.Update, copy: ValidationCopy?) throws {
        let undated = input.chronology.undated
        guard !undated.isEmpty else {
            try sink.write("  <undated/>\n")
            try copy?.append(Array("  <undated/>\n".utf8))
            return
        }
        let elements = try EventElements(path: sink.url.path, within: ["chronology", "undated"]) { item, w in try writeEvent(item, &w) }
        var out = Array("  <undated>\n".utf8)
        try copy?.append(out)
        for index in undated.indices {
            let key = RowCache.key {
                $0.add(input.rowKey(undated, index))
                $0.add("undated")
            }
            let taken = cache.cached(key)
            let element = try taken ?? cache.keep(key, made: elements.element(undated[index]))
            let cached = taken != nil
            out += element
            if let copy {
                if cached { copy.leftOut += 1 } else { try copy.append(element) }
            }
            if out.count >= 1 << 16 { try Self.flush(&out, to: sink) }
        }
        out += Array("  </undated>\n".utf8)
        try Self.flush(&out, to: sink)
        try copy?.append(Array("  </undated>\n".utf8))
    }

    /// Writes what a section assembled so far and empties it.
    private static func flush(_ out: inout [UInt8], to sink: AtomicFileSink) throws {
        try out.withUnsafeBytes { try sink.write(bytes: $0) }
        out.removeAll(keepingCapacity: true)
    }

    private static let yearEnd = Array("      </year>\n".utf8)
    private static let unitEnd = Array("    </unit>\n".utf8)

    /// What the schema's `eventID` constraint checks, over every event of the document: needed
    /// when the validated copy leaves cached elements out.
    static func checkUniqueIDs(_ chronology: Chronology, path: String) throws {
        var seen = Set<String>()
        for list in [chronology.events, chronology.undated] {
            for head in list.heads where !seen.insert(head.id).inserted {
                throw ReportError.invalidXML(path: path, reason: "the event id \"\(head.id)\" is given to two events")
            }
        }
    }

    /// An attribute value as libxml2's writer escapes it in a UTF-8 document (`&`, `<`, `>`, `"`
    /// and the whitespace controls), after `ReportText.clean`; a test checks it against libxml2.
    static func attribute(_ value: String) -> String {
        var out = ""
        for scalar in ReportText.clean(value).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Corrections that match nothing, when there are any: a section of their own, not problems
    /// of articles.
    private func writeUnmatchedCorrections(_ w: inout Writer) throws {
        let unmatched = input.problems.sorted().filter { $0.correction != nil }
        guard !unmatched.isEmpty else { return }
        try w.start("unmatched-corrections")
        for problem in unmatched {
            try w.start("correction")
            try w.attribute("file", problem.source)
            try w.attribute("key", problem.correction!.key)
            try w.attribute("target", problem.correction!.target)
            try w.end()
        }
        try w.end()
    }

    private func writeSummary(_ w: inout Writer) throws {
        try w.start("summary")
        try w.start("by-unit")
        var index = 0
        let counts = summary.counts
        while index < counts.count {
            let unit = counts[index].unit
            var end = index
            while end < counts.count && counts[end].unit.id == unit.id { end += 1 }
            try w.start("unit")
            try w.attribute("id", unit.id)
            try w.attribute("name", unit.name)
            try w.attribute("count", String(counts[index..<end].reduce(0) { $0 + $1.count }))
            var yearStart = index
            while yearStart < end {
                let year = counts[yearStart].year
                var yearEnd = yearStart
                while yearEnd < end && counts[yearEnd].year == year { yearEnd += 1 }
                try w.start("year")
                try w.attribute("value", String(year))
                try w.attribute("count", String(counts[yearStart..<yearEnd].reduce(0) { $0 + $1.count }))
                for count in counts[yearStart..<yearEnd] { try kindCount(count.kind, count.count, &w) }
                try w.end()
                yearStart = yearEnd
            }
            try w.end()
            index = end
        }
        try w.end()

        try w.start("by-year")
        for year in summary.years {
            var byKind = [Int](repeating: 0, count: EventKind.allCases.count)
            for count in counts where count.year == year { byKind[EventKind.allCases.firstIndex(of: count.kind)!] += count.count }
            try w.start("year")
            try w.attribute("value", String(year))
            try w.attribute("count", String(byKind.reduce(0, +)))
            for (k, kind) in EventKind.allCases.enumerated() where byKind[k] > 0 { try kindCount(kind, byKind[k], &w) }
            try w.end()
        }
        try w.end()
        try w.end()
    }

    private func kindCount(_ kind: EventKind, _ count: Int, _ w: inout Writer) throws {
        try w.start("kind")
        try w.attribute("id", kind.rawValue)
        try w.attribute("label", templates.kind(kind))
        try w.attribute("count", String(count))
        try w.end()
    }

    private func writeEvent(_ item: ChronologyEvent, _ w: inout Writer) throws {
        let event = item.event
        try w.start("event")
        try w.attribute("id", item.id)
        try w.attribute("kind", event.kind.rawValue)
        try w.attribute("kind-label", templates.kind(event.kind))
        try w.attribute("corrected", item.corrected ? "true" : "false")
        try w.attribute("first-seen", input.firstSeen(item.id).description)

        try w.start("date")
        if let value = event.date.value {
            try w.attribute("value", value.description)
            try w.attribute("precision", value.precision.rawValue)
            // The year and month as numbers, and the first and last day the date covers.
            let range = ReportFields.dayRange(value)
            try w.attribute("year", String(value.year))
            if let month = value.month { try w.attribute("month", String(month)) }
            try w.attribute("start", range.start.description)
            try w.attribute("end", range.end.description)
        }
        if let part = event.date.partOfDay { try w.attribute("part-of-day", part.rawValue) }
        try w.attribute("basis", event.date.basis.rawValue)
        if let evidence = event.date.evidence { try w.element("evidence", evidence) }
        try w.end()

        try w.start("unit")
        try w.attribute("id", event.unit.id)
        try w.attribute("name", event.unit.name)
        try w.attribute("mention", event.unit.mention)
        try w.end()

        if let organizer = event.organizer { try w.element("organizer", organizer) }
        try w.element("title", event.title)
        if let period = event.period { try w.element("period", period) }
        if let chair = event.chair { try person("chair", chair, role: false, &w) }

        try w.start("people")
        for person in event.people { try self.person("person", person, role: true, &w) }
        try w.end()

        try w.start("documents")
        for document in event.documents {
            try w.start("document")
            try w.attribute("code", document.code)
            try w.attribute("type", document.type)
            if let number = document.number { try w.attribute("number", number) }
            if let issuer = document.issuer { try w.attribute("issuer", issuer) }
            if let date = document.date { try w.attribute("date", date.description) }
            try w.end()
        }
        try w.end()

        try w.start("credits")
        for credit in event.credits { try w.element("credit", credit) }
        try w.end()

        try w.start("sources")
        for source in item.sources {
            try w.start("source")
            try w.attribute("path", source.source)
            if let url = source.url { try w.attribute("url", url) }
            if let title = source.title { try w.attribute("title", title) }
            try w.end()
        }
        try w.end()
        try w.end()
        try w.drain()
    }

    private func person(_ name: String, _ person: Person, role: Bool, _ w: inout Writer) throws {
        try w.start(name)
        if let rank = person.rank { try w.attribute("rank", rank) }
        try w.attribute("name", person.name)
        if role { try w.attribute("role", person.role.rawValue) }
        for position in person.positions { try w.element("position", position) }
        try w.end()
    }

    /// Thin checked wrapper over xmlTextWriter calls; text passes through `ReportText.clean`
    /// (characters XML 1.0 forbids removed) and libxml2 escapes the rest. `EventElements` writes
    /// with one too.
    struct Writer {
        let writer: xmlTextWriterPtr
        let buffer: xmlBufferPtr
        /// Where `drain` moves the output; nil for a writer whose buffer its owner empties.
        let sink: AtomicFileSink?
        let path: String
        /// Where `drain` copies the output too (what a night validates).
        var copy: ValidationCopy? = nil

        func check(_ status: Int32) throws {
            if status < 0 { throw ReportError.xmlFailure(path: path, reason: "libxml2 xmlTextWriter failed") }
        }

        func start(_ name: String) throws { try check(xmlTextWriterStartElement(writer, name)) }
        func end() throws { try check(xmlTextWriterEndElement(writer)) }
        func attribute(_ name: String, _ value: String) throws {
            try check(xmlTextWriterWriteAttribute(writer, name, ReportText.clean(value)))
        }
        func element(_ name: String, _ text: String) throws {
            try check(xmlTextWriterWriteElement(writer, name, ReportText.clean(text)))
        }

        /// Moves what the writer has produced into the file once the buffer is large.
        func drain(force: Bool = false) throws {
            guard let sink, force || xmlBufferLength(buffer) >= 1 << 16 else { return }
            try check(xmlTextWriterFlush(writer))
            let length = Int(xmlBufferLength(buffer))
            if length > 0, let content = xmlBufferContent(buffer) {
                let bytes = UnsafeRawBufferPointer(start: content, count: length)
                try sink.write(bytes: bytes)
                try copy?.append(bytes)
            }
            xmlBufferEmpty(buffer)
        }
    }

    // MARK: Validation

    /// Reads the written file back and validates it against the embedded schema, streaming:
    /// libxml2's xmlTextReader validates node by node, so memory stays flat however large the
    /// chronology (building the whole tree first cost ten times the file's size).
    static func validate(file: URL, reportedAs path: String) throws {
        try validate(reportedAs: path) { options in xmlReaderForFile(file.path, "UTF-8", options) }
    }

    /// The same for a document read from an open descriptor, from where it stands to its end.
    static func validate(descriptor: Int32, reportedAs path: String) throws {
        try validate(reportedAs: path) { options in xmlReaderForFd(descriptor, nil, "UTF-8", options) }
    }

    private static func validate(reportedAs path: String, reader open: (Int32) -> xmlTextReaderPtr?) throws {
        let schema = try Self.schema(path: path)
        defer { xmlSchemaFree(schema) }
        // No network, no entity substitution (XML_PARSE_NOENT is not set), errors collected instead of printed.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_HUGE.rawValue)
        guard let context = xmlSchemaNewValidCtxt(schema) else { throw ReportError.xmlFailure(path: path, reason: "out of memory") }
        defer { xmlSchemaFreeValidCtxt(context) }
        // Freed before the validation context it uses (defers run in reverse).
        guard let reader = open(options) else {
            throw ReportError.xmlFailure(path: path, reason: "cannot read the written file back")
        }
        defer { xmlFreeTextReader(reader) }
        let parseErrors = ErrorCollector()
        let validityErrors = ErrorCollector()
        let parseBox = Unmanaged.passRetained(parseErrors)
        defer { parseBox.release() }
        let validityBox = Unmanaged.passRetained(validityErrors)
        defer { validityBox.release() }
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { userData, error in
                guard let userData, let error else { return }
                Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue().add(error)
            }, parseBox.toOpaque())
        xmlSchemaSetValidStructuredErrors(
            context,
            { userData, error in
                guard let userData, let error else { return }
                Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue().add(error)
            }, validityBox.toOpaque())
        guard xmlTextReaderSchemaValidateCtxt(reader, context, 0) == 0 else {
            throw ReportError.xmlFailure(path: path, reason: "cannot start schema validation")
        }
        var status: Int32 = 1
        while status == 1 { status = xmlTextReaderRead(reader) }
        if status < 0 && validityErrors.messages.isEmpty {
            let reason = parseErrors.messages.first ?? "unknown error"
            throw ReportError.invalidXML(path: path, reason: "not well-formed: \(reason)")
        }
        if status < 0 || xmlTextReaderIsValid(reader) != 1 || !validityErrors.messages.isEmpty {
            let reason = validityErrors.messages.prefix(5).joined(separator: "; ")
            throw ReportError.invalidXML(path: path, reason: reason.isEmpty ? "validation failed" : reason)
        }
    }

    /// Parses the embedded XSD.
    static func schema(path: String) throws -> xmlSchemaPtr {
        let bytes = Array(ChronologySchema.xsd.utf8)
        let parsed: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { raw in
            raw.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) { pointer in
                guard let parser = xmlSchemaNewMemParserCtxt(pointer, Int32(raw.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(parser) }
                let collector = ErrorCollector()
                let unmanaged = Unmanaged.passRetained(collector)
                defer { unmanaged.release() }
                xmlSchemaSetParserStructuredErrors(
                    parser,
                    { userData, error in
                        guard let userData, let error else { return }
                        Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue().add(error)
                    }, unmanaged.toOpaque())
                return xmlSchemaParse(parser)
            }
        }
        guard let parsed else { throw ReportError.xmlFailure(path: path, reason: "the embedded schema does not parse") }
        return parsed
    }

    private static func lastError(_ error: xmlErrorPtr?) -> String {
        guard let error else { return "unknown error" }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        return "line \(error.pointee.line): \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
    }

    /// Collects libxml2's structured error messages (instead of letting them go to stderr).
    final class ErrorCollector {
        var messages: [String] = []

        func add(_ error: xmlErrorPtr) {
            messages.append(XMLReport.lastError(error))
        }
    }
}
