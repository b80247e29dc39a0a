import Foundation

/// Reads article files into clean NFC articles. Never throws: a file that cannot be read becomes
/// an article with a non-ok status and the reason, so one bad file costs nothing else.
///
/// Formats: plain text (UTF-8, UTF-16 with BOM), HTML pages (libxml2, declared charset or
/// UTF-8), and JSON Lines crawler exports (one article per line, source `path:N`). A text or
/// HTML file whose path holds a date (`2023/01/2023-01-06-….txt`) keeps it as `pathDate`.
public struct ArticleLoader: Sendable {
    /// Changes whenever loading can give a different article for the same file (as
    /// `ArticleExtractor.version` does for extraction); part of the version stored records carry.
    /// 2: a date in the file's path. 4: the text's key (`ArticleFingerprint.text`). 5: a
    /// publication date that is not a date is kept for a warning; "2022.5" is no year-month. 6: the
    /// text key and the content hash are XXH3 (`FileHasher`); U+1680 is a space like the others.
    static let version = "6"

    /// The largest text or HTML file read as one article (10 MB); one article is never that big,
    /// so a larger file is reported as unsupported without being read.
    static let maximumArticleFileSize = 10 * 1024 * 1024

    let noiseFilter: NoiseFilter
    let htmlParser: HTMLArticleParser

    /// `noise`: the config's noise phrases (`NoisePhrases.load(configDirectory:)`).
    public init(noise: NoisePhrases) {
        noiseFilter = NoiseFilter(phrases: noise)
        htmlParser = HTMLArticleParser(noise: noise)
    }

    /// Reads one file; a JSON Lines export gives one article per line.
    public func load(_ file: InputFile) -> [Article] {
        var articles: [Article] = []
        if let failed = load(file, each: { articles.append($0) }) { return [failed] }
        return articles
    }

    /// Reads one file and hands each article to `body` as it is read: a JSON Lines export one
    /// line at a time from the file, never held whole (nor its articles). Returns nil when the
    /// file was read to its end; else the failed article that stands for the whole file (it
    /// could not be opened, or not read to its end), which replaces whatever `body` was given.
    public func load(_ file: InputFile, each body: (Article) -> Void) -> Article? {
        var contentHash: UInt64?
        return load(file, contentHash: &contentHash, each: body)
    }

    /// `load(_:each:)`, setting `contentHash` to the hash of the file's bytes (`ContentHash`,
    /// `FileHasher`) when it was read to its end: a new file is read once, not once to
    /// hash it and again to extract it.
    func load(_ file: InputFile, contentHash: inout UInt64?, each body: (Article) -> Void) -> Article? {
        let source = file.displayPath
        guard let format = file.format else {
            return Self.failed(source, .unsupportedType(fileExtension: file.url.pathExtension))
        }
        let path = file.path
        if format == .jsonLines { return loadExport(path, source: source, contentHash: &contentHash, each: body) }
        switch RegularFileReader.contents(of: path, limit: Self.maximumArticleFileSize) {
        case .bytes(let bytes):
            contentHash = bytes.withUnsafeBytes { FileHasher.hash($0) }
            for article in bytes.withUnsafeBufferPointer({ load(bytes: $0, source: source, format: format) }) { body(article) }
            return nil
        case .notARegularFile: return Self.failed(source, .notARegularFile)
        case .tooLarge(let size): return Self.failed(source, .tooLarge(bytes: size, limit: Self.maximumArticleFileSize))
        case .failed(let reason): return Self.failed(source, .cannotRead(reason: reason))
        case .unopened: return Self.failed(source, .cannotRead(reason: Self.reasonUnopened(path)))
        }
    }

    /// A crawler export, read line by line (`JSONLinesReader`) once `stat` says it is a regular file.
    private func loadExport(_ path: String, source: String, contentHash: inout UInt64?, each body: (Article) -> Void) -> Article? {
        // `stat` follows a link: the scanner counts links to regular files as files, and what
        // the link points to is what would be read.
        var info = stat()
        if stat(path, &info) == 0 {
            // Opening a FIFO blocks until a writer comes; a device may never end.
            guard info.st_mode & S_IFMT == S_IFREG else { return Self.failed(source, .notARegularFile) }
        } else {
            return Self.failed(source, .cannotRead(reason: Self.reasonUnopened(path)))
        }
        // Read, not mapped: a crawler rewriting its export during the night truncates a mapped
        // file under the reader, and touching the lost pages kills the process (SIGBUS).
        let hasher = FileHasher()
        let failure = JSONLinesReader(loader: self).forEachArticle(inFileAt: path, source: source, hasher: hasher, body)
        if let failure { return Self.failed(source, failure) }
        contentHash = hasher.value
        return nil
    }

    /// Why the file at `path` cannot be opened, in the words the FileManager gives.
    private static func reasonUnopened(_ path: String) -> String {
        do {
            _ = try FileManager.default.attributesOfItem(atPath: path)
            _ = try Data(contentsOf: URL(fileURLWithPath: path, isDirectory: false))
        } catch {
            return describe(error)
        }
        return "could not be opened"
    }

