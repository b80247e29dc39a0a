import Foundation

/// Cleans article text scraped from news pages, for all input formats: NFC, one paragraph per
/// line (separated by "\n", no blank lines), single spaces, no control characters, and without
/// the scraping noise of Vietnamese press pages: `leftcenterrightdel` layout tokens, photo
/// captions repeated by the scraper, share/print widget lines, a trailing comment form and a
/// trailing related-news list. Credit lines ("Tin, ảnh: ...") are kept.
///
/// Works line by line on UTF-8 bytes; only short lines are ever lowercased as Strings. The
/// noise phrases are data (`config/ingest/noise.yml`, `NoisePhrases`).
public struct NoiseFilter: Sendable {
    /// A line equal to one of the last `duplicateWindow` kept lines is a scraper duplicate.
    public var duplicateWindow = 4

    /// Words of share, print and social widgets, as words, longest phrase first.
    let widgetPhrases: [[Substring]]
    /// Labels of a comment form; the trailing block starting at one of them is dropped.
    let commentLabels: Set<String>
    /// Headings of a related-news list; dropped with the headline-like lines after them.
    let relatedHeadings: Set<String>
    /// First words of the widget phrases, lowercase and capitalized, to skip most lines early.
    let widgetFirstWords: Set<[UInt8]>
    /// First words of comment labels and related-news headings.
    let blockFirstWords: Set<[UInt8]>

    public init(phrases: NoisePhrases) {
        widgetPhrases = phrases.widgetPhrases.map { $0.split(separator: " ") }.sorted { $0.count > $1.count }
        commentLabels = Set(phrases.commentLabels)
        relatedHeadings = Set(phrases.relatedHeadings)
        widgetFirstWords = Self.firstWords(widgetPhrases.map { $0.joined(separator: " ") })
        blockFirstWords = Self.firstWords(Array(commentLabels) + Array(relatedHeadings))
    }

    /// The cleaned text: NFC, one paragraph per line, noise lines removed ("" when nothing is left).
    public func clean(_ text: String) -> String {
        String(decoding: cleanedBytes(text), as: UTF8.self)
    }

    /// `clean` as UTF-8 bytes (well formed: they come from a String).
    func cleanedBytes(_ text: String) -> [UInt8] {
        var buffer = LineBuffer()
        // The line pass notes what `needsNormalization` looks for; only then is the text
        // normalized and read again (rare: press text is NFC).
        if Self.normalizeLines(text, into: &buffer) {
            let nfc = ChunkedNFC.normalized(text)
            buffer = LineBuffer()
            _ = Self.normalizeLines(nfc, into: &buffer)
        }
        return cleaned(&buffer)
    }

    /// `cleanedBytes` of the text `bytes` hold, or nil when they are not well-formed UTF-8: the
    /// line pass checks them as it copies them. A plain-text file is read so, not checked once as
    /// a String is made of it and again as the cleaned String is (two checks were some 6% of the
    /// extraction phase on real text); the bytes it keeps are extracted without a String.
    func clean(validatingUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var buffer = LineBuffer()
        let notNFC = buffer.normalize(bytes)
        guard buffer.wellFormed else { return nil }
        if notNFC { return cleanedBytes(String(decoding: bytes, as: UTF8.self)) }
        return cleaned(&buffer)
    }

    /// The kept lines of `buffer`, joined.
    private func cleaned(_ buffer: inout LineBuffer) -> [UInt8] {
        var kept: [Range<Int>] = []
        kept.reserveCapacity(buffer.lines.count)
        for var line in buffer.lines {
            if buffer.contains(line, Self.layoutToken) { line = buffer.removing(Self.layoutToken, from: line) }
            if line.isEmpty || buffer.isPunctuationOnly(line) { continue }
            // Widget lines are short and never end with a period (captions do).
            if line.count <= 64, buffer.bytes[line.upperBound - 1] != UInt8(ascii: "."),
                widgetFirstWords.contains(buffer.firstWord(line)), isWidgetLine(buffer.string(line))
            {
                continue
            }
            if kept.suffix(duplicateWindow).contains(where: { buffer.equal($0, line) }) { continue }
            kept.append(line)
        }
        kept.removeLast(kept.count - trailingBlockStart(kept, buffer))
        var output: [UInt8] = []
        output.reserveCapacity(kept.reduce(0) { $0 + $1.count + 1 })
        for (index, line) in kept.enumerated() {
            if index > 0 { output.append(0x0A) }
            output.append(contentsOf: buffer.bytes[line])
        }
        return output
    }

