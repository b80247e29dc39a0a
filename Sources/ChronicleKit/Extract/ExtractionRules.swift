import Foundation

/// A unit of the gazetteer.
struct GazetteerUnit: Sendable {
    var name: String
    var id: String
}

/// A unit shape for units not in the gazetteer ("Sư đoàn 312", "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh").
struct UnitShape: Sendable {
    enum Follow: String, Sendable { case number, name }
    /// The name reported before the words that follow.
    var canonicalPrefix: String
    var follow: Follow
    var optional: Bool
    var suffix: [Int32]
    var suffixText: String?
    /// The prefix is itself a party body ("Đảng ủy Quân sự tỉnh").
    var party: Bool
    /// The name that follows is a place ("tỉnh Hà Tĩnh"): every syllable capitalized.
    var placeName = false
    /// A department whose name includes the unit written right after it ("Cục Kỹ thuật Quân khu 1").
    var ofParent = false
}

/// The vocabularies and gazetteer extraction works from, loaded once per run from `config/`:
/// `units.yml` (gazetteer), `extraction/cues.yml`, `extraction/ranks.yml` and
/// `extraction/unit-shapes.yml`. Phrases are compiled into one token trie.
///
/// The tables are held once, by reference, and read in place (`_read`): an article's text and
/// the extractor keep a copy of the rules each, and a copy of a score of arrays, sets and tables
/// was a score of reference counts, all on the same objects from every core (counts bouncing
/// between caches, 7% of extraction on two cores against 3% on one).
public struct ExtractionRules: Sendable {
    private final class Shared: Sendable {
        let tables: ExtractionTables
        init(_ tables: ExtractionTables) { self.tables = tables }
    }

    private let shared: Shared

    /// No units, shapes or cues.
    public init() {
        shared = Shared(ExtractionTables())
    }

    init(_ tables: ExtractionTables) {
        shared = Shared(tables)
    }

    /// Loads the gazetteer and rule tables. Errors are `ConfigError`s naming the file and key.
    public static func load(configDirectory: URL, unitsFile: URL) throws -> ExtractionRules {
        ExtractionRules(try ExtractionTables.load(configDirectory: configDirectory, unitsFile: unitsFile))
    }

    var vocabulary: Vocabulary { _read { yield shared.tables.vocabulary } }
    var trie: PhraseTrie { _read { yield shared.tables.trie } }
    var units: [GazetteerUnit] { _read { yield shared.tables.units } }
    var shapes: [UnitShape] { _read { yield shared.tables.shapes } }
    var ranks: [String] { _read { yield shared.tables.ranks } }
    var documentTypes: [String] { _read { yield shared.tables.documentTypes } }
    var kindOrder: [EventKind] { _read { yield shared.tables.kindOrder } }
    var kindCues: [EventKind: Int] { _read { yield shared.tables.kindCues } }
    var periodNames: [EventKind: String] { _read { yield shared.tables.periodNames } }
    var surnames: Set<Int32> { _read { yield shared.tables.surnames } }
    var creditWords: Set<Int32> { _read { yield shared.tables.creditWords } }
    var stopWords: Set<Int32> { _read { yield shared.tables.stopWords } }
    var branchWords: Set<Int32> { _read { yield shared.tables.branchWords } }
    var words: WordIDs { _read { yield shared.tables.words } }

    /// The name of the period a meeting of `kind` reviews, for `year` ("6 tháng đầu năm 2023").
    func periodName(_ kind: EventKind, year: Int) -> String? {
        shared.tables.periodName(kind, year: year)
    }
}

/// What `ExtractionRules` holds: the tables as loaded.
struct ExtractionTables: Sendable {
    var vocabulary = Vocabulary()
    var trie = PhraseTrie()
    var units: [GazetteerUnit] = []
    var shapes: [UnitShape] = []
    var ranks: [String] = []
    var documentTypes: [String] = []
    var kindOrder: [EventKind] = EventKind.allCases
    var kindCues: [EventKind: Int] = [:]
    /// How a record names the period a meeting of a kind reviews, "{year}" standing for the year.
    var periodNames: [EventKind: String] = [:] {
        didSet { periodParts = periodNames.mapValues { $0.components(separatedBy: "{year}") } }
    }
    /// `periodNames` cut at "{year}": naming a period joins a few strings instead of searching one
    /// (`replacingOccurrences` cost 1.4% of extracting an article).
    private var periodParts: [EventKind: [String]] = [:]
    var surnames: Set<Int32> = []
    var creditWords: Set<Int32> = []
    /// Words a unit's name never runs over, after a shape's prefix or a number (`stop_words`).
    var stopWords: Set<Int32> = []
    /// Words allowed between a numbered shape and its number ("Lữ đoàn xe tăng 215").
    var branchWords: Set<Int32> = []
    /// The ids of the words the code tests (`Word`).
    var words = WordIDs()

