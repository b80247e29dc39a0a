import CLibXML2
import Foundation

/// What an HTML page says about itself, and its body text (not yet noise-filtered).
struct HTMLArticle {
    var title: String?
    var url: String?
    var referenceDate: ReferenceDate?
    var text: String
    var truncatedByDepth: Bool
}

/// Reads an article page: title (og:title, <title>, first <h1>), canonical URL, publication date
/// (metadata, then `<time datetime>`), and the text of the main content container with page
/// furniture (scripts, navigation, headers, footers, forms, widgets) left out.
struct HTMLArticleParser {
    /// Elements whose whole subtree is never article text.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button",
        "select", "textarea", "input", "template", "object", "embed", "canvas", "video", "audio", "map", "head",
        "math", "dialog", "menu",
    ]
    /// Elements that end a line of text.
    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "figure", "tr",
        "section", "article", "main", "blockquote", "pre", "table", "thead", "tbody", "dl", "dt", "dd", "hr",
        "address", "center", "caption", "body", "html", "details", "summary", "fieldset", "legend",
    ]
    /// Class/id words of containers that hold page furniture rather than the article.
    static let furnitureWords = [
        "comment", "share", "social", "related", "advert", "banner", "breadcrumb", "sidebar", "popup", "cookie",
        "newsletter", "navbar", "footer", "header", "menu", "tags", "relate", "binh-luan", "binhluan", "y-kien",
    ]
    /// Class/id words of the main content container.
    /// Whether `lead`, outside `content`, introduces it: placed before it, beside it or beside its parent.
    static func isLead(_ lead: xmlNodePtr, of content: xmlNodePtr) -> Bool {
        guard !lead.isInside(content), xmlXPathCmpNodes(lead, content) == 1 else { return false }
        let parent = lead.pointee.parent
        return parent == content.pointee.parent || (parent != nil && parent == content.pointee.parent?.pointee.parent)
    }

    /// Class/id words of an article's lead paragraph.
    static let leadWords = ["sapo", "summary", "lead", "excerpt", "chapeau", "intro", "description"]

    static func isLead(classAndID: String) -> Bool {
        guard !classAndID.isEmpty else { return false }
        for word in classAndID.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) {
            if leadWords.contains(where: { word.containsBytes($0.utf8) }) { return true }
        }
        return false
    }

    static let contentWords = [
        "articlebody", "article-body", "article_body", "article-content", "article_content", "detail", "content",
        "article", "post", "entry", "story", "news-body", "main",
    ]
    static let publishedMeta: Set<String> = [
        "article:published_time", "og:published_time", "pubdate", "publishdate", "publish-date", "publish_date",
        "datepublished", "date", "dc.date", "dc.date.issued", "dcterms.created", "article.published",
        "parsely-pub-date", "sailthru.date", "published_time",
    ]

    /// Parses the page; `encoding` is the character set to decode it with.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String) -> Result<HTMLArticle, IngestFailure> {
        let document: HTMLDocument
        switch HTMLDocument.parse(bytes, encoding: encoding) {
        case .success(let parsed): document = parsed
        case .failure(let failure): return .failure(failure)
        }
        guard let root = document.root else {
            return .success(HTMLArticle(text: "", truncatedByDepth: document.truncatedByDepth))
        }
        var scan = PageScan()
        scan.run(root)
        let content = scan.contentRoot() ?? scan.body ?? root
        // A lead ("sapo") kept outside the chosen container still belongs to the article: it often
        // holds the date and the meeting's name.
        let leads = scan.leads.filter { Self.isLead($0, of: content) }.map { Self.text(of: $0) }
        var article = HTMLArticle(text: (leads + [Self.text(of: content)]).joined(separator: "\n"), truncatedByDepth: document.truncatedByDepth)
        article.title = Self.title(og: scan.ogTitle.flatMap(Self.inline), title: scan.titleText.flatMap(Self.inline),
                                   h1: scan.firstH1.flatMap(Self.inline))
        article.url = [scan.canonical, scan.ogURL].lazy.compactMap { $0.flatMap(Self.inline) }.first
        if let date = scan.metaDate.flatMap(MetadataDate.parse) {
            article.referenceDate = ReferenceDate(value: date, basis: "html-meta")
        } else if let date = scan.timeDate(within: content).flatMap(MetadataDate.parse) {
            article.referenceDate = ReferenceDate(value: date, basis: "html-time")
        }
        return .success(article)
    }

    /// og:title, else <title> without the site name it usually ends with, else the first <h1>.
    static func title(og: String?, title: String?, h1: String?) -> String? {
        if let og { return og }
        guard let title else { return h1 }
        if let h1, title.hasPrefix(h1) { return h1 }
        for separator in [" | ", " - ", " – ", " :: "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let site = title[range.upperBound...]
            let lower = site.lowercased()
            if lower.contains(".vn") || lower.contains(".com") || lower.hasPrefix("báo ") || lower.hasPrefix("tạp chí ")
                || lower.hasPrefix("cổng thông tin") || lower.hasPrefix("trang thông tin") || lower.hasSuffix(" online") {
                return String(title[..<range.lowerBound])
            }
        }
        return title
    }

    /// One line of text: whitespace collapsed, NFC.
    static func inline(_ text: String) -> String? {
        let line = NoiseFilter().singleLine(text)
        return line.isEmpty ? nil : line
    }

    static func isFurniture(_ node: xmlNodePtr) -> Bool {
        guard node.pointee.properties != nil else { return false }
        switch node.elementName {
        case "html", "body", "article", "main": return false
        default: return isFurniture(classAndID: node.classAndID)
        }
    }

    /// Whether a class/id word names page furniture: "content-share" is a widget;
    /// "article-content" is not, whatever else it says.
    static func isFurniture(classAndID: String) -> Bool {
        guard !classAndID.isEmpty else { return false }
        for word in classAndID.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) {
            if word.starts(with: "article".utf8) { continue }
            if furnitureWords.contains(where: { word.containsBytes($0.utf8) }) { return true }
        }
        return false
    }

    static func isContent(classAndID: String) -> Bool {
        guard !classAndID.isEmpty else { return false }
        for word in classAndID.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) {
            if contentWords.contains(where: { word.containsBytes($0.utf8) }) { return true }
        }
        return false
    }

    /// The text of `root` with block elements on their own lines.
    static func text(of root: xmlNodePtr) -> String {
        var out: [UInt8] = []
        func newline() {
            while out.last == 0x20 { out.removeLast() }
            if !out.isEmpty && out.last != 0x0A { out.append(0x0A) }
        }
        root.walk(enter: { node in
            if node.isText {
                guard let content = node.pointee.content else { return false }
                var p = content
                while p.pointee != 0 {
                    let b = p.pointee
                    if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                        if let last = out.last, last != 0x20, last != 0x0A { out.append(0x20) }
                    } else {
                        out.append(b)
                    }
                    p += 1
                }
                return false
            }
            guard node.isElement else { return false }
            let name = node.elementName
            if droppedElements.contains(name) || (node != root && isFurniture(node)) { return false }
            if name == "td" || name == "th" { if let last = out.last, last != 0x20, last != 0x0A { out.append(0x20) } }
            if blockElements.contains(name) { newline() }
            return true
        }, leave: { node in
            if blockElements.contains(node.elementName) { newline() }
        })
        return String(decoding: out, as: UTF8.self)
    }
}

