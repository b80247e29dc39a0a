/// The short forms the briefing (`chronology.md` and the unit and year files) shows, already
/// Markdown-escaped: sources as outlet and date, people with their positions, problem reasons in
/// the report's language.
enum BriefingText {
    /// Sources shown per event; the rest are counted ("+2").
    static let sourcesShown = 3

    /// Each source as "[qdnd.vn, 27/12/2022](<url>)", or its file's name when it has no http(s)
    /// URL; one entry per distinct link, those with a URL first, at most `sourcesShown`, then
    /// "+N" for the others.
    /// - Parameter fileNames: shorten paths to the file's name (inside a table cell).
    static func sources(_ sources: [EventSource], fileNames: Bool = true) -> String {
        // The distinct entries first, and only those shown are written out: an event reported by
        // a thousand copies shows three.
        var linked: [(source: EventSource, destination: String)] = [], unlinked: [(source: EventSource, path: String)] = []
        var seen = Set<String>()
        for source in sources {
            if let url = source.url, let destination = ReportText.linkDestination(url) {
                if seen.insert(destination).inserted { linked.append((source, destination)) }
            } else {
                let path = ReportText.flat(source.source)
                if seen.insert(path).inserted { unlinked.append((source, path)) }
            }
        }
        func date(_ source: EventSource) -> String { source.date.map { ", " + ReportFields.vietnameseDate($0) } ?? "" }
        var shown: [String] = []
        for (source, destination) in linked.prefix(sourcesShown) {
            shown.append("[\(ReportText.markdown(ReportText.host(source.url ?? "") + date(source)))](<\(destination)>)")
        }
        for (source, path) in unlinked.prefix(sourcesShown - shown.count) {
            // The file's name: its folders make a word too long for a table cell (the whole
            // path is in the CSV and XML).
            let name = fileNames ? path.split(separator: "/").last.map(String.init) ?? path : path
            shown.append(ReportText.markdown(name + date(source)))
        }
        let total = linked.count + unlinked.count
        var text = shown.joined(separator: "; ")
        if total > sourcesShown { text += "; +\(total - sourcesShown)" }
        return text
    }

    /// "Trung tướng Trần Văn Bình, Bí thư Đảng ủy, Chính ủy Quân đoàn".
    static func person(_ person: Person) -> String {
        let positions = person.positions.map(ReportText.flat).filter { !$0.isEmpty }
        return ReportText.markdown(([ReportFields.person(person)] + positions).filter { !$0.isEmpty }.joined(separator: ", "))
    }

    /// The people who "dự và chỉ đạo" (attended and directed) the meeting, joined with "; ".
    static func directing(_ event: Event) -> String {
        event.people.filter { $0.role == .directing }.map(person).joined(separator: "; ")
    }

    /// A problem's reason in the report's language (`problem_reasons` in the label file), its
    /// variable part as written; a JSON Lines line number in front.
    static func reason(_ reason: ProblemReason, templates: ReportTemplates) -> String {
        var template = templates.problemReasonLabels[reason.code] ?? "{detail}"
        let parameters = reason.parameters
        // A label that places the numbers needs all of them; else the detail as written.
        if template.contains("{1}") && parameters.isEmpty {
            template = templates.problemKindLabels[reason.code].map { $0 + " ({detail})" } ?? "{detail}"
        }
        for (index, value) in parameters.enumerated() { template = template.replacingOccurrences(of: "{\(index + 1)}", with: value) }
        var text = template.replacingOccurrences(of: "{detail}", with: ReportText.flat(reason.detail))
        if let line = reason.line { text = "\(templates.labels["line"]!) \(line): " + text }
        return text
    }

    /// A reason's short name, for counts by reason (`problem_kinds` in the label file).
    static func reasonName(_ code: ProblemReason.Code, templates: ReportTemplates) -> String {
        templates.problemKindLabels[code] ?? code.rawValue
    }
}
