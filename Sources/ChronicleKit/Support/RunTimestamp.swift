import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// When a run started, as the store records it: ISO 8601 in UTC to the second
/// ("2024-01-15T02:30:00Z"), the text `ISO8601DateFormatter` writes by default.
///
/// Made from the C library's calendar instead of a formatter: a formatter's first use sets up
/// ICU's calendar and time zone, some 3 ms of every night. Like the formatter, the time is
/// rounded to the millisecond before its seconds are taken.
enum RunTimestamp {
    static func iso8601(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        var seconds = time_t((milliseconds / 1000).rounded(.down))
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return ISO8601DateFormatter().string(from: date) }
        return "\(digits(parts.tm_year + 1900, 4))-\(digits(parts.tm_mon + 1, 2))-\(digits(parts.tm_mday, 2))"
            + "T\(digits(parts.tm_hour, 2)):\(digits(parts.tm_min, 2)):\(digits(parts.tm_sec, 2))Z"
    }

    /// `value` in decimal, zero-padded to `width`.
    private static func digits(_ value: Int32, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
