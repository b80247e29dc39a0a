/// Where a report stands in a chronology's input: its record and its event, by position.
struct ReportPosition: Hashable, Sendable {
    var record: Int32
    var event: Int32

    init(record: Int, event: Int) {
        self.record = Int32(record)
        self.event = Int32(event)
    }
}

/// Which records are copies of one article: records that share an address
/// (`ArticleFingerprint.url`) or a text (`ArticleRecord.textKey`), directly or through another
/// copy (a `.txt` without URL has the text of an export's line, which has the page's URL).
/// Each article is known by its first record in path order.
struct ArticleCopies: Sendable {
    private var parent: [Int32]
    private var byURL: [String: Int32] = [:]
    private var byText: [UInt64: Int32] = [:]
    /// Per record, what identifies its reports across runs (`EventIdentity`).
    private(set) var identities: [ArticleIdentity]

    init(count: Int) {
        parent = (0..<Int32(count)).map { $0 }
        identities = Array(repeating: ArticleIdentity(), count: count)
    }

    mutating func add(_ record: GroupingView, at index: Int) {
        identities[index] = record.identity
        if let url = record.normalizedURL {
            if let other = byURL[url] { union(Int32(index), other) } else { byURL[url] = Int32(index) }
        }
        if let text = record.textKey {
            if let other = byText[text] { union(Int32(index), other) } else { byText[text] = Int32(index) }
        }
    }

    /// Done adding: every record points at its article's first record, the lookups are dropped.
    mutating func seal() {
        for index in parent.indices { parent[index] = root(Int32(index)) }
        byText = [:]
    }

    /// The first record (in path order) of the article record `index` is a copy of.
    func article(of index: Int32) -> Int32 { parent[Int(index)] }

    /// Records whose article has a copy at `url` (normalized as `ArticleFingerprint.url`).
    func records(withURL url: String) -> [Int32] {
        guard let key = ArticleFingerprint.url(url), let first = byURL[key] else { return [] }
        let article = parent[Int(first)]
        return parent.indices.filter { parent[$0] == article }.map { Int32($0) }
    }

    private func root(_ index: Int32) -> Int32 {
        var at = index
        while parent[Int(at)] != at { at = parent[Int(at)] }
        return at
    }

    /// Joins two articles; the earlier record stays the article's.
    private mutating func union(_ a: Int32, _ b: Int32) {
        var x = root(a), y = root(b)
        guard x != y else { return }
        if y < x { swap(&x, &y) }
        parent[Int(y)] = x
        // Keep paths short: point both straight at the root.
        parent[Int(a)] = x
        parent[Int(b)] = x
    }
}

/// What identifies a record's reports across runs and copies: the hashes of its address, its
/// text and (for an article without address) its path; a report adds its place in the record.
struct ArticleIdentity: Sendable, Equatable {
    // Three hashes and which are there, in 32 bytes (three optionals took 48): one per record
    // of the archive is held while the chronology is built.
    private var hashes: (UInt64, UInt64, UInt64) = (0, 0, 0)
    private var present: UInt8 = 0

    var url: UInt64? {
        get { present & 1 != 0 ? hashes.0 : nil }
        set {
            hashes.0 = newValue ?? 0
            present = newValue == nil ? present & ~1 : present | 1
        }
    }
    var text: UInt64? {
        get { present & 2 != 0 ? hashes.1 : nil }
        set {
            hashes.1 = newValue ?? 0
            present = newValue == nil ? present & ~2 : present | 2
        }
    }
    var path: UInt64? {
        get { present & 4 != 0 ? hashes.2 : nil }
        set {
            hashes.2 = newValue ?? 0
            present = newValue == nil ? present & ~4 : present | 4
        }
    }

    init() {}

    init(source: String, normalizedURL: String?, textKey: UInt64?) {
        // Each hash as of "label:value", without making that string: every night hashes every record.
        url = normalizedURL.map { Self.hash(Self.urlLabel, $0) }
        text = textKey.map { FNV1a.mix(Self.textLabel, word: $0) }
        // A file edited in place keeps its path; an address or a text already say more.
        if url == nil { path = Self.hash(Self.pathLabel, source) }
    }

    static func == (a: ArticleIdentity, b: ArticleIdentity) -> Bool {
        a.present == b.present && a.hashes == b.hashes
    }

    private static let urlLabel = FNV1a.hash("url:".utf8)
    private static let textLabel = FNV1a.hash("text:".utf8)
    private static let pathLabel = FNV1a.hash("path:".utf8)

    private static func hash(_ label: UInt64, _ value: String) -> UInt64 {
        var value = value
        return value.withUTF8 { FNV1a.hash($0, from: label) }
    }

