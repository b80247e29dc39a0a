/// Decides whether the first line of a plain-text article is its headline: 4 to 40 words, under
/// 200 characters, not ending like a sentence or a label (".", ":", ";", ","), and starting with
/// a capital letter or a digit. Section labels ("Tin hoạt động") are too short; photo captions
/// and lead paragraphs end with a period.
public struct HeadlineRule: Sendable {
    public static let maximumLength = 200

    public init() {}

    public func headline(of text: String) -> String? {
        guard let first = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first else { return nil }
        return isHeadline(first) ? String(first) : nil
    }

    public func isHeadline(_ line: Substring) -> Bool {
        guard line.utf8.count < 4 * Self.maximumLength, line.unicodeScalars.count < Self.maximumLength else { return false }
        guard let firstScalar = line.unicodeScalars.first, let lastScalar = line.unicodeScalars.last else { return false }
        if ".:;,".unicodeScalars.contains(lastScalar) { return false }
        let properties = firstScalar.properties
        guard properties.isUppercase || properties.numericType != nil || firstScalar == "\"" || firstScalar == "“" else { return false }
        var words = 1
        for byte in line.utf8 where byte == 0x20 { words += 1 }
        return words >= 4 && words <= 40
    }
}
