import Foundation

/// A chronology built from a run's records with the corrections applied and the ids the store
/// remembers (`EventIdentity`), with what the run stores and reports besides.
struct CorrectedChronology {
    var chronology: Chronology
    /// Report keys seen for the first time, with their event's id: the store remembers them.
    var newKeys: [UInt64: String]
    var suppressed: Int
    var unmatched: [Correction]
}

/// A chronology's input whose records the corrections can replace.
protocol CorrectableInput: ChronologyInput {
    mutating func replace(_ index: Int, with record: ArticleRecord)
}

extension Array: CorrectableInput where Element == ArticleRecord {
    mutating func replace(_ index: Int, with record: ArticleRecord) { self[index] = record }
}

extension RecordArchive: CorrectableInput {}

extension CorrectionSet {
    /// Applies the corrections to freshly loaded (uncorrected) records and builds the chronology.
    /// It runs every time from the extractor's output, so corrections survive re-extraction and
    /// can be withdrawn.
    ///
    /// What a correction reaches is found on the uncorrected chronology over all dates, whose
    /// events carry their ids (`EventIdentity`, the same memory): an `id` correction reaches
    /// every report of the event with that id (or whose reports were first given it), so it
    /// keeps applying when a new article refines the event or another correction changes it;
    /// a `url` correction reaches every event of the article with that address and of its
    /// copies (`ArticleCopies`). With both, a report must be reached by both. Corrections apply
    /// in file order, so a later one wins; in the chronology a corrected report's values come
    /// before those of the reports merged with it, and an event is flagged corrected when a
    /// correction changed one of its reports.
    func build<Input: CorrectableInput>(_ records: inout Input, window: DateWindow, memory: EventIDMemory) -> CorrectedChronology {
        let identity = EventIdentity(memory: memory)
        var pass = CorrectionPass(set: self, targets: Array(repeating: [], count: corrections.count))
        var firstIDs: [ReportPosition: String] = [:]
        if !corrections.isEmpty {
            let everything = DateWindow(from: PartialDate(year: 1, month: 1, day: 1), to: PartialDate(year: 9999, month: 12, day: 31))
            let all = ChronologyBuilder(window: everything).group(from: records)
            let named = identity.assign(all, proposed: { _ in nil })
            for (slot, group) in all.allMembers.enumerated() {
                for position in group { firstIDs[position] = named.ids[slot] }
            }
            pass = CorrectionPass(set: self, targets: targets(all, named))
            for index in 0..<records.recordCount {
                if let changed = pass.apply(to: records.record(index), at: index) { records.replace(index, with: changed) }
            }
        }
        var grouping = ChronologyBuilder(window: window).group(from: records, pinned: pass.touched)
        let assignment = identity.assign(
            grouping, ordinal: { pass.original($0).event }, proposed: { firstIDs[pass.original($0)] })
        assignment.apply(to: &grouping)
        grouping.markCorrected(pass.touched)
        return CorrectedChronology(
            chronology: grouping.chronology, newKeys: assignment.newKeys, suppressed: pass.suppressed, unmatched: pass.unmatched)
    }

    /// The reports each correction reaches (positions in the uncorrected input).
    func targets(_ grouping: ChronologyGrouping, _ named: EventIdentity.Assignment) -> [Set<ReportPosition>] {
        let members = grouping.allMembers
        var slotsByID: [String: [Int]] = [:]
        if corrections.contains(where: { $0.eventID != nil }) {
            for slot in members.indices {
                slotsByID[named.ids[slot], default: []].append(slot)
                for id in named.known[slot] where id != named.ids[slot] { slotsByID[id, default: []].append(slot) }
            }
        }
        var byRecord: [Int32: [ReportPosition]] = [:]
        if corrections.contains(where: { $0.url != nil }) {
            for position in members.joined() { byRecord[position.record, default: []].append(position) }
        }
        return corrections.map { correction in
            var reached: Set<ReportPosition>?
            if let id = correction.eventID { reached = Set((slotsByID[id] ?? []).flatMap { members[$0] }) }
            if let url = correction.url {
                let article = Set(grouping.copies.records(withURL: url).flatMap { byRecord[$0] ?? [] })
                reached = reached.map { $0.intersection(article) } ?? article
            }
            return reached ?? []
        }
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

    /// Problems for corrections that matched nothing, for the reports (in a section of their
    /// own, in the report's language) and stderr.
    func problems(for unmatched: [Correction], displayPath: String) -> [ArticleProblem] {
        unmatched.map {
            ArticleProblem(
                source: displayPath, reason: "\($0.label): matches no article or event (check the id or url)",
                correction: ArticleProblem.CorrectionReference(key: $0.key, target: $0.target))
        }
    }
}

extension ChronologyGrouping {
    /// Flags the events a correction changed one of the reports of.
    mutating func markCorrected(_ touched: Set<ReportPosition>) {
        guard !touched.isEmpty else { return }
        for (index, group) in members.enumerated() where group.contains(where: touched.contains) {
            chronology.events.setCorrected(index)
        }
        for (index, group) in undatedMembers.enumerated() where group.contains(where: touched.contains) {
            chronology.undated.setCorrected(index)
        }
    }
}

/// The corrections applied one record at a time, in path order, to the reports each reaches.
struct CorrectionPass {
    private let correctionSet: CorrectionSet
    /// Per correction, the reports it reaches (positions in the uncorrected input).
    private let targets: [Set<ReportPosition>]
    /// Corrected (not suppressed) reports, at their positions after the pass.
    private(set) var touched: Set<ReportPosition> = []
    /// For records that lost events to a suppression: the original place of each event kept.
    private var kept: [Int32: [Int32]] = [:]
    private(set) var suppressed = 0

    init(set: CorrectionSet, targets: [Set<ReportPosition>]) {
        self.correctionSet = set
        self.targets = targets
    }

    /// The corrections that reach nothing.
    var unmatched: [Correction] { correctionSet.corrections.indices.filter { targets[$0].isEmpty }.map { correctionSet.corrections[$0] } }

    /// Where a report after the pass stood before it (suppressed events before it drop out).
    func original(_ position: ReportPosition) -> ReportPosition {
        guard let places = kept[position.record] else { return position }
        return ReportPosition(record: Int(position.record), event: Int(places[Int(position.event)]))
    }

    /// The record with the corrections applied, or nil when none changed it.
    mutating func apply(to record: ArticleRecord, at index: Int) -> ArticleRecord? {
        guard record.status == .ok, !correctionSet.corrections.isEmpty else { return nil }
        var events: [Event] = []
        var places: [Int32] = []
        var changed = false
        for (place, original) in record.events.enumerated() {
            let position = ReportPosition(record: index, event: place)
            var event = original
            var touched = false
            var drop = false
            for (c, correction) in correctionSet.corrections.enumerated() where targets[c].contains(position) {
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
                continue
            }
            if touched {
                self.touched.insert(ReportPosition(record: index, event: events.count))
                changed = true
            }
            events.append(event)
            places.append(Int32(place))
        }
        guard changed else { return nil }
        if places.count < record.events.count { kept[Int32(index)] = places }
        var result = record
        result.events = events
        return result
    }
}
