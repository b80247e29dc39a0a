/// How the reports of a chronology's input are grouped into events (`ChronologyBuilder.group`),
/// as a state that records added after the last one extend: the copies of each article
/// (`ArticleCopies`), the lead of each copied event, and the groups of each (unit, kind).
///
/// Grouping is this state extended from empty with every record. A night whose new files all
/// sort after the stored ones extends the state the last run kept (`KeptGrouping`) with their
/// records instead. Records are grouped in input order and each lead joins the first group it
/// matches, so the groups are those a grouping of the whole input would give, unless a new
/// record changes what the stored ones were:
/// - it joins two stored articles into one (a copy of both);
/// - it reports a stored article's event with a more precise date than that event's lead
///   (it would become the lead).
/// `extend` then says it cannot, and the caller groups the whole input.
struct GroupingState: Sendable {
    /// The chronology's window: a lead dated in it goes to the first list, one dated outside to
    /// the third (counted only), an undated one to the second.
    let window: DateWindow
    /// Per record, the first record (in input order) of its article.
    private(set) var roots: [Int32] = []
    /// Per record, what identifies its reports across runs (`EventIdentity`).
    private(set) var identities: [ArticleIdentity] = []
    /// The first record with each text key, and with each address (`GroupingView.urlKey`).
    private(set) var byText = KeyIndex<UInt64>()
    private(set) var byURL = KeyIndex<Hash128.Digest>()
    /// Each report of a read record, in input order.
    private(set) var items: [Item] = []
    /// Per item, the digest of what its report adds to a merged event (`RecordSummary.digest`),
    /// when the input knows them (`ChronologyInput.keepsDigests`); empty otherwise. A night's
    /// merge reads a kept report's digest here, not in its file's summary.
    private(set) var digests: [Hash128.Digest] = []
    private(set) var units = Numbering()
    private(set) var documents = Numbering()
    /// In the window, undated, outside the window.
    private(set) var lists = [GroupList(), GroupList(), GroupList()]

    /// One report, where it was grouped: a large archive's grouping holds one per report.
    struct Item: Sendable, Equatable {
        var position: ReportPosition
        var date: PackedDate
        var key: ChronologyBuilder.BucketKey
        /// The number of the documents key of an undated report (`documents`), -1 for none.
        var documents: Int32
        /// Its group: the list (0 in the window, 1 undated, 2 outside), the bucket in the list
        /// and the group in the bucket; -1 until it is placed.
        var list: UInt8 = 0
        /// The lead of its copies (the same event of one article), which grouping placed; the
        /// other copies join its group.
        var isLead = false
        var bucket: Int32 = -1
        var group: Int32 = -1
    }

    /// The buckets of one list: their keys in the order they were started and each one's number
    /// of groups; the matching index (`ChronologyBuilder.Bucket`) of those this process added a
    /// lead to (or rebuilt to add one).
    struct GroupList: Sendable {
        private(set) var keys: [ChronologyBuilder.BucketKey] = []
        private(set) var groupCounts: [Int32] = []
        private var index: [ChronologyBuilder.BucketKey: Int32] = [:]
        fileprivate var matching: [ChronologyBuilder.Bucket?] = []

        init() {}

        /// A kept list; nil when a key repeats.
        init?(keys: [ChronologyBuilder.BucketKey], groupCounts: [Int32]) {
            for (bucket, key) in keys.enumerated() { index[key] = Int32(bucket) }
            guard index.count == keys.count, groupCounts.count == keys.count else { return nil }
            self.keys = keys
            self.groupCounts = groupCounts
            matching = Array(repeating: nil, count: keys.count)
        }

        var groupCount: Int { groupCounts.reduce(0) { $0 + Int($1) } }

        func bucket(_ key: ChronologyBuilder.BucketKey) -> Int32? { index[key] }

        fileprivate mutating func start(_ key: ChronologyBuilder.BucketKey) -> Int32 {
            let bucket = Int32(keys.count)
            keys.append(key)
            groupCounts.append(0)
            matching.append(ChronologyBuilder.Bucket())
            index[key] = bucket
            return bucket
        }

        fileprivate mutating func add(_ item: Item, to bucket: Int32) -> Int32 {
            let group = matching[Int(bucket)]!.add(date: item.date, documents: item.documents, span: item.key.kind.maximumSpanDays)
            groupCounts[Int(bucket)] = matching[Int(bucket)]!.groupCount
            return group
        }
    }

    init(window: DateWindow) {
        self.window = window
    }

    /// A kept state, as `KeptGrouping` read it.
    init(
        window: DateWindow, roots: [Int32], identities: [ArticleIdentity], byText: KeyIndex<UInt64>, byURL: KeyIndex<Hash128.Digest>,
        items: [Item], digests: [Hash128.Digest], units: Numbering, documents: Numbering, lists: [GroupList]
    ) {
        self.digests = digests
        self.window = window
        self.roots = roots
        self.identities = identities
        self.byText = byText
        self.byURL = byURL
        self.items = items
        self.units = units
        self.documents = documents
        self.lists = lists
    }

