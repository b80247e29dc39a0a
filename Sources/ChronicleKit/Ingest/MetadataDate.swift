import Foundation

/// Reads the publication date written in page metadata or a crawler export: ISO dates and
/// timestamps (`2022-12-27`, `2022-12-27T08:30:00+07:00`, `2022/12/27 08:30`), year-month
/// (`2022-12`, `2022/12`), day-first dates (`27/12/2022`, `27-12-2022 08:30`) and Unix epochs in
/// seconds or milliseconds (`1671091200`, `1671091200000`). The date is cut as written:
/// time zones are not applied, so the calendar day the page states is the day kept.
///
/// A value it cannot read is not guessed at: the loader keeps it (`Article.unreadableDate`) and
/// the run reports it as a warning.
enum MetadataDate {
    /// The date written in `text`, or nil when it is not a date.
    static func parse(_ text: String) -> PartialDate? {
        let bytes = Array(text.utf8.drop { $0 == 0x20 || $0 == 0x09 })
        var numbers: [(value: Int, digits: Int)] = []
        var separators: [UInt8] = []
        var i = 0
        while i < bytes.count, numbers.count < 3 {
            let start = i
            var value = 0
            // Up to 13 digits: an epoch in milliseconds ("1671091200000") is read whole, not cut.
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, i - start < 13 {
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            guard i > start else { return nil }
            numbers.append((value, i - start))
            guard i < bytes.count else { break }
            let sep = bytes[i]
            if sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") {
                separators.append(sep)
                i += 1
            } else {
                break
            }
        }
        if separators.count == 2, separators[0] != separators[1] { return nil }
        switch numbers.count {
        case 3 where numbers[0].digits == 4:
            return make(year: numbers[0].value, month: numbers[1].value, day: numbers[2].value)
        case 3 where numbers[2].digits == 4 && numbers[0].digits <= 2:
            return make(year: numbers[2].value, month: numbers[1].value, day: numbers[0].value)
        case 2 where numbers[0].digits == 4 && numbers[1].digits <= 2:
            // "2022.5" is a decimal number (half a year?), not May: a year-month takes - or /.
            guard separators.first != UInt8(ascii: "."), (1...12).contains(numbers[1].value) else { return nil }
            return PartialDate(year: numbers[0].value, month: numbers[1].value)
        case 1 where numbers[0].digits == 4 && bytes.count == 4:
            return PartialDate(year: numbers[0].value)
        case 1 where (9...13).contains(numbers[0].digits) && i == bytes.count:
            return fromEpoch(seconds: numbers[0].value)
        default:
            return nil
        }
    }

    /// How a warning shows a value that is not a date: trimmed, quoted, and cut after 60
    /// characters, so a field holding a whole paragraph does not become a paragraph-long line.
    static func shown(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let limit = 60
        let cut = trimmed.count > limit ? String(trimmed.prefix(limit)) + "…" : trimmed
        return "\"" + cut + "\""
    }

    /// A Unix timestamp, as a calendar day in Vietnam (UTC+7), where the press publishes.
    static func fromEpoch(seconds: Int) -> PartialDate? {
        var value = seconds
        if value > 100_000_000_000 { value /= 1000 }  // milliseconds
        let days = Int((Double(value + 7 * 3600) / 86400).rounded(.down))
        // Civil from days (Howard Hinnant's algorithm).
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return make(year: year, month: month, day: day)
    }

    static func make(year: Int, month: Int, day: Int) -> PartialDate? {
        guard (1000...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let length = month == 2 && leap ? 29 : lengths[month - 1]
        guard day <= length else { return nil }
        return PartialDate(year: year, month: month, day: day)
    }
}
