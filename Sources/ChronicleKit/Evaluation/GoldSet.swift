import Foundation

/// One annotated passage of a gold file (`spec/records.md`, "Scoring").
public struct GoldArticle: Sendable {
    public struct GoldEvent: Sendable {
        public var unit: String
        public var kind: String
        /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or nil when the text cannot justify a year.
        public var date: PartialDate?
        public var chair: String?
    }

    public var id: String
    public var url: String?
    public var published: PartialDate?
    public var text: String
    public var events: [GoldEvent]
    public var note: String?

    /// The article the extractor is given: `published` as the reference date, basis "published".
    public var article: Article {
        Article(source: id, url: url, referenceDate: published.map { ReferenceDate(value: $0, basis: "published") }, text: text)
    }
}

/// Errors reading a gold file, naming the file and line.
public enum GoldSetError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String)
    case badLine(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path): return "\(path): cannot read the gold file"
        case .badLine(let path, let line, let reason): return "\(path):\(line): \(reason)"
        }
    }
}

/// A gold file: JSON Lines of `{"id", "url", "published", "text", "events", "note"}`.
public enum GoldSet {
    public static func load(_ url: URL) throws -> [GoldArticle] {
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
            guard var text = object["text"] as? String else { throw fail("missing 'text'") }
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
            result.append(GoldArticle(id: id, url: object["url"] as? String, published: published, text: text,
                                      events: events, note: object["note"] as? String))
        }
        return result
    }
}