    /// Fills `buffer` with the lines of `text`; true when the text may not be NFC.
    private static func normalizeLines(_ text: String, into buffer: inout LineBuffer) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { buffer.normalize($0) }
            ?? {
                let bytes = Array(text.utf8)
                return bytes.withUnsafeBufferPointer { buffer.normalize($0) }
            }()
    }

    /// The `leftcenterrightdel` layout token: markup residue, not a word, so it stays here.
    static let layoutToken = Array("leftcenterrightdel".utf8)

    static func firstWords(_ phrases: [String]) -> Set<[UInt8]> {
        var words = Set<[UInt8]>()
        for phrase in phrases {
            guard let word = phrase.split(separator: " ").first else { continue }
            for form in [String(word), word.prefix(1).uppercased() + word.dropFirst(), word.uppercased()] {
                words.insert(Array(form.utf8))
                words.insert(Array((form + ":").utf8))
            }
        }
        return words
    }

    /// One line of text (a title): normalized like `clean` but never dropped, lines joined.
    public static func singleLine(_ text: String) -> String {
        var text = text
        if needsNormalization(text) { text = ChunkedNFC.normalized(text) }
        var buffer = LineBuffer()
        _ = normalizeLines(text, into: &buffer)
        var output: [UInt8] = []
        for line in buffer.lines where !line.isEmpty {
            if !output.isEmpty { output.append(0x20) }
            output.append(contentsOf: buffer.bytes[line])
        }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - Line tests

    func isWidgetLine(_ line: String) -> Bool {
        let words = line.lowercased().split { $0 == " " || $0 == "|" || $0 == "/" || $0 == "•" || $0 == "·" || $0 == "," }
            .map { $0.hasSuffix(":") ? $0.dropLast() : $0 }
            .filter { !$0.isEmpty }
        guard !words.isEmpty else { return false }
        var i = 0
        outer: while i < words.count {
            if words[i].allSatisfy(\.isNumber) { i += 1; continue }
            for phrase in widgetPhrases where i + phrase.count <= words.count {
                if zip(phrase, words[i..<i + phrase.count]).allSatisfy({ $0 == $1 }) {
                    i += phrase.count
                    continue outer
                }
            }
            return false
        }
        return true
    }

    /// A comment-form label, ignoring a final colon and a count: "Bình luận (3)", "Họ và tên:".
    static func label(_ line: String) -> String {
        var s = Substring(line.lowercased())
        while let last = s.last, last == ":" || last == " " || last == ")" || last == "(" || last == "*" || last.isNumber {
            s = s.dropLast()
        }
        return String(s)
    }

    /// Where the trailing comment form or related-news list starts (the count when none).
    func trailingBlockStart(_ lines: [Range<Int>], _ buffer: LineBuffer) -> Int {
        var cut = lines.count
        // Comment form: walk back over labels and short form leftovers; cut at the earliest label.
        var i = lines.count - 1
        while i >= 0 {
            let line = lines[i]
            guard line.count <= 80 else { break }
            if blockFirstWords.contains(buffer.firstWord(line)), commentLabels.contains(Self.label(buffer.string(line))) {
                cut = i
            } else if !(line.count <= 24 && !buffer.contains(line, [UInt8(ascii: ":")]) && buffer.hasLowercaseASCII(line)) {
                break
            }
            i -= 1
        }
        // Related news: a heading followed only by headline-like lines (short, no final period).
        for j in stride(from: cut - 1, through: max(0, cut - 30), by: -1) {
            let line = lines[j]
            guard line.count <= 300, buffer.bytes[line.upperBound - 1] != UInt8(ascii: ".") else { break }
            if line.count <= 60, blockFirstWords.contains(buffer.firstWord(line)),
                relatedHeadings.contains(Self.label(buffer.string(line)))
            {
                let rest = lines[(j + 1)..<cut]
                if rest.allSatisfy({ $0.count <= 300 && buffer.bytes[$0.upperBound - 1] != UInt8(ascii: ".") }) {
                    cut = j
                }
                break
            }
        }
        return cut
    }

    /// False when the text is certainly NFC already: only ASCII, Latin blocks, Vietnamese
    /// precomposed letters and common punctuation (no combining marks, no singletons).
    static func needsNormalization(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                while i + 8 <= n {
                    let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                guard i < n else { break }
                let b = bytes[i]
                if b < 0x80 { i += 1; continue }
                if b < 0xCC { i += 2; continue }  // U+0080...U+02FF
                guard i + 2 < n, isSurelyNFC(b, bytes[i + 1], bytes[i + 2]) else { return true }
                i += 3
            }
            return false
        }
    }

    /// Whether the three-byte sequence `b c d` is a scalar that is NFC whatever surrounds it:
    /// a Vietnamese letter, common punctuation, U+3000 or the BOM. The one table of such
    /// sequences for `needsNormalization` and `LineBuffer.normalize`.
    @inline(__always) static func isSurelyNFC(_ b: UInt8, _ c: UInt8, _ d: UInt8) -> Bool {
        switch b {
        case 0xE1: return c >= 0xB8 && c <= 0xBB  // U+1E00...U+1EFF
        case 0xE2: return (c == 0x80 && d >= 0x82) || c == 0x81 || (c == 0x82 && d <= 0x8F)  // U+2002...U+20CF
        case 0xE3: return c == 0x80 && d == 0x80  // U+3000
        case 0xEF: return c == 0xBB && d == 0xBF  // U+FEFF
        default: return false
        }
    }
}

