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
    static func text(_ text: String, title: String?) -> UInt64? {
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

    /// The address an article is known by: scheme, `www.`, a fragment and a trailing slash left
    /// out, the host in lower case (`https://www.QDND.vn/a/#x` → `qdnd.vn/a`); nil without a
    /// path (a site's home page names no article).
    static func url(_ url: String) -> String? {
        var text = Substring(url.trimmingCharacters(in: .whitespacesAndNewlines))
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        if let scheme = text.range(of: "://") { text = text[scheme.upperBound...] }
        let hostEnd = text.firstIndex { $0 == "/" || $0 == "?" } ?? text.endIndex
        var host = text[..<hostEnd].lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var rest = String(text[hostEnd...])
        while rest.hasSuffix("/") { rest.removeLast() }
        guard !host.isEmpty, !rest.isEmpty else { return nil }
        return host + rest
    }

    private static func collapsed<S: StringProtocol>(_ line: S) -> String {
        line.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
