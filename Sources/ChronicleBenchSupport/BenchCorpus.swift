import ChronicleKit
import Foundation

/// A corpus the throughput benchmark can write to disk and describe: article `i` depends only on
/// the corpus and `i`, so any range can be written on its own and a later range appended as the
/// night's new articles.
package protocol BenchCorpus: Sendable {
    /// The text of article `index`, as its file (or its export line's `text`) holds it.
    func text(at index: Int) -> String

    /// Writes articles `range` under `folder` (in year/month subfolders); runs on all cores.
    func write(_ range: Range<Int>, to folder: URL) throws -> CorpusWriteStats
}

extension BenchCorpus {
    /// Articles per chunk written by one task.
    static var chunkSize: Int { 1000 }

    /// Writes `range` in chunks of `chunkSize` indices (aligned on multiples of it) on all cores,
    /// `writeChunk` writing one chunk and saying what it wrote.
    func writeInChunks(
        _ range: Range<Int>, to folder: URL, _ writeChunk: @Sendable (Range<Int>) throws -> CorpusWriteStats
    ) throws -> CorpusWriteStats {
        var chunks: [Range<Int>] = []
        var start = range.lowerBound
        while start < range.upperBound {
            let end = Swift.min(range.upperBound, (start / Self.chunkSize + 1) * Self.chunkSize)
            chunks.append(start..<end)
            start = end
        }
        let results: [Result<CorpusWriteStats, BenchCorpusError>] = chunks.parallelMap { chunk in
            Result { try writeChunk(chunk) }.mapError {
                $0 as? BenchCorpusError ?? .cannotWrite(path: folder.path, reason: "\($0)")
            }
        }
        var total = CorpusWriteStats()
        for result in results { total = total + (try result.get()) }
        return total
    }

    /// Creates `folder/YYYY/MM` for every month of the years given.
    static func makeMonthFolders(in folder: URL, years: ClosedRange<Int>) throws {
        for year in years {
            for month in 1...12 {
                let sub = folder.appendingPathComponent(monthFolder(year: year, month: month))
                do {
                    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
                } catch {
                    throw BenchCorpusError.cannotWrite(path: sub.path, reason: error.localizedDescription)
                }
            }
        }
    }

    static func monthFolder(year: Int, month: Int) -> String {
        month < 10 ? "\(year)/0\(month)" : "\(year)/\(month)"
    }

    /// `index` with leading zeros to seven digits, so file names sort as the indices do.
    static func padded(_ index: Int) -> String {
        let digits = String(index)
        return String(repeating: "0", count: Swift.max(0, 7 - digits.count)) + digits
    }

    static func write(_ data: Data, to url: URL) throws {
        do {
            try data.write(to: url)
        } catch {
            throw BenchCorpusError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }
}
