/// Counts and groupings of a chronology computed once per run and shared by every format, in a
/// fixed order (units by name then id, years ascending, kinds in taxonomy order) so output never
/// depends on dictionary order.
struct ReportSummary: Sendable {
    /// One line of `summary.csv`.
    struct Count: Sendable, Hashable {
        var unit: UnitReference
        var year: Int
        var kind: EventKind
        var count: Int
    }

    /// Units with events, in Vietnamese alphabetical order of their names, then by id.
    let units: [UnitReference]
    /// Years of the window, ascending (columns of the units × years table).
    let windowYears: [Int]
    /// Years that have events, ascending.
    let years: [Int]
    /// Indices into `chronology.events`, per unit (same order as `units`), in date order.
    let eventsByUnit: [[Int]]
    /// Indices into `chronology.events`, per year (same order as `years`), in date order.
    let eventsByYear: [[Int]]
    /// Non-zero counts per unit, year and kind, sorted.
    let counts: [Count]
    let byKind: [(kind: EventKind, count: Int)]
    let byYear: [(year: Int, count: Int)]
    /// `unitYear[u][y]`: events of `units[u]` in `windowYears[y]`.
    let unitYear: [[Int]]
    /// File name (without `.md`) of each unit's report, unique even when two ids clean up alike.
    let unitFiles: [String]

    public init(_ chronology: Chronology) {
        self.init(index: chronology)
    }

    init(index chronology: any ChronologyIndex) {
        var unitIndex: [String: Int] = [:]
        var units: [UnitReference] = []
        let heads = chronology.datedHeads
        for head in heads where unitIndex[head.unit.id] == nil {
            unitIndex[head.unit.id] = units.count
            units.append(head.unit)
        }
        let keys = units.map { VietnameseCollation.key($0.name) }
        let order = units.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : units[$0].id < units[$1].id }
        var rank = [Int](repeating: 0, count: units.count)
        for (position, index) in order.enumerated() { rank[index] = position }
        self.units = order.map { units[$0] }
        var used: Set<String> = []
        unitFiles = self.units.map { unit in
            let base = Self.fileName(forUnit: unit.id)
            var name = base
            var suffix = 2
            while used.contains(name) {
                name = "\(base)-\(suffix)"
                suffix += 1
            }
            used.insert(name)
            return name
        }

        let years = Array(Set(heads.compactMap { $0.date?.year })).sorted()
        self.years = years
        var windowYears = Array(chronology.window.years)
        for year in years where !windowYears.contains(year) { windowYears.append(year) }
        windowYears.sort()
        self.windowYears = windowYears
        let yearPosition = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0) })
        let windowYearPosition = Dictionary(uniqueKeysWithValues: windowYears.enumerated().map { ($1, $0) })

        var byUnit = [[Int]](repeating: [], count: units.count)
        var byYear = [[Int]](repeating: [], count: years.count)
        var cube = [Int](repeating: 0, count: units.count * years.count * EventKind.allCases.count)
        var unitYear = [[Int]](repeating: [Int](repeating: 0, count: windowYears.count), count: units.count)
        let kinds = EventKind.allCases
        var kindTotals = [Int](repeating: 0, count: kinds.count)
        for (index, head) in heads.enumerated() {
            guard let year = head.date?.year else { continue }
            let unit = rank[unitIndex[head.unit.id]!]
            let y = yearPosition[year]!
            let k = kinds.firstIndex(of: head.kind)!
            byUnit[unit].append(index)
            byYear[y].append(index)
            cube[(unit * years.count + y) * kinds.count + k] += 1
            unitYear[unit][windowYearPosition[year]!] += 1
            kindTotals[k] += 1
        }
        eventsByUnit = byUnit
        eventsByYear = byYear
        self.unitYear = unitYear
        var counts: [Count] = []
        for u in 0..<units.count {
            for y in 0..<years.count {
                for k in 0..<kinds.count {
                    let n = cube[(u * years.count + y) * kinds.count + k]
                    if n > 0 { counts.append(Count(unit: self.units[u], year: years[y], kind: kinds[k], count: n)) }
                }
            }
        }
        self.counts = counts
        byKind = kinds.indices.filter { kindTotals[$0] > 0 }.map { (kinds[$0], kindTotals[$0]) }
        self.byYear = years.indices.map { (years[$0], byYear[$0].count) }
    }

    /// A file name for a unit id: ASCII letters, digits and "-" only.
    static func fileName(forUnit id: String) -> String {
        var out = ""
        for scalar in id.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || scalar == "-" {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        return out.isEmpty ? "unit" : out
    }
}
