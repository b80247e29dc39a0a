import CLibXML2
import Foundation

/// A parsed HTML page (libxml2's HTML parser), freed with the value. Parsing never touches the
/// network, never substitutes entities declared in a DOCTYPE, never lifts libxml2's size and
/// depth limits, and prints nothing: libxml2's error output is silenced.
final class HTMLDocument {
    let document: htmlDocPtr
    /// True when libxml2 stopped early because the page is nested deeper than it allows.
    let truncatedByDepth: Bool

    private init(document: htmlDocPtr, truncatedByDepth: Bool) {
        self.document = document
        self.truncatedByDepth = truncatedByDepth
    }

    deinit { xmlFreeDoc(document) }

    /// No HTML_PARSE_NOBLANKS: libxml2 would drop the space in "ảnh<img> <b>Quân khu</b>",
    /// gluing words together; the text walk collapses whitespace anyway.
    static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Parses `bytes` decoded with `encoding` (a name libxml2 knows, e.g. "UTF-8", "windows-1258").
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String) -> Result<HTMLDocument, IngestFailure> {
        // libxml2's attribute check is quadratic in one element's attributes: cap them first.
        if let limited = HTMLTagLimiter.limited(bytes) {
            return limited.withUnsafeBufferPointer { parseAsIs($0, encoding: encoding) }
        }
        return parseAsIs(bytes, encoding: encoding)
    }

    private static func parseAsIs(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String) -> Result<HTMLDocument, IngestFailure> {
        LibXML2.setUp()
        guard bytes.count < Int(Int32.max), let base = bytes.baseAddress else {
            return .failure(.htmlNotParsed(reason: "the page is empty"))
        }
        guard let context = htmlNewParserCtxt() else { return .failure(.htmlNotParsed(reason: "out of memory")) }
        defer { htmlFreeParserCtxt(context) }
        let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            htmlCtxtReadMemory(context, chars, Int32(bytes.count), nil, encoding, options)
        }
        guard let document else { return .failure(.htmlNotParsed(reason: "libxml2 returned no document")) }
        let lastError = context.pointee.lastError
        var truncated = false
        if lastError.code == Int32(XML_ERR_INTERNAL_ERROR.rawValue), let message = lastError.message {
            truncated = String(cString: message).contains("depth")
        }
        return .success(HTMLDocument(document: document, truncatedByDepth: truncated))
    }

    /// Whether libxml2 can decode `name`.
    static func knowsEncoding(_ name: String) -> Bool {
        LibXML2.setUp()
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    var root: xmlNodePtr? { xmlDocGetRootElement(document) }
}

/// Process-wide libxml2 set-up: `xmlInitParser` once, and error reports sent nowhere on every
/// thread (libxml2 keeps error handlers per thread; the `ThrDef` calls set the default for new
/// threads, the direct calls cover the current one).
enum LibXML2 {
    private static let initialized: Bool = {
        xmlInitParser()
        xmlThrDefSetStructuredErrorFunc(nil, ignoreStructuredError)
        xmlThrDefSetGenericErrorFunc(devNull, nil)
        return true
    }()

    /// A sink for libxml2's generic (printf-style) error channel, which Swift cannot implement
    /// as a variadic callback: the default handler writes to this stream instead of stderr.
    nonisolated(unsafe) private static let devNull: UnsafeMutableRawPointer? = fopen("/dev/null", "w").map { UnsafeMutableRawPointer($0) }

    static func setUp() {
        _ = initialized
        xmlSetStructuredErrorFunc(nil, ignoreStructuredError)
        xmlSetGenericErrorFunc(devNull, nil)
    }
}

private func ignoreStructuredError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {}

// MARK: - Node helpers

extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

    /// The lowercase element name (HTML names are lowercased by the parser).
    var elementName: String {
        guard let name = pointee.name else { return "" }
        return String(cString: name)
    }

    /// The value of attribute `name` (ASCII, lowercase), read without allocating in libxml2.
    func attribute(_ name: String) -> String? {
        var attr = pointee.properties
        while let current = attr {
            if let attrName = current.pointee.name, Self.equal(attrName, name) {
                var value = ""
                var child = current.pointee.children
                while let node = child {
                    if let content = node.pointee.content { value += String(cString: content) }
                    child = node.pointee.next
                }
                return value
            }
            attr = current.pointee.next
        }
        return nil
    }

    /// Whether the C string `cString` is `name` (ASCII).
    static func equal(_ cString: UnsafePointer<xmlChar>, _ name: String) -> Bool {
        var p = cString
        for byte in name.utf8 {
            guard p.pointee == byte else { return false }
            p += 1
        }
        return p.pointee == 0
    }

    /// The class and id attributes, lowercased and joined by a space ("" when neither is set).
    var classAndID: String {
        guard pointee.properties != nil else { return "" }
        let value = [attribute("class"), attribute("id")].compactMap { $0 }.joined(separator: " ")
        return value.lowercased()
    }

    /// Visits the subtree in document order without recursion (pages may nest very deeply):
    /// `enter` returns false to skip an element's children; `leave` runs for every element entered,
    /// after its children.
    func walk(enter: (xmlNodePtr) -> Bool, leave: (xmlNodePtr) -> Void) {
        var node: xmlNodePtr? = self
        while let current = node {
            if enter(current), let child = current.pointee.children, current.isElement {
                node = child
                continue
            }
            if current.isElement { leave(current) }
            var next = current
            while true {
                if next == self { return }
                if let sibling = next.pointee.next { node = sibling; break }
                guard let parent = next.pointee.parent, parent != self.pointee.parent else { return }
                next = parent
                leave(parent)
                if parent == self { return }
            }
        }
    }
}