/// The text as normalized lines over one byte buffer.
struct LineBuffer {
    var bytes: [UInt8] = []
    var lines: [Range<Int>] = []
    /// Whether the input of `normalize` was well-formed UTF-8 (when it was not, `bytes` and
    /// `lines` mean nothing).
    private(set) var wellFormed = true

    /// Copies `input` line by line: CRLF/CR/U+2028/U+2029 become line ends; tabs, NBSP and other
    /// Unicode spaces become one space; runs of spaces collapse; control, zero-width, bidi and
    /// soft-hyphen characters go; lines are trimmed.
    ///
    /// Returns true when the input holds what `NoiseFilter.needsNormalization` flags (the same
    /// test, made on the way): then it may not be NFC.
    @discardableResult
    mutating func normalize(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var lines: [Range<Int>] = []
        var notNFC = false
        var malformed = false
        // Output is never longer than the input (every rewrite shortens or keeps a sequence).
        bytes = [UInt8](unsafeUninitializedCapacity: input.count) { out, written in
            var w = Self.copyLines(input, into: LineWriter(out: out))
            w.endLine()
            lines = w.lines
            notNFC = w.notNFC
            malformed = w.malformed
            written = w.o
        }
        self.lines = lines
        wellFormed = !malformed
        return notNFC
    }