    /// Reads the bytes of one article file (for tests and benchmarks, and the file path above).
    func load(data: Data, source: String, format: ArticleFormat) -> [Article] {
        if format != .jsonLines, data.count > Self.maximumArticleFileSize {
            return [Self.failed(source, .tooLarge(bytes: data.count, limit: Self.maximumArticleFileSize))]
        }
        return data.withUnsafeBytes { load(bytes: $0.bindMemory(to: UInt8.self), source: source, format: format) }
    }

    private func load(bytes: UnsafeBufferPointer<UInt8>, source: String, format: ArticleFormat) -> [Article] {
        switch format {
        case .text: return [article(source: source, datedByPath: true) { text(bytes) }]
        case .html: return [article(source: source, datedByPath: true) { html(bytes) }]
        case .jsonLines: return JSONLinesReader(loader: self).articles(in: bytes, source: source)
        }
    }

    // MARK: - Formats

    /// `datedByPath`: the file is one article, so a date in its path (`PathDate`) is the
    /// article's (an export's path dates the export, not its lines).
    func article(source: String, datedByPath: Bool = false, _ read: () -> Result<Article, IngestFailure>) -> Article {
        switch read() {
        case .success(var article):
            article.source = source
            if datedByPath { article.pathDate = Self.pathDate(source) }
            assert(NoiseFilter.isClean(article.utf8), "the text key reads the noise filter's output as it is")
            article.textKey = ArticleFingerprint.text(cleaned: article.utf8, title: article.title)
            return article
        case .failure(let failure):
            return Self.failed(source, failure)
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Article, IngestFailure> {
        // UTF-8 is checked by the noise filter as it copies the text; what it refuses, and
        // UTF-16, are decoded (and said) as before.
        if let body = TextDecoder.utf8Body(bytes), let cleaned = noiseFilter.clean(validatingUTF8: body) {
            return article(cleaned: cleaned, title: nil)
        }
        return TextDecoder().decode(bytes).flatMap { plainText($0) }
    }

    /// Cleans decoded plain text; the first line is the title when it reads like a headline.
    func plainText(_ decoded: String, title: String? = nil) -> Result<Article, IngestFailure> {
        article(cleaned: noiseFilter.cleanedBytes(decoded), title: title)
    }

    /// The article of cleaned text (`NoiseFilter`): well-formed UTF-8.
    private func article(cleaned text: [UInt8], title: String?) -> Result<Article, IngestFailure> {
        guard !text.isEmpty else { return .failure(.empty) }
        let title = title.flatMap(HTMLArticleParser.inline) ?? HeadlineRule.headline(ofUTF8: text)
        return .success(Article(source: "", title: title, utf8: text))
    }

    /// Reads a page; `decoded` pages (from a JSON string) are UTF-8 whatever their meta says.
    func html(_ bytes: UnsafeBufferPointer<UInt8>, decoded: Bool = false) -> Result<Article, IngestFailure> {
        let charset = decoded ? "UTF-8" : HTMLCharset.declared(in: bytes) ?? "UTF-8"
        if HTMLCharset.isUTF8(charset) {
            let start = TextDecoder.byteOrderMarkLength(bytes)
            let body = UnsafeBufferPointer(rebasing: bytes[start...])
            if TextDecoder.looksBinary(body) { return .failure(.binary) }
            if let bad = TextDecoder.firstInvalidUTF8(body) {
                return .failure(.invalidUTF8(byte: body[bad], offset: start + bad))
            }
        } else if !HTMLDocument.knowsEncoding(charset) {
            return .failure(.unknownEncoding(name: charset))
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .failure(.empty) }
        switch htmlParser.parse(bytes, encoding: charset) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let page):
            let text = noiseFilter.cleanedBytes(page.text)
            if text.isEmpty {
                if page.truncatedByDepth {
                    return .failure(
                        .htmlNotParsed(reason: "elements nested too deeply (libxml2 stops at 256 levels) before any article text"))
                }
                return .failure(.empty)
            }
            var article = Article(source: "", title: page.title, utf8: text)
            article.url = page.url
            article.referenceDate = page.referenceDate
            article.unreadableDate = page.unreadableDate
            return .success(article)
        }
    }

    /// The reference date a path gives, when it is at least a month. A year folder alone
    /// (`2023/bai.txt`) is not used: a day and month resolved against a bare year goes wrong for
    /// a meeting of late December reported in January (filed under the new year), the very
    /// year-end reviews Chronicle reads, whose year the period reviewed already decides.
    static func pathDate(_ path: String) -> ReferenceDate? {
        guard let found = PathDate.parse(path), found.value.precision != .year else { return nil }
        return ReferenceDate(value: found.value, basis: "path", evidence: found.evidence)
    }

    static func failed(_ source: String, _ failure: IngestFailure) -> Article {
        .failed(source: source, status: failure.status, reason: failure.description)
    }

    static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let message = strerror(Int32(underlying.code))
        {
            return String(cString: message)
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        return nsError.localizedDescription
    }
}
