import Foundation

/// All figures of one benchmark, with the targets they are judged against.
struct BenchReport: Codable, Sendable {
    struct Corpus: Codable, Sendable {
        var articles: Int
        var textFiles: Int
        var exportFiles: Int
        var bytes: Int
        var addedArticles: Int
        var addedBytes: Int
        var seed: UInt64
        var generationSeconds: Double
    }

    struct Check: Codable, Sendable {
        var name: String
        var target: String
        var measured: String
        var pass: Bool
        /// Why the comparison is only indicative (scaled target, smaller corpus), if it is.
        var note: String?
    }

    var cores: Int
    var corpus: Corpus
    var phases: [PhaseResult]
    var checks: [Check]

    func phase(_ phase: BenchPhase) -> PhaseResult? { phases.first { $0.phase == phase.rawValue } }

    /// Judges the figures against the project's throughput targets.
    static func checks(cores: Int, articles: Int, phases: [PhaseResult]) -> [Check] {
        var checks: [Check] = []
        func find(_ phase: BenchPhase) -> PhaseResult? { phases.first { $0.phase == phase.rawValue } }
        if let extract = find(.extract), extract.seconds > 0 {
            let perCore = Double(extract.articles) / extract.seconds / Double(max(1, cores))
            let size = extract.articles > 0 ? extract.bytes / extract.articles : 0
            checks.append(
                Check(
                    name: "extraction, all cores", target: "≥ 10,000 articles/s per core",
                    measured: "\(Format.count(perCore)) /s per core", pass: perCore >= 10_000,
                    note: size < 2_500 || size > 3_600 ? "articles average \(Format.count(Double(size))) B, target is for ~3 KB" : nil))
        }
        if let cold = find(.cold) {
            let target = 15.0 * Double(articles) / 50_000
            checks.append(
                Check(
                    name: "cold run", target: "< \(Format.seconds(target)) s" + (articles == 50_000 ? "" : " (15 s at 50,000, scaled)"),
                    measured: "\(Format.seconds(cold.seconds)) s", pass: cold.seconds < target,
                    note: articles == 50_000 ? nil : "target scaled linearly to \(Format.count(Double(articles))) articles"))
        }
        if let warm = find(.warm) {
            let target = 3.0 * Double(articles) / 200_000
            checks.append(
                Check(
                    name: "warm run, unchanged",
                    target: "< \(Format.seconds(target)) s" + (articles == 200_000 ? "" : " (3 s at 200,000, scaled)"),
                    measured: "\(Format.seconds(warm.seconds)) s", pass: warm.seconds < target,
                    note: articles == 200_000 ? nil : "target scaled linearly to \(Format.count(Double(articles))) articles"))
        }
        let runs = phases.filter { $0.phase != BenchPhase.extract.rawValue }
        if let peak = runs.map(\.peakRSSBytes).max() {
            checks.append(
                Check(
                    name: "peak memory, runs", target: "< 300 MiB at 200,000",
                    measured: "\(Format.mebibytes(peak)) MiB", pass: peak < 300 * 1_048_576,
                    note: articles >= 200_000 ? nil : "measured at \(Format.count(Double(articles))) articles; the target is at 200,000"))
        }
        return checks
    }