    /// The loop of `normalize`: ASCII, spaces and letters inline, everything else in `rewrite`.
    private static func copyLines(_ input: UnsafeBufferPointer<UInt8>, into writer: LineWriter) -> LineWriter {
        var w = writer
        let out = w.out
        let n = input.count
        var i = 0
        while i < n {
            let b = input[i]
            if b >= 0x21 && b < 0x7F { out[w.o] = b; w.o &+= 1; i &+= 1; continue }
            // The commonest other sequences first: a space, Latin letters U+00C0–U+02FF
            // (never rewritten, always NFC) and Vietnamese letters U+1E00–U+1EFF.
            if b == 0x20 { w.space(); i &+= 1; continue }
            if b >= 0xC3 && b < 0xCC && i &+ 1 < n {
                let c = input[i &+ 1]
                if c & 0xC0 != 0x80 { w.malformed = true }
                out[w.o] = b; out[w.o &+ 1] = c; w.o &+= 2; i &+= 2
                continue
            }
            if b == 0xE1 && i &+ 2 < n {
                let c = input[i &+ 1], d = input[i &+ 2]
                if c < 0xB8 || c > 0xBB { w.notNFC = true }
                if c & 0xC0 != 0x80 || d & 0xC0 != 0x80 { w.malformed = true }
                out[w.o] = b; out[w.o &+ 1] = c; out[w.o &+ 2] = d; w.o &+= 3; i &+= 3
                continue
            }
            rewrite(b, input, at: &i, into: &w)
        }
        return w
    }

    /// Line ends, other spaces, control and invisible characters, and any other sequence copied.
    @inline(__always) private static func rewrite(
        _ b: UInt8, _ input: UnsafeBufferPointer<UInt8>, at i: inout Int, into w: inout LineWriter
    ) {
        let n = input.count
        let out = w.out
        switch b {
        case 0x0A: w.endLine(); i += 1
        case 0x0D: w.endLine(); i += (i + 1 < n && input[i + 1] == 0x0A) ? 2 : 1
        case 0x20, 0x09, 0x0B, 0x0C: w.space(); i += 1
        case 0x00..<0x20, 0x7F: i += 1
        case 0xC2 where i + 1 < n:
            let c = input[i + 1]
            if c & 0xC0 != 0x80 { w.malformed = true }
            if c == 0xA0 {
                w.space()
            } else if !(c >= 0x80 && c <= 0x9F || c == 0xAD) {
                out[w.o] = b; out[w.o + 1] = c; w.o += 2
            }
            i += 2
        case 0xE2 where i + 2 < n && input[i + 1] == 0x80:
            let c = input[i + 2]
            if c & 0xC0 != 0x80 { w.malformed = true }
            // U+2000 and U+2001 are singletons (NFC maps them to U+2002, U+2003).
            if c < 0x82 { w.notNFC = true }
            switch c {
            case 0x80...0x8A, 0xAF: w.space()
            case 0x8B...0x8F, 0xAA...0xAE: break
            case 0xA8, 0xA9: w.endLine()
            default: out[w.o] = b; out[w.o + 1] = 0x80; out[w.o + 2] = c; w.o += 3
            }
            i += 3
        case 0xE2 where i + 2 < n && input[i + 1] == 0x81 && (input[i + 2] == 0x9F || input[i + 2] == 0xA0):
            if input[i + 2] == 0x9F { w.space() }
            i += 3
        case 0xE3 where i + 2 < n && input[i + 1] == 0x80 && input[i + 2] == 0x80: w.space(); i += 3
        case 0xEF where i + 2 < n && input[i + 1] == 0xBB && input[i + 2] == 0xBF: i += 3
        default:
            // As `NoiseFilter.needsNormalization`: Latin below U+0300, Vietnamese
            // letters U+1E00–U+1EFF, common punctuation, U+3000 and the BOM are NFC.
            if b >= 0xCC && !w.notNFC && !(i + 2 < n && NoiseFilter.isSurelyNFC(b, input[i + 1], input[i + 2])) {
                w.notNFC = true
            }
            if b >= 0x80, TextDecoder.wellFormedLength(input, at: i) == nil { w.malformed = true }
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            let end = min(n, i + length)
            while i < end { out[w.o] = input[i]; w.o += 1; i += 1 }
        }
    }

    /// The bytes of the line up to its first space or "|".
    func firstWord(_ line: Range<Int>) -> [UInt8] {
        var end = line.lowerBound
        while end < line.upperBound, bytes[end] != 0x20, bytes[end] != UInt8(ascii: "|") { end += 1 }
        return Array(bytes[line.lowerBound..<end])
    }

