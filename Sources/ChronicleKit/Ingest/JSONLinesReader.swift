import Foundation

/// Reads a crawler export: one JSON object per line with `url`, `title`, `published` (ISO date,
/// timestamp or Unix time), and `body` (plain text; `text` is accepted too) or `html`. Each
/// line becomes one article whose source is `path:N` (N from 1); blank lines are skipped, and
/// a bad line only costs its own article. Lines are parsed one at a time from the bytes.
struct JSONLinesReader {
    let loader: ArticleLoader

    func articles(in bytes: UnsafeBufferPointer<UInt8>, source: String) -> [Article] {
        var articles: [Article] = []
        guard let base = bytes.baseAddress else { return [] }
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            let end: Int
            if let newline = memchr(base + start, 0x0A, bytes.count - start) {
                end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            } else {
                end = bytes.count
            }
            var lineEnd = end
            while lineEnd > start, Self.isSpace(bytes[lineEnd - 1]) { lineEnd -= 1 }
            var lineStart = start
            while lineStart < lineEnd, Self.isSpace(bytes[lineStart]) { lineStart += 1 }
            if lineStart < lineEnd {
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                let lineSource = "\(source):\(lineNumber)"
                switch article(line, number: lineNumber) {
                case .success(var article):
                    article.source = lineSource
                    article.textKey = ArticleFingerprint.text(article.text, title: article.title)
                    articles.append(article)
                case .failure(let failure):
                    articles.append(ArticleLoader.failed(lineSource, failure))
                }
            }
            start = end + 1
        }
        return articles
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

    func article(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Result<Article, IngestFailure> {
        if line.count > ArticleLoader.maximumArticleFileSize {
            return .failure(.onLine(number, .tooLarge(bytes: line.count, limit: ArticleLoader.maximumArticleFileSize)))
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(buffer: line), options: [])
        } catch {
            return .failure(.invalidJSON(line: number, detail: Self.detail(of: error)))
        }
        guard let fields = object as? [String: Any] else { return .failure(.notAnObject(line: number)) }
        let url = Self.string(fields["url"])
        let title = Self.string(fields["title"])
        let (published, unreadableDate) = Self.published(fields["published"])
        var result: Result<Article, IngestFailure>
        if let body = Self.string(fields["body"]) ?? Self.string(fields["text"]) {
            result = loader.plainText(body, title: title)
        } else if let html = Self.string(fields["html"]) {
            var utf8 = html
            result = utf8.withUTF8 { bytes in
                loader.html(bytes, decoded: true).map { page in
                    var page = page
                    if let title = title.flatMap(HTMLArticleParser.inline) { page.title = title }
                    return page
                }
            }
        } else {
            return .failure(.noBody(line: number))
        }
        result = result.map { article in
            var article = article
            if let url { article.url = url }
            if let published {
                article.referenceDate = ReferenceDate(value: published, basis: "published")
                article.unreadableDate = nil
            } else if let unreadableDate, article.referenceDate == nil {
                // Unless an embedded page's own metadata dated it.
                article.unreadableDate = unreadableDate
            }
            return article
        }
        return result.mapError { .onLine(number, $0) }
    }

    /// The `published` field's date; or, when it holds something else than a date (and is not
    /// empty or null), that value as a warning shows it (`published "2022.5"`).
    static func published(_ value: Any?) -> (date: PartialDate?, unreadable: String?) {
        switch value {
        case nil, is NSNull:
            return (nil, nil)
        case let text as String:
            if text.allSatisfy(\.isWhitespace) { return (nil, nil) }
            if let date = MetadataDate.parse(text) { return (date, nil) }
            return (nil, "published " + MetadataDate.shown(text))
        case let number as NSNumber where !(value is Bool):
            // A whole number of seconds or milliseconds; 2022.5 or a bare 2022 is no epoch.
            if number.doubleValue == number.doubleValue.rounded(), number.doubleValue >= 100_000_000, number.doubleValue < 1e15,
                let date = MetadataDate.fromEpoch(seconds: number.intValue)
            {
                return (date, nil)
            }
            return (nil, "published \(number.stringValue)")
        case let flag as Bool:
            return (nil, "published \(flag)")
        case is [Any]:
            return (nil, "published (a JSON array)")
        default:
            return (nil, "published (a JSON object)")
        }
    }

    static func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        return text.isEmpty ? nil : text
    }

    /// The parser's own explanation, without Foundation's generic sentence around it.
    static func detail(of error: Error) -> String {
        let nsError = error as NSError
        if let debug = nsError.userInfo[NSDebugDescriptionErrorKey] as? String, !debug.isEmpty { return debug }
        return nsError.localizedDescription
    }
}
