/// What the store remembers of event ids between runs, as plain values (the chronology does not
/// know the store): the id each report was first given, and when each id was first seen.
struct EventIDMemory: Sendable {
    /// Report key (`ArticleIdentity.keys`) → the id its event had when the report was first seen.
    private(set) var idByKey: [UInt64: String] = [:]
    /// Every id the store knows → the run that first saw it.
    var firstSeen: [String: Int64] = [:]
    /// The ids `idByKey` names, each once: a new event takes none of them.
    private(set) var keyedIDs: Set<String> = []

    init(idByKey: [UInt64: String] = [:], firstSeen: [String: Int64] = [:]) {
        self.init(idByKey: idByKey, firstSeen: firstSeen, keyedIDs: Set(idByKey.values))
    }

    /// With `keyedIDs` already made: the ids `idByKey` names, each once.
    init(idByKey: [UInt64: String], firstSeen: [String: Int64], keyedIDs: Set<String>) {
        self.idByKey = idByKey
        self.firstSeen = firstSeen
        self.keyedIDs = keyedIDs
    }

    /// Remembers that report `key` was first given `id`.
    mutating func remember(_ key: UInt64, _ id: String) {
        idByKey[key] = id
        keyedIDs.insert(id)
    }
}

/// Gives each event of a chronology its id, once, and keeps it.
///
/// An event takes the id its reports were first given (`EventIDMemory`): a later article that
/// refines the date, a correction of the date, unit or kind, another copy of an article — the
/// reports that were the event keep naming it. When an event's reports were given several ids
/// (two events found to be one meeting), it takes the one first seen; the other is no longer
/// shown (corrections naming it still reach the same reports). An event none of whose reports
/// is known gets a new id: `proposed` (the id of its uncorrected reading, when corrections
/// apply) or its date, unit and kind (`ChronologyEvent.id(for:)`), with `-2`, `-3` … when that
/// id is taken this run or belongs to another known event. An id the store knows but no report
/// names (a store from before ids were remembered) is taken by the event it spells.
struct EventIdentity {
    let memory: EventIDMemory

    /// The ids of one grouping's events, dated then undated, and the report keys seen for the
    /// first time with the id their event got.
    struct Assignment {
        var ids: [String]
        /// Per event, the ids its reports were first given (`EventIDMemory`), earliest first.
        var known: [[String]]
        var newKeys: [UInt64: String]

        /// Writes the ids into the grouping's events and sorts it again.
        func apply(to grouping: inout ChronologyGrouping) {
            let dated = grouping.chronology.events.count
            var changed = false
            for (slot, id) in ids.enumerated() {
                let undated = slot >= dated, index = undated ? slot - dated : slot
                let current = undated ? grouping.chronology.undated.heads[index].id : grouping.chronology.events.heads[index].id
                guard current != id else { continue }
                changed = true
                if undated {
                    grouping.chronology.undated.setID(index, id)
                } else {
                    grouping.chronology.events.setID(index, id)
                }
            }
            if changed { grouping.resort() }
        }
    }

    /// - Parameters:
    ///   - ordinal: the place a report's event had in its record before corrections dropped any.
    ///   - proposed: a new event's id from its first report, when not its own date, unit and kind.
    func assign(
        _ grouping: ChronologyGrouping, ordinal: (ReportPosition) -> Int32 = { $0.event },
        proposed: (ReportPosition) -> String?
    ) -> Assignment {
        withoutActuallyEscaping(ordinal) { ordinal in
            assign(
                grouping, keys: EventKeys(members: grouping.allMembers, identities: grouping.copies.identities, ordinal: ordinal),
                proposed: proposed)
        }
    }

    private func assign(_ grouping: ChronologyGrouping, keys: EventKeys, proposed: (ReportPosition) -> String?) -> Assignment {
        let members = keys.members
        // The two lists' heads read in place: joined, they were a copy of every event's head.
        let datedHeads = grouping.chronology.events.heads, undatedHeads = grouping.chronology.undated.heads
        func headID(_ slot: Int) -> String {
            slot < datedHeads.count ? datedHeads[slot].id : undatedHeads[slot - datedHeads.count].id
        }
        // Each event's known ids, and how many of its keys were not seen before, on all cores:
        // looking every report's keys up is the most of this. The unseen keys themselves are
        // made again below, for those events only: on a first run that is every key, too many
        // to hold twice.
        let looked = Array(members.indices).parallelMap(chunk: 64) { slot in
            let all = keys.of(slot)
            return (known: knownIDs(all), unseen: all.reduce(0) { $0 + (memory.idByKey[$1] == nil ? 1 : 0) })
        }
        let known = looked.map(\.known)
        var ids = [String?](repeating: nil, count: members.count)
        var claimed = Set<String>()
        for slot in members.indices {
            if let id = known[slot].first(where: { !claimed.contains($0) }) {
                ids[slot] = id
                claimed.insert(id)
            }
        }
        for slot in members.indices where ids[slot] == nil {
            let base = members[slot].first.flatMap(proposed) ?? headID(slot)
            var id = base, next = 2
            while claimed.contains(id) || memory.keyedIDs.contains(id) {
                id = "\(base)-\(next)"
                next += 1
            }
            ids[slot] = id
            claimed.insert(id)
        }
        var newKeys: [UInt64: String] = [:]
        // Sized at once: on a first run every key is new, and growing the table held two of it.
        newKeys.reserveCapacity(looked.reduce(0) { $0 + $1.unseen })
        for slot in members.indices where looked[slot].unseen > 0 {
            for key in keys.of(slot) where memory.idByKey[key] == nil && newKeys[key] == nil { newKeys[key] = ids[slot]! }
        }
        return Assignment(ids: ids.map { $0! }, known: known, newKeys: newKeys)
    }

    /// Each event's report keys, made when asked (twice an event) rather than held for all, on
    /// several threads at once: `ordinal` only reads.
    private struct EventKeys: @unchecked Sendable {
        let members: [[ReportPosition]]
        let identities: [ArticleIdentity]
        let ordinal: (ReportPosition) -> Int32

        func of(_ slot: Int) -> [UInt64] {
            members[slot].flatMap { identities[Int($0.record)].keys(ordinal: ordinal($0)) }
        }
    }

    /// The ids these report keys were first given, the first seen first (then by id).
    private func knownIDs(_ keys: [UInt64]) -> [String] {
        var ids: [String] = []
        for key in keys {
            if let id = memory.idByKey[key], !ids.contains(id) { ids.append(id) }
        }
        guard ids.count > 1 else { return ids }
        return ids.sorted { a, b in
            let x = memory.firstSeen[a] ?? Int64.max, y = memory.firstSeen[b] ?? Int64.max
            return x != y ? x < y : a < b
        }
    }
}
