import CLibXML2
import Foundation

/// What an HTML page says about itself, and its body text (not yet noise-filtered).
struct HTMLArticle {
    var title: String?
    var url: String?
    var referenceDate: ReferenceDate?
    /// The page's publication date when it gave one that is not a date, as its field and value
    /// (`Article.unreadableDate`).
    var unreadableDate: String?
    var text: String
    var truncatedByDepth: Bool
}

/// Reads an article page: title (og:title, <title>, first <h1>), canonical URL, publication date
/// (metadata, then `<time datetime>`), and the text of the content container that
/// `ContentScorer` finds by block shape, with the furniture inside it left out.
struct HTMLArticleParser {
    /// How the site name that ends a `<title>` starts ("báo ") or ends (" online"), lowercase.
    let siteNamePrefixes: [String]
    let siteNameSuffixes: [String]

    init(noise: NoisePhrases) {
        siteNamePrefixes = noise.siteNamePrefixes
        siteNameSuffixes = noise.siteNameSuffixes
    }

    /// Elements that end a line of text.
    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "figure", "tr",
        "section", "article", "main", "blockquote", "pre", "table", "thead", "tbody", "dl", "dt", "dd", "hr",
        "address", "center", "caption", "body", "html", "details", "summary", "fieldset", "legend",
    ]
    /// Class/id words of containers that hold page furniture rather than the article (a hint only).
    static let furnitureWords = [
        "comment", "share", "social", "related", "advert", "banner", "breadcrumb", "sidebar", "popup", "cookie",
        "newsletter", "navbar", "footer", "header", "menu", "tags", "relate", "binh-luan", "binhluan", "y-kien",
    ]
    /// Class/id words of an article's lead paragraph (a hint only).
    static let leadWords = ["sapo", "summary", "lead", "excerpt", "chapeau", "intro", "description"]

    /// Whether a class/id word names a lead paragraph ("sapo", "summary").
    static func isLead(classAndID: String) -> Bool {
        guard !classAndID.isEmpty else { return false }
        for word in classAndID.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) {
            if leadWords.contains(where: { word.containsBytes($0.utf8) }) { return true }
        }
        return false
    }

    /// Class/id words of the main content container (a hint only).
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
        let found = scan.scorer.content()
        let content = found?.root ?? scan.body ?? root
        let blocks = found?.blocks ?? [content]
        let text = blocks.map { Self.text(of: $0, skipping: scan.scorer) }.joined(separator: "\n")
        var article = HTMLArticle(text: text, truncatedByDepth: document.truncatedByDepth)
        article.title = title(
            og: scan.ogTitle.flatMap(Self.inline), title: scan.titleText.flatMap(Self.inline),
            h1: scan.firstH1.flatMap(Self.inline))
        article.url = [scan.canonical, scan.ogURL].lazy.compactMap { $0.flatMap(Self.inline) }.first
        let time = scan.timeDate(within: content)
        if let date = scan.metaDate.flatMap({ MetadataDate.parse($0.value) }) {
            article.referenceDate = ReferenceDate(value: date, basis: "html-meta")
        } else if let date = time.flatMap(MetadataDate.parse) {
            article.referenceDate = ReferenceDate(value: date, basis: "html-time")
        } else if let meta = scan.metaDate, !meta.value.allSatisfy(\.isWhitespace) {
            article.unreadableDate = meta.field + " " + MetadataDate.shown(meta.value)
        } else if let time, !time.allSatisfy(\.isWhitespace) {
            article.unreadableDate = "time datetime " + MetadataDate.shown(time)
        }
        return .success(article)
    }

    /// og:title, else <title> without the site name it usually ends with, else the first <h1>.
    func title(og: String?, title: String?, h1: String?) -> String? {
        if let og { return og }
        guard let title else { return h1 }
        if let h1, title.hasPrefix(h1) { return h1 }
        for separator in [" | ", " - ", " – ", " :: "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let site = title[range.upperBound...]
            let lower = site.lowercased()
            if lower.contains(".vn") || lower.contains(".com") || siteNamePrefixes.contains(where: { lower.hasPrefix($0) })
                || siteNameSuffixes.contains(where: { lower.hasSuffix($0) })
            {
                return String(title[..<range.lowerBound])
            }
        }
        return title
    }

    /// One line of text: whitespace collapsed, NFC.
    static func inline(_ text: String) -> String? {
        let line = NoiseFilter.singleLine(text)
        return line.isEmpty ? nil : line
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

    /// Whether a class/id word names a content container ("article-body", "detail", "post").
    static func isContent(classAndID: String) -> Bool {
        guard !classAndID.isEmpty else { return false }
        for word in classAndID.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) {
            if contentWords.contains(where: { word.containsBytes($0.utf8) }) { return true }
        }
        return false
    }

    /// The text of `root` with block elements on their own lines, leaving out the elements the
    /// scorer found to be furniture, and lines that are mostly the text of links of four words or
    /// more (a related-news title with its date, set loose in the body between `<br>`s).
    static func text(of root: xmlNodePtr, skipping scorer: ContentScorer) -> String {
        var out: [UInt8] = []
        var lineStart = 0
        var lineChars = 0
        var linkChars = 0
        var linkWords = 0
        var linkDepth = 0
        func newline() {
            while out.last == 0x20 { out.removeLast() }
            if linkWords >= 4, linkChars * 10 >= lineChars * 7 { out.removeSubrange(lineStart...) }
            if !out.isEmpty && out.last != 0x0A { out.append(0x0A) }
            lineStart = out.count
            lineChars = 0
            linkChars = 0
            linkWords = 0
        }
        root.walk(
            enter: { node in
                if node.isText {
                    guard let content = node.pointee.content else { return false }
                    var p = content
                    while p.pointee != 0 {
                        let b = p.pointee
                        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                            if let last = out.last, last != 0x20, last != 0x0A { out.append(0x20) }
                        } else {
                            if b & 0xC0 != 0x80 {
                                lineChars += 1
                                if linkDepth > 0 {
                                    linkChars += 1
                                    if out.count == lineStart || out.last == 0x20 { linkWords += 1 }
                                }
                            }
                            out.append(b)
                        }
                        p += 1
                    }
                    return false
                }
                guard node.isElement else { return false }
                let name = node.elementName
                // `leave` runs for every element entered, children read or not.
                if name == "a" { linkDepth += 1 }
                if node != root && scorer.isFurniture(node) { return false }
                if name == "td" || name == "th" { if let last = out.last, last != 0x20, last != 0x0A { out.append(0x20) } }
                if blockElements.contains(name) { newline() }
                return true
            },
            leave: { node in
                let name = node.elementName
                if name == "a" { linkDepth -= 1 }
                if blockElements.contains(name) { newline() }
            })
        newline()
        if out.last == 0x0A { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One pass over the whole page collecting metadata, and feeding the content scorer.
private struct PageScan {
    var ogTitle: String?
    var titleText: String?
    var firstH1: String?
    var canonical: String?
    var ogURL: String?
    /// The first publication date in the page's metadata, with the field that gave it
    /// (`meta article:published_time`, `itemprop datePublished`) for a warning to name.
    var metaDate: (field: String, value: String)?
    var times: [(node: xmlNodePtr, value: String)] = []
    var body: xmlNodePtr?
    var scorer = ContentScorer()
    private var capture: (node: xmlNodePtr, isTitle: Bool)?
    private var captured = ""

    mutating func run(_ root: xmlNodePtr) {
        root.walk(enter: { node in enter(node) }, leave: { node in leave(node) })
    }

    private mutating func enter(_ node: xmlNodePtr) -> Bool {
        if node.isText {
            guard let content = node.pointee.content else { return false }
            if capture != nil { captured += String(cString: content) }
            scorer.text(node)
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
                if node.attribute("itemprop")?.lowercased() == "datepublished", metaDate == nil {
                    metaDate = ("time itemprop datePublished", value)
                }
                times.append((node, value))
            }
        case "body": body = node
        default:
            if metaDate == nil, node.pointee.properties != nil, node.attribute("itemprop")?.lowercased() == "datepublished",
                let value = node.attribute("content") ?? node.attribute("datetime")
            {
                metaDate = ("itemprop datePublished", value)
            }
        }
        scorer.enter(node, name: name)
        return true
    }

    private mutating func leave(_ node: xmlNodePtr) {
        if let (captureNode, isTitle) = capture, captureNode == node {
            if isTitle { titleText = captured } else { firstH1 = captured }
            capture = nil
            captured = ""
        }
        scorer.leave(node, name: node.elementName)
    }

    private mutating func readMeta(_ node: xmlNodePtr) {
        guard let content = node.attribute("content") else { return }
        let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop") ?? "").lowercased()
        switch key {
        case "og:title": if ogTitle == nil { ogTitle = content }
        case "og:url": if ogURL == nil { ogURL = content }
        default:
            if metaDate == nil, HTMLArticleParser.publishedMeta.contains(key), !content.isEmpty { metaDate = ("meta " + key, content) }
        }
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
