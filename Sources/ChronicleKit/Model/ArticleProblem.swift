import Foundation

/// An article that could not be used, or whose meeting could not be dated, for the reports'
/// problems section and stderr.
public struct ArticleProblem: Sendable, Hashable, Codable, Comparable {
    public var source: String
    /// In English, for stderr and logs; the reports word a correction's problem themselves.
    public var reason: String
    /// Set for a correction that matches nothing (`source` is then the corrections file): the
    /// reports list it in a section of its own, in their language, not among the articles.
    public var correction: CorrectionReference?

    /// A correction, by its place in the file (`corrections[2]`) and what it targets (`id …`, `url …`).
    public struct CorrectionReference: Sendable, Hashable, Codable {
        public var key: String
        public var target: String
    }

    init(source: String, reason: String, correction: CorrectionReference? = nil) {
        self.source = source
        self.reason = reason
        self.correction = correction
    }

    /// Whether it is a warning (`ProblemReason.Code.isWarning`): the article was read and used,
    /// something in it was not. Reported like the other problems, listed apart, never fatal.
    public var isWarning: Bool {
        correction == nil && ProblemReason(parsing: reason).code.isWarning
    }

    /// The problem as one log line: "source: reason", with line breaks, tabs and other control
    /// characters written as escapes, so a file name holding a newline cannot split the line a
    /// cron mail or a log reader counts as one problem.
    public var logLine: String {
        Self.escaped(source) + ": " + Self.escaped(reason)
    }

    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x20, 0x7F: out += String(format: "\\x%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public static func < (lhs: ArticleProblem, rhs: ArticleProblem) -> Bool {
        (lhs.source, lhs.reason) < (rhs.source, rhs.reason)
    }
}
