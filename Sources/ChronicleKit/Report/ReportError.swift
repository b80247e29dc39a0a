/// A report that could not be produced. These are bugs in Chronicle, not in the input: the run
/// fails and the previous reports stay in place.
enum ReportError: Error, CustomStringConvertible, Equatable {
    /// The written XML does not validate against the embedded schema.
    case invalidXML(path: String, reason: String)
    /// libxml2 could not write or parse the document.
    case xmlFailure(path: String, reason: String)
    /// libxlsxwriter could not write the workbook.
    case workbookFailure(path: String, reason: String)
    /// Reports were to be written from an outline and no way to load the whole chronology was given.
    case outlineWithoutChronology

    var description: String {
        switch self {
        case .invalidXML(let path, let reason):
            return "\(path): the generated XML does not match chronology.xsd (a bug in Chronicle, please report it): \(reason)"
        case .xmlFailure(let path, let reason):
            return "\(path): cannot write the XML report: \(reason)"
        case .workbookFailure(let path, let reason):
            return "\(path): cannot write the workbook: \(reason)"
        case .outlineWithoutChronology:
            return "the reports need the whole chronology and only its outline was given (a bug in Chronicle, please report it)"
        }
    }
}
