import Foundation

/// Figures of one evaluation run, with every miss.
public struct EvaluationReport: Sendable {
    /// Correct / scored counts of one field.
    struct Accuracy: Sendable {
        var correct = 0
        var total = 0
        mutating func add(_ ok: Bool) {
            total += 1
            if ok { correct += 1 }
        }
        /// 1 when nothing was scored.
        var value: Double { total == 0 ? 1 : Double(correct) / Double(total) }
    }

    /// One field the extraction got wrong.
    struct Miss: Sendable {
        var id: String
        var field: String
        var expected: String
        var got: String
    }

    var articles = 0
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0
    var trueNegatives = 0
    var unit = Accuracy()
    var kind = Accuracy()
    var date = Accuracy()
    var year = Accuracy()
    var chair = Accuracy()
    var misses: [Miss] = []
    /// Time spent in extraction alone, and the text it read.
    var extractionTime: Duration = .zero
    var bytes = 0

    /// Articles extracted per second of extraction time.
    var articlesPerSecond: Double {
        let seconds = Double(extractionTime.components.seconds) + Double(extractionTime.components.attoseconds) / 1e18
        return seconds > 0 ? Double(articles) / seconds : 0
    }

    var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// The report for people: figures, then each miss.
    public func render() -> String {
        func pct(_ v: Double) -> String { String(format: "%.3f", v) }
        func line(_ name: String, _ a: Accuracy) -> String { "\(name): \(pct(a.value)) (\(a.correct)/\(a.total))" }
        var lines = [
            "articles: \(articles)",
            "detection: precision \(pct(precision)), recall \(pct(recall)), F1 \(pct(f1)) (tp \(truePositives), fp \(falsePositives), fn \(falseNegatives), tn \(trueNegatives))",
            line("unit", unit), line("kind", kind), line("date", date), line("year", year), line("chair", chair),
            "speed: \(Int(articlesPerSecond)) articles/s on one core (average \(articles == 0 ? 0 : bytes / articles) bytes)",
        ]
        if !misses.isEmpty {
            lines.append("misses:")
            for m in misses { lines.append("  \(m.id)  \(m.field): expected \(m.expected), got \(m.got)") }
        }
        return lines.joined(separator: "\n")
    }
}