    /// Every record of `input` grouped, from an empty state (nothing kept that a record could
    /// change, so the extension cannot be refused).
    static func grouping<Input: ChronologyInput>(of input: Input, window: DateWindow) -> GroupingState {
        var state = GroupingState(window: window)
        let grouped = state.extend(from: input, records: 0..<input.recordCount)
        precondition(grouped, "a grouping from empty extends with any records")
        return state
    }

    /// Records grouped so far: positions `0..<recordCount`.
    var recordCount: Int { roots.count }

    /// The records' copies of articles, as events' ids and corrections read them.
    var copies: ArticleCopies { ArticleCopies(roots: roots, identities: identities, byURL: byURL) }

    /// The number of groups of `list` (the third's is the number of meetings outside the window).
    func groupCount(list: Int) -> Int { lists[list].groupCount }

    /// Groups records `range` of `input`, the next ones (`range.lowerBound == recordCount`), as
    /// grouping the whole input would. False when it cannot without changing the groups of the
    /// records before (see the type); the state is then left unusable.
    mutating func extend<Input: ChronologyInput>(from input: Input, records range: Range<Int>) -> Bool {
        precondition(range.lowerBound == recordCount, "records are grouped in input order")
        let kept = Int32(recordCount), firstNew = items.count
        // Digests are kept only when every item has one.
        let withDigests = input.keepsDigests && digests.count == items.count
        roots.reserveCapacity(range.upperBound)
        identities.reserveCapacity(range.upperBound)
        // Records are read a batch at a time (on all cores, `groupingViews`), added in order.
        var start = range.lowerBound
        while start < range.upperBound {
            let batch = start..<min(range.upperBound, start + ChronologyBuilder.groupingBatch)
            for (record, view) in zip(batch, input.groupingViews(batch)) {
                roots.append(Int32(record))
                identities.append(view.isRead ? view.identity : ArticleIdentity())
                guard view.isRead else { continue }
                guard addCopyKeys(view, of: Int32(record), kept: kept) else { return false }
                for (event, report) in view.reports.enumerated() {
                    if withDigests { digests.append(input.eventDigest(ReportPosition(record: record, event: event))) }
                    items.append(
                        Item(
                            position: ReportPosition(record: record, event: event), date: report.date,
                            key: ChronologyBuilder.BucketKey(unit: units.number(report.unitID), kind: report.kind),
                            documents: report.documentsKey.map { documents.number($0) } ?? -1))
                }
            }
            start = batch.upperBound
        }
        if !withDigests { digests = [] }
        for record in range { roots[record] = root(Int32(record)) }
        guard let leads = leads(from: firstNew, kept: kept) else { return false }
        return place(leads, from: firstNew)
    }

    /// Joins the record to the articles that share its address or text.
    private mutating func addCopyKeys(_ view: GroupingView, of record: Int32, kept: Int32) -> Bool {
        if let url = view.urlKey {
            if let other = byURL.value(url) {
                guard union(record, other, kept: kept) else { return false }
            } else {
                byURL.insert(url, record)
            }
        }
        if let text = view.textKey {
            if let other = byText.value(text) {
                guard union(record, other, kept: kept) else { return false }
            } else {
                byText.insert(text, record)
            }
        }
        return true
    }

    private func root(_ record: Int32) -> Int32 {
        var at = record
        while roots[Int(at)] != at { at = roots[Int(at)] }
        return at
    }

    /// Joins two articles, the earlier record staying the article's; false when both are of
    /// the records before `kept` (their groups would change).
    private mutating func union(_ a: Int32, _ b: Int32, kept: Int32) -> Bool {
        var x = root(a), y = root(b)
        guard x != y else { return true }
        if y < x { swap(&x, &y) }
        guard y >= kept else { return false }
        roots[Int(y)] = x
        // Keep paths short: point both straight at the root.
        roots[Int(a)] = x
        roots[Int(b)] = x
        return true
    }

    /// What makes reports copies of one another: the same article, place in it, unit and kind.
    private struct CopyKey: Hashable {
        var article: Int32
        var event: Int32
        var key: ChronologyBuilder.BucketKey
    }

    private func copyKey(_ item: Item) -> CopyKey {
        CopyKey(article: roots[Int(item.position.record)], event: item.position.event, key: item.key)
    }

    /// How a report's date ranks for the lead: the most precise first.
    private static func rank(_ date: PackedDate) -> Int {
        switch date.value?.precision {
        case .day: return 0
        case .month: return 1
        case .year: return 2
        case nil: return 3
        }
    }

