import CLibXML2

/// Finds an article's text on a page of any layout by the shape of its blocks, as boilerpipe,
/// readability and trafilatura do, rather than by class names (which differ on every site).
///
/// One walk (fed by `PageScan`) records every element's `BlockStats`, bottom-up, and decides on
/// leaving it whether it is furniture: a block mostly made of link text (menus, link lists, tag
/// lists, related news), a run of three or more similar short records (cards, comments), a form
/// with little prose, or a block whose own text is only a heading over such furniture. Class and
/// id words only tip blocks that hold little prose. Then each line's readability score is given
/// to the container holding it (and, less, to its ancestors); the best container, scaled by how
/// little of it is links, is the content, together with a text lead just before it and any
/// sibling that scores nearly as well (a body split in two).
///
/// Elements are numbered through libxml2's `_private` slot, so looking one up costs nothing.
struct ContentScorer {
    private(set) var blocks: [BlockStats] = []
    /// Recorded elements entered and not yet left.
    private var open: [Int32] = []
    /// The open non-inline elements; the innermost owns the current line.
    private var owners: [Int32] = []
    /// `RecordTally.kinds` slots for each open element.
    private var tallies: [RecordTally] = []
    private var line = TextCounts()
    private var linkDepth = 0
    private var articleDepth = 0
    private var dropped: xmlNodePtr?

