/// Decides whether the first line of a plain-text article is its headline: 4 to 40 words, under
/// 200 characters, not ending like a sentence or a label (".", ":", ";", ","), and starting with
/// a capital letter or a digit, with no colon in its first three words. Section labels
/// ("Tin hoạt động") are too short; photo captions and lead paragraphs end with a period;
/// credit lines ("Tin, ảnh: ...") have an early colon.
public struct HeadlineRule: Sendable {
    public static let maximumLength = 200

    public init() {}

    /// The first line of cleaned text when it is a headline.
    public func headline(of text: String) -> String? {
        let end = text.utf8.firstIndex(of: 0x0A) ?? text.endIndex
        let first = text[..<end]
        return isHeadline(first) ? String(first) : nil
    }

    /// Whether one line reads like a headline.
    public func isHeadline(_ line: Substring) -> Bool {
        let utf8 = line.utf8
        guard !utf8.isEmpty, utf8.count < 4 * Self.maximumLength else { return false }
        // Scalars are the bytes that do not continue a UTF-8 sequence.
        guard utf8.reduce(0, { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }) < Self.maximumLength else { return false }
        guard let firstScalar = line.unicodeScalars.first, let lastScalar = line.unicodeScalars.last else { return false }
        if ".:;,".unicodeScalars.contains(lastScalar) { return false }
        let properties = firstScalar.properties
        guard properties.isUppercase || properties.numericType != nil || firstScalar == "\"" || firstScalar == "“" else { return false }
        var words = 1
        for byte in line.utf8 {
            if byte == 0x20 { words += 1 } else if byte == UInt8(ascii: ":") && words <= 3 { return false }
        }
        return words >= 4 && words <= 40
    }
}