    /// For each item from `first` on, the index of its lead: of the copies of one event of one
    /// article, the one with the most precise date, first in input order when equal. Nil when
    /// one of them would take the lead from an item before `first` (a kept one).
    private func leads(from first: Int, kept: Int32) -> [Int]? {
        // The kept leads of the kept articles that new records are copies of.
        var keptLeads: [CopyKey: Int] = [:]
        if kept > 0 {
            var joined = [Bool](repeating: false, count: Int(kept))
            var any = false
            for item in items[first...] {
                let article = roots[Int(item.position.record)]
                if article < kept {
                    joined[Int(article)] = true
                    any = true
                }
            }
            if any {
                for index in 0..<first where items[index].isLead && joined[Int(roots[Int(items[index].position.record)])] {
                    keptLeads[copyKey(items[index])] = index
                }
            }
        }
        var best: [CopyKey: Int] = [:]
        var keys: [CopyKey] = []
        keys.reserveCapacity(items.count - first)
        var leads = [Int](repeating: -1, count: items.count - first)
        for index in first..<items.count {
            let key = copyKey(items[index])
            keys.append(key)
            if let lead = keptLeads[key] {
                guard Self.rank(items[index].date) >= Self.rank(items[lead].date) else { return nil }
                leads[index - first] = lead
            } else if let other = best[key] {
                if Self.rank(items[index].date) < Self.rank(items[other].date) { best[key] = index }
            } else {
                best[key] = index
            }
        }
        for offset in leads.indices where leads[offset] < 0 { leads[offset] = best[keys[offset]]! }
        return leads
    }

    /// The list a lead on `date` goes to.
    private func list(_ date: PackedDate) -> Int {
        date.value.map { window.contains($0) ? 0 : 2 } ?? 1
    }

    /// Places the new items (from `first` on): leads in input order into the first group of
    /// their bucket they match, then the other copies into their lead's group. The buckets
    /// that kept leads built and new leads go to have their index rebuilt first. False when a
    /// kept bucket's leads do not rebuild its groups (a damaged kept grouping).
    private mutating func place(_ leads: [Int], from first: Int) -> Bool {
        var restoring = lists.map { [Bool](repeating: false, count: $0.keys.count) }
        var any = false
        for index in first..<items.count where leads[index - first] == index {
            let list = list(items[index].date)
            if let bucket = lists[list].bucket(items[index].key), lists[list].matching[Int(bucket)] == nil {
                restoring[list][Int(bucket)] = true
                lists[list].matching[Int(bucket)] = ChronologyBuilder.Bucket()
                any = true
            }
        }
        if any {
            for item in items[..<first] where item.isLead && restoring[Int(item.list)][Int(item.bucket)] {
                guard
                    lists[Int(item.list)].matching[Int(item.bucket)]!.restore(date: item.date, documents: item.documents, group: item.group)
                else { return false }
            }
            for list in lists.indices {
                for bucket in restoring[list].indices where restoring[list][bucket] {
                    guard lists[list].matching[bucket]!.groupCount == lists[list].groupCounts[bucket] else { return false }
                }
            }
        }
        for index in first..<items.count where leads[index - first] == index {
            let list = list(items[index].date)
            let bucket = lists[list].bucket(items[index].key) ?? lists[list].start(items[index].key)
            items[index].group = lists[list].add(items[index], to: bucket)
            items[index].list = UInt8(list)
            items[index].bucket = bucket
            items[index].isLead = true
        }
        for index in first..<items.count where leads[index - first] != index {
            let lead = items[leads[index - first]]
            items[index].list = lead.list
            items[index].bucket = lead.bucket
            items[index].group = lead.group
        }
        return true
    }

    /// The reports of each group, list by list, in merge order: bucket by bucket in the order
    /// they were started, groups in start order; a group's leads in input order, then its other
    /// copies. Reports at `pinned` positions (corrected ones) are flagged.
    func groups(pinned: Set<ReportPosition>) -> [[[ChronologyBuilder.Report]]] {
        // The first group of each bucket, numbered through its list.
        let bases = lists.map { list in
            var base = [Int](repeating: 0, count: list.groupCounts.count + 1)
            for (bucket, count) in list.groupCounts.enumerated() { base[bucket + 1] = base[bucket] + Int(count) }
            return base
        }
        var sizes = bases.map { [Int](repeating: 0, count: $0.last!) }
        for item in items { sizes[Int(item.list)][bases[Int(item.list)][Int(item.bucket)] + Int(item.group)] += 1 }
        var groups = sizes.map { list in
            list.map { size -> [ChronologyBuilder.Report] in
                var group: [ChronologyBuilder.Report] = []
                group.reserveCapacity(size)
                return group
            }
        }
        for copies in [false, true] {
            for item in items where item.isLead != copies {
                let report = ChronologyBuilder.Report(
                    position: item.position, date: item.date, documents: item.documents, pinned: pinned.contains(item.position),
                    copy: copies)
                groups[Int(item.list)][bases[Int(item.list)][Int(item.bucket)] + Int(item.group)].append(report)
            }
        }
        return groups
    }
}