    init() {}

    static func load(configDirectory: URL, unitsFile: URL) throws -> ExtractionTables {
        var rules = ExtractionTables()
        let folder = configDirectory.appendingPathComponent("extraction")
        try rules.loadUnits(YAMLDocument.load(unitsFile))
        try rules.loadShapes(YAMLDocument.load(folder.appendingPathComponent("unit-shapes.yml")))
        try rules.loadRanks(YAMLDocument.load(folder.appendingPathComponent("ranks.yml")))
        try rules.loadCues(YAMLDocument.load(folder.appendingPathComponent("cues.yml")))
        let words = WordIDs { rules.intern($0.rawValue) }
        rules.words = words
        rules.trie.seal()
        rules.vocabulary.shrinkToFit()
        return rules
    }

    /// The name of the period a meeting of `kind` reviews, for `year` ("6 tháng đầu năm 2023").
    func periodName(_ kind: EventKind, year: Int) -> String? {
        periodParts[kind]?.joined(separator: String(year))
    }

    private mutating func intern(_ word: String) -> Int32 {
        let ids = Tokenizer.phraseIDs(word, vocabulary: &vocabulary)
        return ids.count == 1 ? ids[0] : Vocabulary.unknown
    }

    private mutating func add(_ phrase: String, _ cue: Cue, _ value: Int = 0) {
        trie.insert(Tokenizer.phraseIDs(phrase, vocabulary: &vocabulary), tag: CueTag(cue: cue, value: Int32(value)))
    }

