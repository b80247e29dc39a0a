extension ChronologyBuilder {
    /// How one group of reports is merged when the input knows each report's digest
    /// (`ChronologyInput.keepsDigests`, `RecordSummary.digest`): ranked from what the summaries
    /// say, and, of reports with equal digests, only the first in rank order read whole.
    ///
    /// `merge` takes into the first report's event what it lacks of each next report in rank
    /// order (`fill`), reading of it only what the digest covers. Taking values from a report
    /// whose digest an earlier one had changes nothing (the earlier one's values are in the
    /// event already), so leaving it out gives the same event: an article and its hundred
    /// copies cost one record read instead of a hundred.
    ///
    /// When an earlier run merged the same reports in the same order (`MergeKeys.members`), its
    /// event is taken whole. When it merged the group but for reports extracted in this run, and
    /// each of those ranks after the last report it took values from, the earlier event is
    /// extended with them: the merge would take the same values in the same order and then
    /// theirs, so nothing is ranked or read of the earlier reports. When one of them ranks
    /// before, only the reports the earlier merge took values from are ranked again with them.
    struct MergePlan {
        /// The reports values are taken from, in rank order (those added to an earlier event only).
        private(set) var contributing: [Report] = []
        /// Every report's source, each once, sorted (the added reports' only, for an extension).
        private var sources: [EventSource] = []
        /// What identifies this merge across runs (`MergeKeys`).
        private(set) var keys = MergeKeys()
        /// Whether an earlier run merged the same reports: the event is taken from there (read
        /// when merged, not held: a plan of every event is held at once), no record is read.
        private(set) var known = false
        /// An earlier run's event this merge starts from: the members key of the reports it
        /// was merged from (all of this group's, or all but those extracted in this run).
        private(set) var earlier: Hash128.Digest?
        /// An earlier run's event whose sources this merge's are added to, its values taken
        /// again (`rerank`): the members key of the reports it was merged from.
        private var sourcesOf: Hash128.Digest?
        /// The group, kept for an earlier event that cannot be read after all (`merged`).
        private let reports: [Report]

        /// - Parameter byMembers: start from an earlier run's event of the same members when
        ///   there is one.
        ///
        /// The input is borrowed, and read in loops rather than closures: an initializer's
        /// parameters are otherwise taken owned, and a closure capturing the input copies it; each
        /// copy, one per plan, retained and released every array of a summary archive, on all
        /// cores at once.
        init<Input: ChronologyInput>(_ reports: [Report], _ records: borrowing Input, byMembers: Bool = true) {
            self.reports = reports
            keys.members = records.memberKey(reports)
            if byMembers, let members = keys.members, let found = records.earlierKeys(members: members) {
                keys.plan = found.plan
                keys.contributing = found.contributing
                earlier = members
                return
            }
            if byMembers, extend(records) { return }
            var views: [Int32: RankingView] = [:]
            for report in reports where views[report.record] == nil {
                views[report.record] = records.rankingView(Int(report.record))
            }
            // What ranking compares, made once per report rather than in the comparator.
            let ranks = reports.map { report in
                let view = views[report.record]!
                return (date: view.dates[Int(report.event)], source: view.source)
            }
            self.sources = ChronologyBuilder.distinctSorted(ranks.map(\.source))
            let ranked = reports.indices.sorted { a, b in
                ChronologyBuilder.ranksBefore(reports[a], ranks[a].date, ranks[a].source, reports[b], ranks[b].date, ranks[b].source)
            }
            // The first report gives the event; the others add only what `fill` takes, which the
            // digest covers: of equal ones, the first adds all there is.
            var seen = Set<Hash128.Digest>(), places: [Int] = []
            for place in ranked where seen.insert(records.eventDigest(reports[place].position)).inserted { places.append(place) }
            contributing = places.map { reports[$0] }
            keys.contributing = MergeKeys.shared(places.map { Int32($0) })
            keys.plan = records.planKey(contributing.map(\.position))
            if let plan = keys.plan { known = records.knowsMerge(plan) }
        }

        /// Extends the event an earlier run merged from this group's reports but those extracted
        /// in this run, when each of those ranks after the last report it took values from;
        /// else ranks the reports it took values from again with the new ones (`rerank`). False
        /// (nothing set) when no earlier run merged those reports.
        private mutating func extend<Input: ChronologyInput>(_ records: borrowing Input) -> Bool {
            var added: [Int] = [], kept: [Int] = []
            for place in reports.indices {
                if records.isFresh(Int(reports[place].record)) { added.append(place) } else { kept.append(place) }
            }
            guard !added.isEmpty, !kept.isEmpty else { return false }
            guard let members = records.memberKey(kept.map { reports[$0] }), let found = records.earlierKeys(members: members),
                let lastPlace = found.contributing.last, found.contributing.allSatisfy({ $0 >= 0 && Int($0) < kept.count })
            else { return false }
            var views: [RankingView] = []
            for place in added { views.append(records.rankingView(Int(reports[place].record))) }
            let ranks = zip(added, views).map { (date: $1.dates[Int(reports[$0].event)], source: $1.source) }
            let last = reports[kept[Int(lastPlace)]]
            let lastView = records.rankingView(Int(last.record))
            for (place, rank) in zip(added, ranks) {
                let report = reports[place]
                guard
                    ChronologyBuilder.ranksBefore(
                        last, lastView.dates[Int(last.event)], lastView.source, report, rank.date, rank.source)
                else {
                    rerank(found.contributing.map { kept[Int($0)] }, added: added, ranks: ranks, members: members, records)
                    return true
                }
            }
            let order = added.indices.sorted { a, b in
                ChronologyBuilder.ranksBefore(
                    reports[added[a]], ranks[a].date, ranks[a].source, reports[added[b]], ranks[b].date, ranks[b].source)
            }
            var seen = Set<Hash128.Digest>(), places: [Int] = []
            for place in found.contributing { seen.insert(records.eventDigest(reports[kept[Int(place)]].position)) }
            for place in order.map({ added[$0] }) where seen.insert(records.eventDigest(reports[place].position)).inserted {
                places.append(place)
            }
            let taken = found.contributing.map { Int32(kept[Int($0)]) } + places.map { Int32($0) }
            earlier = members
            contributing = places.map { reports[$0] }
            sources = ChronologyBuilder.distinctSorted(ranks.map(\.source))
            keys.contributing = MergeKeys.shared(taken)
            keys.plan = records.planKey(taken.map { reports[Int($0)].position })
            return true
        }

        /// The merge of this group when a new report ranks before the last one the earlier
        /// merge took values from: the reports it took values from and the new ones, ranked
        /// again. The others still take nothing (the report whose digest each repeats still
        /// ranks before it), so they are not ranked, and their sources are the earlier event's.
        /// - Parameters:
        ///   - taken: the places of the reports the earlier merge took values from.
        ///   - added, ranks: the places of the new reports, and what ranking reads of each.
        ///   - members: what identifies the earlier event (`ChronologyInput.memberKey`).
        private mutating func rerank<Input: ChronologyInput>(
            _ taken: [Int], added: [Int], ranks addedRanks: [(date: PartialDate?, source: EventSource)], members: Hash128.Digest,
            _ records: borrowing Input
        ) {
            var rankOf: [Int: (date: PartialDate?, source: EventSource)] = [:]
            for place in taken {
                let view = records.rankingView(Int(reports[place].record))
                rankOf[place] = (view.dates[Int(reports[place].event)], view.source)
            }
            for (place, rank) in zip(added, addedRanks) { rankOf[place] = rank }
            // In group order first, as the whole group is before it is ranked: equal ranks keep it.
            let candidates = rankOf.keys.sorted()
            let ranked = candidates.sorted { a, b in
                let x = rankOf[a]!, y = rankOf[b]!
                return ChronologyBuilder.ranksBefore(reports[a], x.date, x.source, reports[b], y.date, y.source)
            }
            var seen = Set<Hash128.Digest>(), places: [Int] = []
            for place in ranked where seen.insert(records.eventDigest(reports[place].position)).inserted { places.append(place) }
            sourcesOf = members
            contributing = places.map { reports[$0] }
            sources = ChronologyBuilder.distinctSorted(addedRanks.map(\.source))
            keys.contributing = MergeKeys.shared(places.map { Int32($0) })
            keys.plan = records.planKey(contributing.map(\.position))
            if let plan = keys.plan { known = records.knowsMerge(plan) }
        }

        /// What identifies the merge by its contributing reports (`ChronologyInput.planKey`).
        var key: Hash128.Digest? { keys.plan }

        /// The reports whose records the merge reads whole: none when the event is known, only
        /// the added ones when an earlier event is extended.
        var reads: [ReportPosition] { known ? [] : contributing.map(\.position) }

        /// The place in the last run's `undated` or dated list (`ChronologyInput.earlierList`) of
        /// the event this merge takes whole, as it is stored: nil when it merges or extends one,
        /// or the stored event has another id than merging gives (`merged` then decodes it).
        func storedPlace<Input: ChronologyInput>(_ records: Input, undated: Bool) -> Int? {
            guard let earlier, contributing.isEmpty, sources.isEmpty, let place = records.storedPlace(members: earlier),
                place.undated == undated
            else { return nil }
            return place.index
        }

        /// The merged event, the contributing reports' records read whole once each.
        func merged<Input: ChronologyInput>(_ records: Input) -> ChronologyEvent {
            if let earlier {
                guard let base = records.wholeEvent(members: earlier) else {
                    // Merged from records not fetched: the input then says it failed, as below.
                    return MergePlan(reports, records, byMembers: false).merged(records)
                }
                var event = base.event
                for report in contributing {
                    ChronologyBuilder.fill(&event, from: records.record(Int(report.record)).events[Int(report.event)])
                }
                let all = ChronologyBuilder.union(base.sources, sources)
                return ChronologyEvent(id: ChronologyEvent.id(for: event), event: event, sources: all)
            }
            var sources = self.sources
            if let sourcesOf {
                guard let base = records.wholeEvent(members: sourcesOf) else {
                    return MergePlan(reports, records, byMembers: false).merged(records)
                }
                sources = ChronologyBuilder.union(base.sources, sources)
            }
            // A known event that cannot be read is merged from records not fetched: the input
            // then says it failed (`SummaryArchive.failed`), and the run merges from the records.
            if known, let key = keys.plan, let event = records.mergedEvent(key) {
                return ChronologyEvent(id: ChronologyEvent.id(for: event), event: event, sources: sources)
            }
            var decoded: [Int32: ArticleRecord] = [:]
            for report in contributing where decoded[report.record] == nil {
                decoded[report.record] = records.record(Int(report.record))
            }
            func eventOf(_ report: Report) -> Event { decoded[report.record]!.events[Int(report.event)] }
            var event = eventOf(contributing[0])
            for report in contributing.dropFirst() { ChronologyBuilder.fill(&event, from: eventOf(report)) }
            return ChronologyEvent(id: ChronologyEvent.id(for: event), event: event, sources: sources)
        }
    }
}
