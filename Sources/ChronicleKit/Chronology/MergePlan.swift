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
    struct MergePlan {
        /// The reports values are taken from, in rank order.
        private(set) var contributing: [Report]
        /// Every report's source, each once, sorted.
        private let sources: [EventSource]
        /// What identifies this merge across runs (`ChronologyInput.planKey`).
        private(set) var key: Hash128.Digest?
        /// Whether an earlier run merged the same reports: the event is taken from there (read
        /// when merged, not held: a plan of every event is held at once), no record is read.
        private(set) var known = false

        init<Input: ChronologyInput>(_ reports: [Report], _ records: Input) {
            var views: [Int32: RankingView] = [:]
            for report in reports where views[report.record] == nil {
                views[report.record] = records.rankingView(Int(report.record))
            }
            // What ranking compares, made once per report rather than in the comparator.
            let keys = reports.map { report in
                let view = views[report.record]!
                return (date: view.dates[Int(report.event)], source: view.source)
            }
            self.sources = ChronologyBuilder.distinctSorted(keys.map(\.source))
            guard reports.count > 1 else {
                contributing = reports
                identify(records)
                return
            }
            let ranked = reports.indices.sorted { a, b in
                ChronologyBuilder.ranksBefore(reports[a], keys[a].date, keys[a].source, reports[b], keys[b].date, keys[b].source)
            }
            // The first report gives the event; the others add only what `fill` takes, which the
            // digest covers: of equal ones, the first adds all there is.
            var seen = Set<Hash128.Digest>()
            contributing = ranked.map { reports[$0] }.filter { seen.insert(records.eventDigest($0.position)).inserted }
            identify(records)
        }

        private mutating func identify<Input: ChronologyInput>(_ records: Input) {
            key = records.planKey(contributing.map(\.position))
            known = key.map(records.knowsMerge) ?? false
        }

        /// The reports whose records the merge reads whole: none when the event is known.
        var reads: [ReportPosition] { known ? [] : contributing.map(\.position) }

        /// The merged event, the contributing reports' records read whole once each.
        func merged<Input: ChronologyInput>(_ records: Input) -> ChronologyEvent {
            // A known event that cannot be read is merged from records not fetched: the input
            // then says it failed (`SummaryArchive.failed`), and the run merges from the records.
            if known, let key, let event = records.mergedEvent(key) {
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
