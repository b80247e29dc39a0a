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
/// Each article is known by its first record in path order. Made by grouping (`GroupingState`).
struct ArticleCopies: Sendable {
    private let roots: [Int32]
    private let byURL: KeyIndex<Hash128.Digest>
    /// Per record, what identifies its reports across runs (`EventIdentity`).
    let identities: [ArticleIdentity]

    init(roots: [Int32], identities: [ArticleIdentity], byURL: KeyIndex<Hash128.Digest>) {
        self.roots = roots
        self.identities = identities
        self.byURL = byURL
    }

    /// The first record (in path order) of the article record `index` is a copy of.
    func article(of index: Int32) -> Int32 { roots[Int(index)] }

    /// Records whose article has a copy at `url` (normalized as `ArticleFingerprint.url`).
    func records(withURL url: String) -> [Int32] {
        guard let key = ArticleFingerprint.url(url), let first = byURL.value(GroupingView.urlKey(key)) else { return [] }
        let article = roots[Int(first)]
        return roots.indices.filter { roots[$0] == article }.map { Int32($0) }
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

    /// The stored form (`KeptGrouping`): which hashes are there, then each.
    func write(to w: inout RecordBinary.Writer) {
        w.bytes.append(present)
        if present & 1 != 0 { w.uint64(hashes.0) }
        if present & 2 != 0 { w.uint64(hashes.1) }
        if present & 4 != 0 { w.uint64(hashes.2) }
    }

    init(reading r: inout RecordBinary.Reader) throws {
        present = try r.byte()
        guard present < 8 else { throw RecordBinaryError.corrupt }
        if present & 1 != 0 { hashes.0 = try r.uint64() }
        if present & 2 != 0 { hashes.1 = try r.uint64() }
        if present & 4 != 0 { hashes.2 = try r.uint64() }
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
