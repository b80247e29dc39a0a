import Foundation

extension ArticleFingerprint {
    /// The address an article is known by: scheme, `www.`, a fragment and a trailing slash left
    /// out, the host in lower case (`https://www.QDND.vn/a/#x` → `qdnd.vn/a`); nil without a
    /// path (a site's home page names no article).
    ///
    /// Read on the UTF-8 bytes when the address is all ASCII, as addresses nearly always are:
    /// every night normalizes every stored article's address to group the archive, and the
    /// Character and Foundation calls of `plainURL` took 5% of a large archive's chronology.
    /// `plainURL` reads the rest, and the test that both agree.
    static func url(_ url: String) -> String? {
        var bytes = url
        if let normalized = bytes.withUTF8(asciiURL) { return normalized }
        return plainURL(url)
    }

    /// `plainURL` on bytes, for an all-ASCII address: there a Character is a byte (or "\r\n",
    /// which no step below splits), Foundation's whitespace is 0x09–0x0D and 0x20, and lower
    /// case is ASCII's. `.some(nil)` for an address without host or path; nil when a byte is
    /// not ASCII.
    private static func asciiURL(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        if let hash = (start..<end).first(where: { bytes[$0] == UInt8(ascii: "#") }) { end = hash }
        if let scheme = (start..<max(start, end - 2)).first(where: {
            bytes[$0] == UInt8(ascii: ":") && bytes[$0 + 1] == UInt8(ascii: "/") && bytes[$0 + 2] == UInt8(ascii: "/")
        }) {
            start = scheme + 3
        }
        let hostEnd = (start..<end).first { bytes[$0] == UInt8(ascii: "/") || bytes[$0] == UInt8(ascii: "?") } ?? end
        var host = bytes[start..<hostEnd].map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        if host.starts(with: "www.".utf8) { host.removeFirst(4) }
        var restEnd = end
        while restEnd > hostEnd, bytes[restEnd - 1] == UInt8(ascii: "/") { restEnd -= 1 }
        guard !host.isEmpty, restEnd > hostEnd else { return .some(nil) }
        host.append(contentsOf: bytes[hostEnd..<restEnd])
        return String(decoding: host, as: UTF8.self)
    }

    /// `url` by Characters and Foundation's trimming and search, for any address.
    static func plainURL(_ url: String) -> String? {
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
}
