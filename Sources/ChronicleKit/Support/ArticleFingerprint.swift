import Foundation

/// What makes two article files copies of one article, whatever their format or path: the same
/// text (`text`), or the same address (`url`).
///
/// An archive keeps one article several times: a `.txt` and the crawler's JSON Lines line, the
/// page saved twice under two folders. The text key reads the article as a reader would: its
/// lines with spaces collapsed, empty lines and a first line repeating the title left out (a
/// plain-text copy starts with its headline, an export keeps it in its own field).
enum ArticleFingerprint {
    /// A 64-bit key of the article's text; nil for an article without text.
    ///
    /// Read on the UTF-8 bytes when the text has no whitespace but ASCII's (ingest leaves none
    /// other): splitting Characters took a quarter of extraction on real text. `plainText` is
    /// the same key read by Characters, for the rest and for the test that they agree.
    static func text(_ text: String, title: String?) -> UInt64? {
        var text = text
        return text.withUTF8 { key($0, title: title) }
    }

    /// `text` of well-formed UTF-8 bytes (an article's `utf8`).
    static func text(utf8: [UInt8], title: String?) -> UInt64? {
        utf8.withUnsafeBufferPointer { key($0, title: title) }
    }

    /// The key of a text's UTF-8 bytes: read on the bytes, else by Characters.
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>, title: String?) -> UInt64? {
        byteText(bytes, title: title) ?? plainText(String(decoding: bytes, as: UTF8.self), title: title)
    }

    /// The text key read in one pass over the bytes, each sorted by a table (`ByteClass`): a
    /// word's bytes hashed in a tight loop, spaces and line breaks between words as one byte
    /// each. The first line with words is hashed as any other and compared with the title on the
    /// way; it is taken back when they match. (Collecting that line, and a call for every
    /// Vietnamese letter's first byte, made the key 9% of the extraction phase.) `.some(nil)` for
    /// a text without words; nil when a space outside ASCII turns up, which only `plainText`
    /// reads right.
    private static func byteText(_ bytes: UnsafeBufferPointer<UInt8>, title: String?) -> UInt64?? {
        let skip = title.map { collapsedBytes($0) ?? Array(collapsed($0).utf8) }
        return ByteClass.table.withUnsafeBufferPointer { classes in
            byteText(bytes, skip: skip, classes: classes)
        }
    }

    /// What a byte is to the text key.
    private enum ByteClass {
        static let word: UInt8 = 0
        /// A space or tab.
        static let space: UInt8 = 1
        /// LF, VT, FF or CR.
        static let lineBreak: UInt8 = 2
        /// C2, E1, E2 or E3: may begin a space outside ASCII (`isNonASCIISpace`), else a word's.
        static let maybeSpace: UInt8 = 3

        static let table: [UInt8] = (0..<256).map { byte in
            switch byte {
            case 0x20, 0x09: return space
            case 0x0A...0x0D: return lineBreak
            case 0xC2, 0xE1, 0xE2, 0xE3: return maybeSpace
            default: return word
            }
        }
    }

    private static func byteText(
        _ bytes: UnsafeBufferPointer<UInt8>, skip: [UInt8]?, classes: UnsafeBufferPointer<UInt8>
    ) -> UInt64?? {
        let n = bytes.count
        var i = 0
        var hash = FNV1a.offsetBasis
        var any = false
        var inLine = false
        var pendingSpace = false
        // The first line with words: whether it is being read, and how much of the title it
        // has matched so far.
        var inFirst = false
        var firstSeen = false
        var title = TitleMatch(skip)
        while i < n {
            let kind = classes[Int(bytes[i])]
            if kind == ByteClass.space {
                pendingSpace = inLine
                i += 1
                continue
            }
            if kind == ByteClass.lineBreak {
                if inFirst, title.isWhole {
                    hash = FNV1a.offsetBasis
                    any = false
                }
                inFirst = false
                inLine = false
                pendingSpace = false
                i += 1
                continue
            }
            if !inLine {
                if !firstSeen {
                    firstSeen = true
                    inFirst = true
                } else if any {
                    hash = FNV1a.mix(hash, 0x0A)
                }
                any = true
                inLine = true
            } else if pendingSpace {
                hash = FNV1a.mix(hash, 0x20)
                if inFirst { title.take(0x20) }
            }
            pendingSpace = false
            let read = inFirst ? firstLineWord(bytes, at: &i, classes, &hash, &title) : word(bytes, at: &i, classes, &hash)
            if !read { return nil }
        }
        if inFirst, title.isWhole { return .some(nil) }
        return .some(any ? hash : nil)
    }

    /// How much of the title the first line with words has matched so far.
    private struct TitleMatch {
        let title: [UInt8]?
        private var matching: Bool
        private var matched = 0

        init(_ title: [UInt8]?) {
            self.title = title
            matching = title != nil
        }

        @inline(__always) mutating func take(_ byte: UInt8) {
            guard matching, let title else { return }
            matching = matched < title.count && title[matched] == byte
            if matching { matched += 1 }
        }

        /// Whether the line read so far is the whole title.
        var isWhole: Bool { matching && matched == title?.count }
    }

    /// Hashes the word at `i` and moves past it; false when a space outside ASCII turns up.
    @inline(__always)
    private static func word(
        _ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int, _ classes: UnsafeBufferPointer<UInt8>, _ hash: inout UInt64
    ) -> Bool {
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            let kind = classes[Int(byte)]
            if kind != ByteClass.word {
                if kind != ByteClass.maybeSpace { break }
                // Vietnamese letters begin with E1 BA or E1 BB; the space there is E1 9A 80.
                if byte != 0xE1 || (i + 1 < n && bytes[i + 1] == 0x9A), isNonASCIISpace(bytes, at: i) { return false }
            }
            hash = FNV1a.mix(hash, byte)
            i += 1
        }
        return true
    }

    /// `word` for the first line's words, each byte compared with the title's too.
    private static func firstLineWord(
        _ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int, _ classes: UnsafeBufferPointer<UInt8>, _ hash: inout UInt64,
        _ title: inout TitleMatch
    ) -> Bool {
        while i < bytes.count {
            let byte = bytes[i]
            let kind = classes[Int(byte)]
            if kind == ByteClass.space || kind == ByteClass.lineBreak { break }
            if kind == ByteClass.maybeSpace, isNonASCIISpace(bytes, at: i) { return false }
            hash = FNV1a.mix(hash, byte)
            title.take(byte)
            i += 1
        }
        return true
    }

    /// Whether a space or line break outside ASCII (NBSP, NEL, the U+2000 spaces, U+2028/2029,
    /// U+3000, U+1680), which the byte reading does not know, starts at `i`.
    @inline(__always)
    private static func isNonASCIISpace(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let n = bytes.count, b = bytes[i]
        if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 || bytes[i + 1] == 0x85 { return true }
        if b == 0xE1, i + 2 < n, bytes[i + 1] == 0x9A, bytes[i + 2] == 0x80 { return true }
        if b == 0xE2, i + 2 < n {
            let c = bytes[i + 1], d = bytes[i + 2]
            if c == 0x80, d <= 0x8A || d == 0xA8 || d == 0xA9 || d == 0xAF { return true }
            if c == 0x81, d == 0x9F { return true }
        }
        if b == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return true }
        return false
    }

    /// `text(_:title:)` read by Characters: the plain definition of the key.
    static func plainText(_ text: String, title: String?) -> UInt64? {
        let skip = title.map(collapsed)
        var hash = FNV1a.offsetBasis
        var any = false
        var first = true
        for line in text.split(whereSeparator: \.isNewline) {
            let words = collapsed(line)
            guard !words.isEmpty else { continue }
            defer { first = false }
            if first, let skip, words == skip { continue }
            if any { hash = FNV1a.mix(hash, 0x0A) }
            hash = FNV1a.hash(words.utf8, from: hash)
            any = true
        }
        return any ? hash : nil
    }

    /// `collapsed(title)` read on the UTF-8 bytes, for a title of Latin letters (below U+0300,
    /// and U+1E00-1EFF, where Vietnamese's letters are) and the press's punctuation (quotes,
    /// dashes, the ellipsis: U+2010-2027, U+2030-205E): there every Character is one scalar but
    /// CR LF, and its whitespace is ASCII's, NEL and NBSP. Nil for any other title, which
    /// `collapsed` reads. Splitting the title by Characters was 2.5% of a cold run.
    static func collapsedBytes(_ title: String) -> [UInt8]? {
        var title = title
        return title.withUTF8 { bytes -> [UInt8]? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                let length: Int
                let space: Bool
                if b < 0x80 {
                    (length, space) = (1, b == 0x20 || (b >= 0x09 && b <= 0x0D))
                } else if b >= 0xC2 && b <= 0xCB, i + 1 < bytes.count {
                    (length, space) = (2, b == 0xC2 && (bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0))
                } else if b == 0xE1, i + 2 < bytes.count, bytes[i + 1] >= 0xB8 && bytes[i + 1] <= 0xBB {
                    (length, space) = (3, false)
                } else if b == 0xE2, i + 2 < bytes.count, Self.isPunctuation(bytes[i + 1], bytes[i + 2]) {
                    (length, space) = (3, false)
                } else {
                    return nil
                }
                if space {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                }
                i += length
            }
            return out
        }
    }

    /// Whether E2 `second` `third` is in U+2010-2027 or U+2030-205E: no space, control, joiner
    /// or mark among them.
    private static func isPunctuation(_ second: UInt8, _ third: UInt8) -> Bool {
        (second == 0x80 && ((0x90...0xA7).contains(third) || third >= 0xB0)) || (second == 0x81 && third <= 0x9E)
    }

    private static func collapsed<S: StringProtocol>(_ line: S) -> String {
        line.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