/// One pass over the whole page collecting metadata and content-container candidates with the
/// length of the article text each one holds.
private struct PageScan {
    struct Candidate {
        var node: xmlNodePtr
        var parent: Int?
        var textLength = 0
        var strong: Bool
    }

    var ogTitle: String?
    var titleText: String?
    var firstH1: String?
    var canonical: String?
    var ogURL: String?
    var metaDate: String?
    var times: [(node: xmlNodePtr, value: String)] = []
    var body: xmlNodePtr?
    var bodyTextLength = 0
    var candidates: [Candidate] = []
    /// Lead paragraphs (class or id "sapo", "summary", …) outside dropped page furniture, outermost only.
    var leads: [xmlNodePtr] = []
    private var open: [Int] = []
    private var dropped: xmlNodePtr?
    private var capture: (node: xmlNodePtr, isTitle: Bool)?
    private var captured = ""

    mutating func run(_ root: xmlNodePtr) {
        root.walk(enter: { node in enter(node) }, leave: { node in leave(node) })
    }

    private mutating func enter(_ node: xmlNodePtr) -> Bool {
        if node.isText {
            guard let content = node.pointee.content else { return false }
            if capture != nil { captured += String(cString: content) }
            if dropped == nil {
                let length = strlen(content)
                bodyTextLength += length
                for index in open { candidates[index].textLength += length }
            }
            return false
        }
        guard node.isElement else { return false }
        let name = node.elementName
        switch name {
        case "meta": readMeta(node)
        case "link":
            if canonical == nil, node.attribute("rel")?.lowercased().split(separator: " ").contains("canonical") == true {
                canonical = node.attribute("href")
            }
        case "title" where titleText == nil && capture == nil: capture = (node, true)
        case "h1" where firstH1 == nil && capture == nil: capture = (node, false)
        case "time":
            if let value = node.attribute("datetime") ?? node.attribute("content") {
                if node.attribute("itemprop")?.lowercased() == "datepublished", metaDate == nil { metaDate = value }
                times.append((node, value))
            }
        case "body": body = node
        default:
            if metaDate == nil, node.attribute("itemprop")?.lowercased() == "datepublished",
               let value = node.attribute("content") ?? node.attribute("datetime") {
                metaDate = value
            }
        }
        if dropped == nil {
            if HTMLArticleParser.droppedElements.contains(name) && name != "head" || HTMLArticleParser.isFurniture(node) {
                dropped = node
            } else if (name == "div" || name == "p" || name == "h2" || name == "section"), node.pointee.properties != nil,
                      HTMLArticleParser.isLead(classAndID: node.classAndID), !leads.contains(where: { node.isInside($0) }) {
                leads.append(node)
            } else if let strong = Self.candidateStrength(node, name) {
                candidates.append(Candidate(node: node, parent: open.last, strong: strong))
                open.append(candidates.count - 1)
            }
        }
        return true
    }

