import Foundation

/// One annotated passage of a gold file (`spec/records.md`, "Scoring").
public struct GoldArticle: Sendable {
    struct GoldEvent: Sendable {
        var unit: String
        var kind: String
        /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or nil when the text cannot justify a year.
        var date: PartialDate?
        var chair: String?
    }

    var id: String
    var url: String?
    var published: PartialDate?
    var text: String
    var events: [GoldEvent]
    var note: String?
    /// The article as `ArticleLoader` read it from the file `id` names, when the gold line has no
    /// `text`; nil for passages given inline.
    var loaded: Article?

    /// The article the extractor is given: the loaded file as production reads it (its own
    /// metadata, dateline and URL), or the inline passage with `published` as the reference date.
    var article: Article {
        if let loaded { return loaded }
        return Article(source: id, url: url, referenceDate: published.map { ReferenceDate(value: $0, basis: "published") }, text: text)
    }
}

/// Errors reading a gold file, naming the file and line.
enum GoldSetError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String)
    case badLine(path: String, line: Int, reason: String)
    case badArticle(path: String, line: Int, article: String, reason: String)

    var description: String {
        switch self {
        case .unreadable(let path): return "\(path): cannot read the gold file"
        case .badLine(let path, let line, let reason): return "\(path):\(line): \(reason)"
        case .badArticle(let path, let line, let article, let reason):
            return "\(path):\(line): the article '\(article)' cannot be used: \(reason)"
        }
    }
}

/// A gold file: JSON Lines of `{"id", "url", "published", "text", "events", "note"}`.
///
/// A line without `text` names an article file by its `id`, relative to `articlesDirectory`
/// (`path:N` is line N of a JSON Lines export, from 1); the file is read with `loader`, built
/// from the config as a run builds it, so exactly as a run reads it.
public enum GoldSet {
    public static func load(_ url: URL, articlesDirectory: URL? = nil, loader: ArticleLoader) throws -> [GoldArticle] {
        let base = articlesDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var exports: [String: [Article]] = [:]
        guard let data = FileManager.default.contents(atPath: url.path) else { throw GoldSetError.unreadable(path: url.path) }
        var result: [GoldArticle] = []
        let bytes = [UInt8](data)
        var lines: [Range<Int>] = []
        var lineStart = 0
        for i in bytes.indices where bytes[i] == 0x0A {
            lines.append(lineStart..<i)
            lineStart = i + 1
        }
        if lineStart < bytes.count { lines.append(lineStart..<bytes.count) }
        for (index, line) in lines.enumerated() {
            if bytes[line].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let trimmed = Data(bytes[line])
            func fail(_ reason: String) -> GoldSetError { .badLine(path: url.path, line: index + 1, reason: reason) }
            guard let object = try? JSONSerialization.jsonObject(with: trimmed) as? [String: Any] else {
                throw fail("not a JSON object")
            }
            guard let id = object["id"] as? String else { throw fail("missing 'id'") }
            var text = object["text"] as? String ?? ""
            var loaded: Article?
            if object["text"] == nil {
                let article = try loadArticle(id, base: base, loader: loader, exports: &exports) {
                    GoldSetError.badArticle(path: url.path, line: index + 1, article: id, reason: $0)
                }
                loaded = article
                text = article.text
            }
            text.makeContiguousUTF8()
            var published: PartialDate?
            if let p = object["published"] as? String {
                guard let date = PartialDate(iso: p) else { throw fail("'published' must be YYYY-MM or YYYY-MM-DD, found '\(p)'") }
                published = date
            }
            var events: [GoldArticle.GoldEvent] = []
            for (k, item) in ((object["events"] as? [Any]) ?? []).enumerated() {
                guard let e = item as? [String: Any], let unit = e["unit"] as? String, let kind = e["kind"] as? String else {
                    throw fail("events[\(k)] needs 'unit' and 'kind'")
                }
                var date: PartialDate?
                if let d = e["date"] as? String {
                    guard let parsed = PartialDate(iso: d) else { throw fail("events[\(k)].date is not a date: '\(d)'") }
                    date = parsed
                }
                events.append(.init(unit: unit, kind: kind, date: date, chair: e["chair"] as? String))
            }
            result.append(
                GoldArticle(
                    id: id, url: object["url"] as? String, published: published, text: text,
                    events: events, note: object["note"] as? String, loaded: loaded))
        }
        return result
    }

    /// The article `id` names: a file, or `export.jsonl:N`.
    private static func loadArticle(
        _ id: String, base: URL, loader: ArticleLoader, exports: inout [String: [Article]],
        fail: (String) -> GoldSetError
    ) throws -> Article {
        var path = id
        var lineNumber: Int?
        if let colon = id.lastIndex(of: ":"), let n = Int(id[id.index(after: colon)...]), n >= 1 {
            path = String(id[..<colon])
            lineNumber = n
        }
        let file = InputFile(url: base.appendingPathComponent(path), displayPath: path)
        guard FileManager.default.fileExists(atPath: file.url.path) else { throw fail("no such file \(file.url.path)") }
        guard file.format != nil else { throw fail("not an article file (.txt, .html or .jsonl)") }
        let articles: [Article]
        if let cached = exports[path] {
            articles = cached
        } else {
            articles = loader.load(file)
            if file.format == .jsonLines { exports[path] = articles }
        }
        let article: Article?
        if let n = lineNumber {
            article = articles.first { $0.source == id }
            if article == nil { throw fail("\(path) has no article on line \(n)") }
        } else {
            if file.format == .jsonLines { throw fail("name the line of a JSON Lines export as \(path):N") }
            article = articles.first
        }
        guard let found = article else { throw fail("nothing was read") }
        guard found.status == .ok else { throw fail(found.error ?? found.status.rawValue) }
        return found
    }
}
