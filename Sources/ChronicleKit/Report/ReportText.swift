/// Text clean-up shared by the report formats, working on Unicode scalars (article text can be
/// long and arrives with scraping noise).
enum ReportText {
    /// Whether XML 1.0 allows the scalar (`#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`).
    @inline(__always)
    static func xmlAllowed(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Removes characters XML 1.0 forbids (control characters, U+FFFE, U+FFFF); keeps tabs and newlines.
    static func clean(_ text: String) -> String {
        if isClean(text) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where xmlAllowed(scalar.value) && scalar.value != 0x7F {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Byte scan: no control character other than tab/LF/CR, no DEL, no U+FFFE/U+FFFF.
    static func isClean(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x9 && byte != 0xA && byte != 0xD) || byte == 0x7F { return false }
            if beforePrevious == 0xEF && previous == 0xBF && (byte == 0xBE || byte == 0xBF) { return false }
            beforePrevious = previous
            previous = byte
        }
        return true
    }

    /// One line of text: forbidden characters removed, runs of whitespace (newlines and tabs
    /// included) collapsed to one space, ends trimmed.
    static func flat(_ text: String) -> String {
        if isFlat(text) { return text }
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard xmlAllowed(value), value != 0x7F else { continue }
            if value == 0x20 || value == 0x9 || value == 0xA || value == 0xD || value == 0xA0 || value == 0x2028 || value == 0x2029 {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Whether `flat` would return the text unchanged: a byte scan for control characters,
    /// doubled or outer spaces, NBSP, line/paragraph separators and U+FFFE/U+FFFF.
    static func isFlat(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var previous: UInt8 = 0x20
            var beforePrevious: UInt8 = 0
            for byte in bytes {
                if byte < 0x20 || byte == 0x7F { return false }
                if byte == 0x20 && previous == 0x20 { return false }
                if previous == 0xC2 && byte == 0xA0 { return false }
                if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return false }
                if beforePrevious == 0xEF && previous == 0xBF && (byte == 0xBE || byte == 0xBF) { return false }
                beforePrevious = previous
                previous = byte
            }
            // Empty, or not ending in a space (a leading space was caught as "after a space").
            return bytes.isEmpty || previous != 0x20
        }
    }

    /// Markdown-safe inline text: flattened, and every character Markdown (GFM) gives a meaning
    /// inside a line or a table cell backslash-escaped, so article text renders as written.
    static func markdown(_ text: String) -> String {
        // Bytes, not scalars: every character escaped is ASCII, and UTF-8 continuation bytes
        // never equal one. A leading run of digits counts the same in bytes as in scalars.
        var line = officialSpelling(flat(text))
        return line.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var leadingDigits = 0
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x23, 0x26, 0x7E, 0x7B, 0x7D, 0x24, 0x21:
                    out.append(0x5C)
                case 0x2D, 0x2B, 0x3D:
                    // A leading "-", "+" or "=" would start a list item or a setext underline.
                    if index == 0 { out.append(0x5C) }
                case 0x2E, 0x29:
                    // "1. text" at the start of a line would become an ordered list.
                    if index > 0 && leadingDigits == index { out.append(0x5C) }
                default:
                    break
                }
                if leadingDigits == index && byte >= 0x30 && byte <= 0x39 { leadingDigits += 1 }
                out.append(byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The tone mark of a closing "uy" on the "u", as the party's documents write it: "Đảng
    /// uỷ" → "Đảng ủy", "Thuý" → "Thúy", so the briefing spells one word one way whichever
    /// style an article used. "quý" (the "u" belongs to "qu") and "huỳnh" (the syllable goes on)
    /// keep their mark on the "y". Text without a marked "y" is returned as it is.
    static func officialSpelling(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isMarkedY) else { return text }
        var scalars = Array(text.unicodeScalars)
        for i in scalars.indices.dropLast() {
            guard let (tone, plainY) = markedY[scalars[i + 1]], scalars[i] == "u" || scalars[i] == "U" else { continue }
            if i > 0 && (scalars[i - 1] == "q" || scalars[i - 1] == "Q") { continue }
            if i + 2 < scalars.count && scalars[i + 2].properties.isAlphabetic { continue }
            scalars[i] = (scalars[i] == "u" ? markedU : markedCapitalU)[tone]
            scalars[i + 1] = plainY
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    /// Whether `scalar` is one of `markedY`, by value: every table cell of a report is asked.
    private static func isMarkedY(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFD, 0xDD, 0x1EF2...0x1EF9: return true
        default: return false
        }
    }

    /// A "y" with a tone mark: the tone (acute, grave, hook, tilde, dot) and the plain letter.
    private static let markedY: [Unicode.Scalar: (Int, Unicode.Scalar)] = [
        "\u{FD}": (0, "y"), "\u{1EF3}": (1, "y"), "\u{1EF7}": (2, "y"), "\u{1EF9}": (3, "y"), "\u{1EF5}": (4, "y"),
        "\u{DD}": (0, "Y"), "\u{1EF2}": (1, "Y"), "\u{1EF6}": (2, "Y"), "\u{1EF8}": (3, "Y"), "\u{1EF4}": (4, "Y"),
    ]
    private static let markedU: [Unicode.Scalar] = ["\u{FA}", "\u{F9}", "\u{1EE7}", "\u{169}", "\u{1EE5}"]
    private static let markedCapitalU: [Unicode.Scalar] = ["\u{DA}", "\u{D9}", "\u{1EE6}", "\u{168}", "\u{1EE4}"]

    /// A URL as a Markdown link destination, or nil when it is not an http(s) address (a
    /// `javascript:` link from a scraped page must not become clickable).
    static func linkDestination(_ url: String) -> String? {
        let trimmed = flat(url)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        return substituting(trimmed, urlBytes)
    }

    static let urlEscapes: [Unicode.Scalar: String] = [
        " ": "%20", "<": "%3C", ">": "%3E", "|": "%7C", "\\": "%5C", "(": "%28", ")": "%29",
    ]
    static let xmlEscapes: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;",
    ]
    private static let urlBytes = ByteEscapes(urlEscapes)
    private static let xmlBytes = ByteEscapes(xmlEscapes)

    /// `text` with each scalar found in `table` replaced by its entry, scalar by scalar: the
    /// plain reading `substituting(_:_:)` must agree with.
    static func substitutingScalars(_ text: String, _ table: [Unicode.Scalar: String]) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let replacement = table[scalar] { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// An escape table (ASCII scalars only) as replacement bytes by byte value.
    struct ByteEscapes: Sendable {
        let replacements: [[UInt8]?]
        /// Which bytes are replaced, one bit per ASCII byte: the scan for them reads no array.
        let low: UInt64, high: UInt64

        init(_ table: [Unicode.Scalar: String]) {
            var replacements = [[UInt8]?](repeating: nil, count: 128)
            var low: UInt64 = 0, high: UInt64 = 0
            for (scalar, replacement) in table {
                precondition(scalar.isASCII, "byte escapes replace ASCII scalars only")
                replacements[Int(scalar.value)] = Array(replacement.utf8)
                if scalar.value < 64 { low |= 1 << UInt64(scalar.value) } else { high |= 1 << UInt64(scalar.value - 64) }
            }
            self.replacements = replacements
            (self.low, self.high) = (low, high)
        }

        /// Whether `byte` is replaced.
        @inline(__always) func replaces(_ byte: UInt8) -> Bool {
            byte < 64 ? low >> UInt64(byte) & 1 != 0 : byte < 128 && high >> UInt64(byte - 64) & 1 != 0
        }
    }

    /// `text` with each scalar of `escapes` replaced. Read as UTF-8 bytes: a byte below 0x80 is a
    /// whole scalar and the bytes of other scalars never are, so they are copied as they come;
    /// a text without any of the scalars is returned as it is (the SVG escapes every title and
    /// name this way).
    static func substituting(_ text: String, _ escapes: ByteEscapes) -> String {
        // Over the string's contiguous bytes: through `String.UTF8View`'s iterator, the scan
        // alone was a generic call per byte, on every field of every report row.
        var copy = text
        let escaped = copy.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: escapes.replaces) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if escapes.replaces(byte), let replacement = escapes.replacements[Int(byte)] {
                    out += replacement
                } else {
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// The host of an http(s) URL, for link text ("www.qdnd.vn" → "qdnd.vn").
    static func host(_ url: String) -> String {
        var rest = Substring(flat(url))
        if let range = rest.range(of: "://") { rest = rest[range.upperBound...] }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        let name = host.hasPrefix("www.") ? host.dropFirst(4) : host
        return name.isEmpty ? "link" : String(name)
    }

    /// Text for an XML attribute or element: forbidden characters removed.
    static func xml(_ text: String) -> String { clean(text) }

    /// Escapes text for SVG/XML written by hand (the SVG is not written with libxml2).
    static func xmlEscaped(_ text: String) -> String {
        substituting(flat(text), xmlBytes)
    }
}
