/// The shared textual forms of event fields (before format-specific escaping), so the Markdown,
/// CSV and XML reports say the same thing.
enum ReportFields {
    /// Vietnamese-style date: `26/12/2022`, `12/2022` or `2022`.
    static func vietnameseDate(_ date: PartialDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch (date.month, date.day) {
        case let (month?, day?): return "\(two(day))/\(two(month))/\(date.year)"
        case let (month?, nil): return "\(two(month))/\(date.year)"
        default: return "\(date.year)"
        }
    }

    /// The first and last day a date covers: the day itself, the month's or the year's first and
    /// last day (the `date_start` and `date_end` columns, so coarse dates sort among the others).
    static func dayRange(_ date: PartialDate) -> (start: PartialDate, end: PartialDate) {
        switch (date.month, date.day) {
        case (_?, _?): return (date, date)
        case let (month?, nil):
            return (
                PartialDate(year: date.year, month: month, day: 1),
                PartialDate(year: date.year, month: month, day: PartialDate.daysIn(month: month, year: date.year))
            )
        default:
            return (PartialDate(year: date.year, month: 1, day: 1), PartialDate(year: date.year, month: 12, day: 31))
        }
    }

    /// "Trung tướng Nguyễn Mạnh Hùng".
    static func person(_ person: Person) -> String {
        [person.rank, person.name].compactMap { $0.map(ReportText.flat) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// "role: Trung tướng Nguyễn Văn A (Bí thư Đảng ủy, Chính ủy)" for the CSV `people` column.
    static func personWithRole(_ person: Person) -> String {
        var text = "\(person.role.rawValue): \(Self.person(person))"
        if !person.positions.isEmpty { text += " (\(person.positions.map(ReportText.flat).joined(separator: ", ")))" }
        return text
    }

    /// "Nghị quyết 382-NQ/ĐUQSTW (2007-11-29)" with an ISO date, or with a Vietnamese date when `vietnamese`.
    static func document(_ document: DocumentReference, vietnamese: Bool) -> String {
        var text = ReportText.flat(document.code)
        let type = ReportText.flat(document.type)
        if !type.isEmpty && !text.lowercased().hasPrefix(type.lowercased()) { text = "\(type) \(text)" }
        if let date = document.date { text += " (\(vietnamese ? vietnameseDate(date) : date.description))" }
        return text
    }

    /// The source as shown to people: the URL when known, else the file path.
    static func sourceLocation(_ source: EventSource) -> String {
        if let url = source.url, !ReportText.flat(url).isEmpty { return ReportText.flat(url) }
        return ReportText.flat(source.source)
    }
}