    func hasLowercaseASCII(_ line: Range<Int>) -> Bool {
        bytes[line].contains { $0 >= 0x61 && $0 <= 0x7A }
    }

    func string(_ line: Range<Int>) -> String { String(decoding: bytes[line], as: UTF8.self) }

    func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && bytes[a].elementsEqual(bytes[b])
    }

    func contains(_ line: Range<Int>, _ needle: [UInt8]) -> Bool { find(needle, in: line) != nil }

    /// Where `needle` first starts in `line`: the C library's `memchr` to each place its first
    /// byte is, `memcmp` there. Comparing byte by byte through the arrays' checked subscripts was
    /// 2% of a cold run (the layout token is looked for in every line).
    func find(_ needle: [UInt8], in line: Range<Int>) -> Int? {
        guard line.count >= needle.count, let first = needle.first else { return nil }
        return bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { wanted in
                let base = haystack.baseAddress!
                var i = line.lowerBound
                let last = line.upperBound - wanted.count
                while i <= last {
                    guard let found = memchr(base + i, Int32(first), last - i + 1) else { return nil }
                    let at = base.distance(to: UnsafeRawPointer(found))
                    if memcmp(base + at, wanted.baseAddress!, wanted.count) == 0 { return at }
                    i = at + 1
                }
                return nil
            }
        }
    }

    /// `find` by comparing bytes: the plain definition, for the test that they agree.
    func plainFind(_ needle: [UInt8], in line: Range<Int>) -> Int? {
        guard line.count >= needle.count, !needle.isEmpty else { return nil }
        return (line.lowerBound...(line.upperBound - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// The line without any occurrence of `needle`, trimmed and with single spaces, appended
    /// to the buffer as a new range.
    mutating func removing(_ needle: [UInt8], from line: Range<Int>) -> Range<Int> {
        var rest = line
        var pieces: [Range<Int>] = []
        while let at = find(needle, in: rest) {
            pieces.append(rest.lowerBound..<at)
            rest = (at + needle.count)..<rest.upperBound
        }
        pieces.append(rest)
        let start = bytes.count
        for piece in pieces {
            for k in piece {
                let b = bytes[k]
                if b == 0x20 && (bytes.count == start || bytes[bytes.count - 1] == 0x20) { continue }
                bytes.append(b)
            }
            if bytes.count > start, bytes[bytes.count - 1] != 0x20 { bytes.append(0x20) }
        }
        while bytes.count > start, bytes[bytes.count - 1] == 0x20 { bytes.removeLast() }
        return start..<bytes.count
    }

    /// No ASCII letter or digit and nothing outside the punctuation block: "* * *", "---", "…".
    func isPunctuationOnly(_ line: Range<Int>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound {
            let b = bytes[i]
            if b < 0x80 {
                if (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) { return false }
                i += 1
            } else if b == 0xE2 && i + 1 < line.upperBound && bytes[i + 1] == 0x80 {
                i += 3
            } else {
                return false
            }
        }
        return true
    }
}

/// What `LineBuffer.normalize` has written: bytes, the lines ended so far, and whether the
/// input may not be NFC.
private struct LineWriter {
    let out: UnsafeMutableBufferPointer<UInt8>
    var o = 0
    var lineStart = 0
    var lines: [Range<Int>] = []
    var notNFC = false
    /// Whether a byte sequence that is not well-formed UTF-8 was met.
    var malformed = false

    init(out: UnsafeMutableBufferPointer<UInt8>) {
        self.out = out
    }

    /// One space between words: none at a line start or after another.
    @inline(__always) mutating func space() {
        if o > lineStart, out[o - 1] != 0x20 { out[o] = 0x20; o += 1 }
    }

    /// Ends the line, without a final space.
    @inline(__always) mutating func endLine() {
        if o > lineStart, out[o - 1] == 0x20 { o -= 1 }
        lines.append(lineStart..<o)
        lineStart = o
    }
}