    /// The keys of the record's event at `ordinal` (its place among the extracted events).
    func keys(ordinal: Int32) -> [UInt64] {
        [url, text, path].compactMap { $0.map { FNV1a.mix($0, word: UInt64(bitPattern: Int64(ordinal)) &+ 1) } }
    }
}

/// The reports of a chronology's input as `ChronologyBuilder.group` reads them: what grouping
/// needs of each, and which are copies of one another.
struct PendingReports {
    /// One report in a few bytes: a large archive's grouping holds one per report.
    struct Item {
        var position: ReportPosition
        var key: ChronologyBuilder.BucketKey
        var date: PackedDate
        /// The number of the `ChronologyBuilder.documentsKey` of an undated report, -1 for none.
        var documents: Int32
        var kind: EventKind { key.kind }
    }

    private(set) var items: [Item] = []
    /// Unit ids and documents keys by number, each string kept once.
    private var units: [String: Int32] = [:]
    private var documentKeys: [String: Int32] = [:]

    mutating func add(_ report: GroupingView.Report, at position: ReportPosition) {
        let unit = Self.number(report.unitID, in: &units)
        let documents = report.documentsKey.map { Self.number($0, in: &documentKeys) } ?? -1
        items.append(
            Item(
                position: position, key: ChronologyBuilder.BucketKey(unit: unit, kind: report.kind), date: report.date,
                documents: documents))
    }

    private static func number(_ text: String, in numbers: inout [String: Int32]) -> Int32 {
        if let known = numbers[text] { return known }
        let number = Int32(numbers.count)
        numbers[text] = number
        return number
    }

    /// For each report, the index of its lead: of the copies of one event of one article (the
    /// same article, the same place in it, unit and kind), the one with the most precise date,
    /// first in path order when equal. Leads are grouped; the other copies join their group.
    func leads(_ copies: ArticleCopies) -> [Int] {
        struct CopyKey: Hashable {
            var article: Int32
            var event: Int32
            var key: ChronologyBuilder.BucketKey
        }
        func rank(_ item: Item) -> Int {
            switch item.date.value?.precision {
            case .day: return 0
            case .month: return 1
            case .year: return 2
            case nil: return 3
            }
        }
        var best: [CopyKey: Int] = [:]
        var keys: [CopyKey] = []
        keys.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            let key = CopyKey(article: copies.article(of: item.position.record), event: item.position.event, key: item.key)
            keys.append(key)
            if let j = best[key] {
                if rank(item) < rank(items[j]) { best[key] = i }
            } else {
                best[key] = i
            }
        }
        return keys.map { best[$0]! }
    }
}

/// A chronology as `ChronologyBuilder.group` made it, with the reports merged into each event
/// (positions in the input, in the order of `chronology.events` and `chronology.undated`) and
/// the input's copies of articles.
struct ChronologyGrouping: Sendable {
    var chronology: Chronology
    var members: [[ReportPosition]]
    var undatedMembers: [[ReportPosition]]
    var copies: ArticleCopies
    /// Per event, what identifies its merge across runs (`MergeKeys`), when the input told;
    /// empty otherwise.
    var mergeKeys: [MergeKeys] = []
    var undatedMergeKeys: [MergeKeys] = []

    /// The merge keys of every event, dated then undated; nil when the input gave none.
    var allMergeKeys: [MergeKeys]? {
        mergeKeys.isEmpty && undatedMergeKeys.isEmpty ? nil : mergeKeys + undatedMergeKeys
    }

    /// `allMergeKeys`, moved out of the grouping (which keeps none).
    mutating func takeMergeKeys() -> [MergeKeys]? {
        guard !mergeKeys.isEmpty || !undatedMergeKeys.isEmpty else { return nil }
        var all = mergeKeys
        mergeKeys = []
        all.append(contentsOf: undatedMergeKeys)
        undatedMergeKeys = []
        return all
    }

    /// The reports of every event, dated then undated (the order `EventIdentity` numbers them in).
    var allMembers: [[ReportPosition]] { members + undatedMembers }

    /// Sorts both lists again (after ids changed: the id breaks the last ties).
    mutating func resort() {
        let dated = ChronologyBuilder.sorted(chronology.events), undated = ChronologyBuilder.sorted(chronology.undated)
        chronology.events.reorder(dated)
        chronology.undated.reorder(undated)
        // In place: a large archive holds a list of members and a key per event.
        members.permute(dated)
        undatedMembers.permute(undated)
        if !mergeKeys.isEmpty { mergeKeys.permute(dated) }
        if !undatedMergeKeys.isEmpty { undatedMergeKeys.permute(undated) }
    }
}