    /// The human-readable table.
    func table() -> String {
        var lines: [String] = []
        lines.append("Chronicle throughput benchmark")
        lines.append("machine: \(cores) cores (activeProcessorCount), \(ProcessInfo.processInfo.operatingSystemVersionString)")
        let perArticle = corpus.articles > 0 ? corpus.bytes / corpus.articles : 0
        lines.append(
            "corpus:  \(Format.count(Double(corpus.articles))) articles in \(Format.count(Double(corpus.textFiles))) .txt files + \(corpus.exportFiles) .jsonl exports, \(Format.megabytes(corpus.bytes)) MB (~\(Format.count(Double(perArticle))) B/article), seed \(corpus.seed)"
        )
        lines.append("         composed from the phrase pools")
        lines.append(
            "         generated in \(Format.seconds(corpus.generationSeconds)) s (outside the timed sections); +1% = \(Format.count(Double(corpus.addedArticles))) articles, \(Format.megabytes(corpus.addedBytes)) MB"
        )
        lines.append("")
        let header = ["phase", "time", "articles", "articles/s", "MB/s", "events", "peak RSS", "reports written"]
        var rows: [[String]] = []
        if let extract = phase(.extract) {
            if let single = extract.singleThreadSeconds {
                rows.append([
                    "extract, 1 thread", "\(Format.seconds(single)) s", Format.count(Double(extract.articles)),
                    Format.rate(Double(extract.articles), single), Format.rate(Double(extract.bytes) / 1e6, single, decimals: 1),
                    Format.count(Double(extract.singleThreadEvents ?? 0)), "", "",
                ])
            }
            rows.append([
                "extract, \(cores) cores", "\(Format.seconds(extract.seconds)) s", Format.count(Double(extract.articles)),
                Format.rate(Double(extract.articles), extract.seconds),
                Format.rate(Double(extract.bytes) / 1e6, extract.seconds, decimals: 1),
                Format.count(Double(extract.events)), "\(Format.mebibytes(extract.peakRSSBytes)) MiB", "",
            ])
        }
        let names: [(BenchPhase, String)] = [(.cold, "cold run"), (.warm, "warm run, unchanged"), (.warmAdded, "warm run, +1% new")]
        for (phase, name) in names {
            guard let result = self.phase(phase) else { continue }
            rows.append([
                name, "\(Format.seconds(result.seconds)) s", Format.count(Double(result.articles)),
                Format.rate(Double(result.articles), result.seconds), Format.rate(Double(result.bytes) / 1e6, result.seconds, decimals: 1),
                Format.count(Double(result.events)), "\(Format.mebibytes(result.peakRSSBytes)) MiB",
                result.reports.map { Format.count(Double($0)) } ?? "",
            ])
        }
        lines += Format.table(header: header, rows: rows, rightAligned: Set(1..<header.count))
        if let extract = phase(.extract) {
            lines.append(
                "(extraction over \(Format.count(Double(extract.articles))) articles held in memory, loaded in \(Format.seconds(extract.loadSeconds ?? 0)) s; rules loaded in \(Format.seconds(extract.rulesSeconds ?? 0)) s; MB = 10^6 bytes of text)"
            )
        }
        lines.append("")
        lines += Format.table(
            header: ["target", "goal", "measured", "result"],
            rows: checks.map { [$0.name, $0.target, $0.measured, ($0.pass ? "PASS" : "MISS") + ($0.note == nil ? "" : " *")] },
            rightAligned: [])
        for check in checks {
            if let note = check.note { lines.append("* \(check.name): \(note)") }
        }
        return lines.joined(separator: "\n")
    }

    /// The machine-readable line.
    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// Number formatting for the table (fixed, locale-independent).
enum Format {
    static func count(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var out = ""
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0, offset % 3 == 0, character != "-" { out.append(",") }
            out.append(character)
        }
        return String(out.reversed())
    }

    static func seconds(_ value: Double) -> String { fixed(value, decimals: value < 10 ? 3 : 2) }

    static func megabytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1e6, decimals: 1) }

    static func mebibytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1_048_576, decimals: 1) }

    static func rate(_ amount: Double, _ seconds: Double, decimals: Int = 0) -> String {
        guard seconds > 0 else { return "∞" }
        return decimals == 0 ? count(amount / seconds) : fixed(amount / seconds, decimals: decimals)
    }

    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = count(Double(scaled / Int(scale)))
        guard decimals > 0 else { return whole }
        let fraction = String(abs(scaled % Int(scale)))
        return whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    static func table(header: [String], rows: [[String]], rightAligned: Set<Int>) -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        return [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)
    }
}
