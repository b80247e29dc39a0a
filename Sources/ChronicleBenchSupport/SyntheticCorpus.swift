import ChronicleKit
import Foundation

/// One generated article.
package struct SyntheticArticle: Sendable, Hashable {
    package var index: Int
    package var url: String
    package var title: String
    /// The meeting's day, also used as the publication date and for the year/month folder.
    package var published: PartialDate
    package var text: String
}

/// A deterministic corpus of press-style articles for the throughput benchmark.
///
/// Article `i` depends only on the seed, the templates and `i` (its own SplitMix64 stream), so any
/// range can be generated on its own, in parallel, and a later range appended as "new articles".
/// Units, dates (2022–2023), names and numbers vary per article, so no two texts are equal and
/// nothing can be cached away.
package struct SyntheticCorpus: Sendable {
    package let seed: UInt64
    /// The main article shapes (project samples, or the built-in set).
    package let templates: [SyntheticTemplate]
    /// Extra shapes (the dev set's texts), used for one article in four when present.
    package let extraTemplates: [SyntheticTemplate]

    /// Articles per export chunk; one in ten of them goes to a JSON Lines export of that chunk.
    package static let chunkSize = 1000

    package init(seed: UInt64 = 2022, templates: [SyntheticTemplate], extraTemplates: [SyntheticTemplate] = []) throws {
        guard !templates.isEmpty || !extraTemplates.isEmpty else { throw SyntheticCorpusError.noTemplates }
        self.seed = seed
        self.templates = templates.isEmpty ? extraTemplates : templates
        self.extraTemplates = templates.isEmpty ? [] : extraTemplates
    }

    /// The templates written for the benchmark (about 3 KB each).
    package static func builtInTemplates() -> [SyntheticTemplate] {
        // The built-in texts are checked by the tests, so a failure here is a programming error.
        BuiltInTemplates.all.map { try! SyntheticTemplate(placeholderText: $0) }
    }

    /// The `.txt` articles of a folder (not recursive), sorted by name; none if the folder is absent.
    package static func templates(samplesDirectory: URL) throws -> [SyntheticTemplate] {
        let manager = FileManager.default
        guard manager.fileExists(atPath: samplesDirectory.path) else { return [] }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: samplesDirectory.path)
        } catch {
            throw SyntheticCorpusError.unreadableTemplates(path: samplesDirectory.path, reason: error.localizedDescription)
        }
        return try names.filter { $0.lowercased().hasSuffix(".txt") }.sorted().compactMap { name in
            let url = samplesDirectory.appendingPathComponent(name)
            guard let data = manager.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw SyntheticCorpusError.unreadableTemplates(path: url.path, reason: "not UTF-8 text")
            }
            return text.utf8.count < 200 ? nil : SyntheticTemplate(articleText: text)
        }
    }

    /// The `text` fields of a JSON Lines file (read at run time, never copied into the project).
    package static func templates(jsonLinesFile url: URL) throws -> [SyntheticTemplate] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SyntheticCorpusError.unreadableTemplates(path: url.path, reason: "cannot read the file")
        }
        var templates: [SyntheticTemplate] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw SyntheticCorpusError.unreadableTemplates(path: "\(url.path):\(number + 1)", reason: "not a JSON object")
            }
            if let text = object["text"] as? String, text.utf8.count >= 200 {
                templates.append(SyntheticTemplate(articleText: text))
            }
        }
        return templates
    }

    /// Whether article `index` is written into a JSON Lines export rather than its own `.txt` file.
    package static func isInExport(_ index: Int) -> Bool { index % 10 == 9 }

    /// Renders article `index`.
    package func article(at index: Int) -> SyntheticArticle {
        var rng = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        let template: SyntheticTemplate
        if !extraTemplates.isEmpty, rng.below(4) == 0 {
            template = rng.pick(extraTemplates)
        } else {
            template = rng.pick(templates)
        }
        let fill = Fill(&rng)
        var text = ""
        text.reserveCapacity(template.literalBytes + 40 * template.slotCount)
        for part in template.parts {
            switch part {
            case .literal(let literal): text += literal
            case .slot(let slot): text += fill.value(slot)
            case .unitNumber(let kind): text += String(fill.unitNumbers[kind.rawValue])
            case .yearOffset(let delta): text += String(fill.year + delta)
            }
        }
        let firstLine = text.prefix { $0 != "\n" }
        return SyntheticArticle(
            index: index,
            url: "https://bench.chronicle.invalid/\(fill.year)/\(fill.month)/bai-\(index).html",
            title: String(firstLine.prefix(160)),
            published: PartialDate(year: fill.year, month: fill.month, day: fill.day),
            text: text)
    }

    /// What `write` produced.
    package struct WriteStats: Sendable, Equatable {
        package var articles = 0
        package var textFiles = 0
        package var exportFiles = 0
        package var bytes = 0

        package init() {}

        static func + (a: WriteStats, b: WriteStats) -> WriteStats {
            var sum = a
            sum.articles += b.articles
            sum.textFiles += b.textFiles
            sum.exportFiles += b.exportFiles
            sum.bytes += b.bytes
            return sum
        }
    }

    /// Writes articles `range` under `folder` in `YYYY/MM/` subfolders: `aNNNNNNN.txt` files, and
    /// one `export-NNNNNNN.jsonl` crawler export per chunk of 1,000 indices holding the chunk's
    /// exported articles (100 lines for a full chunk). Runs on all cores.
    package func write(_ range: Range<Int>, to folder: URL) throws -> WriteStats {
        let manager = FileManager.default
        for year in 2022...2023 {
            for month in 1...12 {
                let sub = folder.appendingPathComponent(Self.folderName(year: year, month: month))
                do {
                    try manager.createDirectory(at: sub, withIntermediateDirectories: true)
                } catch {
                    throw SyntheticCorpusError.cannotWrite(path: sub.path, reason: error.localizedDescription)
                }
            }
        }
        var chunks: [Range<Int>] = []
        var start = range.lowerBound
        while start < range.upperBound {
            let end = Swift.min(range.upperBound, (start / Self.chunkSize + 1) * Self.chunkSize)
            chunks.append(start..<end)
            start = end
        }
        let results: [Result<WriteStats, SyntheticCorpusError>] = chunks.parallelMap { chunk in
            Result { try self.writeChunk(chunk, to: folder) }.mapError {
                $0 as? SyntheticCorpusError ?? .cannotWrite(path: folder.path, reason: "\($0)")
            }
        }
        var total = WriteStats()
        for result in results { total = total + (try result.get()) }
        return total
    }

    private func writeChunk(_ chunk: Range<Int>, to folder: URL) throws -> WriteStats {
        var stats = WriteStats()
        var exportLines = Data()
        var exportFolder: String?
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for index in chunk {
            let article = article(at: index)
            let sub = Self.folderName(year: article.published.year, month: article.published.month ?? 1)
            stats.articles += 1
            if Self.isInExport(index) {
                exportFolder = exportFolder ?? sub
                let line = ExportLine(
                    id: "bench-\(index)", url: article.url, title: article.title,
                    published: article.published.description, text: article.text)
                exportLines.append(try encoder.encode(line))
                exportLines.append(UInt8(ascii: "\n"))
            } else {
                let data = Data(article.text.utf8)
                try Self.write(data, to: folder.appendingPathComponent("\(sub)/a\(Self.padded(index)).txt"))
                stats.textFiles += 1
                stats.bytes += data.count
            }
        }
        if let exportFolder {
            try Self.write(exportLines, to: folder.appendingPathComponent("\(exportFolder)/export-\(Self.padded(chunk.lowerBound)).jsonl"))
            stats.exportFiles += 1
            stats.bytes += exportLines.count
        }
        return stats
    }

    private static func write(_ data: Data, to url: URL) throws {
        do {
            try data.write(to: url)
        } catch {
            throw SyntheticCorpusError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }

    private static func folderName(year: Int, month: Int) -> String {
        month < 10 ? "\(year)/0\(month)" : "\(year)/\(month)"
    }

    private static func padded(_ index: Int) -> String {
        let digits = String(index)
        return String(repeating: "0", count: Swift.max(0, 7 - digits.count)) + digits
    }
}

