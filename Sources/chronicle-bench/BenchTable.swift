import ChronicleBenchSupport
import Foundation

/// The human-readable form of a `BenchReport`: the corpora side by side, what their text is made
/// of, the figures, and the goals.
struct BenchTable {
    let report: BenchReport

    private var synthetic: CorpusResult? { report.corpus(.synthetic) }
    private var real: CorpusResult? { report.corpus(.real) }

    func render() -> String {
        var lines: [String] = []
        let repetitions = report.runs == 1 ? "one run" : "medians of \(report.runs) runs"
        lines.append(
            "Chronicle throughput: \(Format.count(Double(report.articles))) articles per corpus, \(report.cores) cores (\(repetitions))")
        for corpus in report.corpora {
            let files = corpus.files
            lines.append(
                "\(label(corpus.name)): \(corpus.source); \(Format.count(Double(files.textFiles))) .txt + \(files.exportFiles) .jsonl, \(Format.megabytes(files.bytes)) MB, made in \(Format.seconds(corpus.generationSeconds)) s"
            )
        }
        if let missing = report.realTextMissing { lines.append("real text: none (\(missing)); synthetic corpus only") }
        lines.append("")
        lines += Format.table(header: header("text (a sample of \(sampleSize) articles)"), rows: profileRows(), rightAligned: [1, 2, 3])
        lines.append("")
        lines += Format.table(header: header("figure"), rows: figureRows(), rightAligned: [1, 2, 3])
        lines.append("(per core: articles per processor-second of all threads, which other work on the machine does not inflate)")
        lines.append("")
        lines += Format.table(
            header: ["goal (issue 18)", "target", "measured", "result"],
            rows: report.goals.map { [$0.name, $0.target, $0.measured, $0.result] }, rightAligned: [])
        for goal in report.goals {
            if let note = goal.note { lines.append("  \(goal.name): \(note)") }
        }
        if !report.earlierTargets.isEmpty {
            lines.append("")
            lines += Format.table(
                header: ["earlier targets (synthetic)", "target", "measured", "indicative"],
                rows: report.earlierTargets.map { [$0.name, $0.target, $0.measured, $0.result + ($0.note == nil ? "" : " *")] },
                rightAligned: [])
            lines.append("  * scaled or measured at another size; not judged by --check")
        }
        return lines.joined(separator: "\n")
    }

    private var sampleSize: String { Format.count(Double((synthetic ?? real)?.profile.articles ?? 0)) }

    private func label(_ name: CorpusResult.Name) -> String { name == .synthetic ? "synthetic" : "real text" }

    private func header(_ first: String) -> [String] {
        [first] + report.corpora.map { label($0.name) } + (report.corpora.count == 2 ? ["synthetic ÷ real"] : [])
    }

    /// A row: the label, one cell per corpus, and the ratio of the two numbers when both exist.
    private func row(_ name: String, _ value: (CorpusResult) -> Double?, _ format: (Double) -> String) -> [String] {
        let values = report.corpora.map(value)
        var cells = [name] + values.map { $0.map(format) ?? "—" }
        if values.count == 2 {
            cells.append(BenchReport.ratio(values[0], values[1]).map { Format.fixed($0, decimals: 2) } ?? "")
        }
        return cells
    }

    private func profileRows() -> [[String]] {
        let one = { (value: Double) in Format.fixed(value, decimals: 1) }
        let two = { (value: Double) in Format.fixed(value, decimals: 2) }
        var rows = [
            row("bytes per article", { $0.profile.bytesPerArticle }, Format.count),
            row("lines per article", { $0.profile.linesPerArticle }, one),
            row("  of which noise (captions, repeats, markers)", { $0.profile.noiseLinesPerArticle }, one),
            row("sentences per article", { $0.profile.sentencesPerArticle }, one),
            row("words per sentence", { $0.profile.wordsPerSentence }, one),
            row("cue hits per KB", { $0.profile.totalCuesPerKB }, one),
        ]
        for group in CorpusProfile.Group.allCases {
            rows.append(row("  \(group.label)", { $0.profile.cuesPerKB[group.rawValue] }, two))
        }
        rows += [
            row("names per sentence", { $0.profile.namesPerSentence }, two),
            row("units per sentence", { $0.profile.unitsPerSentence }, two),
            row("dates per sentence", { $0.profile.datesPerSentence }, two),
            row("different words per 1,000", { $0.profile.distinctWordsPerThousand }, one),
            row("events per article (extraction)", { $0.figures.eventsPerArticle }, two),
        ]
        return rows
    }

    private func figureRows() -> [[String]] {
        let rate = { (value: Double) in "\(Format.count(value)) /s" }
        let seconds = { (value: Double) in "\(Format.seconds(value)) s" }
        let times = { (value: Double) in "\(Format.fixed(value, decimals: 2))×" }
        return [
            row("cat | grep (yardstick)", { $0.figures.grepSeconds }, seconds),
            row("extraction alone, 1 thread", { $0.figures.extractSingleRate }, rate),
            row("extraction alone, \(report.cores) cores", { $0.figures.extractRate }, rate),
            row("  per core", { $0.figures.extractPerCore }, rate),
            row("cold run: read and extract", { $0.figures.coldExtractSeconds }, seconds),
            row("  articles/s", { $0.figures.coldExtractRate }, rate),
            row("  per core", { $0.figures.coldExtractPerCore }, rate),
            row("cold run, whole job", { $0.figures.coldSeconds }, seconds),
            row("  × grep", { $0.figures.coldTimesGrep }, times),
            row("cold run, files not cached", { $0.figures.coldUncachedSeconds }, seconds),
            row("  read and extract", { $0.figures.coldUncachedExtractSeconds }, seconds),
            row("warm run, nothing changed", { $0.figures.warmSeconds }, seconds),
            row("warm run, +1% new", { $0.figures.addedSeconds }, seconds),
            row("  × the cold run", { $0.figures.addedShareOfCold }, times),
        ] + NightStage.allCases.map { stage in row("  \(stage.label)", { $0.figures.addedStages[stage.rawValue] }, seconds) }
            + memoryRows()
    }

    private func memoryRows() -> [[String]] {
        let names: [(BenchPhase, String)] = [(.cold, "cold run"), (.warm, "unchanged"), (.warmAdded, "+1% new")]
        var rows: [[String]] = []
        for (phase, name) in names {
            rows.append(
                row("peak memory, \(name)", { $0.figures.peakRSS[phase.rawValue].map(Double.init) }) { Format.mebibytes(Int($0)) + " MiB" })
        }
        for (phase, name) in names {
            rows.append(row("reports written, \(name)", { $0.figures.reports[phase.rawValue].map(Double.init) }) { Format.count($0) })
        }
        return rows
    }
}
