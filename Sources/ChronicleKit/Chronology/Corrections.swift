import Foundation

/// One analyst's fix from `config/corrections.yml`: which event(s) it targets and what it sets.
struct Correction: Sendable, Hashable {
    /// Where it stands in the file, e.g. `corrections[2]`, for messages.
    var key: String
    /// Targets the chronology event with this id (`ChronologyEvent.id`, as the reports show it;
    /// kept by the event when its date, unit or kind change, see `EventIdentity`).
    var eventID: String?
    /// Targets every event of the article(s) with this URL.
    var url: String?
    var unit: UnitReference?
    var kind: EventKind?
    var date: PartialDate?
    var chair: Person?
    var suppress: Bool
    var note: String?

    init(
        key: String, eventID: String? = nil, url: String? = nil, unit: UnitReference? = nil, kind: EventKind? = nil,
        date: PartialDate? = nil, chair: Person? = nil, suppress: Bool = false, note: String? = nil
    ) {
        self.key = key
        self.eventID = eventID
        self.url = url
        self.unit = unit
        self.kind = kind
        self.date = date
        self.chair = chair
        self.suppress = suppress
        self.note = note
    }

    /// "corrections[2] (id 2022-12-26-quan-doan-1-year-end-review)".
    var label: String { "\(key) (\(target))" }

