/// A content hash as the store keeps it (`ContentHash.description`), held as its number when it
/// has the usual form: sixteen hex digits are one byte too long for an inline Swift string, and a
/// run holds one per file of the archive.
enum StoredHash: Sendable, Hashable {
    case none
    case digest(ContentHash)
    /// Any other text (written by hand or by an older version), kept as it is.
    case text(String)

    init(_ text: String?) {
        guard let text else {
            self = .none
            return
        }
        if let digest = ContentHash(hex: text), digest.description == text {
            self = .digest(digest)
        } else {
            self = .text(text)
        }
    }

    /// The stored text, nil when the file could not be read.
    var text: String? {
        switch self {
        case .none: return nil
        case .digest(let digest): return digest.description
        case .text(let text): return text
        }
    }
}
