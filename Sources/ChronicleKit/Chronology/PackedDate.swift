/// A report's date (or none) in eight bytes, for grouping, which holds one per report: a
/// `PartialDate?` takes four times that. Equal dates, equal packed values.
struct PackedDate: Hashable, Sendable {
    /// The stored form (`KeptGrouping`).
    let raw: Int64
    private static let none = Int64.min

    init(raw: Int64) {
        self.raw = raw
    }

    /// Whether the value is one `init(_:)` gives: none, or a month and day in their ranges.
    var isValid: Bool {
        raw == Self.none || (raw >= 0 && (raw >> 5) & 0xF <= 12 && raw & 0x1F <= 31)
    }

    init(_ date: PartialDate?) {
        guard let date else {
            raw = Self.none
            return
        }
        raw = Int64(date.year) << 9 | Int64(date.month ?? 0) << 5 | Int64(date.day ?? 0)
    }

    /// The date packed.
    var value: PartialDate? {
        guard raw != Self.none else { return nil }
        let month = Int((raw >> 5) & 0xF), day = Int(raw & 0x1F)
        return PartialDate(year: Int(raw >> 9), month: month == 0 ? nil : month, day: day == 0 ? nil : day)
    }
}
