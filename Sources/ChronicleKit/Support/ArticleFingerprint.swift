import Foundation

/// What makes two article files copies of one article, whatever their format or path: the same
/// text (`text`), or the same address (`url`).
///
/// An archive keeps one article several times: a `.txt` and the crawler's JSON Lines line, the
/// page saved twice under two folders. The text key reads the article as a reader would: its
/// lines with spaces collapsed, empty lines and a first line repeating the title left out (a
/// plain-text copy starts with its headline, an export keeps it in its own field).
enum ArticleFingerprint {
    /// A 64-bit key of the article's text (XXH3 of its lines, `FileHasher`); nil for an article
    /// without text. The plain definition, read by Characters, for any text; what ingest gives
    /// is read by `text(cleaned:title:)`.
    static func text(_ text: String, title: String?) -> UInt64? {
        let skip = title.map(collapsed)
        var lines: [String] = []
        var first = true
        for line in text.split(whereSeparator: \.isNewline) {
            let words = collapsed(line)
            guard !words.isEmpty else { continue }
            defer { first = false }
            if first, let skip, words == skip { continue }
            lines.append(words)
        }
        guard !lines.isEmpty else { return nil }
        return Array(lines.joined(separator: "\n").utf8).withUnsafeBytes { FileHasher.hash($0) }
    }

    /// `text` of the noise filter's output (`NoiseFilter`): one trimmed line a paragraph, no
    /// blank lines, single ASCII spaces and none other. Such bytes already read as the key reads
    /// a text, so the key is their hash as they are, without the first line when it is the title:
    /// sorting every byte again made the key 8% of a cold run's read-and-extract phase.
    static func text(cleaned bytes: [UInt8], title: String?) -> UInt64? {
        return bytes.withUnsafeBytes { bytes -> UInt64? in
            guard !bytes.isEmpty else { return nil }
            var start = 0
            if let title {
                let skip = collapsedBytes(title) ?? Array(collapsed(title).utf8)
                let lineEnd = bytes.firstIndex(of: 0x0A) ?? bytes.count
                if lineEnd == skip.count, bytes[..<lineEnd].elementsEqual(skip) {
                    start = lineEnd + 1
                }
            }
            guard start < bytes.count else { return nil }
            return FileHasher.hash(UnsafeRawBufferPointer(rebasing: bytes[start...]))
        }
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
