/// Everything one run changes in the store, committed in a single transaction.
struct StoreUpdate: Sendable {
    var run: RunRecord
    /// Files extracted again (new, changed, or read by another extractor version or rules).
    var extracted: [StoredArticle]
    /// Files found unchanged by content whose size or mtime moved: only the stamp is updated.
    var restamped: [String: FileStamp]
    /// Summaries (`RecordSummary`) of unchanged files whose row had none (a store of an earlier
    /// version), made from their stored records: written into their rows.
    var summaries: [String: [UInt8]] = [:]
    /// Paths of every file seen in this run (their `last_seen_run` moves on).
    var seen: [String]
    /// When set, every stored file but these was seen in this run, and `seen` is not used: the
    /// store then moves `last_seen_run` on in one statement instead of one per file.
    var unseen: [String]?
    /// Paths whose rows are deleted (`--prune` of vanished files).
    var removed: [String]
    /// Ids of the chronology events of this run.
    var eventIDs: [String]
    /// Report keys seen for the first time, with the id their event got (`EventIDMemory`).
    var eventKeys: [UInt64: String] = [:]
    /// Whether events absent from this run are forgotten (`--prune`).
    var pruneEvents: Bool
    /// What becomes of the cached chronology (`ChronologyCache`).
    var chronologyCache: CacheChange

    /// The cached chronology after a run: kept as it is (it was reused), replaced, or forgotten.
    enum CacheChange: Sendable {
        case keep
        /// Stored in its binary form (`BuiltChronology.write(to:)`), streamed into the row.
        case replace(ChronologyCache)
        case clear
    }

    init(
        run: RunRecord, extracted: [StoredArticle] = [], restamped: [String: FileStamp] = [:], seen: [String] = [],
        removed: [String] = [], eventIDs: [String] = [], pruneEvents: Bool = false,
        chronologyCache: CacheChange = .clear, unseen: [String]? = nil
    ) {
        self.unseen = unseen
        self.chronologyCache = chronologyCache
        self.run = run
        self.extracted = extracted
        self.restamped = restamped
        self.seen = seen
        self.removed = removed
        self.eventIDs = eventIDs
        self.pruneEvents = pruneEvents
    }
}
