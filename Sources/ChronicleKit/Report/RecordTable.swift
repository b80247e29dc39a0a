/// A readable view of one article record for people at a terminal (`chronicle extract --format table`).
public enum RecordTable {
    public static func render(_ record: ArticleRecord) -> String {
        var lines = ["== \(record.source)" + (record.url.map { "  <\($0)>" } ?? "")]
        if record.status != .ok {
            lines.append("   \(record.status.rawValue): \(record.error ?? "")")
            return lines.joined(separator: "\n")
        }
        if let reference = record.referenceDate {
            lines.append("   published: \(reference.value) (\(reference.basis)" + (reference.evidence.map { ": \($0)" } ?? "") + ")")
        }
        for warning in record.warnings { lines.append("   warning: \(warning)") }
        if record.events.isEmpty { lines.append("   no meeting reported") }
        for (index, event) in record.events.enumerated() {
            let date = event.date.value?.description ?? "undated"
            lines.append("   [\(index + 1)] \(date)  \(event.kind.rawValue)  \(event.unit.name)")
            lines.append("       date basis: \(event.date.basis.rawValue)" + (event.date.partOfDay.map { ", \($0.rawValue)" } ?? ""))
            if let evidence = event.date.evidence { lines.append("       evidence:   \(evidence)") }
            lines.append("       title:      \(event.title)")
            if let chair = event.chair {
                lines.append(
                    "       chair:      \([chair.rank, chair.name].compactMap { $0 }.joined(separator: " "))"
                        + (chair.positions.isEmpty ? "" : ", " + chair.positions.joined(separator: ", ")))
            }
            for person in event.people where person.role != .chair {
                lines.append("       \(person.role.rawValue): \([person.rank, person.name].compactMap { $0 }.joined(separator: " "))")
            }
            for document in event.documents {
                lines.append("       document:   \(document.type) \(document.code)" + (document.date.map { " (\($0))" } ?? ""))
            }
            if !event.credits.isEmpty { lines.append("       credits:    \(event.credits.joined(separator: ", "))") }
        }
        return lines.joined(separator: "\n")
    }
}
