/// Writes `timeline.svg`: one row per unit, one column per month of the window, one mark per
/// conference coloured by kind (filled dot: exact day, placed within its month; hollow dot: month
/// only; bar across the year: year only), with a legend. Written by hand (no renderer
/// dependency), streamed row by row, every text XML-escaped, and deterministic (coordinates are
/// printed with fixed decimals).
struct TimelineSVG {
    /// The chronology, or its outline: the timeline shows no more than the index page.
    let chronology: any ChronologyIndex
    let context: ReportContext
    let summary: ReportSummary
    let templates: ReportTemplates
    let plan: ReportPlan

    /// Kind colours: the Okabe–Ito palette (distinguishable with common colour-vision
    /// deficiencies), yellow replaced by a purple that shows on white.
    static let colours: [EventKind: String] = [
        .yearEndReview: "#0072B2", .midYearReview: "#56B4E9", .resolutionReview: "#009E73",
        .resolutionStudy: "#E69F00", .selfCriticism: "#D55E00", .partyCongress: "#CC79A7",
        .committeeMeeting: "#7F3C8D", .otherMeeting: "#7A7A7A",
    ]

    private let font = "DejaVu Sans, Noto Sans, Arial, sans-serif"
    private let top = 78.0
    private let laneHeight = 14.0
    private let rowPadding = 6.0
    private let maxLanes = 4
    private let radius = 4.5

    func write(into staging: ReportStaging) throws {
        guard plan.needs("timeline.svg") else { return }
        let sink = try staging.open("timeline.svg")
        let layout = layout()
        try sink.write(header(layout))
        try writeRows(layout, into: sink)
        try sink.write(legend(layout))
    }

    /// Where everything goes: the month columns, and each unit's marks in lanes.
    private struct Layout {
        var firstMonth: Int, lastMonth: Int, monthCount: Int
        var column: Double, labelWidth: Double, left: Double, plotWidth: Double, width: Double
        var rows: [[Mark]], rowHeights: [Double], plotHeight: Double, legendTop: Double, height: Double
    }

    private struct Mark { var x: Double; var x2: Double?; var lane: Int; var index: Int }

    private func layout() -> Layout {
        let window = chronology.window
        let firstMonth = window.from.year * 12 + (window.from.month ?? 1) - 1
        let lastMonth = max(firstMonth, window.to.year * 12 + (window.to.month ?? 12) - 1)
        let monthCount = lastMonth - firstMonth + 1
        let column = max(10.0, min(30.0, (1100.0 / Double(monthCount)).rounded(.down)))
        let longest = summary.units.map { $0.name.unicodeScalars.count }.max() ?? 10
        let labelWidth = min(320.0, max(140.0, Double(longest) * 6.9 + 20))
        let left = labelWidth
        let plotWidth = column * Double(monthCount)
        let width = left + plotWidth + 20

        // Marks per unit, with lanes so that marks of one row do not cover each other.
        var rows: [[Mark]] = []
        for events in summary.eventsByUnit {
            var laneEnds = [Double](repeating: -Double.infinity, count: maxLanes)
            var marks: [Mark] = []
            for index in events {
                guard let date = chronology.datedHeads[index].date else { continue }
                var x: Double
                var x2: Double?
                switch date.precision {
                case .day, .month:
                    let month = date.year * 12 + date.month! - 1 - firstMonth
                    let fraction = date.day.map { (Double($0) - 0.5) / Double(Self.daysIn(year: date.year, month: date.month!)) } ?? 0.5
                    x = left + (Double(month) + fraction) * column
                case .year:
                    let start = max(0, date.year * 12 - firstMonth), end = min(monthCount, date.year * 12 + 12 - firstMonth)
                    x = left + Double(start) * column + 2
                    x2 = left + Double(end) * column - 2
                }
                x = min(max(x, left + radius), left + plotWidth - radius)
                let from = x - radius, to = (x2 ?? x) + radius
                let lane = laneEnds.firstIndex { $0 + 1 <= from } ?? (laneEnds.indices.min { laneEnds[$0] < laneEnds[$1] } ?? 0)
                laneEnds[lane] = max(laneEnds[lane], to)
                marks.append(Mark(x: x, x2: x2, lane: lane, index: index))
            }
            rows.append(marks)
        }
        let rowHeights = rows.map { marks in Double((marks.map(\.lane).max() ?? 0) + 1) * laneHeight + 2 * rowPadding }
        let plotHeight = max(rowHeights.reduce(0, +), 24)
        let legendTop = top + plotHeight + 48
        let legendRows = (EventKind.allCases.count + 1) / 2 + 2
        let height = legendTop + Double(legendRows) * 20 + 12

        return Layout(
            firstMonth: firstMonth, lastMonth: lastMonth, monthCount: monthCount, column: column, labelWidth: labelWidth,
            left: left, plotWidth: plotWidth, width: width, rows: rows, rowHeights: rowHeights, plotHeight: plotHeight,
            legendTop: legendTop, height: height)
    }

