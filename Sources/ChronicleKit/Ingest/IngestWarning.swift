/// Something in an article that was read all the same but could not be used: the article is
/// extracted without it, and the run reports it with the article's source as a warning, which
/// neither fails the run nor `--strict` (`ProblemReason.Code.isWarning`).
///
/// The description is written for the user, and `ProblemReason` reads it back (keep the two in
/// step, as for `IngestFailure`).
enum IngestWarning: Equatable, Sendable, CustomStringConvertible {
    /// A publication date that is not a date: `field` names the field and its value as written
    /// (`published "2022.5"`, `meta article:published_time "hôm qua"`). `yearFromPath`: the
    /// article's reference date then came from its file's path, else from its text (a dateline)
    /// or from nothing.
    case unreadableDate(field: String, yearFromPath: Bool)

    var description: String {
        switch self {
        case .unreadableDate(let field, let yearFromPath):
            return field + Self.unreadableDateMiddle + (yearFromPath ? Self.fromPath : Self.fromText)
        }
    }

    static let unreadableDateMiddle = " is not a date I can read; the year was resolved from "
    static let fromText = "the article's text"
    static let fromPath = "the file's path"
}