    private mutating func loadUnits(_ doc: YAMLDocument) throws {
        try doc.rejectUnknownKeys(["units"])
        guard let list = try doc.mappings("units"), !list.isEmpty else {
            throw ConfigError.missingKey(path: doc.path, key: "units", expected: "a list of units with name, id and aliases")
        }
        for unit in list {
            try unit.rejectUnknownKeys(["name", "id", "aliases"])
            let name = try unit.requiredString("name", expected: "the unit's canonical name")
            let id = try unit.requiredString("id", expected: "an ASCII slug such as tong-cuc-ky-thuat")
            guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
                throw ConfigError.wrongValue(
                    path: doc.path, key: unit.keyPath("id"), expected: "lowercase ASCII letters, digits and '-'", found: "'\(id)'")
            }
            let index = units.count
            units.append(GazetteerUnit(name: name, id: id))
            add(name, .unit, index)
            for alias in try unit.strings("aliases") ?? [] { add(alias, .unit, index) }
        }
    }

    private mutating func loadShapes(_ doc: YAMLDocument) throws {
        try doc.rejectUnknownKeys(["shapes", "branch_words", "stop_words", "place_words"])
        for phrase in try doc.strings("branch_words") ?? [] {
            for id in Tokenizer.phraseIDs(phrase, vocabulary: &vocabulary) { branchWords.insert(id) }
        }
        guard let stopWords = try doc.strings("stop_words") else {
            throw ConfigError.missingKey(
                path: doc.path, key: "stop_words", expected: "a list of words a unit's name never runs over (năm, của, …)")
        }
        for (index, word) in stopWords.enumerated() {
            let id = intern(word)
            guard id != Vocabulary.unknown else {
                throw ConfigError.wrongValue(path: doc.path, key: "stop_words[\(index)]", expected: "one word", found: "'\(word)'")
            }
            self.stopWords.insert(id)
        }
        guard let placeWords = try doc.strings("place_words") else {
            throw ConfigError.missingKey(
                path: doc.path, key: "place_words", expected: "a list of words a place name follows (tỉnh, huyện, …)")
        }
        let placeSuffixes = placeWords.map { " " + $0 }
        for shape in try doc.mappings("shapes") ?? [] {
            try shape.rejectUnknownKeys(["prefix", "canonical", "follow", "optional", "suffix", "party", "of_parent"])
            let prefix = try shape.requiredString("prefix", expected: "the words a unit of this shape starts with")
            let followText = try shape.requiredString("follow", expected: "number or name")
            guard let follow = UnitShape.Follow(rawValue: followText) else {
                throw ConfigError.wrongValue(
                    path: shape.path, key: shape.keyPath("follow"), expected: "number or name", found: "'\(followText)'")
            }
            let suffix = try shape.string("suffix")
            let index = shapes.count
            shapes.append(
                UnitShape(
                    canonicalPrefix: try shape.string("canonical") ?? prefix, follow: follow, optional: try shape.bool("optional") ?? false,
                    suffix: suffix.map { Tokenizer.phraseIDs($0, vocabulary: &vocabulary) } ?? [], suffixText: suffix,
                    party: try shape.bool("party") ?? false))
            let canonical = shapes[index].canonicalPrefix
            shapes[index].ofParent = try shape.bool("of_parent") ?? false
            shapes[index].placeName = placeSuffixes.contains(where: { canonical.hasSuffix($0) })
            add(prefix, .unitShape, index)
        }
    }

    private mutating func loadRanks(_ doc: YAMLDocument) throws {
        try doc.rejectUnknownKeys(["ranks", "honorifics", "surnames"])
        guard let ranks = try doc.strings("ranks") else {
            throw ConfigError.missingKey(path: doc.path, key: "ranks", expected: "a list of military ranks")
        }
        for rank in ranks {
            add(rank, .rank, self.ranks.count)
            self.ranks.append(rank)
        }
        for honorific in try doc.strings("honorifics") ?? [] { add(honorific, .honorific) }
        for surname in try doc.strings("surnames") ?? [] { surnames.insert(intern(surname)) }
    }

    private mutating func loadCues(_ doc: YAMLDocument) throws {
        let simple: [(String, Cue)] = [
            ("meeting_nouns", .meetingNoun), ("negative_events", .negativeEvent), ("planned", .planned),
            ("organize", .organize), ("party_prefixes", .partyPrefix), ("chair", .chair), ("directing", .directing),
            ("speaker", .speaker), ("attending", .attending), ("guest_positions", .guestPosition),
            ("today", .today), ("terms", .term), ("command_prefixes", .commandPrefix), ("posts", .post),
            ("negative_domains", .negativeDomain), ("negative_topics", .negativeTopic), ("party_context", .partyContext),
        ]
        // Added later: optional, so an older rules folder still loads.
        let optional: [(String, Cue)] = [
            ("background", .background), ("interview", .interview), ("clause_boundaries", .clauseBoundary),
            ("agent_markers", .agentMarker), ("party_subjects", .partySubject), ("local_defence_topics", .localDefence),
            ("site_contacts", .siteContact),
        ]
        try doc.rejectUnknownKeys(
            simple.map(\.0) + optional.map(\.0) + ["kind_order", "kinds", "periods", "part_of_day", "documents", "credits"])
        for (key, cue) in optional {
            for phrase in try doc.strings(key) ?? [] { add(phrase, cue) }
        }
        for (key, cue) in simple {
            guard let phrases = try doc.strings(key) else {
                throw ConfigError.missingKey(path: doc.path, key: key, expected: "a list of phrases")
            }
            for phrase in phrases { add(phrase, cue) }
        }
        if let order = try doc.strings("kind_order") {
            kindOrder = try order.enumerated().map { index, id in
                guard let kind = EventKind(rawValue: id) else {
                    throw ConfigError.wrongValue(
                        path: doc.path, key: "kind_order[\(index)]",
                        expected: "a kind id (\(EventKind.allCases.map(\.rawValue).joined(separator: ", ")))", found: "'\(id)'")
                }
                return kind
            }
        }
        guard let kinds = try doc.mapping("kinds") else {
            throw ConfigError.missingKey(path: doc.path, key: "kinds", expected: "a mapping of kind ids to cue phrases")
        }
        for key in kinds.root.keys.sorted() {
            guard let kind = EventKind(rawValue: key) else {
                throw ConfigError.unknownKey(path: doc.path, key: kinds.keyPath(key), known: EventKind.allCases.map(\.rawValue))
            }
            for phrase in try kinds.strings(key) ?? [] { add(phrase, .kind, EventKind.allCases.firstIndex(of: kind)!) }
        }
        guard let periods = try doc.mapping("periods") else {
            throw ConfigError.missingKey(
                path: doc.path, key: "periods", expected: "a mapping of kind ids to the name of the period reviewed, with {year}")
        }
        for key in periods.root.keys.sorted() {
            guard let kind = EventKind(rawValue: key) else {
                throw ConfigError.unknownKey(path: doc.path, key: periods.keyPath(key), known: EventKind.allCases.map(\.rawValue))
            }
            let name = try periods.requiredString(key, expected: "the name of the period reviewed, with {year}")
            guard name.contains("{year}") else {
                throw ConfigError.wrongValue(
                    path: doc.path, key: periods.keyPath(key), expected: "a name with {year} for the year reviewed", found: "'\(name)'")
            }
            periodNames[kind] = name
        }
        if let parts = try doc.mapping("part_of_day") {
            let known: [(String, Int)] = [("morning", 0), ("afternoon", 1), ("evening", 2)]
            try parts.rejectUnknownKeys(known.map(\.0))
            for (key, value) in known {
                for phrase in try parts.strings(key) ?? [] { add(phrase, .partOfDay, value) }
            }
        }
        if let documents = try doc.mapping("documents") {
            for type in documents.root.keys.sorted() {
                let index = documentTypes.count
                documentTypes.append(type)
                for phrase in try documents.strings(type) ?? [] { add(phrase, .documentType, index) }
            }
        }
        for word in try doc.strings("credits") ?? [] { creditWords.insert(intern(word)) }
    }
}
