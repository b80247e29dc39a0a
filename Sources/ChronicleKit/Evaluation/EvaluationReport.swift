import Foundation

/// Figures of one evaluation run, with every miss.
public struct EvaluationReport: Sendable {
    /// Correct / scored counts of one field.
    public struct Accuracy: Sendable {
        public var correct = 0
        public var total = 0
        mutating func add(_ ok: Bool) {
            total += 1
            if ok { correct += 1 }
        }
        /// 1 when nothing was scored.
        public var value: Double { total == 0 ? 1 : Double(correct) / Double(total) }
    }

    /// One field the extraction got wrong.
    public struct Miss: Sendable {
        public var id: String
        public var field: String
        public var expected: String
        public var got: String
    }

    public var articles = 0
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    public var trueNegatives = 0
    public var unit = Accuracy()
    public var kind = Accuracy()
    public var date = Accuracy()
    public var year = Accuracy()
    public var chair = Accuracy()
    public var misses: [Miss] = []
    /// Time spent in extraction alone, and the text it read.
    public var extractionTime: Duration = .zero
    public var bytes = 0

    /// Articles extracted per second of extraction time.
    public var articlesPerSecond: Double {
        let seconds = Double(extractionTime.components.seconds) + Double(extractionTime.components.attoseconds) / 1e18
        return seconds > 0 ? Double(articles) / seconds : 0
    }

    public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

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
