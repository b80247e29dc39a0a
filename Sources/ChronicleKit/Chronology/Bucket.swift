extension ChronologyBuilder {
    /// Which group of one (unit, kind) a lead report joins: the groups in the order they were
    /// started, indexed so that a report is compared only with groups it could merge with. A
    /// dated report is compared with groups holding a report of the same or a neighbouring year (a
    /// meeting spans at most a few days; other matches need the same year). An undated one is
    /// compared with groups holding a report that cites the same documents (undated reports without
    /// documents merge with nothing). The first matching group in start order wins, as a scan
    /// over all groups would give.
    ///
    /// Only leads are added (`GroupingState`): copies join their lead's group and match nothing.
    /// The index is a function of the leads added, in order, so a kept grouping rebuilds it by
    /// replaying them (`restore`).
    struct Bucket: Sendable {
        private(set) var groupCount: Int32 = 0
        /// Per group of a dated bucket, the distinct dates of its leads with their day numbers:
        /// the first here (no date for an undated group), the others in `moreDates` (most groups
        /// have one: an array each cost some fifty bytes a group). Unit and kind are the
        /// bucket's, so whether a dated report joins a group depends on these dates only.
        private var firstDates: [(date: PackedDate, day: Int32)] = []
        private var moreDates: [Int32: [(date: PackedDate, day: Int32)]] = [:]
        private var byYear: [Int: [Int32]] = [:]
        private var byDocuments: [Int32: Int32] = [:]

        /// Whether group `index` holds a report of the same meeting as one on `date`.
        private func matches(_ index: Int32, _ date: PartialDate, _ day: Int, span: Int) -> Bool {
            func same(_ known: (date: PackedDate, day: Int32)) -> Bool {
                ChronologyBuilder.sameMeeting(known.date.value!, Int(known.day), date, day, span: span)
            }
            return same(firstDates[Int(index)]) || (moreDates[index]?.contains(where: same) ?? false)
        }

        /// Adds a lead on `date` to group `index`: its date among the group's, its year indexed.
        private mutating func join(_ date: PackedDate, _ value: PartialDate, _ day: Int, group index: Int32) {
            if firstDates[Int(index)].date != date, !(moreDates[index]?.contains(where: { $0.date == date }) ?? false) {
                moreDates[index, default: []].append((date, Int32(day)))
            }
            if !(byYear[value.year] ?? []).contains(index) { byYear[value.year, default: []].append(index) }
        }

        /// Starts a group with a lead on `date` (nil: an undated one, citing `documents`).
        private mutating func start(_ date: PackedDate, documents: Int32) -> Int32 {
            let index = groupCount
            if let value = date.value {
                byYear[value.year, default: []].append(index)
                firstDates.append((date, Int32(value.dayNumber)))
            } else {
                if documents >= 0 { byDocuments[documents] = index }
                firstDates.append((date, 0))
            }
            groupCount += 1
            return index
        }

        /// Adds a lead to the first group it matches, or to a new one; returns the group's index.
        /// - Parameters:
        ///   - documents: the number of an undated report's documents key, -1 for none.
        ///   - span: the longest a meeting of the bucket's kind lasts, in days.
        mutating func add(date: PackedDate, documents: Int32, span: Int) -> Int32 {
            if let value = date.value {
                let day = value.dayNumber
                var candidates: [Int32] = []
                for year in (value.year - 1)...(value.year + 1) {
                    if let list = byYear[year] { candidates.append(contentsOf: list) }
                }
                // Start order, each group once (a group can hold reports of two years).
                candidates.sort()
                var unique = 0
                for candidate in candidates where unique == 0 || candidates[unique - 1] != candidate {
                    candidates[unique] = candidate
                    unique += 1
                }
                candidates.removeLast(candidates.count - unique)
                if let index = candidates.first(where: { matches($0, value, day, span: span) }) {
                    join(date, value, day, group: index)
                    return index
                }
                return start(date, documents: -1)
            }
            // Undated reports merge when they cite the same set of documents: every group under
            // a key holds reports citing exactly that set.
            if documents >= 0, let index = byDocuments[documents] { return index }
            return start(date, documents: documents)
        }

        /// Replays a lead that `add` put in `group` when the leads are replayed in the order
        /// they were added: the index is then the one those adds left. False when the lead
        /// could not have been put there (a damaged kept grouping).
        mutating func restore(date: PackedDate, documents: Int32, group: Int32) -> Bool {
            guard group >= 0, group <= groupCount else { return false }
            if group == groupCount {
                _ = start(date, documents: documents)
                return true
            }
            guard let value = date.value else { return documents >= 0 && byDocuments[documents] == group }
            guard firstDates[Int(group)].date.value != nil else { return false }
            join(date, value, value.dayNumber, group: group)
            return true
        }
    }
}
