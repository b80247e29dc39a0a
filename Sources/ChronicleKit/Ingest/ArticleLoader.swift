import Foundation

/// Reads article files into clean NFC articles. Never throws: a file that cannot be read becomes
/// an article with a non-ok status and the reason, so one bad file costs nothing else.
public struct ArticleLoader: Sendable {
    public init() {}

    /// Reads one file; a JSON Lines export gives one article per line.
    public func load(_ file: InputFile) -> [Article] {
        // TEMPORARY (ingest work in progress): plain UTF-8 text only.
        guard let data = FileManager.default.contents(atPath: file.url.path),
              let text = String(data: data, encoding: .utf8) else {
            return [.failed(source: file.displayPath, status: .unreadable, reason: "cannot read the file as UTF-8 text")]
        }
        return [Article(source: file.displayPath, text: text.precomposedStringWithCanonicalMapping)]
    }
}
