/// Writes `timeline.svg`: one row per unit, one column per month of the window, one mark per
/// conference coloured by kind (filled dot: exact day, placed within its month; hollow square:
/// month only, at the month's start; hollow diamond: year only, at the year's start), with a
/// legend. Above `maxRows` units the busiest have a row each and the others share the last one. Written by hand (no renderer
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

    /// Rows drawn one per unit; above this many units, the busiest `maxRows` get a row each and
    /// the others share one last row, so every conference is drawn and the picture stays readable.
    static let maxRows = 40

    /// Where everything goes: the month columns, and each row's marks in lanes.
    private struct Layout {
        var firstMonth: Int, lastMonth: Int, monthCount: Int
        var column: Double, labelWidth: Double, left: Double, plotWidth: Double, width: Double
        var rows: [Row], rowHeights: [Double], plotHeight: Double, legendTop: Double, height: Double
        /// Units gathered in the last row (0 when every unit has its own).
        var otherUnits: Int
    }

    /// A row: a unit's (or the other units') label and marks.
    private struct Row { var label: String; var marks: [Mark] }

    /// A conference's mark: at its day, or at the start of its month or year (`x2` unused for
    /// those: a coarse date is a point in time not yet known, not a span).
    private struct Mark { var x: Double; var lane: Int; var index: Int }

    /// The units with a row of their own (positions in the summary, in its order) and the others.
    private func rowUnits() -> (shown: [Int], others: [Int]) {
        let units = summary.units.indices
        guard units.count > Self.maxRows else { return (Array(units), []) }
        let busiest = units.sorted {
            let l = summary.eventsByUnit[$0].count, r = summary.eventsByUnit[$1].count
            return l != r ? l > r : $0 < $1
        }
        return (busiest.prefix(Self.maxRows).sorted(), busiest.dropFirst(Self.maxRows).sorted())
    }

    private func layout() -> Layout {
        let window = chronology.window
        let firstMonth = window.from.year * 12 + (window.from.month ?? 1) - 1
        let lastMonth = max(firstMonth, window.to.year * 12 + (window.to.month ?? 12) - 1)
        let monthCount = lastMonth - firstMonth + 1
        let column = max(10.0, min(30.0, (1100.0 / Double(monthCount)).rounded(.down)))
        let (shown, others) = rowUnits()
        let otherLabel = others.isEmpty ? "" : "\(others.count) \(templates.labels["timeline_other_units"]!)"
        let longest = (shown.map { summary.units[$0].name.unicodeScalars.count } + [otherLabel.unicodeScalars.count]).max() ?? 10
        let labelWidth = min(320.0, max(140.0, Double(longest) * 6.9 + 20))
        let left = labelWidth
        let plotWidth = column * Double(monthCount)
        let width = left + plotWidth + 20

        var rows = shown.map {
            Row(
                label: summary.units[$0].name,
                marks: marks(
                    summary.eventsByUnit[$0], lanes: maxLanes, firstMonth: firstMonth, left: left, column: column, plotWidth: plotWidth))
        }
        if !others.isEmpty {
            // The other units' conferences in date order (the order of the chronology).
            let events = others.flatMap { summary.eventsByUnit[$0] }.sorted()
            rows.append(
                Row(
                    label: otherLabel,
                    marks: marks(events, lanes: 2 * maxLanes, firstMonth: firstMonth, left: left, column: column, plotWidth: plotWidth)))
        }
        let rowHeights = rows.map { row in Double((row.marks.map(\.lane).max() ?? 0) + 1) * laneHeight + 2 * rowPadding }
        let plotHeight = max(rowHeights.reduce(0, +), 24)
        let legendTop = top + plotHeight + 48
        let legendRows = (EventKind.allCases.count + 1) / 2 + 2 + (others.isEmpty ? 0 : 1)
        let height = legendTop + Double(legendRows) * 20 + 12

        return Layout(
            firstMonth: firstMonth, lastMonth: lastMonth, monthCount: monthCount, column: column, labelWidth: labelWidth,
            left: left, plotWidth: plotWidth, width: width, rows: rows, rowHeights: rowHeights, plotHeight: plotHeight,
            legendTop: legendTop, height: height, otherUnits: others.count)
    }

    /// Marks of one row, in lanes so that they do not cover each other (up to `lanes`; beyond,
    /// a mark goes in the lane that ends first).
    private func marks(_ events: [Int], lanes: Int, firstMonth: Int, left: Double, column: Double, plotWidth: Double) -> [Mark] {
        var laneEnds = [Double](repeating: -Double.infinity, count: lanes)
        var marks: [Mark] = []
        for index in events {
            guard let date = chronology.datedHeads[index].date else { continue }
            // A day within its month; a month or a year at its first day (a year begun before
            // the window at the window's start).
            let month = max(0, date.year * 12 + (date.month ?? 1) - 1 - firstMonth)
            let fraction = date.day.map { (Double($0) - 0.5) / Double(Self.daysIn(year: date.year, month: date.month!)) } ?? 0
            var x = left + (Double(month) + fraction) * column
            x = min(max(x, left + radius), left + plotWidth - radius)
            let from = x - radius, to = x + radius
            let lane = laneEnds.firstIndex { $0 + 1 <= from } ?? (laneEnds.indices.min { laneEnds[$0] < laneEnds[$1] } ?? 0)
            laneEnds[lane] = max(laneEnds[lane], to)
            marks.append(Mark(x: x, lane: lane, index: index))
        }
        return marks
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
        out +=
            "<title>\(x(templates.labels["timeline"]!)) \(x(ReportFields.vietnameseDate(window.from))) – \(x(ReportFields.vietnameseDate(window.to)))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"#FFFFFF\"/>\n"
        out +=
            "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">\(x(templates.labels["timeline"]!)): \(x(ReportFields.vietnameseDate(window.from))) – \(x(ReportFields.vietnameseDate(window.to)))</text>\n"

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
                out +=
                    "<text x=\"\(f(x0 + Double(span) * column / 2))\" y=\"\(f(top + plotHeight + 14))\" text-anchor=\"middle\" font-weight=\"bold\">\(year)</text>\n"
            }
            out += "<line x1=\"\(f(x0))\" y1=\"34\" x2=\"\(f(x0))\" y2=\"\(f(top + plotHeight))\" stroke=\"#555555\" stroke-width=\"1\"/>\n"
            month += span
        }
        for m in 0..<monthCount {
            let x0 = left + Double(m) * column
            if (firstMonth + m) % 12 != 0 {
                out +=
                    "<line x1=\"\(f(x0))\" y1=\"52\" x2=\"\(f(x0))\" y2=\"\(f(top + plotHeight))\" stroke=\"#DDDDDD\" stroke-width=\"1\"/>\n"
            }
            if column >= 16 || (firstMonth + m) % 3 == 0 {
                out +=
                    "<text x=\"\(f(x0 + column / 2))\" y=\"66\" text-anchor=\"middle\" font-size=\"10\" fill=\"#444444\">\((firstMonth + m) % 12 + 1)</text>\n"
            }
        }
        out +=
            "<line x1=\"\(f(left + plotWidth))\" y1=\"34\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(top + plotHeight))\" stroke=\"#555555\" stroke-width=\"1\"/>\n"
        // The "as of" date, when it falls inside the window: later months are not yet reported.
        let asOf = context.asOf
        let asOfMonth = asOf.year * 12 + (asOf.month ?? 12) - 1
        if asOfMonth >= firstMonth && asOfMonth <= lastMonth {
            let fraction = asOf.day.map { Double($0) / Double(Self.daysIn(year: asOf.year, month: asOf.month!)) } ?? 1
            let ax = left + (Double(asOfMonth - firstMonth) + fraction) * column
            out +=
                "<line x1=\"\(f(ax))\" y1=\"52\" x2=\"\(f(ax))\" y2=\"\(f(top + plotHeight))\" stroke=\"#C00000\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n"
            // Near the right edge the label runs leftwards so it stays inside the picture.
            let leftwards = ax > left + plotWidth * 0.6
            out +=
                "<text x=\"\(f(leftwards ? ax - 4 : ax + 4))\" y=\"\(f(top + plotHeight + 28))\" text-anchor=\"\(leftwards ? "end" : "start")\" font-size=\"10\" fill=\"#C00000\">\(x(templates.labels["as_of"]!)) \(x(ReportFields.vietnameseDate(asOf)))</text>\n"
        }
        out += "</g>\n"
        return out

    }

    /// One row per unit (and one for the other units, if any).
    private func writeRows(_ layout: Layout, into sink: AtomicFileSink) throws {
        let (left, plotWidth, labelWidth, rowHeights) = (layout.left, layout.plotWidth, layout.labelWidth, layout.rowHeights)
        var y = top
        for (position, unit) in layout.rows.enumerated() {
            let rowHeight = rowHeights[position]
            var row = "<g class=\"unit\">\n"
            if position % 2 == 0 {
                row +=
                    "<rect x=\"0\" y=\"\(f(y))\" width=\"\(f(left + plotWidth))\" height=\"\(f(rowHeight))\" fill=\"#000000\" fill-opacity=\"0.04\"/>\n"
            }
            let name = ReportText.flat(unit.label)
            let maxScalars = Int((labelWidth - 20) / 6.9)
            let shown =
                name.unicodeScalars.count > maxScalars
                ? String(String.UnicodeScalarView(name.unicodeScalars.prefix(maxScalars - 1))) + "…" : name
            row +=
                "<text x=\"\(f(left - 8))\" y=\"\(f(y + rowPadding + laneHeight / 2 + 4))\" text-anchor=\"end\"><title>\(x(name))</title>\(x(shown))</text>\n"
            for mark in unit.marks {
                let event = chronology.listing(mark.index)
                let cy = y + rowPadding + Double(mark.lane) * laneHeight + laneHeight / 2
                var tip = "\(x(event.date.map(ReportFields.vietnameseDate) ?? "")) · \(x(templates.kind(event.kind))) · \(x(event.title))"
                if layout.otherUnits > 0 && position == layout.rows.count - 1 { tip = "\(x(event.unit.name)) · " + tip }
                row += shape(
                    event.date?.precision ?? .day, x: mark.x, y: cy, colour: Self.colours[event.kind]!, inside: "<title>\(tip)</title>")
            }
            row += "</g>\n"
            try sink.write(row)
            y += rowHeight
        }
        if summary.units.isEmpty {
            try sink.write("<text x=\"\(f(left + 8))\" y=\"\(f(top + 16))\" fill=\"#444444\">\(x(templates.labels["no_events"]!))</text>\n")
        }
    }

    /// The mark of a date's precision: a filled dot (day), a hollow square (month), a hollow
    /// diamond (year).
    private func shape(_ precision: DatePrecision, x cx: Double, y cy: Double, colour: String, inside: String = "") -> String {
        switch precision {
        case .day:
            return "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(radius))\" fill=\"\(colour)\">\(inside)</circle>\n"
        case .month:
            let side = 2 * radius - 1.5
            return
                "<rect x=\"\(f(cx - side / 2))\" y=\"\(f(cy - side / 2))\" width=\"\(f(side))\" height=\"\(f(side))\" fill=\"#FFFFFF\" stroke=\"\(colour)\" stroke-width=\"1.5\">\(inside)</rect>\n"
        case .year:
            let r = radius + 0.5
            let points = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)].map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
            return "<polygon points=\"\(points)\" fill=\"#FFFFFF\" stroke=\"\(colour)\" stroke-width=\"1.5\">\(inside)</polygon>\n"
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
        legend += shape(.day, x: 16, y: ly, colour: "#333333")
        legend += "<text x=\"28\" y=\"\(f(ly + 4))\">\(x(templates.labels["timeline_legend_day"]!))</text>\n"
        legend += shape(.month, x: 196, y: ly, colour: "#333333")
        legend += "<text x=\"208\" y=\"\(f(ly + 4))\">\(x(templates.labels["timeline_legend_month"]!))</text>\n"
        legend += shape(.year, x: 436, y: ly, colour: "#333333")
        legend += "<text x=\"448\" y=\"\(f(ly + 4))\">\(x(templates.labels["timeline_legend_year"]!))</text>\n"
        if layout.otherUnits > 0 {
            // Said in words too: the picture does not show every unit on a row of its own.
            let shown = summary.units.count - layout.otherUnits
            legend +=
                "<text x=\"10\" y=\"\(f(ly + 24))\">\(x(templates.labels["timeline_legend_summary"]!)) \(shown) + \(layout.otherUnits) \(x(templates.labels["timeline_other_units"]!))</text>\n"
        }
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