/// A line of a crawler export, in the field names crawlers use.
private struct ExportLine: Encodable {
    var id: String
    var url: String
    var title: String
    var published: String
    var text: String
}

/// The values one article's slots are filled with.
private struct Fill {
    var year: Int
    var month: Int
    var day: Int
    /// Numbers for division, brigade, regiment and military region, in `UnitKind` order.
    var unitNumbers: [Int]
    var values: [SyntheticTemplate.Slot: String]

    init(_ rng: inout SplitMix64) {
        year = 2022 + rng.below(2)
        month = 1 + rng.below(12)
        day = 1 + rng.below(Self.daysInMonth(year: year, month: month))
        unitNumbers = [
            rng.pick(Self.divisions), rng.inRange(100...699), rng.inRange(1...999), rng.pick(Self.regions),
        ]
        let unit: String
        let organizer: String
        switch rng.below(5) {
        case 0, 1:
            unit = "Sư đoàn \(unitNumbers[0])"
            organizer = "Đảng ủy \(unit)"
        case 2:
            unit = "Lữ đoàn \(unitNumbers[1])"
            organizer = "Đảng ủy \(unit)"
        case 3:
            if rng.below(2) == 0 {
                unit = "Trung đoàn \(unitNumbers[2])"
            } else {
                unit = "Quân khu \(unitNumbers[3])"
            }
            organizer = "Đảng ủy \(unit)"
        default:
            let province = rng.pick(Self.provinces)
            unit = "Bộ Chỉ huy Quân sự tỉnh \(province)"
            organizer = "Đảng ủy Quân sự tỉnh \(province)"
        }
        func person(_ rng: inout SplitMix64) -> String {
            "\(rng.pick(Self.ranks)) \(rng.pick(Self.families)) \(rng.pick(Self.middles)) \(rng.pick(Self.givens))"
        }
        func credit(_ rng: inout SplitMix64) -> String {
            rng.below(2) == 0
                ? "\(rng.pick(Self.givensUpper)) \(rng.pick(Self.givensUpper))"
                : "\(rng.pick(Self.familiesUpper)) \(rng.pick(Self.givensUpper))"
        }
        values = [
            .organizer: organizer, .unit: unit,
            .day: String(day), .month: String(month), .year: String(year),
            .next: String(year + 1), .prev: String(year - 1), .plus5: String(year + 5),
            .quarter: ["I", "II", "III", "IV"][(month - 1) / 3],
            .chair: person(&rng), .guest: person(&rng), .credit: credit(&rng), .credit2: credit(&rng),
            .province: rng.pick(Self.provinces),
            .doc: String(rng.inRange(100...999)), .doc2: String(rng.inRange(10...999)),
            .n: String(rng.inRange(60...95)), .n2: String(rng.inRange(10...99)), .n3: String(rng.inRange(5...60)),
            .n4: String(rng.inRange(2...30)), .n5: String(rng.inRange(5...40)), .n6: String(rng.inRange(10...90)),
            .n7: String(rng.inRange(5...15)),
            .big: String(rng.inRange(100...999)), .big2: String(rng.inRange(100...2500)), .big3: String(rng.inRange(500...9000)),
            .pct: String(rng.inRange(90...100)), .pct2: String(rng.inRange(95...100)), .pct3: String(rng.inRange(97...100)),
        ]
    }

