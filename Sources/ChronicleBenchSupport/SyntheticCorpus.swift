import ChronicleKit
import Foundation

/// One generated article.
package struct SyntheticArticle: Sendable, Hashable {
    package var index: Int
    package var url: String
    package var title: String
    /// The day of the meeting (or other event) of its first passage, also used as the publication
    /// date and for the year/month folder.
    package var published: PartialDate
    package var text: String
}

/// A deterministic corpus of press-style articles for the throughput benchmark, composed from
/// the phrase pools (`ArticleComposer`) so that, like the press, it hardly repeats itself.
///
/// Article `i` depends only on the seed and `i` (its own SplitMix64 stream), so any range can be
/// generated on its own, in parallel, and a later range appended as "new articles". Units, dates
/// (2022–2023), names, numbers and wording vary per article, so no two texts are equal and nothing
/// can be cached away.
package struct SyntheticCorpus: BenchCorpus {
    package let seed: UInt64

    package init(seed: UInt64 = 2022) {
        self.seed = seed
    }

    /// Whether article `index` is written into a JSON Lines export rather than its own `.txt` file.
    package static func isInExport(_ index: Int) -> Bool { index % 10 == 9 }

    /// Renders article `index`.
    package func article(at index: Int) -> SyntheticArticle {
        var rng = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        let (text, cast) = ArticleComposer.compose(&rng)
        let firstLine = text.prefix { $0 != "\n" }
        return SyntheticArticle(
            index: index,
            url: "https://bench.chronicle.invalid/\(cast.year)/\(cast.month)/bai-\(index).html",
            title: String(firstLine.prefix(160)),
            published: PartialDate(year: cast.year, month: cast.month, day: cast.day),
            text: text)
    }

    package func text(at index: Int) -> String { article(at: index).text }

    /// Writes articles `range` under `folder` in `YYYY/MM/` subfolders: `aNNNNNNN.txt` files, and
    /// one `export-NNNNNNN.jsonl` crawler export per chunk of 1,000 indices holding the chunk's
    /// exported articles (100 lines for a full chunk). Runs on all cores.
    package func write(_ range: Range<Int>, to folder: URL) throws -> CorpusWriteStats {
        try Self.makeMonthFolders(in: folder, years: 2022...2023)
        return try writeInChunks(range, to: folder) { chunk in try writeChunk(chunk, to: folder) }
    }

    private func writeChunk(_ chunk: Range<Int>, to folder: URL) throws -> CorpusWriteStats {
        var stats = CorpusWriteStats()
        var exportLines = Data()
        var exportFolder: String?
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for index in chunk {
            let article = article(at: index)
            let sub = Self.monthFolder(year: article.published.year, month: article.published.month ?? 1)
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
}

/// A line of a crawler export, in the field names crawlers use.
private struct ExportLine: Encodable {
    var id: String
    var url: String
    var title: String
    var published: String
    var text: String
}
