import CLibXML2

/// Counts over visible text, read from UTF-8 bytes: characters (whitespace left out), words,
/// commas and sentence stops, and how much of it sits inside links.
struct TextCounts {
    var chars: Int32 = 0
    var linkChars: Int32 = 0
    var words: Int32 = 0
    var commas: Int32 = 0
    var stops: Int32 = 0

    /// Whether the last byte read was a word byte (a word may go on in the next text node).
    private var inWord = false
    /// A '.', '!' or '?' counts as a stop only when whitespace or the end follows ("14.12", "qdnd.vn").
    private var pendingStop = false

    /// Reads one text node's content.
    mutating func add(_ text: UnsafePointer<xmlChar>, inLink: Bool) {
        var p = text
        var chars: Int32 = 0
        while p.pointee != 0 {
            let b = p.pointee
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                inWord = false
                if pendingStop { stops += 1; pendingStop = false }
            } else {
                pendingStop = false
                if b & 0xC0 != 0x80 { chars += 1 }
                if !inWord { words += 1; inWord = true }
                switch b {
                case UInt8(ascii: ","), UInt8(ascii: ";"): commas += 1
                case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): pendingStop = true
                default: break
                }
            }
            p += 1
        }
        self.chars += chars
        if inLink { linkChars += chars }
    }

    /// Ends the run: a stop left pending at the end of a line counts.
    mutating func finish() {
        if pendingStop { stops += 1; pendingStop = false }
        inWord = false
    }

    mutating func add(_ other: TextCounts) {
        chars += other.chars
        linkChars += other.linkChars
        words += other.words
        commas += other.commas
        stops += other.stops
    }

    /// Share of the characters inside links (0 for no text).
    var linkDensity: Float { chars == 0 ? 0 : Float(linkChars) / Float(chars) }

    /// Whether this line reads like prose: a sentence or more, punctuated, hardly linked.
    /// Menus, tags, link titles and comment bylines are short or unpunctuated.
    var isProse: Bool { chars >= 50 && words >= 8 && commas + stops >= 1 && linkChars * 10 < chars * 3 }

    /// Whether this line is a link's title: three words or more, all but a tenth inside links.
    var isLinkTitle: Bool { words >= 3 && linkChars * 10 >= chars * 9 }

    /// Readability's paragraph score: one point, one per comma, one per 100 characters (at most
    /// three), shrunk by the share in links; lines under 25 characters score nothing.
    var score: Float {
        guard chars >= 25 else { return 0 }
        return (1 + Float(commas) + min(Float(chars) / 100, 3)) * (1 - linkDensity)
    }
}

/// The shape of one element's subtree, as `ContentScorer` reads it. Text counts leave out the
/// sub-blocks already found to be furniture, so a container's figures describe what would be kept.
struct BlockStats {
    var node: xmlNodePtr
    /// Index of the nearest recorded ancestor, -1 for none.
    var parent: Int32
    /// Text of the non-furniture part of the subtree.
    var text = TextCounts()
    /// All visible characters, furniture included; with the two below, the block's shape
    /// before anything in it is left out (a card's linked title may be furniture by itself).
    var totalChars: Int32 = 0
    var totalLinkChars: Int32 = 0
    var totalLines: Int32 = 0
    /// Links (`<a>` elements) outside furniture.
    var links: Int32 = 0
    /// Form controls (inputs, text areas, buttons): comment and search forms.
    var controls: Int32 = 0
    /// Non-empty lines: runs of inline text between block boundaries.
    var lines: Int32 = 0
    /// Lines that are a link's title (`TextCounts.isLinkTitle`), furniture included.
    var linkTitles: Int32 = 0
    /// Characters in lines that read like prose (`TextCounts.isProse`).
    var proseChars: Int32 = 0
    /// Score of the lines this element holds itself (not those of its child blocks).
    var ownScore: Float = 0
    /// Tag and class, hashed: siblings of one kind (comments, cards) share it.
    var signature: UInt32
    /// From class/id words, a weak hint: +1 content container, -1 furniture, 0 neither.
    var hint: Int8
    /// Named as a lead ("sapo", "summary") by its class or id.
    var isLead = false
    /// `<p>`, `<li>`, headings…: their lines are paragraphs, scored to the container holding them.
    var isParagraph: Bool
    /// Inline elements own no lines and are never furniture by themselves.
    var isInline: Bool
    /// Not article text: dropped with its subtree.
    var furniture = false

    /// Share of the kept characters inside links.
    var linkDensity: Float { text.linkDensity }
}

/// Records (cards, comments: child blocks of a few short lines) of one kind among an open
/// element's children, so repeated siblings are seen without comparing them to each other.
struct RecordTally {
    /// Kinds followed per element; more kinds are ignored (caps the work per element).
    static let kinds = 4
    var signature: UInt32 = 0
    var count: Int32 = 0
    var chars: Int32 = 0
}
