/// The date an archive keeps in a file's path: `2023/01/2023-01-06-dang-uy-tong-ket.txt`,
/// `20230106/bai.txt`, `2023/01/06/bai.txt`, `2023-01/bai.txt`, `2023/bai.txt`.
///
/// Read on the bytes of the directory names and the file name (without its extension), one
/// component at a time; a date is only ever a whole component or a component's prefix followed by
/// `-` or `_`, so numbers inside a slug (`…-nghi-quyet-05-2022.txt`, `ke-hoach-2023`) are never
/// read. A component gives:
/// - a day: `YYYY-MM-DD`, `YYYY_MM_DD` or `YYYYMMDD` (directory or file name);
/// - a month: `YYYY-MM` or `YYYY_MM` (directory or file name);
/// - a year: a directory named exactly `YYYY`, refined to a month by a directory named exactly
///   `MM` (or `M`) right below it, and to a day by a directory `DD` (or `D`) right below that.
///   A file named only by digits (`06.txt`) is a sequence number as often as a day: not read.
///
/// Only plausible dates count: years 1990–2100, a real month and a day that exists in it. The
/// most specific reading is the date, provided every other reading in the path agrees with it
/// (`2023/01/2023-01-06-…` is 2023-01-06); readings that disagree (`2022/12/2023-01-06-…`) give
/// no date at all, since nothing says which one is the article's.
struct PathDate: Sendable, Hashable {
    var value: PartialDate
    /// The path from the first component that gave a date to the end (`2023/01/2023-01-06-….txt`):
    /// what a reader needs to see where the date came from.
    var evidence: String

    init(value: PartialDate, evidence: String) {
        self.value = value
        self.evidence = evidence
    }

    /// The date in `path` (relative or absolute, `/`-separated), or nil when it has none.
    static func parse(_ path: String) -> PathDate? {
        let bytes = Array(path.utf8)
        var components: [Range<Int>] = []
        var start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == slash {
            if i > start { components.append(start..<i) }
            start = i + 1
        }
        guard let last = components.indices.last else { return nil }

        var readings: [(date: PartialDate, component: Int)] = []
        for (index, range) in components.enumerated() {
            let isFile = index == last
            let name = isFile ? stem(bytes, range) : range
            if let date = dated(bytes, name) {
                readings.append((date, index))
                continue
            }
            // A year directory, with month and day directories right below it.
            guard !isFile, name.count == 4, let year = number(bytes, name), years.contains(year) else { continue }
            var date = PartialDate(year: year)
            if index + 1 < last, let month = smallNumber(bytes, components[index + 1]), (1...12).contains(month) {
                date = PartialDate(year: year, month: month)
                if index + 2 < last, let day = smallNumber(bytes, components[index + 2]),
                    let full = make(year, month, day)
                {
                    date = full
                }
            }
            readings.append((date, index))
        }

        guard var best = readings.first else { return nil }
        // Finer first (`DatePrecision` orders day < month < year), then nearer the file.
        for reading in readings.dropFirst()
        where reading.date.precision < best.date.precision
            || (reading.date.precision == best.date.precision && reading.component > best.component)
        {
            best = reading
        }
        for reading in readings where !agrees(reading.date, with: best.date) { return nil }
        let first = readings.map(\.component).min()!
        let evidence = String(decoding: bytes[components[first].lowerBound..<components[last].upperBound], as: UTF8.self)
        return PathDate(value: best.date, evidence: evidence)
    }

    // MARK: - Bytes

    private static let slash = UInt8(ascii: "/")
    private static let years = 1990...2100

    /// The file name without its extension (`.txt`); a name starting with its only dot is kept.
    private static func stem(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        guard let dot = bytes[range].lastIndex(of: UInt8(ascii: ".")), dot > range.lowerBound else { return range }
        return range.lowerBound..<dot
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Where a date may end inside a component: its end, or `-`/`_` before the slug.
    private static func ends(_ bytes: [UInt8], _ i: Int, _ range: Range<Int>) -> Bool {
        i == range.upperBound || bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "_")
    }

    /// The value of a run of digits (all of `range`), nil if any byte is not a digit.
    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        var value = 0
        for i in range {
            guard isDigit(bytes[i]) else { return nil }
            value = value * 10 + Int(bytes[i] - 0x30)
        }
        return value
    }

    /// A directory of one or two digits: a month or a day below a year.
    private static func smallNumber(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        range.count <= 2 ? number(bytes, range) : nil
    }

    /// `YYYYMMDD`, `YYYY-MM-DD`, `YYYY_MM_DD`, `YYYY-MM`, `YYYY_MM` at the start of the
    /// component, followed by its end, `-` or `_`.
    private static func dated(_ bytes: [UInt8], _ range: Range<Int>) -> PartialDate? {
        // The leading run of digits.
        var i = range.lowerBound
        while i < range.upperBound, isDigit(bytes[i]) { i += 1 }
        let run = range.lowerBound..<i
        if run.count == 8, ends(bytes, i, range) {
            let s = run.lowerBound
            return make(number(bytes, s..<s + 4)!, number(bytes, s + 4..<s + 6)!, number(bytes, s + 6..<s + 8)!)
        }
        guard run.count == 4, i < range.upperBound, let year = number(bytes, run), years.contains(year) else { return nil }
        let separator = bytes[i]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "_") else { return nil }
        // The month: one or two digits, then the end, `-`, `_`.
        let monthStart = i + 1
        var j = monthStart
        while j < range.upperBound, isDigit(bytes[j]) { j += 1 }
        guard (1...2).contains(j - monthStart), ends(bytes, j, range),
            let month = number(bytes, monthStart..<j), (1...12).contains(month)
        else { return nil }
        // A day after the same separator; digits there that are not a day spoil the reading
        // (`2023-01-45x`, `2023-01_06`), a slug word does not (`2023-01-tong-ket`).
        guard j < range.upperBound, j + 1 < range.upperBound, isDigit(bytes[j + 1]) else {
            return PartialDate(year: year, month: month)
        }
        guard bytes[j] == separator else { return nil }
        let dayStart = j + 1
        var k = dayStart
        while k < range.upperBound, isDigit(bytes[k]) { k += 1 }
        guard (1...2).contains(k - dayStart), ends(bytes, k, range), let day = number(bytes, dayStart..<k) else { return nil }
        return make(year, month, day)
    }

    private static func make(_ year: Int, _ month: Int, _ day: Int) -> PartialDate? {
        guard years.contains(year) else { return nil }
        return MetadataDate.make(year: year, month: month, day: day)
    }

    /// `coarse` says nothing against `fine`: the same year, and month and day where it has them.
    private static func agrees(_ coarse: PartialDate, with fine: PartialDate) -> Bool {
        coarse.year == fine.year && (coarse.month == nil || coarse.month == fine.month)
            && (coarse.day == nil || coarse.day == fine.day)
    }
}
