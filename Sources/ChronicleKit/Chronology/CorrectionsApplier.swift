import Foundation

/// What applying the corrections gave: corrected records, the events they touched, and the
/// corrections that matched nothing.
struct CorrectionOutcome: Sendable {
    var records: [ArticleRecord]
    /// Each corrected (not suppressed) event with the article it came from, to flag it in the chronology.
    var corrected: [(source: String, event: Event)]
    var suppressed: Int
    var unmatched: [Correction]
}

extension CorrectionSet {
    /// Applies the corrections to freshly loaded (uncorrected) records. It runs every time from
    /// the extractor's output, so corrections survive re-extraction and can be withdrawn.
    ///
    /// An `id` correction matches the article events whose own id is that id, and the events
    /// merged into the chronology event of that id (ids are those of an uncorrected chronology
    /// over all dates, i.e. what the reports showed). A `url` correction matches every event of
    /// the articles with that URL. With both, an event must match both. Corrections apply in
    /// file order, so a later one wins.
    func apply(to records: [ArticleRecord]) -> CorrectionOutcome {
        guard !corrections.isEmpty else { return CorrectionOutcome(records: records, corrected: [], suppressed: 0, unmatched: []) }
        var pass = CorrectionPass(set: self, groups: groups(of: records))
        var result = records
        for r in result.indices {
            // Records no correction touched keep sharing their events with the input (a large
            // archive would otherwise hold every event twice).
            if let changed = pass.apply(to: records[r]) { result[r] = changed }
        }
        return CorrectionOutcome(records: result, corrected: pass.corrected, suppressed: pass.suppressed, unmatched: pass.unmatched)
    }

    /// The events of an uncorrected chronology over all dates that `id` corrections name, by id
    /// (empty when no correction names an id).
    func groups<Input: ChronologyInput>(of records: Input) -> [String: ChronologyEvent] {
        let ids = Set(corrections.compactMap(\.eventID))
        guard !ids.isEmpty else { return [:] }
        let everything = DateWindow(from: PartialDate(year: 1, month: 1, day: 1), to: PartialDate(year: 9999, month: 12, day: 31))
        let chronology = ChronologyBuilder(window: everything).build(from: records)
        var groups: [String: ChronologyEvent] = [:]
        for list in [chronology.events, chronology.undated] {
            for (index, head) in list.heads.enumerated() where ids.contains(head.id) { groups[head.id] = list[index] }
        }
        return groups
    }

    fileprivate static func set(_ correction: Correction, on event: inout Event, file: URL) {
        if let unit = correction.unit { event.unit = unit }
        if let kind = correction.kind { event.kind = kind }
        if let date = correction.date {
            let note = correction.note.map { ": \($0)" } ?? ""
            event.date = EventDate(value: date, basis: .explicit, evidence: "\(file.lastPathComponent) \(correction.key)\(note)")
        }
        if let chair = correction.chair {
            event.chair = chair
            event.people.removeAll { $0.role == .chair || $0.name == chair.name }
            event.people.insert(chair, at: 0)
        }
    }

    /// Problems for corrections that matched nothing, for the reports and stderr.
    func problems(for unmatched: [Correction], displayPath: String) -> [ArticleProblem] {
        unmatched.map {
            ArticleProblem(source: displayPath, reason: "\($0.label): matches no article or event (check the id or url)")
        }
    }
}

extension Chronology {
    /// Flags the events an analyst corrected.
    mutating func markCorrected(_ corrected: [(source: String, event: Event)]) {
        guard !corrected.isEmpty else { return }
        func isCorrected(_ item: ChronologyEvent) -> Bool {
            corrected.contains { pair in
                item.sources.contains { $0.source == pair.source }
                    && (ChronologyEvent.id(for: pair.event) == item.id || ChronologyBuilder.sameMeeting(pair.event, item.event))
            }
        }
        for index in events.indices where isCorrected(events[index]) { events.setCorrected(index) }
        for index in undated.indices where isCorrected(undated[index]) { undated.setCorrected(index) }
    }
}

/// The corrections applied one record at a time, in path order, counting what they matched.
struct CorrectionPass {
    private let correctionSet: CorrectionSet
    /// `CorrectionSet.groups(of:)` of the same records.
    private let groups: [String: ChronologyEvent]
    private var hits: [Int]
    private(set) var corrected: [(source: String, event: Event)] = []
    private(set) var suppressed = 0

    init(set: CorrectionSet, groups: [String: ChronologyEvent]) {
        self.correctionSet = set
        self.groups = groups
        hits = Array(repeating: 0, count: set.corrections.count)
    }

    /// The corrections that matched nothing so far.
    var unmatched: [Correction] { correctionSet.corrections.indices.filter { hits[$0] == 0 }.map { correctionSet.corrections[$0] } }

    /// The record with the corrections applied, or nil when none changed it.
    mutating func apply(to record: ArticleRecord) -> ArticleRecord? {
        guard record.status == .ok, !correctionSet.corrections.isEmpty else { return nil }
        var kept: [Event] = []
        var changed = false
        for original in record.events {
            var event = original
            var touched = false
            var drop = false
            for (index, correction) in correctionSet.corrections.enumerated() where matches(correction, record, original) {
                hits[index] += 1
                if correction.suppress {
                    drop = true
                    continue
                }
                touched = true
                drop = false
                CorrectionSet.set(correction, on: &event, file: correctionSet.file)
            }
            if drop {
                suppressed += 1
                changed = true
            } else {
                kept.append(event)
                if touched {
                    corrected.append((record.source, event))
                    changed = true
                }
            }
        }
        guard changed else { return nil }
        var result = record
        result.events = kept
        return result
    }

    private func matches(_ correction: Correction, _ record: ArticleRecord, _ event: Event) -> Bool {
        if let url = correction.url, record.url?.trimmingCharacters(in: .whitespaces) != url { return false }
        if let id = correction.eventID {
            if ChronologyEvent.id(for: event) == id { return true }
            guard let group = groups[id], group.sources.contains(where: { $0.source == record.source }) else { return false }
            return ChronologyBuilder.sameMeeting(event, group.event)
        }
        return true
    }
}
