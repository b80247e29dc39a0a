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

    /// A signed share in whole percent: "+7%", "-12%".
    static func percent(_ share: Double) -> String {
        let value = Int((share * 100).rounded())
        return (value > 0 ? "+" : "") + String(value) + "%"
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
