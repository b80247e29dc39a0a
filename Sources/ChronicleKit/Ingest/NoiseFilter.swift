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

    /// Whether `bytes` are in the form `clean` gives: well-formed UTF-8, lines separated by "\n"
    /// and none empty, no space at a line's ends or after another, and no whitespace or control
    /// character but the ASCII space and "\n". The text key reads such bytes as they are
    /// (`ArticleFingerprint.text(cleaned:title:)`); the plain check, for assertions and tests.
    static func isClean(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.elementsEqual(bytes) else { return false }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).allSatisfy { line in
            guard let first = line.first, let last = line.last, first != 0x20, last != 0x20 else { return false }
            return !zip(line, line.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
                && String(Substring(line)).unicodeScalars.allSatisfy { scalar in
                    scalar == " " || !(scalar.properties.isWhitespace || scalar.properties.generalCategory == .control)
                }
        }
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
    /// a Vietnamese letter, common punctuation, a space (U+1680, U+3000) or the BOM. The one
    /// table of such sequences for `needsNormalization` and `LineBuffer.normalize`.
    @inline(__always) static func isSurelyNFC(_ b: UInt8, _ c: UInt8, _ d: UInt8) -> Bool {
        switch b {
        case 0xE1: return (c >= 0xB8 && c <= 0xBB) || (c == 0x9A && d == 0x80)  // U+1E00...U+1EFF, U+1680
        case 0xE2: return (c == 0x80 && d >= 0x82) || c == 0x81 || (c == 0x82 && d <= 0x8F)  // U+2002...U+20CF
        case 0xE3: return c == 0x80 && d == 0x80  // U+3000
        case 0xEF: return c == 0xBB && d == 0xBF  // U+FEFF
        default: return false
        }
    }
}
