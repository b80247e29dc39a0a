import Foundation
import Testing
@testable import ChronicleKit

/// A small RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
enum RFC4180 {
    static func parse(_ text: String, delimiter: Unicode.Scalar = ",") -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == delimiter {
                row.append(field); field = ""
            } else if c == "\r" && scalars.first == "\n" {
                scalars.removeFirst()
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

@Suite struct ReportCSVTests {
    @Test func chronologyCSVReadsBackToTheRecords() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let input = ReportSample.input
        try ReportWriter(config: ReportSample.config(output: output, formats: [.csv])).write(input)
        let data = try Data(contentsOf: output.appendingPathComponent("chronology.csv"))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        // Every line ends with CRLF; no bare LF or CR.
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))

        let rows = RFC4180.parse(text)
        #expect(rows.first == CSVReport.chronologyColumns)
        let items = input.chronology.events + input.chronology.undated
        #expect(rows.count == items.count + 1)
        for (item, row) in zip(items, rows.dropFirst()) {
            #expect(row.count == CSVReport.chronologyColumns.count)
            var cell: [String: String] = [:]
            for (name, value) in zip(CSVReport.chronologyColumns, row) { cell[name] = value }
            // What a spreadsheet would show for a text value, after the writer's clean-up.
            func shown(_ text: String?) -> String {
                let flat = ReportText.flat(text ?? "")
                guard let first = flat.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return flat }
                return "'" + flat
            }
            let event = item.event
            #expect(cell["event_id"] == item.id)
            #expect(cell["date"] == (event.date.value?.description ?? ""))
            #expect(cell["year"] == (event.date.value.map { String($0.year) } ?? ""))
            #expect(cell["month"] == (event.date.value?.month.map { String($0) } ?? ""))
            #expect(cell["date_precision"] == (event.date.precision?.rawValue ?? ""))
            #expect(cell["part_of_day"] == (event.date.partOfDay?.rawValue ?? ""))
            #expect(cell["date_basis"] == event.date.basis.rawValue)
            #expect(cell["unit_id"] == event.unit.id)
            #expect(cell["unit"] == shown(event.unit.name))
            #expect(cell["unit_mention"] == shown(event.unit.mention))
            #expect(cell["organizer"] == shown(event.organizer))
            #expect(cell["kind"] == event.kind.rawValue)
            #expect(cell["title"] == shown(event.title))
            #expect(cell["period"] == shown(event.period))
            #expect(cell["chair_rank"] == shown(event.chair?.rank))
            #expect(cell["chair_name"] == shown(event.chair?.name))
            #expect(cell["chair_positions"] == shown((event.chair?.positions ?? []).joined(separator: "; ")))
            #expect(cell["people"]!.split(separator: ";").count >= event.people.count)
            #expect(
                cell["documents"] == shown(event.documents.map { ReportFields.document($0, vietnamese: false) }.joined(separator: "; ")))
            #expect(cell["credits"] == shown(event.credits.joined(separator: "; ")))
            #expect(cell["sources"] == item.sources.map(\.source).joined(separator: "; "))
            #expect(cell["urls"] == shown(item.sources.compactMap(\.url).joined(separator: "; ")))
            #expect(cell["corrected"] == (item.corrected ? "true" : "false"))
            #expect(
                cell["first_seen"]
                    == (input.newEventIDs.contains(item.id) ? input.asOf : PartialDate(year: 2023, month: 11, day: 30)).description)
            #expect(cell["date_evidence"] == shown(event.date.evidence))
        }

        // Injection: the formula-like title and the organizer starting with "@" are neutralized,
        // quotes are doubled, the control character is gone.
        let column = Dictionary(uniqueKeysWithValues: CSVReport.chronologyColumns.enumerated().map { ($1, $0) })
        let titles = rows.dropFirst().map { $0[column["title"]!] }
        #expect(titles.contains("'=HYPERLINK(\"http://x.example\";\"Sơ kết 6 tháng\") | nhiệm vụ 6 tháng cuối năm"))
        #expect(titles.contains("'+ Kiểm điểm tự phê bình và phê bình năm 2022"))
        #expect(rows.dropFirst().map { $0[column["organizer"]!] }.contains("'@Đảng ủy Trung đoàn 9"))
        // A month and a year span their first to last days; an undated event has no range.
        let ranges = rows.dropFirst().map { [$0[0], $0[column["date_start"]!], $0[column["date_end"]!]] }
        #expect(ranges.contains(["2023-03", "2023-03-01", "2023-03-31"]))
        #expect(ranges.contains(["2022", "2022-01-01", "2022-12-31"]))
        #expect(ranges.contains(["2022-12-26", "2022-12-26", "2022-12-26"]))
        #expect(ranges.contains(["", "", ""]))
        #expect(text.contains("\"'=HYPERLINK(\"\"http://x.example\"\";"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\r" && $0 != "\n" })
    }

    @Test func summaryCSVCountsEveryEventOnce() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let input = ReportSample.input
        try ReportWriter(config: ReportSample.config(output: output, formats: [.csv])).write(input)
        let data = try Data(contentsOf: output.appendingPathComponent("summary.csv"))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = RFC4180.parse(String(decoding: data.dropFirst(3), as: UTF8.self))
        #expect(rows.first == CSVReport.summaryColumns)
        #expect(rows.dropFirst().reduce(0) { $0 + Int($1[5])! } == input.chronology.events.count)
        #expect(rows.contains(["trung-doan-9-su-doan-2", "Trung đoàn 9 | Sư đoàn 2", "2023", "mid-year-review", "Sơ kết 6 tháng", "1"]))
    }

    /// The columns a reader looks at first lead; the id is still there for machines.
    @Test func readableColumnsComeFirst() {
        #expect(Array(CSVReport.chronologyColumns.prefix(5)) == ["date", "unit", "kind", "kind_label", "title"])
        #expect(Array(CSVReport.chronologyColumns[5..<8]) == ["chair_rank", "chair_name", "chair_positions"])
        for name in ["year", "month", "date_start", "date_end", "event_id"] { #expect(CSVReport.chronologyColumns.contains(name)) }
    }

    /// `report.csv.delimiter: ";"` for a spreadsheet in a Vietnamese locale, or a tab.
    @Test func semicolonAndTabDelimiters() throws {
        for delimiter: Unicode.Scalar in [";", "\t"] {
            let output = ReportSample.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            var config = ReportSample.config(output: output, formats: [.csv])
            config.csvDelimiter = delimiter
            try ReportWriter(config: config).write(ReportSample.input)
            for (file, columns) in [("chronology.csv", CSVReport.chronologyColumns), ("summary.csv", CSVReport.summaryColumns)] {
                let data = try Data(contentsOf: output.appendingPathComponent(file))
                let text = String(decoding: data.dropFirst(3), as: UTF8.self)
                #expect(text.hasPrefix(columns.joined(separator: String(delimiter)) + "\r\n"))
                let rows = RFC4180.parse(text, delimiter: delimiter)
                #expect(rows.allSatisfy { $0.count == columns.count }, "\(file) with '\(delimiter)'")
            }
            // A cell holding the delimiter is quoted.
            let text = try String(contentsOf: output.appendingPathComponent("chronology.csv"), encoding: .utf8)
            #expect(text.contains("\"Bí thư Đảng uỷ; Chính ủy Quân đoàn\""), "the CSV keeps the article's spelling")
        }
    }

    /// Another delimiter rewrites the CSV files (and only them) on an otherwise unchanged night.
    @Test func aNewDelimiterRewritesTheCSV() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let manifest = output.appendingPathComponent(".chronicle/reports.manifest")
        var config = ReportSample.config(output: output)
        try ReportWriter(config: config).write(ReportSample.input, manifest: manifest)
        config.csvDelimiter = ";"
        let next = try ReportWriter(config: config).write(ReportSample.input, manifest: manifest)
        #expect(next.written.map(\.lastPathComponent).sorted() == ["chronology.csv", "summary.csv"])
    }

    @Test func fieldQuotingAndNeutralization() {
        #expect(CSVReport.field("plain") == "plain")
        #expect(CSVReport.field("a,b") == "\"a,b\"")
        #expect(CSVReport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVReport.field("=1+1") == "'=1+1")
        #expect(CSVReport.field("-2") == "'-2")
        #expect(CSVReport.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVReport.field("line\none") == "line one")
        #expect(CSVReport.field("\t=cmd") == "'=cmd")
    }

    /// A list that fits a spreadsheet cell is joined whole; a longer one (a story saved by
    /// hundreds of crawls) keeps the entries that fit with the count of the rest, within Excel's
    /// 32,767 characters.
    @Test func aListLongerThanACellIsCutWithTheCountOfTheRest() {
        let few = ["2023/12/26/dang-uy-quan-khu-7-tong-ket.txt", "export-2023-12.jsonl:14"]
        #expect(CSVReport.list(few) == few.joined(separator: "; "))
        let paths = (0..<1200).map { "2023/12/\($0 % 28 + 1)/dang-uy-su-doan-\($0)-hoi-nghi-tong-ket-cong-tac-dang-nam-2023.html" }
        let cut = CSVReport.list(paths)
        #expect(cut.unicodeScalars.count <= 32_767)
        let entries = cut.components(separatedBy: "; ")
        let listed = entries.dropLast()
        #expect(Array(listed) == Array(paths.prefix(listed.count)))
        #expect(entries.last == "… +\(paths.count - listed.count) more in chronology.xml")
        #expect(cut.unicodeScalars.count > 32_767 - paths[0].count - 40, "as many as fit")
        let huge = [String(repeating: "a", count: 40_000), "b.txt"]
        #expect(CSVReport.list(huge) == "… +2 more in chronology.xml")
    }
}