    /// What it targets: "id 2022-12-26-quan-doan-1-year-end-review", "url https://…", or both.
    var target: String {
        [eventID.map { "id \($0)" }, url.map { "url \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }
}

/// The corrections file, checked and with units resolved against the gazetteer.
///
/// Format (a missing file means no corrections):
/// ```yaml
/// corrections:
///   - id: 2022-12-26-quan-doan-1-year-end-review   # or url: https://…, or both (both must match)
///     date: 2022-12-27          # YYYY, YYYY-MM or YYYY-MM-DD
///     unit: Quân đoàn 1         # canonical name or id
///     kind: year-end-review
///     chair: {rank: Thiếu tướng, name: Nguyễn Văn A}   # or just a name
///     note: the article gives the publication day
///   - url: https://example.vn/bai-viet
///     suppress: true
/// ```
struct CorrectionSet: Sendable {
    var file: URL
    var corrections: [Correction]

    init(file: URL, corrections: [Correction]) {
        self.file = file
        self.corrections = corrections
    }

    static let entryKeys = ["id", "url", "unit", "kind", "date", "chair", "suppress", "note"]

    /// Loads the corrections file of `config`; errors are `ConfigError`s naming the file and key.
    static func load(config: ChronicleConfig) throws -> CorrectionSet {
        let file = config.correctionsFile
        guard FileManager.default.fileExists(atPath: file.path) else { return CorrectionSet(file: file, corrections: []) }
        let document = try YAMLDocument.load(file)
        try document.rejectUnknownKeys(["corrections"])
        let entries = try document.mappings("corrections") ?? []
        let units = UnitDirectory(file: config.unitsFile)
        var corrections: [Correction] = []
        for (index, entry) in entries.enumerated() {
            corrections.append(try parse(entry, key: "corrections[\(index)]", units: units))
        }
        return CorrectionSet(file: file, corrections: corrections)
    }

    private static func parse(_ entry: YAMLDocument, key: String, units: UnitDirectory) throws -> Correction {
        let path = entry.path
        try entry.rejectUnknownKeys(entryKeys)
        var correction = Correction(key: key)
        correction.eventID = try entry.string("id").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        correction.url = try entry.string("url").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        if correction.eventID == nil && correction.url == nil {
            throw ConfigError.missingKey(
                path: path, key: "\(key).id", expected: "the event id or the article url the correction applies to")
        }
        if let name = try entry.string("unit") {
            guard let unit = units.resolve(name) else {
                throw ConfigError.wrongValue(
                    path: path, key: "\(key).unit", expected: "a unit's canonical name or an id listed in \(units.file.path)",
                    found: "'\(name)'")
            }
            correction.unit = unit
        }
        if let text = try entry.string("kind") {
            guard let kind = EventKind(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ConfigError.wrongValue(
                    path: path, key: "\(key).kind", expected: "one of \(EventKind.allCases.map(\.rawValue).joined(separator: ", "))",
                    found: "'\(text)'")
            }
            correction.kind = kind
        }
        if entry.contains("date") { correction.date = try date(entry, key: key) }
        if entry.contains("chair") { correction.chair = try chair(entry, key: key) }
        correction.suppress = try entry.bool("suppress") ?? false
        correction.note = try entry.string("note")
        if correction.suppress && (correction.unit != nil || correction.kind != nil || correction.date != nil || correction.chair != nil) {
            throw ConfigError.wrongValue(
                path: path, key: "\(key).suppress", expected: "alone: a suppressed event cannot also be changed",
                found: "true with other fields")
        }
        return correction
    }

    /// YAML turns `2022-12-27` into a timestamp and `2022` into a number; all three shapes are accepted.
    private static func date(_ entry: YAMLDocument, key: String) throws -> PartialDate {
        let value = entry.root["date"]
        if value is Date, let day = try entry.date("date") { return day }
        if let year = value as? Int, (1000...9999).contains(year) { return PartialDate(year: year) }
        if let text = value as? String {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if [4, 7, 10].contains(trimmed.count), let date = PartialDate(iso: trimmed), date.description == trimmed {
                return date
            }
        }
        throw ConfigError.wrongValue(
            path: entry.path, key: "\(key).date", expected: "a date YYYY, YYYY-MM or YYYY-MM-DD", found: YAMLDocument.describe(value))
    }

    private static func chair(_ entry: YAMLDocument, key: String) throws -> Person {
        if let name = entry.root["chair"] as? String, !name.trimmingCharacters(in: .whitespaces).isEmpty {
            return Person(name: name.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping, role: .chair)
        }
        guard let mapping = try? entry.mapping("chair") else {
            throw ConfigError.wrongValue(
                path: entry.path, key: "\(key).chair", expected: "a name, or a mapping with 'name' and optional 'rank'",
                found: YAMLDocument.describe(entry.root["chair"]))
        }
        try mapping.rejectUnknownKeys(["name", "rank"])
        let name = try mapping.requiredString("name", expected: "the chair's full name")
        let rank = try mapping.string("rank")
        return Person(
            rank: rank?.precomposedStringWithCanonicalMapping, name: name.precomposedStringWithCanonicalMapping, role: .chair)
    }
}

/// Canonical unit names and ids from the gazetteer, to resolve the `unit` of a correction.
///
/// Reads the `units` list of the units file (entries with `name`, optional `id` and `aliases`).
/// A name that is not listed is still accepted, since units not in the gazetteer are recognized
/// from their shape ("Sư đoàn 312"); an unlisted *id* is not, as its name would be unknown.
struct UnitDirectory {
    let file: URL
    private var byKey: [String: UnitReference] = [:]

    init(file: URL) {
        self.file = file
        guard let document = try? YAMLDocument.load(file), let entries = try? document.mappings("units") else { return }
        for entry in entries {
            guard let rawName = (try? entry.string("name")) ?? nil else { continue }
            let name = rawName.precomposedStringWithCanonicalMapping
            let id = ((try? entry.string("id")) ?? nil) ?? Self.slug(name)
            let unit = UnitReference(name: name, id: id, mention: name)
            byKey[Self.key(name)] = unit
            byKey[Self.key(id)] = unit
            for alias in ((try? entry.strings("aliases")) ?? nil) ?? [] where byKey[Self.key(alias)] == nil {
                byKey[Self.key(alias)] = unit
            }
        }
    }

    func resolve(_ text: String) -> UnitReference? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
        guard !trimmed.isEmpty else { return nil }
        if let unit = byKey[Self.key(trimmed)] { return UnitReference(name: unit.name, id: unit.id, mention: trimmed) }
        if Self.slug(trimmed) == trimmed { return nil }
        return UnitReference(name: trimmed, id: Self.slug(trimmed), mention: trimmed)
    }

    private static func key(_ text: String) -> String { text.precomposedStringWithCanonicalMapping.lowercased() }

    /// ASCII id of a name: "Quân đoàn 1" → "quan-doan-1".
    static func slug(_ name: String) -> String {
        let folded = name.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        var dash = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                out.unicodeScalars.append(scalar)
                dash = false
            } else if !dash && !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