    /// The title, the year and month headings, the month grid and the "as of" line.
    private func header(_ layout: Layout) -> String {
        let window = chronology.window
        let (firstMonth, lastMonth, monthCount) = (layout.firstMonth, layout.lastMonth, layout.monthCount)
        let (column, left, plotWidth, plotHeight) = (layout.column, layout.left, layout.plotWidth, layout.plotHeight)
        let (width, height) = (layout.width, layout.height)
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="\(font)" font-size="12">

        """
        out += "<title>\(x(templates.labels["timeline"]!)) \(x(ReportFields.vietnameseDate(window.from))) – \(x(ReportFields.vietnameseDate(window.to)))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"#FFFFFF\"/>\n"
        out += "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">\(x(templates.labels["timeline"]!)): \(x(ReportFields.vietnameseDate(window.from))) – \(x(ReportFields.vietnameseDate(window.to)))</text>\n"

        // Year and month headings, and the month grid.
        out += "<g class=\"grid\">\n"
        var month = 0
        while month < monthCount {
            let absolute = firstMonth + month
            let year = absolute / 12
            let span = min(monthCount - month, 12 - absolute % 12)
            let x0 = left + Double(month) * column
            out += "<text x=\"\(f(x0 + Double(span) * column / 2))\" y=\"46\" text-anchor=\"middle\" font-weight=\"bold\">\(year)</text>\n"
            if summary.units.count > 12 {
                // Long charts repeat the years under the rows.
                out += "<text x=\"\(f(x0 + Double(span) * column / 2))\" y=\"\(f(top + plotHeight + 14))\" text-anchor=\"middle\" font-weight=\"bold\">\(year)</text>\n"
            }
            out += "<line x1=\"\(f(x0))\" y1=\"34\" x2=\"\(f(x0))\" y2=\"\(f(top + plotHeight))\" stroke=\"#555555\" stroke-width=\"1\"/>\n"
            month += span
        }
        for m in 0..<monthCount {
            let x0 = left + Double(m) * column
            if (firstMonth + m) % 12 != 0 {
                out += "<line x1=\"\(f(x0))\" y1=\"52\" x2=\"\(f(x0))\" y2=\"\(f(top + plotHeight))\" stroke=\"#DDDDDD\" stroke-width=\"1\"/>\n"
            }
            if column >= 16 || (firstMonth + m) % 3 == 0 {
                out += "<text x=\"\(f(x0 + column / 2))\" y=\"66\" text-anchor=\"middle\" font-size=\"10\" fill=\"#444444\">\((firstMonth + m) % 12 + 1)</text>\n"
            }
        }
        out += "<line x1=\"\(f(left + plotWidth))\" y1=\"34\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(top + plotHeight))\" stroke=\"#555555\" stroke-width=\"1\"/>\n"
        // The "as of" date, when it falls inside the window: later months are not yet reported.
        let asOf = context.asOf
        let asOfMonth = asOf.year * 12 + (asOf.month ?? 12) - 1
        if asOfMonth >= firstMonth && asOfMonth <= lastMonth {
            let fraction = asOf.day.map { Double($0) / Double(Self.daysIn(year: asOf.year, month: asOf.month!)) } ?? 1
            let ax = left + (Double(asOfMonth - firstMonth) + fraction) * column
            out += "<line x1=\"\(f(ax))\" y1=\"52\" x2=\"\(f(ax))\" y2=\"\(f(top + plotHeight))\" stroke=\"#C00000\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n"
            // Near the right edge the label runs leftwards so it stays inside the picture.
            let leftwards = ax > left + plotWidth * 0.6
            out += "<text x=\"\(f(leftwards ? ax - 4 : ax + 4))\" y=\"\(f(top + plotHeight + 28))\" text-anchor=\"\(leftwards ? "end" : "start")\" font-size=\"10\" fill=\"#C00000\">\(x(templates.labels["as_of"]!)) \(x(ReportFields.vietnameseDate(asOf)))</text>\n"
        }
        out += "</g>\n"
        return out

    }

    /// One row per unit.
    private func writeRows(_ layout: Layout, into sink: AtomicFileSink) throws {
        let (left, plotWidth, labelWidth, rows, rowHeights) = (layout.left, layout.plotWidth, layout.labelWidth, layout.rows, layout.rowHeights)
        var y = top
        for (position, unit) in summary.units.enumerated() {
            let rowHeight = rowHeights[position]
            var row = "<g class=\"unit\">\n"
            if position % 2 == 0 {
                row += "<rect x=\"0\" y=\"\(f(y))\" width=\"\(f(left + plotWidth))\" height=\"\(f(rowHeight))\" fill=\"#000000\" fill-opacity=\"0.04\"/>\n"
            }
            let name = ReportText.flat(unit.name)
            let maxScalars = Int((labelWidth - 20) / 6.9)
            let shown = name.unicodeScalars.count > maxScalars
                ? String(String.UnicodeScalarView(name.unicodeScalars.prefix(maxScalars - 1))) + "…" : name
            row += "<text x=\"\(f(left - 8))\" y=\"\(f(y + rowPadding + laneHeight / 2 + 4))\" text-anchor=\"end\"><title>\(x(name))</title>\(x(shown))</text>\n"
            for mark in rows[position] {
                let event = chronology.listing(mark.index)
                let colour = Self.colours[event.kind]!
                let cy = y + rowPadding + Double(mark.lane) * laneHeight + laneHeight / 2
                let tip = "<title>\(x(event.date.map(ReportFields.vietnameseDate) ?? "")) · \(x(templates.kind(event.kind))) · \(x(event.title))</title>"
                if let x2 = mark.x2 {
                    row += "<rect x=\"\(f(mark.x))\" y=\"\(f(cy - 3))\" width=\"\(f(x2 - mark.x))\" height=\"6\" rx=\"3\" fill=\"\(colour)\" fill-opacity=\"0.45\" stroke=\"\(colour)\">\(tip)</rect>\n"
                } else if event.date?.precision == .month {
                    row += "<circle cx=\"\(f(mark.x))\" cy=\"\(f(cy))\" r=\"\(f(radius - 0.75))\" fill=\"#FFFFFF\" stroke=\"\(colour)\" stroke-width=\"1.5\">\(tip)</circle>\n"
                } else {
                    row += "<circle cx=\"\(f(mark.x))\" cy=\"\(f(cy))\" r=\"\(f(radius))\" fill=\"\(colour)\">\(tip)</circle>\n"
                }
            }
            row += "</g>\n"
            try sink.write(row)
            y += rowHeight
        }
        if summary.units.isEmpty {
            try sink.write("<text x=\"\(f(left + 8))\" y=\"\(f(top + 16))\" fill=\"#444444\">\(x(templates.labels["no_events"]!))</text>\n")
        }

    }

    /// Kinds in two columns, then the three kinds of mark.
    private func legend(_ layout: Layout) -> String {
        let legendTop = layout.legendTop
        var legend = "<g class=\"legend\">\n"
        for (index, kind) in EventKind.allCases.enumerated() {
            let lx = 10 + Double(index % 2) * 300, ly = legendTop + Double(index / 2) * 20
            legend += "<circle cx=\"\(f(lx + 6))\" cy=\"\(f(ly))\" r=\"5\" fill=\"\(Self.colours[kind]!)\"/>"
            legend += "<text x=\"\(f(lx + 18))\" y=\"\(f(ly + 4))\">\(x(templates.kind(kind)))</text>\n"
        }
        let ly = legendTop + Double((EventKind.allCases.count + 1) / 2) * 20 + 8
        legend += "<circle cx=\"16\" cy=\"\(f(ly))\" r=\"\(f(radius))\" fill=\"#333333\"/><text x=\"28\" y=\"\(f(ly + 4))\">\(x(templates.labels["timeline_legend_day"]!))</text>\n"
        legend += "<circle cx=\"196\" cy=\"\(f(ly))\" r=\"\(f(radius - 0.75))\" fill=\"#FFFFFF\" stroke=\"#333333\" stroke-width=\"1.5\"/><text x=\"208\" y=\"\(f(ly + 4))\">\(x(templates.labels["timeline_legend_month"]!))</text>\n"
        legend += "<rect x=\"370\" y=\"\(f(ly - 3))\" width=\"30\" height=\"6\" rx=\"3\" fill=\"#333333\" fill-opacity=\"0.45\" stroke=\"#333333\"/><text x=\"408\" y=\"\(f(ly + 4))\">\(x(templates.labels["timeline_legend_year"]!))</text>\n"
        legend += "</g>\n</svg>\n"
        return legend
    }

    private func x(_ text: String) -> String { ReportText.xmlEscaped(text) }

    /// Fixed two-decimal formatting, trailing zeros dropped (deterministic, locale-free).
    private func f(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
