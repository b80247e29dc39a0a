import CLibXML2
import Foundation

extension XMLReport {
    /// Writes one event's element at a time, as the document's writer would write it inside
    /// `chronology/units/unit/year` (a dated event) or `chronology/undated`: a writer of its
    /// own, kept open at that depth, whose buffer is taken and emptied after each element. Its
    /// bytes are those of the document (the same libxml2 writer, settings and indentation),
    /// which the golden tests check.
    final class EventElements {
        private let buffer: xmlBufferPtr
        private let writer: xmlTextWriterPtr
        private var w: Writer
        private let write: (ChronologyEvent, inout Writer) throws -> Void

        init(
            path: String, within parents: [String] = ["chronology", "units", "unit", "year"],
            write: @escaping (ChronologyEvent, inout Writer) throws -> Void
        ) throws {
            guard let buffer = xmlBufferCreate() else { throw ReportError.xmlFailure(path: path, reason: "out of memory") }
            guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
                xmlBufferFree(buffer)
                throw ReportError.xmlFailure(path: path, reason: "cannot create the XML writer")
            }
            self.buffer = buffer
            self.writer = writer
            self.write = write
            w = Writer(writer: writer, buffer: buffer, sink: nil, path: path)
            xmlTextWriterSetIndent(writer, 1)
            try w.check(xmlTextWriterSetIndentString(writer, "  "))
            try w.check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
            for name in parents { try w.start(name) }
            // An empty element closes the parent's start tag: every event after it starts a line.
            try w.start("x")
            try w.end()
            try taken()
        }

        deinit {
            xmlFreeTextWriter(writer)
            xmlBufferFree(buffer)
        }

        /// The element of `item`, from its indentation to its line end.
        func element(_ item: ChronologyEvent) throws -> [UInt8] {
            try write(item, &w)
            return try taken()
        }

        /// What the writer wrote since last time; the buffer emptied.
        @discardableResult
        private func taken() throws -> [UInt8] {
            try w.check(xmlTextWriterFlush(writer))
            let length = Int(xmlBufferLength(buffer))
            var bytes: [UInt8] = []
            if length > 0, let content = xmlBufferContent(buffer) {
                bytes = Array(UnsafeRawBufferPointer(start: content, count: length))
            }
            xmlBufferEmpty(buffer)
            return bytes
        }
    }
}
