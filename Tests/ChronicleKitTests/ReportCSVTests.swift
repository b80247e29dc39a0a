import Foundation
import Testing
@testable import ChronicleKit

/// A small RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
enum RFC4180 {
    static func parse(_ text: String) -> [[String]] {
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
            } else if c == "," {
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
            #expect(cell["documents"] == shown(event.documents.map { ReportFields.document($0, vietnamese: false) }.joined(separator: "; ")))
            #expect(cell["credits"] == shown(event.credits.joined(separator: "; ")))
            #expect(cell["sources"] == item.sources.map(\.source).joined(separator: "; "))
            #expect(cell["urls"] == shown(item.sources.compactMap(\.url).joined(separator: "; ")))
            #expect(cell["corrected"] == (item.corrected ? "true" : "false"))
            #expect(cell["first_seen"] == (input.newEventIDs.contains(item.id) ? input.asOf : PartialDate(year: 2023, month: 11, day: 30)).description)
            #expect(cell["date_evidence"] == shown(event.date.evidence))
        }

        // Injection: the formula-like title and the organizer starting with "@" are neutralized,
        // quotes are doubled, the control character is gone.
        let titles = rows.dropFirst().map { $0[11] }
        #expect(titles.contains("'=HYPERLINK(\"http://x.example\";\"Sơ kết 6 tháng\") | nhiệm vụ 6 tháng cuối năm"))
        #expect(titles.contains("'+ Kiểm điểm tự phê bình và phê bình năm 2022"))
        #expect(rows.dropFirst().map { $0[8] }.contains("'@Đảng ủy Trung đoàn 9"))
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
}