    private mutating func leave(_ node: xmlNodePtr) {
        if let (captureNode, isTitle) = capture, captureNode == node {
            if isTitle { titleText = captured } else { firstH1 = captured }
            capture = nil
            captured = ""
        }
        if dropped == node { dropped = nil }
        if let last = open.last, candidates[last].node == node { open.removeLast() }
    }

    private mutating func readMeta(_ node: xmlNodePtr) {
        guard let content = node.attribute("content") else { return }
        let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop") ?? "").lowercased()
        switch key {
        case "og:title": if ogTitle == nil { ogTitle = content }
        case "og:url": if ogURL == nil { ogURL = content }
        default:
            if metaDate == nil, HTMLArticleParser.publishedMeta.contains(key), !content.isEmpty { metaDate = content }
        }
    }

    /// Nil when `node` is not a content container; true for the explicit ones (`<article>`,
    /// `itemprop=articleBody`, `<main>`), false for class/id guesses.
    static func candidateStrength(_ node: xmlNodePtr, _ name: String) -> Bool? {
        if name == "article" || name == "main" { return true }
        guard node.pointee.properties != nil else { return nil }
        if node.attribute("itemprop")?.lowercased() == "articlebody" { return true }
        guard name == "div" || name == "section" || name == "td" else { return nil }
        return HTMLArticleParser.isContent(classAndID: node.classAndID) ? false : nil
    }

    /// The container holding most of the page's text, narrowed to an inner container while that
    /// still holds most of it; nil when no container holds a fair share of the page.
    func contentRoot() -> xmlNodePtr? {
        guard let best = candidates.indices.max(by: { candidates[$0].textLength < candidates[$1].textLength }),
              candidates[best].textLength > 0, candidates[best].textLength * 5 >= bodyTextLength
        else { return nil }
        var current = best
        while true {
            let children = candidates.indices.filter { candidates[$0].parent == current }
            guard let inner = children.max(by: { candidates[$0].textLength < candidates[$1].textLength }),
                  candidates[inner].textLength * 10 >= candidates[current].textLength * 7
            else { break }
            // Don't narrow past the lead paragraph that sits beside the body text.
            let innerNode = candidates[inner].node, currentNode = candidates[current].node
            if leads.contains(where: { $0.isInside(currentNode) && !$0.isInside(innerNode) }) { break }
            current = inner
        }
        return candidates[current].node
    }

    /// The first `<time datetime>` inside the content, else the first on the page.
    func timeDate(within content: xmlNodePtr) -> String? {
        for time in times {
            var node: xmlNodePtr? = time.node
            while let current = node {
                if current == content { return time.value }
                node = current.pointee.parent
            }
        }
        return times.first?.value
    }
}

extension Collection where Element == UInt8 {
    /// Whether `needle` occurs in these bytes (short needles, no Foundation).
    func containsBytes<Needle: Collection>(_ needle: Needle) -> Bool where Needle.Element == UInt8 {
        guard let first = needle.first, needle.count <= count else { return needle.isEmpty }
        var index = startIndex
        while index != endIndex {
            if self[index] == first, self[index...].starts(with: needle) { return true }
            index = self.index(after: index)
        }
        return false
    }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    /// Whether this node is `ancestor` or lies below it.
    func isInside(_ ancestor: xmlNodePtr) -> Bool {
        var node: xmlNodePtr? = self
        while let current = node {
            if current == ancestor { return true }
            node = current.pointee.parent
        }
        return false
    }
}