    /// Elements whose subtree is never article text. `<header>` is kept inside an `<article>`,
    /// where it holds the headline and lead; forms are judged by their shape (ASP.NET pages wrap
    /// the whole page in one).
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "iframe", "svg", "button",
        "select", "textarea", "input", "template", "object", "embed", "canvas", "video", "audio", "map", "head",
        "math", "dialog", "menu",
    ]
    static let controls: Set<String> = ["button", "select", "textarea", "input"]
    /// Elements that end a line of text (table cells too: layout tables put each zone in one).
    static let lineBreaks: Set<String> = HTMLArticleParser.blockElements.union(["td", "th", "form"])
    /// Elements whose lines are paragraphs, scored to the container holding them.
    static let paragraphs: Set<String> = [
        "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "pre", "blockquote", "figcaption", "caption",
        "address", "summary", "legend", "th",
    ]
    /// Elements that are never recorded (no children, no text).
    static let voids: Set<String> = ["br", "hr", "img", "wbr", "meta", "link", "source", "col", "area", "base", "track"]
    /// Readability's share of a line's score given to its container and the ancestors above it.
    static let ancestorWeights: [Float] = [1, 1.0 / 2, 1.0 / 6, 1.0 / 9, 1.0 / 12]
    /// Records: child blocks of two lines or more and at most this many characters.
    static let recordMaximum: Int32 = 400

    init() {}

    /// Scores the page below `root` in a walk of its own (the parser shares its walk with the
    /// metadata scan instead).
    init(scoring root: xmlNodePtr) {
        root.walk(
            enter: { node in
                if node.isText { text(node); return false }
                if node.isElement { enter(node, name: node.elementName) }
                return true
            },
            leave: { node in
                leave(node, name: node.elementName)
            })
    }

    // MARK: - The walk

    mutating func enter(_ node: xmlNodePtr, name: String) {
        guard dropped == nil else { return }
        if Self.droppedElements.contains(name) && !(name == "header" && articleDepth > 0) {
            if Self.controls.contains(name), let owner = owners.last { blocks[Int(owner)].controls += 1 }
            dropped = node
            record(node, name: name, dropped: true)
            return
        }
        if Self.lineBreaks.contains(name) { endLine() }
        guard !Self.voids.contains(name) else { return }
        if name == "a" {
            linkDepth += 1
            if let owner = owners.last { blocks[Int(owner)].links += 1 }
        }
        if name == "article" { articleDepth += 1 }
        let index = record(node, name: name, dropped: false)
        open.append(index)
        if !blocks[Int(index)].isInline { owners.append(index) }
        tallies.append(contentsOf: repeatElement(RecordTally(), count: RecordTally.kinds))
    }

    mutating func text(_ node: xmlNodePtr) {
        guard dropped == nil, let content = node.pointee.content else { return }
        line.add(content, inLink: linkDepth > 0)
    }

    mutating func leave(_ node: xmlNodePtr, name: String) {
        if let droppedNode = dropped {
            if droppedNode == node { dropped = nil }
            return
        }
        if Self.lineBreaks.contains(name) { endLine() }
        guard let index = open.last, blocks[Int(index)].node == node else { return }
        if name == "a" { linkDepth -= 1 }
        if name == "article" { articleDepth -= 1 }
        let i = Int(index)
        let slots = tallies.count - RecordTally.kinds
        var largestRecords: Int32 = 0
        for slot in slots..<tallies.count where tallies[slot].count >= 3 {
            largestRecords = max(largestRecords, tallies[slot].chars)
        }
        blocks[i].furniture = isFurniture(blocks[i], name: name, largestRecords: largestRecords)
        tallies.removeLast(RecordTally.kinds)
        open.removeLast()
        if owners.last == index { owners.removeLast() }
        let child = blocks[i]
        let p = Int(child.parent)
        guard p >= 0 else { return }
        blocks[p].totalChars += child.totalChars
        blocks[p].totalLinkChars += child.totalLinkChars
        blocks[p].totalLines += child.totalLines
        blocks[p].linkTitles += child.linkTitles
        // A record has a line that is not prose (a byline, a link title, "Trả lời · Thích"): a
        // short section of the article made only of paragraphs is not one.
        if !child.isInline, child.totalLines >= 2, child.totalChars <= Self.recordMaximum,
            child.proseChars < child.totalChars
        {
            tally(record: child, slots: slots - RecordTally.kinds)
        }
        guard !child.furniture else { return }
        blocks[p].text.add(child.text)
        blocks[p].links += child.links
        blocks[p].controls += child.controls
        blocks[p].lines += child.lines
        blocks[p].proseChars += child.proseChars
    }

    @discardableResult
    private mutating func record(_ node: xmlNodePtr, name: String, dropped: Bool) -> Int32 {
        let index = Int32(blocks.count)
        var hint: Int8 = 0
        var lead = false
        if name == "article" || name == "main" { hint = 1 }
        if node.pointee.properties != nil {
            let classAndID = node.classAndID
            if hint == 0, name != "body", name != "html", HTMLArticleParser.isFurniture(classAndID: classAndID) {
                hint = -1
            } else if HTMLArticleParser.isContent(classAndID: classAndID)
                || node.attribute("itemprop")?.lowercased() == "articlebody"
            {
                hint = 1
            }
            lead = HTMLArticleParser.isLead(classAndID: classAndID)
        }
        var stats = BlockStats(
            node: node, parent: open.last ?? -1, signature: Self.signature(node), hint: hint,
            isParagraph: Self.paragraphs.contains(name), isInline: !Self.lineBreaks.contains(name))
        stats.isLead = lead
        stats.furniture = dropped
        blocks.append(stats)
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: Int(index) + 1)
        return index
    }

    /// Closes the current line and books it to the innermost open block.
    private mutating func endLine() {
        line.finish()
        defer { line = TextCounts() }
        guard line.chars > 0, let owner = owners.last else { return }
        let o = Int(owner)
        blocks[o].text.add(line)
        blocks[o].totalChars += line.chars
        blocks[o].totalLinkChars += line.linkChars
        blocks[o].totalLines += 1
        blocks[o].lines += 1
        blocks[o].ownScore += line.score
        if line.isProse { blocks[o].proseChars += line.chars }
        if line.isLinkTitle { blocks[o].linkTitles += 1 }
    }

    private mutating func tally(record: BlockStats, slots: Int) {
        guard slots >= 0 else { return }
        for slot in slots..<(slots + RecordTally.kinds) {
            if tallies[slot].count == 0 { tallies[slot].signature = record.signature }
            guard tallies[slot].signature == record.signature else { continue }
            tallies[slot].count += 1
            tallies[slot].chars += record.totalChars
            return
        }
    }

    /// Whether a block just left is page furniture, from its shape.
    private func isFurniture(_ b: BlockStats, name: String, largestRecords: Int32) -> Bool {
        if name == "body" || name == "html" || (b.isInline && b.lines < 2) { return false }
        let kept = b.text.chars
        // Everything inside was furniture, or nearly: what is left is its heading ("Tin cùng chuyên mục").
        if kept == 0 { return b.totalChars > 0 }
        if b.totalChars - kept >= 2 * kept, kept < 80, b.proseChars == 0 { return true }
        // Menus, link lists, tag lists, related news.
        if b.text.linkChars * 2 >= kept, b.text.linkChars >= 12 || b.links >= 2 { return true }
        // Comment and search forms.
        if b.controls > 0, b.proseChars * 2 < kept { return true }
        // One card on its own: a linked title with a short teaser ("Bài liên quan" in the body).
        if b.linkTitles > 0, b.totalLines >= 2, b.totalChars <= Self.recordMaximum, b.totalLinkChars * 5 >= b.totalChars {
            return true
        }
        // Three or more similar records holding most of the text: card grids, comment threads.
        if largestRecords * 10 >= b.totalChars * 6 { return true }
        // A furniture class name tips a block holding little prose.
        if b.hint < 0, b.proseChars * 2 < kept || b.linkDensity > 0.2 { return true }
        return false
    }

    /// FNV-1a over the tag name and the class attribute's bytes.
    static func signature(_ node: xmlNodePtr) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        func mix(_ text: UnsafePointer<xmlChar>?) {
            guard var p = text else { return }
            while p.pointee != 0 { hash = (hash ^ UInt32(p.pointee)) &* 16_777_619; p += 1 }
        }
        mix(node.pointee.name)
        var attr = node.pointee.properties
        while let current = attr {
            if let name = current.pointee.name, xmlNodePtr.equal(name, "class") {
                var child = current.pointee.children
                while let text = child { mix(text.pointee.content); child = text.pointee.next }
                break
            }
            attr = current.pointee.next
        }
        return hash
    }

    // MARK: - Choosing the content

    /// The recorded stats of `node`, if the walk recorded it.
    func stats(_ node: xmlNodePtr) -> BlockStats? { index(of: node).map { blocks[$0] } }

    /// Whether the text walk leaves `node` out.
    func isFurniture(_ node: xmlNodePtr) -> Bool { stats(node)?.furniture ?? false }

    /// The content container, with the lead before it and any sibling continuing it, in page
    /// order; nil when no block holds a scored line.
    func content() -> (root: xmlNodePtr, blocks: [xmlNodePtr])? {
        let count = blocks.count
        var inFurniture = [Bool](repeating: false, count: count)
        var score = [Float](repeating: 0, count: count)
        for i in 0..<count {
            let b = blocks[i]
            inFurniture[i] = b.furniture || (b.parent >= 0 && inFurniture[Int(b.parent)])
            guard !inFurniture[i], b.ownScore > 0 else { continue }
            // A paragraph (or a block of one line, a <div> used as one) scores its container.
            var target = b.isParagraph || b.lines == 1 ? Int(b.parent) : i
            for weight in Self.ancestorWeights {
                guard target >= 0 else { break }
                score[target] += b.ownScore * weight
                target = Int(blocks[target].parent)
            }
        }
        var best = -1
        var bestScore: Float = 0
        var final = [Float](repeating: 0, count: count)
        for i in 0..<count
        where score[i] > 0 && !inFurniture[i] && !blocks[i].isParagraph
            && !(blocks[i].isInline && blocks[i].lines < 2)
        {
            let b = blocks[i]
            final[i] = score[i] * (1 - b.linkDensity) * (b.hint > 0 ? 1.25 : b.hint < 0 ? 0.8 : 1)
            if final[i] > bestScore { bestScore = final[i]; best = i }
        }
        guard best >= 0 else { return nil }
        let root = blocks[best].node
        var after: [xmlNodePtr] = []
        var sibling = root.pointee.next
        var steps = 0
        while let node = sibling, steps < 16 {
            steps += 1
            sibling = node.pointee.next
            guard let index = index(of: node), !inFurniture[index] else { continue }
            if final[index] >= bestScore * 0.3, blocks[index].linkDensity < 0.25 { after.append(node) }
        }
        return (root, leads(before: root, inFurniture) + [root] + after)
    }

    /// Text blocks just before the content that hold its lead ("sapo"), with the headline or
    /// date line beside it; none unless one reads like prose or is named as a lead. Furniture
    /// between (a share bar, a related box under the lead) is passed over; a block with links
    /// or a long one ends the search. When the content opens its container, the container's
    /// neighbours are looked at instead.
    func leads(before content: xmlNodePtr, _ inFurniture: [Bool]) -> [xmlNodePtr] {
        var node = content
        for _ in 0..<2 {
            var found: [xmlNodePtr] = []
            var hasLead = false
            var sawText = false
            var sibling = node.pointee.prev
            var steps = 0
            scan: while let current = sibling, steps < 16, found.count < 3 {
                steps += 1
                sibling = current.pointee.prev
                if current.isText {
                    if let text = current.pointee.content, Self.hasVisibleText(text) { sawText = true; break scan }
                    continue
                }
                guard let index = index(of: current), !inFurniture[index] else { continue }
                // Read the sibling itself: an inline <span> lead owns no lines of its own.
                let counts = visibleText(of: current)
                guard counts.chars > 0 else { continue }
                sawText = true
                if counts.linkChars * 5 > counts.chars || counts.chars > 800 { break scan }
                found.append(current)
                if counts.isProse || blocks[index].isLead { hasLead = true }
            }
            if hasLead { return found.reversed() }
            guard !sawText, let parent = node.pointee.parent, parent.isElement else { return [] }
            node = parent
        }
        return []
    }

    /// Text counts of a subtree without its furniture; stops reading past 1,000 characters.
    func visibleText(of root: xmlNodePtr) -> TextCounts {
        var counts = TextCounts()
        var linkDepth = 0
        root.walk(
            enter: { node in
                if node.isText {
                    if counts.chars <= 1000, let content = node.pointee.content { counts.add(content, inLink: linkDepth > 0) }
                    return false
                }
                guard node.isElement else { return false }
                // `leave` runs for every element entered, children read or not.
                if xmlNodePtr.equal(node.pointee.name, "a") { linkDepth += 1 }
                guard !isFurniture(node), counts.chars <= 1000 else { return false }
                if Self.lineBreaks.contains(node.elementName) { counts.finish() }
                return true
            },
            leave: { node in
                if xmlNodePtr.equal(node.pointee.name, "a") { linkDepth -= 1 }
            })
        counts.finish()
        return counts
    }

    private func index(of node: xmlNodePtr) -> Int? {
        guard node.isElement, let raw = node.pointee._private else { return nil }
        let index = Int(bitPattern: raw) - 1
        return index >= 0 && index < blocks.count && blocks[index].node == node ? index : nil
    }

    static func hasVisibleText(_ text: UnsafePointer<xmlChar>) -> Bool {
        var p = text
        while p.pointee != 0 {
            let b = p.pointee
            if b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { return true }
            p += 1
        }
        return false
    }
}
