/// Why a problem arose, as a code and its parameters, read back from a problem's English
/// reason (`ArticleProblem.reason`, kept as written in stored records and printed on stderr), so
/// the reports can say it in their own language from the label file.
///
/// Each pattern here mirrors a reason written elsewhere (`IngestFailure.description`,
/// `IngestWarning.description`, the input scanner's folder problems, kept records of a file that
/// could not be read, unmatched corrections); `ProblemReasonTests` checks every one of them is recognized. A reason no pattern
/// knows is `.other` with the text as its `detail`, shown as written.
struct ProblemReason: Sendable, Hashable {
    enum Code: String, Sendable, CaseIterable {
        case cannotRead = "cannot-read"
        case notARegularFile = "not-a-regular-file"
        case tooLarge = "too-large"
        case binary
        case invalidUTF8 = "invalid-utf8"
        case invalidUTF16 = "invalid-utf16"
        case unknownEncoding = "unknown-encoding"
        case empty
        case unsupportedType = "unsupported-type"
        case noExtension = "no-extension"
        case htmlNotParsed = "html-not-parsed"
        case invalidJSON = "invalid-json"
        case notAnObject = "not-an-object"
        case noBody = "no-body"
        case keptAfterReadFailure = "kept-after-read-failure"
        case folderUnreadable = "folder-unreadable"
        case nameNotUTF8 = "name-not-utf8"
        case correctionUnmatched = "correction-unmatched"
        /// A warning: a publication date that is not a date; the year came from the text.
        case unreadableDate = "unreadable-date"
        /// A warning: the same, the year from the file's path.
        case unreadableDatePath = "unreadable-date-path"
        case other

        /// Whether a problem of this code is a warning: the article was read and used all the
        /// same, so it is listed apart and does not fail `--strict`.
        var isWarning: Bool { self == .unreadableDate || self == .unreadableDatePath }
    }

    var code: Code
    /// The line of a JSON Lines export the problem is on, when it is one line's.
    var line: Int?
    /// The reason's variable part (an I/O error, a file type, a size), as written.
    var detail: String

    init(code: Code, line: Int? = nil, detail: String = "") {
        self.code = code
        self.line = line
        self.detail = detail
    }

    /// The code and parameters of an English reason.
    init(parsing reason: String) {
        var text = Substring(reason)
        var line: Int?
        // "line 7: …" (a JSON Lines line), possibly twice ("line 7: line 7: not a JSON object").
        while text.hasPrefix("line "), let colon = text.firstIndex(of: ":"),
            let number = Int(text[text.index(text.startIndex, offsetBy: 5)..<colon])
        {
            line = line ?? number
            text = text[text.index(after: colon)...].drop { $0 == " " }
        }
        let (code, detail) = Self.classify(String(text))
        self.init(code: code, line: line, detail: detail)
    }

    /// The numbers inside `detail` of the reasons that hold some: for `tooLarge` ("12 MB, larger
    /// than the 10 MB limit") the size and the limit, for `invalidUTF8` ("byte 0xE9 at offset
    /// 120") the byte and the offset, for `invalidUTF16` the offset; the label file places them
    /// as `{1}`, `{2}`. Empty when the detail is not in the expected form.
    var parameters: [String] {
        func between(_ text: String, _ before: String, _ after: String) -> String? {
            guard let start = text.range(of: before), let end = text.range(of: after, range: start.upperBound..<text.endIndex) else {
                return nil
            }
            return String(text[start.upperBound..<end.lowerBound])
        }
        let found: [String?]
        switch code {
        case .tooLarge: found = [between(" " + detail, " ", ", larger"), between(detail, "larger than the ", " limit")]
        case .invalidUTF8: found = [between(detail, "byte ", " at"), between(detail + "$", "at offset ", "$")]
        case .invalidUTF16: found = [between(detail + "$", "at offset ", "$")]
        default: return []
        }
        let values = found.compactMap { $0 }
        return values.count == found.count ? values : []
    }

    /// Fixed reasons, by their whole text.
    private static let fixed: [String: Code] = [
        "not a regular file (a pipe, device or socket is not read)": .notARegularFile,
        "binary file, not text": .binary,
        "no text in the article": .empty,
        "not an article file (no extension)": .noExtension,
        "not a JSON object": .notAnObject,
        "no body or html field": .noBody,
        "the file name is not valid UTF-8; rename it to read it": .nameNotUTF8,
    ]

    /// Reasons with a variable part: prefix, suffix, and the code; the detail is what lies between.
    private static let framed: [(prefix: String, suffix: String, code: Code)] = [
        ("cannot read the file: ", "", .cannotRead),
        ("file is ", " for one article", .tooLarge),
        ("not valid UTF-8 text (", ")", .invalidUTF8),
        ("not valid UTF-16 text (", ")", .invalidUTF16),
        ("unknown character encoding \"", "\"", .unknownEncoding),
        ("not an article file type (.", ")", .unsupportedType),
        ("HTML could not be read: ", "", .htmlNotParsed),
        ("not valid JSON (", ")", .invalidJSON),
        ("could not be read this time (", "); its stored events are kept", .keptAfterReadFailure),
        ("cannot list folder: ", "; its articles were not read", .folderUnreadable),
        ("", ": matches no article or event (check the id or url)", .correctionUnmatched),
        ("", " is not a date I can read; the year was resolved from the article's text", .unreadableDate),
        ("", " is not a date I can read; the year was resolved from the file's path", .unreadableDatePath),
    ]

    private static func classify(_ text: String) -> (Code, String) {
        if let code = fixed[text] { return (code, "") }
        for frame in framed
        where text.hasPrefix(frame.prefix) && text.hasSuffix(frame.suffix)
            && text.count >= frame.prefix.count + frame.suffix.count
        {
            return (frame.code, String(text.dropFirst(frame.prefix.count).dropLast(frame.suffix.count)))
        }
        return (.other, text)
    }
}
