import Foundation
import Yams

/// A YAML mapping read from a file, with typed look-ups whose errors name the file and the key.
///
/// Config files are small and hand-edited, so a precise message ("key 'window.from' must be a
/// date YYYY-MM-DD, found 'yesterday'") matters more than decoding speed.
struct YAMLDocument {
    let path: String
    let root: [String: Any]
    private let prefix: String

    init(path: String, root: [String: Any], prefix: String = "") {
        self.path = path
        self.root = root
        self.prefix = prefix
    }

    /// Reads and parses `url`; a missing or malformed file is a `ConfigError`.
    static func load(_ url: URL) throws -> YAMLDocument {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else { throw ConfigError.missingFile(path: path) }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigError.unreadable(path: path, reason: "not UTF-8 text or not readable")
        }
        // Configuration files are small; a huge one, or one whose aliases multiply (a "billion
        // laughs"), would take the machine's memory before a key is read.
        guard text.utf8.count <= Self.maximumBytes else {
            throw ConfigError.invalidYAML(
                path: path, reason: "larger than \(Self.maximumBytes / 1024) KiB; a configuration file is never that big")
        }
        // Parsed once: the checked tree is the one turned into values (`Yams.load` is the same
        // composition followed by `Node.any`; a second parse was most of a config file's cost).
        guard let node = try checkedTree(text, path: path) else { return YAMLDocument(path: path, root: [:]) }
        let parsed = node.any
        guard let mapping = parsed as? [String: Any] else {
            throw ConfigError.wrongValue(path: path, key: "(top level)", expected: "a mapping of keys to values", found: describe(parsed))
        }
        return YAMLDocument(path: path, root: mapping)
    }

    /// The largest configuration file read (1 MiB).
    static let maximumBytes = 1 << 20
    /// The most values a document may hold once its aliases are expanded.
    static let maximumValues = 200_000

    /// The composed document (nil when empty), once a walk of it as loading would expand it
    /// stayed under `maximumValues`: the walk costs no more than that, whatever the aliases.
    private static func checkedTree(_ text: String, path: String) throws -> Node? {
        let root: Node?
        do {
            // Dates stay text: YAML's timestamp type rolls "2022-02-30" over to 2 March, and
            // every date here is checked as the text the user wrote.
            root = try Yams.compose(yaml: text, Resolver.default.removing(.timestamp))
        } catch {
            throw ConfigError.invalidYAML(path: path, reason: "\(error)")
        }
        guard let root else { return nil }
        var budget = maximumValues
        func fits(_ node: Node) -> Bool {
            budget -= 1
            guard budget >= 0 else { return false }
            switch node {
            case .mapping(let mapping): return mapping.allSatisfy { fits($0.key) && fits($0.value) }
            case .sequence(let sequence): return sequence.allSatisfy(fits)
            default: return true
            }
        }
        guard fits(root) else {
            throw ConfigError.invalidYAML(path: path, reason: "expands to more than \(maximumValues) values (aliases repeating aliases?)")
        }
        return root
    }

    func keyPath(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }

    func contains(_ key: String) -> Bool { root[key] != nil && !(root[key] is NSNull) }

    /// Fails on keys outside `known`, so a typo does not silently fall back to a default.
    func rejectUnknownKeys(_ known: [String]) throws {
        for key in root.keys.sorted() where !known.contains(key) {
            throw ConfigError.unknownKey(path: path, key: keyPath(key), known: known)
        }
    }

    func string(_ key: String) throws -> String? {
        guard let value = root[key], !(value is NSNull) else { return nil }
        if let text = value as? String { return text }
        if let number = value as? Int { return String(number) }
        if let flag = value as? Bool { return String(flag) }
        throw ConfigError.wrongValue(path: path, key: keyPath(key), expected: "a text value", found: Self.describe(value))
    }

    func requiredString(_ key: String, expected: String = "a text value") throws -> String {
        guard let text = try string(key) else {
            throw ConfigError.missingKey(path: path, key: keyPath(key), expected: expected)
        }
        return text
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = root[key], !(value is NSNull) else { return nil }
        guard let flag = value as? Bool else {
            throw ConfigError.wrongValue(path: path, key: keyPath(key), expected: "true or false", found: Self.describe(value))
        }
        return flag
    }

    func int(_ key: String) throws -> Int? {
        guard let value = root[key], !(value is NSNull) else { return nil }
        guard let number = value as? Int else {
            throw ConfigError.wrongValue(path: path, key: keyPath(key), expected: "a whole number", found: Self.describe(value))
        }
        return number
    }

    /// A list of text values; a single text value is accepted as a list of one.
    func strings(_ key: String) throws -> [String]? {
        guard let value = root[key], !(value is NSNull) else { return nil }
        if let text = value as? String { return [text] }
        guard let list = value as? [Any] else {
            throw ConfigError.wrongValue(path: path, key: keyPath(key), expected: "a list of text values", found: Self.describe(value))
        }
        return try list.enumerated().map { index, item in
            if let text = item as? String { return text }
            if let number = item as? Int { return String(number) }
            throw ConfigError.wrongValue(path: path, key: "\(keyPath(key))[\(index)]", expected: "a text value", found: Self.describe(item))
        }
    }

    /// A date written `YYYY-MM-DD` (YAML may already have turned it into a timestamp).
    func date(_ key: String) throws -> PartialDate? {
        guard let value = root[key], !(value is NSNull) else { return nil }
        if let date = value as? Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return PartialDate(year: parts.year!, month: parts.month!, day: parts.day!)
        }
        if let text = value as? String, text.count == 10, let date = PartialDate(iso: text), date.precision == .day {
            return date
        }
        throw ConfigError.wrongValue(path: path, key: keyPath(key), expected: "a date YYYY-MM-DD", found: Self.describe(value))
    }

    func mapping(_ key: String) throws -> YAMLDocument? {
        guard let value = root[key], !(value is NSNull) else { return nil }
        guard let mapping = value as? [String: Any] else {
            throw ConfigError.wrongValue(
                path: path, key: keyPath(key), expected: "a mapping of keys to values", found: Self.describe(value))
        }
        return YAMLDocument(path: path, root: mapping, prefix: keyPath(key))
    }

    /// A list of mappings, e.g. the `units` list of the gazetteer.
    func mappings(_ key: String) throws -> [YAMLDocument]? {
        guard let value = root[key], !(value is NSNull) else { return nil }
        guard let list = value as? [Any] else {
            throw ConfigError.wrongValue(path: path, key: keyPath(key), expected: "a list of mappings", found: Self.describe(value))
        }
        return try list.enumerated().map { index, item in
            guard let mapping = item as? [String: Any] else {
                throw ConfigError.wrongValue(
                    path: path, key: "\(keyPath(key))[\(index)]", expected: "a mapping", found: Self.describe(item))
            }
            return YAMLDocument(path: path, root: mapping, prefix: "\(keyPath(key))[\(index)]")
        }
    }

    static func describe(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return "nothing"
        case let text as String: return "'\(text)'"
        case let list as [Any]: return "a list of \(list.count)"
        case is [String: Any]: return "a mapping"
        case let other?: return "'\(other)'"
        }
    }
}
