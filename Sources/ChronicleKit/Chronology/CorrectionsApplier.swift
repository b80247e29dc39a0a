import Foundation

/// What applying the corrections gave: corrected records, the events they touched, and the
/// corrections that matched nothing.
public struct CorrectionOutcome: Sendable {
    public var records: [ArticleRecord]
    /// Each corrected (not suppressed) event with the article it came from, to flag it in the chronology.
    public var corrected: [(source: String, event: Event)]
    public var suppressed: Int
    public var unmatched: [Correction]
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
    public func apply(to records: [ArticleRecord]) -> CorrectionOutcome {
        guard !corrections.isEmpty else { return CorrectionOutcome(records: records, corrected: [], suppressed: 0, unmatched: []) }
        var groups: [String: ChronologyEvent] = [:]
        if corrections.contains(where: { $0.eventID != nil }) {
            let everything = DateWindow(from: PartialDate(year: 1, month: 1, day: 1), to: PartialDate(year: 9999, month: 12, day: 31))
            let chronology = ChronologyBuilder(window: everything).build(records)
            for item in chronology.events + chronology.undated { groups[item.id] = item }
        }
        func matches(_ correction: Correction, _ record: ArticleRecord, _ event: Event) -> Bool {
            if let url = correction.url, record.url?.trimmingCharacters(in: .whitespaces) != url { return false }
            if let id = correction.eventID {
                if ChronologyEvent.id(for: event) == id { return true }
                guard let group = groups[id], group.sources.contains(where: { $0.source == record.source }) else { return false }
                return ChronologyBuilder.sameMeeting(event, group.event)
            }
            return true
        }

        var result = records
        var hits = Array(repeating: 0, count: corrections.count)
        var corrected: [(source: String, event: Event)] = []
        var suppressed = 0
        for r in result.indices where result[r].status == .ok {
            let record = records[r]
            var kept: [Event] = []
            var changed = false
            for original in record.events {
                var event = original
                var touched = false
                var drop = false
                for (index, correction) in corrections.enumerated() where matches(correction, record, original) {
                    hits[index] += 1
                    if correction.suppress {
                        drop = true
                        continue
                    }
                    touched = true
                    drop = false
                    Self.set(correction, on: &event, file: file)
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
            // Records no correction touched keep sharing their events with the input (a large
            // archive would otherwise hold every event twice).
            if changed { result[r].events = kept }
        }
        let unmatched = corrections.indices.filter { hits[$0] == 0 }.map { corrections[$0] }
        return CorrectionOutcome(records: result, corrected: corrected, suppressed: suppressed, unmatched: unmatched)
    }

    private static func set(_ correction: Correction, on event: inout Event, file: URL) {
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
    public func problems(for unmatched: [Correction], displayPath: String) -> [ArticleProblem] {
        unmatched.map {
            ArticleProblem(source: displayPath, reason: "\($0.label): matches no article or event (check the id or url)")
        }
    }
}

extension Chronology {
    /// Flags the events an analyst corrected.
    public mutating func markCorrected(_ corrected: [(source: String, event: Event)]) {
        guard !corrected.isEmpty else { return }
        func isCorrected(_ item: ChronologyEvent) -> Bool {
            corrected.contains { pair in
                item.sources.contains { $0.source == pair.source }
                    && (ChronologyEvent.id(for: pair.event) == item.id || ChronologyBuilder.sameMeeting(pair.event, item.event))
            }
        }
        for index in events.indices where isCorrected(events[index]) { events[index].corrected = true }
        for index in undated.indices where isCorrected(undated[index]) { undated[index].corrected = true }
    }
}
