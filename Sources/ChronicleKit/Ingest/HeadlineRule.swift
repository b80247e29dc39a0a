/// Decides whether the first line of a plain-text article is its headline: 4 to 40 words, under
/// 200 characters, not ending like a sentence or a label (".", ":", ";", ","), and starting with
/// a capital letter or a digit, with no colon in its first three words. Section labels
/// ("Tin hoạt động") are too short; photo captions and lead paragraphs end with a period;
/// credit lines ("Tin, ảnh: ...") have an early colon.
struct HeadlineRule: Sendable {
    static let maximumLength = 200

    init() {}

    /// Whether one line reads like a headline.
    func isHeadline(_ line: Substring) -> Bool {
        // The same rule on the bytes when the line has them in one piece (native strings).
        if let answer = line.utf8.withContiguousStorageIfAvailable({ Self.isHeadline(bytes: $0) }) { return answer }
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

    /// The first line of cleaned text (well-formed UTF-8) when it is a headline; a String is
    /// made of that line only.
    static func headline(ofUTF8 text: [UInt8]) -> String? {
        let end = text.firstIndex(of: 0x0A) ?? text.endIndex
        let headline = text.withUnsafeBufferPointer { bytes in Self.isHeadline(bytes: UnsafeBufferPointer(rebasing: bytes[..<end])) }
        return headline ? String(decoding: text[..<end], as: UTF8.self) : nil
    }

    /// `isHeadline` on the UTF-8 bytes of a line (valid UTF-8).
    static func isHeadline(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count < 4 * maximumLength else { return false }
        var scalars = 0
        for byte in bytes where byte & 0xC0 != 0x80 { scalars &+= 1 }
        guard scalars < maximumLength else { return false }
        // The last scalar is one of ".:;," only when the last byte is (they are ASCII).
        let last = bytes[bytes.count - 1]
        if last == UInt8(ascii: ".") || last == UInt8(ascii: ":") || last == UInt8(ascii: ";") || last == UInt8(ascii: ",") { return false }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let firstScalar) = decoder.decode(&iterator) else { return false }
        let properties = firstScalar.properties
        guard properties.isUppercase || properties.numericType != nil || firstScalar == "\"" || firstScalar == "“" else { return false }
        var words = 1
        for byte in bytes {
            if byte == 0x20 { words &+= 1 } else if byte == UInt8(ascii: ":") && words <= 3 { return false }
        }
        return words >= 4 && words <= 40
    }
}
