import Foundation

/// Why an article file (or one line of a JSON Lines export) could not become an article.
/// The description is written for the user; the file name is shown beside it by the caller.
enum IngestFailure: Error, Equatable, CustomStringConvertible, Sendable {
    case cannotRead(reason: String)
    /// The path names a pipe, device or socket (or a link to one), not a file.
    case notARegularFile
    case tooLarge(bytes: Int, limit: Int)
    case binary
    case invalidUTF8(byte: UInt8, offset: Int)
    case invalidUTF16(offset: Int)
    case unknownEncoding(name: String)
    case empty
    case unsupportedType(fileExtension: String)
    case htmlNotParsed(reason: String)
    /// A JSON Lines line that is not JSON, with the parser's explanation.
    case invalidJSON(line: Int, detail: String)
    case notAnObject(line: Int)
    case noBody(line: Int)
    /// A failure of one line of a JSON Lines export.
    indirect case onLine(Int, IngestFailure)

    /// The status of the article this failure produces.
    var status: ArticleStatus {
        switch self {
        case .empty: return .empty
        case .tooLarge, .unsupportedType, .unknownEncoding: return .unsupported
        case .onLine(_, let inner): return inner.status
        default: return .unreadable
        }
    }

    var description: String {
        switch self {
        case .cannotRead(let reason): return Self.cannotReadPrefix + reason
        case .notARegularFile: return "not a regular file (a pipe, device or socket is not read)"
        case .tooLarge(let bytes, let limit):
            return "file is \(Self.megabytes(bytes)), larger than the \(Self.megabytes(limit)) limit for one article"
        case .binary: return "binary file, not text"
        case .invalidUTF8(let byte, let offset):
            return "not valid UTF-8 text (byte 0x\(String(format: "%02X", byte)) at offset \(offset))"
        case .invalidUTF16(let offset): return "not valid UTF-16 text (broken surrogate pair at offset \(offset))"
        case .unknownEncoding(let name): return "unknown character encoding \"\(name)\""
        case .empty: return "no text in the article"
        case .unsupportedType(let ext):
            return ext.isEmpty ? "not an article file (no extension)" : "not an article file type (.\(ext))"
        case .htmlNotParsed(let reason): return "HTML could not be read: \(reason)"
        case .invalidJSON(let line, let detail): return "line \(line): not valid JSON (\(detail))"
        case .notAnObject(let line): return "line \(line): not a JSON object"
        case .noBody(let line): return "line \(line): no body or html field"
        case .onLine(let line, let inner): return "line \(line): \(inner)"
        }
    }

    /// How a `cannotRead` failure starts: the file could not be read at all (an I/O error), as
    /// opposed to read and found bad.
    static let cannotReadPrefix = "cannot read the file: "

    static func megabytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / 1_048_576
        return mb == mb.rounded() ? "\(Int(mb)) MB" : String(format: "%.1f MB", mb)
    }
}