    func value(_ slot: SyntheticTemplate.Slot) -> String { values[slot] ?? "" }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let divisions = [
        2, 3, 5, 7, 8, 9, 10, 31, 301, 302, 304, 305, 306, 308, 309, 312, 315, 316, 320, 324, 325,
        330, 341, 346, 355, 363, 365, 367, 368, 370, 371, 372, 373, 375, 377, 390, 395, 968,
    ]
    static let regions = [1, 2, 3, 4, 5, 7, 9]
    static let provinces = [
        "Hà Giang", "Cao Bằng", "Lạng Sơn", "Lào Cai", "Yên Bái", "Điện Biên", "Lai Châu", "Sơn La", "Hòa Bình",
        "Thái Nguyên", "Tuyên Quang", "Bắc Giang", "Quảng Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định",
        "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Quảng Nam",
        "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Gia Lai", "Kon Tum", "Đắk Lắk", "Lâm Đồng",
        "Bình Phước", "Tây Ninh", "Long An", "Tiền Giang", "Bến Tre", "Đồng Tháp", "An Giang", "Kiên Giang", "Cà Mau",
    ]
    static let ranks = ["Đại tá", "Thượng tá", "Trung tá", "Thiếu tướng", "Trung tướng"]
    static let families = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý", "Phan", "Trịnh", "Đinh", "Lương", "Hà",
    ]
    static let middles = [
        "Văn", "Đức", "Minh", "Quang", "Xuân", "Hữu", "Thanh", "Mạnh", "Ngọc", "Trọng", "Công",
        "Duy", "Hồng", "Tiến",
    ]
    static let givens = [
        "Hùng", "Dũng", "Tuấn", "Thắng", "Hải", "Long", "Nam", "Sơn", "Phong", "Quân", "Cường",
        "Bình", "Hòa", "Thành", "Trung", "Kiên", "Lâm", "Huy", "Tùng", "Việt", "Khánh", "Toàn",
    ]
    static let familiesUpper = families.map { $0.uppercased() }
    static let givensUpper = givens.map { $0.uppercased() }
}
