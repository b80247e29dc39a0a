import Foundation

/// Reads a crawler export: one JSON object per line with `url`, `title`, `published` (ISO date,
/// timestamp or Unix time), and `body` (plain text; `text` is accepted too) or `html`. Each
/// line becomes one article whose source is `path:N` (N from 1); blank lines are skipped, and
/// a bad line only costs its own article. Lines are parsed one at a time from the bytes.
///
/// A run reads an export from its file a buffer at a time (`forEachArticle(inFileAt:)`), so an
/// export of any size costs the buffer and one line; `articles(in:)` reads one held in memory,
/// line for line the same.
struct JSONLinesReader {
    let loader: ArticleLoader

    func articles(in bytes: UnsafeBufferPointer<UInt8>, source: String) -> [Article] {
        var articles: [Article] = []
        guard let base = bytes.baseAddress else { return [] }
        var start = bytes.starts(with: Self.byteOrderMark) ? 3 : 0
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            let end: Int
            if let newline = memchr(base + start, 0x0A, bytes.count - start) {
                end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            } else {
                end = bytes.count
            }
            if let article = article(line: UnsafeBufferPointer(rebasing: bytes[start..<end]), number: lineNumber, source: source) {
                articles.append(article)
            }
            start = end + 1
        }
        return articles
    }

    /// Reads the export at `path` a buffer at a time and hands each line's article to `body` as
    /// soon as it is read. The buffer grows only to hold a line that may still be an article
    /// (`ArticleLoader.maximumArticleFileSize`); a longer line is passed over, not held, and
    /// reported as too large. Returns the failure that stopped the reading (the file could not be
    /// opened or read), nil at the file's end.
    func forEachArticle(
        inFileAt path: String, source: String, bufferSize: Int = 1 << 20, _ body: (Article) -> Void
    ) -> IngestFailure? {
        forEachArticle(inFileAt: path, source: source, bufferSize: bufferSize, hasher: FileHasher(), body)
    }

    /// `forEachArticle(inFileAt:source:bufferSize:_:)`, with `hasher` going on with every byte
    /// read: the file's content hash at its end.
    func forEachArticle(
        inFileAt path: String, source: String, bufferSize: Int = 1 << 20, hasher: FileHasher, _ body: (Article) -> Void
    ) -> IngestFailure? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .cannotRead(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: max(bufferSize, 4))
        var lines = LineState()
        var checkedMark = false
        while true {
            if lines.filled == buffer.count {
                // One line fills the buffer: room for more of it while it may be an article.
                if buffer.count <= ArticleLoader.maximumArticleFileSize {
                    buffer += repeatElement(0, count: buffer.count)
                } else {
                    lines.passOver()
                }
            }
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + lines.filled, $0.count - lines.filled) }
            if got < 0 {
                if errno == EINTR { continue }
                return .cannotRead(reason: String(cString: strerror(errno)))
            }
            let before = lines.filled
            buffer.withUnsafeBytes { hasher.add(UnsafeRawBufferPointer(rebasing: $0[before..<(before + got)])) }
            lines.filled += got
            let atEnd = got == 0
            if !checkedMark {
                guard lines.filled >= 3 || atEnd else { continue }
                checkedMark = true
                if buffer.starts(with: Self.byteOrderMark) { lines.consumed = 3 }
            }
            buffer.withUnsafeBufferPointer { lines.split($0, atEnd: atEnd, source: source, reader: self, body) }
            if atEnd { return nil }
            lines.keepRest(of: &buffer)
        }
    }

    /// Where `forEachArticle(inFileAt:)` stands in its buffer.
    private struct LineState {
        /// Bytes read into the buffer.
        var filled = 0
        /// Bytes of the buffer already handed on (whole lines, the byte order mark).
        var consumed = 0
        var lineNumber = 0
        /// Bytes of a line too long to hold that were passed over so far; nil when none is.
        var passedOver: Int?

        /// Forgets the buffer's bytes, which belong to a line too long to be an article.
        mutating func passOver() {
            passedOver = (passedOver ?? 0) + filled - consumed
            filled = 0
            consumed = 0
        }

        /// Hands on every whole line in `bytes[consumed..<filled]`, and the last one at the end.
        mutating func split(
            _ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool, source: String, reader: JSONLinesReader, _ body: (Article) -> Void
        ) {
            let base = bytes.baseAddress!
            while consumed < filled || (atEnd && passedOver != nil) {
                let end: Int
                if consumed < filled, let newline = memchr(base + consumed, 0x0A, filled - consumed) {
                    end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                } else if atEnd {
                    end = filled
                } else {
                    return
                }
                lineNumber += 1
                if let skipped = passedOver {
                    let size = skipped + end - consumed
                    let failure = IngestFailure.onLine(lineNumber, .tooLarge(bytes: size, limit: ArticleLoader.maximumArticleFileSize))
                    body(ArticleLoader.failed("\(source):\(lineNumber)", failure))
                    passedOver = nil
                } else if let article = reader.article(
                    line: UnsafeBufferPointer(rebasing: bytes[consumed..<end]), number: lineNumber, source: source)
                {
                    body(article)
                }
                consumed = end + 1
            }
        }

        /// Moves the unfinished line to the buffer's start (or forgets it, when it is passed over).
        mutating func keepRest(of buffer: inout [UInt8]) {
            if passedOver != nil {
                passOver()
                return
            }
            guard consumed > 0 else { return }
            let rest = max(filled - consumed, 0)
            if rest > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    _ = memmove(raw.baseAddress!, raw.baseAddress! + consumed, rest)
                }
            }
            filled = rest
            consumed = 0
        }
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The article of one line, `source:number`; nil for a blank line.
    func article(line raw: UnsafeBufferPointer<UInt8>, number: Int, source: String) -> Article? {
        var lineEnd = raw.count
        while lineEnd > 0, Self.isSpace(raw[lineEnd - 1]) { lineEnd -= 1 }
        var lineStart = 0
        while lineStart < lineEnd, Self.isSpace(raw[lineStart]) { lineStart += 1 }
        guard lineStart < lineEnd else { return nil }
        let lineSource = "\(source):\(number)"
        switch article(UnsafeBufferPointer(rebasing: raw[lineStart..<lineEnd]), number: number) {
        case .success(var article):
            article.source = lineSource
            assert(NoiseFilter.isClean(article.utf8), "the text key reads the noise filter's output as it is")
            article.textKey = ArticleFingerprint.text(cleaned: article.utf8, title: article.title)
            return article
        case .failure(let failure):
            return ArticleLoader.failed(lineSource, failure)
        }
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
