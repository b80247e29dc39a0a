import ChronicleKit
import Foundation

/// Articles made of real press passages, read at run time from the JSON Lines files of a folder
/// (their `text` fields; nothing of them is kept in the project): article `i` is one passage when
/// `i` is even and two passages joined by an empty line when it is odd, chosen by a seeded
/// generator, so a few hundred passages fill any size. Files go to `YYYY/MM/bai-NNNNNNN.txt`, the
/// year and month following the index.
package struct RealTextCorpus: BenchCorpus {
    package let passages: [String]
    /// The JSON Lines files the passages came from, by name.
    package let sources: [String]
    package let seed: UInt64

    /// Reads every `*.jsonl` file of `folder` (not recursive), in name order.
    package init(folder: URL, seed: UInt64 = 2022) throws {
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        } catch {
            throw BenchCorpusError.unreadablePassages(path: folder.path, reason: error.localizedDescription)
        }
        var passages: [String] = []
        for name in names {
            passages += try Self.passages(in: folder.appendingPathComponent(name))
        }
        guard !passages.isEmpty else { throw BenchCorpusError.noPassages(folder: folder.path) }
        self.passages = passages
        self.sources = names
        self.seed = seed
    }

    /// A corpus of the passages given (for the tests).
    package init(passages: [String], seed: UInt64 = 2022) {
        precondition(!passages.isEmpty, "a real-text corpus needs passages")
        self.passages = passages
        self.sources = []
        self.seed = seed
    }

    /// The `text` fields of a JSON Lines file that hold more than white space.
    static func passages(in url: URL) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BenchCorpusError.unreadablePassages(path: url.path, reason: "cannot read the file")
        }
        var texts: [String] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw BenchCorpusError.unreadablePassages(path: "\(url.path):\(number + 1)", reason: "not a JSON object")
            }
            if let text = object["text"] as? String, text.contains(where: { !$0.isWhitespace }) {
                texts.append(text)
            }
        }
        return texts
    }

    package func text(at index: Int) -> String {
        var rng = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0x9FB2_1C65_1E98_DF25))
        let first = rng.pick(passages)
        return index % 2 == 0 ? first : first + "\n\n" + rng.pick(passages)
    }

    /// The year and month folder of article `index`.
    static func folder(of index: Int) -> String { monthFolder(year: 2022 + index % 2, month: index % 12 + 1) }

    package func write(_ range: Range<Int>, to folder: URL) throws -> CorpusWriteStats {
        try Self.makeMonthFolders(in: folder, years: 2022...2023)
        return try writeInChunks(range, to: folder) { chunk in
            var stats = CorpusWriteStats()
            for index in chunk {
                let data = Data(text(at: index).utf8)
                try Self.write(data, to: folder.appendingPathComponent("\(Self.folder(of: index))/bai-\(Self.padded(index)).txt"))
                stats.articles += 1
                stats.textFiles += 1
                stats.bytes += data.count
            }
            return stats
        }
    }
}
