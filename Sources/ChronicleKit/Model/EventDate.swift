/// How finely a date is known.
public enum DatePrecision: String, Sendable, Codable, Comparable {
    case day, month, year

    private var rank: Int { self == .day ? 0 : self == .month ? 1 : 2 }
    public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool { lhs.rank < rhs.rank }
}

/// How the year (or the whole date) of an event was found; see `spec/records.md`.
enum DateBasis: String, Sendable, Codable {
    case explicit
    case referenceDate = "reference-date"
    case periodYear = "period-year"
    case anniversary
    case context
    case unresolved
}

/// Part of the day a meeting was held, when the article says ("sáng", "chiều", "tối").
enum PartOfDay: String, Sendable, Codable {
    case morning, afternoon, evening
}

/// A calendar date cut to a precision: `2022-12-26`, `2022-12` or `2022`.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var year: Int
    package var month: Int?
    var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    public var precision: DatePrecision { day != nil ? .day : month != nil ? .month : .year }

    /// ISO 8601 text cut to the precision.
    public var description: String {
        // Digits by hand: String(format:) goes through Foundation and was a visible cost of
        // event ids, CSV and XML over a large chronology. Same text as "%04d-%02d-%02d".
        guard (0...9999).contains(year), (month ?? 0) >= 0, (month ?? 0) <= 99, (day ?? 0) >= 0, (day ?? 0) <= 99 else {
            var text = String(format: "%04d", year)
            if let month { text += String(format: "-%02d", month) }
            if let day { text += String(format: "-%02d", day) }
            return text
        }
        var bytes: [UInt8] = [
            UInt8(48 + year / 1000), UInt8(48 + year / 100 % 10), UInt8(48 + year / 10 % 10), UInt8(48 + year % 10),
        ]
        if let month { bytes += [45, UInt8(48 + month / 10), UInt8(48 + month % 10)] }
        if let day { bytes += [45, UInt8(48 + day / 10), UInt8(48 + day % 10)] }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a longer timestamp is cut to its date).
    public init?(iso text: String) {
        let parts = text.prefix(10).split(separator: "-")
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        var month: Int?
        var day: Int?
        if parts.count > 1 {
            guard let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count > 2, let m = month {
            // A day the month does not have ("2022-02-30") is refused, not rolled over.
            guard let d = Int(parts[2]), (1...Self.daysIn(month: m, year: year)).contains(d) else { return nil }
            day = d
        }
        self.init(year: year, month: month, day: day)
    }

    /// The number of days of `month` in `year` (proleptic Gregorian).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of the first day this date covers (proleptic Gregorian).
    var dayNumber: Int {
        let y = month.map { $0 <= 2 ? year - 1 : year } ?? year - 1
        let m = month ?? 1
        let d = day ?? 1
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }
}

/// The date of an event with its precision, how its year was found and the sentence that shows it.
struct EventDate: Sendable, Hashable {
    /// The date, or nil when not even a year can be justified.
    var value: PartialDate?
    var partOfDay: PartOfDay?
    var basis: DateBasis
    /// The sentence the date (or its year) was read from.
    var evidence: String?

    init(value: PartialDate?, partOfDay: PartOfDay? = nil, basis: DateBasis, evidence: String? = nil) {
        self.value = value
        self.partOfDay = partOfDay
        self.basis = basis
        self.evidence = evidence
    }

    var precision: DatePrecision? { value?.precision }
}
