import Foundation
import Testing
@testable import ChronicleKit

/// A night extends the last run's row cache in place (`RowCache.Writer`): kept rows stay where
/// they are, new ones are appended, and the index beside the file is written whole; once unused
/// rows outweigh used ones the file is written afresh. Whatever happened to the two files in
/// between, a row is taken only if it is the one stored under its key.
@Suite struct RowCacheInPlaceTests {
    private let base = Hash128("rows").digest

    private func row(_ number: Int, night: Int, using generator: inout SeededGenerator) -> [UInt8] {
        Array("| \(number % 28 + 1)/12 | Sư đoàn \(number % 40) | đêm \(night) |".utf8)
            + [UInt8](repeating: 0x2E, count: Int.random(in: 0..<600, using: &generator))
    }

    /// A cache at `url` written afresh with the one row `bytes` under `key`.
    private func oneRowCache(at url: URL, _ key: Hash128.Digest, _ bytes: String) throws {
        let writer = try RowCache.Writer(url: url, base: base)
        try writer.add(key, Array(bytes.utf8))
        try writer.commit()
    }

    private func inode(_ url: URL) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }

    private func size(_ url: URL) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
    }

    /// Sixteen nights, each dropping a quarter of the rows and adding as many: every night reads
    /// back exactly the rows it wrote, nights extend the file until half of it is unused, and the
    /// file never grows past twice its rows and a night's new ones.
    @Test func nightsExtendTheCacheUntilHalfOfItIsUnused() throws {
        let folder = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("rows.cache")
        var generator = SeededGenerator(state: 11)
        var rows: [Hash128.Digest: [UInt8]] = [:]
        var order: [Hash128.Digest] = []
        var next = 0
        func newRow(_ night: Int) -> Hash128.Digest {
            let key = Hash128("row \(next)").digest
            rows[key] = row(next, night: night, using: &generator)
            next += 1
            return key
        }
        for _ in 0..<400 { order.append(newRow(0)) }
        let first = try RowCache.Writer(url: url, base: base)
        for key in order { try first.add(key, rows[key]!) }
        try first.commit()
        var inPlaceNights = 0, freshNights = 0
        for night in 1...16 {
            let previous = RowCache(url: url, base: base)
            #expect(previous.indexed)
            #expect(Set(previous.keys) == Set(order))
            let before = try inode(url)
            let dropped = Set(order.shuffled(using: &generator).prefix(100))
            order.removeAll { dropped.contains($0) }
            for _ in 0..<100 { order.insert(newRow(night), at: Int.random(in: 0...order.count, using: &generator)) }
            let writer = try RowCache.Writer(url: url, base: base, previous: previous)
            if writer.isInPlace { inPlaceNights += 1 } else { freshNights += 1 }
            for key in order where try !writer.carry(key) { try writer.add(key, rows[key]!) }
            try writer.commit()
            #expect(try inode(url) == before || !writer.isInPlace)
            let cache = RowCache(url: url, base: base)
            for key in order { #expect(cache.row(key) == rows[key], "night \(night)") }
            let live = order.reduce(0) { $0 + rows[$1]!.count + 32 }
            #expect(try size(url) <= 2 * live + 100 * 700 + RowCache.headerCount, "night \(night)")
        }
        #expect(inPlaceNights >= 8 && freshNights >= 2)
    }

    /// A night's report written over an extended cache is the report of a cold run, night after
    /// night, and the cache file is the same file all along.
    @Test func reportsFromAnExtendedCacheAreTheReportsOfAColdRun() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let manifest = output.appendingPathComponent(".chronicle/reports.manifest")
        let writer = ReportWriter(config: ReportSample.config(output: output, formats: [.markdown, .csv, .xml]))
        var input = ReportSample.input
        try writer.write(input, manifest: manifest)
        let csvCache = output.appendingPathComponent(".chronicle/\(RowCache.csvFileName)")
        let firstInode = try inode(csvCache)
        for night in 1...3 {
            let index = input.chronology.events.indices[night % input.chronology.events.count]
            input.chronology.events[index].event.title += " (bổ sung \(night))"
            input.newEventIDs = [input.chronology.events[index].id]
            try writer.write(input, manifest: manifest)
            let cold = ReportSample.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: cold) }
            try ReportWriter(config: ReportSample.config(output: cold, formats: [.markdown, .csv, .xml])).write(input)
            for path in ReportSample.files(in: cold) where !path.hasPrefix(".") {
                #expect(
                    try Data(contentsOf: output.appendingPathComponent(path)) == Data(contentsOf: cold.appendingPathComponent(path)),
                    "night \(night): \(path)")
            }
        }
        #expect(try inode(csvCache) == firstInode)
    }

    /// An index that is not its file's (here, another cache's, for the same templates) gives
    /// misses, never another row's bytes; a missing index, rows found by reading the file.
    @Test func anIndexThatDoesNotFitItsFileGivesNoWrongRow() throws {
        let folder = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = folder.appendingPathComponent("one.cache"), other = folder.appendingPathComponent("other.cache")
        var generator = SeededGenerator(state: 5)
        var rows: [Hash128.Digest: [UInt8]] = [:]
        for (url, offset) in [(one, 0), (other, 1)] {
            let writer = try RowCache.Writer(url: url, base: base)
            for number in 0..<200 {
                // The same keys, in another order, with rows of the same lengths in the other file.
                let key = Hash128("row \((number * 7 + offset * 3) % 200)").digest
                let bytes = row(number, night: offset, using: &generator)
                if offset == 0 { rows[key] = bytes }
                try writer.add(key, bytes)
            }
            try writer.commit()
        }
        try FileManager.default.removeItem(at: RowCacheIndex.url(for: one))
        try FileManager.default.copyItem(at: RowCacheIndex.url(for: other), to: RowCacheIndex.url(for: one))
        let mismatched = RowCache(url: one, base: base)
        for (key, bytes) in rows {
            if let taken = mismatched.row(key) { #expect(taken == bytes) }
        }
        try FileManager.default.removeItem(at: RowCacheIndex.url(for: one))
        let scanned = RowCache(url: one, base: base)
        #expect(!scanned.indexed)
        for (key, bytes) in rows { #expect(scanned.row(key) == bytes) }
        // A file found by reading it through is written afresh by the next night, with an index.
        let writer = try RowCache.Writer(url: one, base: base, previous: scanned)
        #expect(!writer.isInPlace)
        for key in rows.keys { try writer.carry(key) }
        try writer.commit()
        #expect(RowCache(url: one, base: base).indexed)
    }

    /// Rows appended by a night whose report then failed stay unused past the index's rows: the
    /// next night takes the index's rows and counts the appended ones as unused.
    @Test func aDiscardedNightLeavesTheLastIndex() throws {
        let folder = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("rows.cache")
        let keep = Hash128("kept").digest, dropped = Hash128("appended").digest
        try oneRowCache(at: url, keep, "| 26/12 | Quân đoàn 12 |")
        let night = try RowCache.Writer(url: url, base: base, previous: RowCache(url: url, base: base))
        #expect(night.isInPlace)
        try night.carry(keep)
        try night.add(dropped, [UInt8](repeating: 0x41, count: 2 << 20))
        night.discard()
        let cache = RowCache(url: url, base: base)
        #expect(cache.keys == [keep] && cache.row(keep) == Array("| 26/12 | Quân đoàn 12 |".utf8))
        #expect(!(try RowCache.Writer(url: url, base: base, previous: cache)).isInPlace)
    }

    /// A cache file with another hard link (an output folder copied with `cp -al`, a snapshot
    /// backup) is written afresh, never appended to: the other copy keeps its bytes.
    @Test func aCacheWithAnotherHardLinkIsNotExtendedInPlace() throws {
        let folder = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("rows.cache"), snapshot = folder.appendingPathComponent("snapshot.cache")
        let key = Hash128("row").digest
        try oneRowCache(at: url, key, "| 26/12 | Quân đoàn 12 |")
        try FileManager.default.linkItem(at: url, to: snapshot)
        let kept = try Data(contentsOf: snapshot)
        let night = try RowCache.Writer(url: url, base: base, previous: RowCache(url: url, base: base))
        #expect(!night.isInPlace)
        try night.carry(key)
        try night.add(Hash128("new").digest, Array("| 27/12 | Quân khu 7 |".utf8))
        try night.commit()
        #expect(try Data(contentsOf: snapshot) == kept)
        #expect(RowCache(url: url, base: base).row(Hash128("new").digest) == Array("| 27/12 | Quân khu 7 |".utf8))
    }

    /// A cache file that is a link or a pipe is not opened: no rows, and the night writes a new
    /// file in the link's place, the file it pointed to untouched.
    @Test func aCacheThatIsNotARegularFileGivesNoRows() throws {
        let folder = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("rows.cache"), target = folder.appendingPathComponent("elsewhere.cache")
        let key = Hash128("row").digest
        try oneRowCache(at: target, key, "| 26/12 | Quân đoàn 12 |")
        let targetBytes = try Data(contentsOf: target)
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: target)
        try FileManager.default.copyItem(at: RowCacheIndex.url(for: target), to: RowCacheIndex.url(for: url))
        let linked = RowCache(url: url, base: base)
        #expect(linked.isEmpty && linked.row(key) == nil)
        let night = try RowCache.Writer(url: url, base: base, previous: linked)
        #expect(!night.isInPlace)
        try night.add(key, Array("| 27/12 | Quân đoàn 12 |".utf8))
        try night.commit()
        #expect(try Data(contentsOf: target) == targetBytes)
        #expect(RowCache(url: url, base: base).row(key) == Array("| 27/12 | Quân đoàn 12 |".utf8))
        let pipe = folder.appendingPathComponent("pipe.cache")
        #expect(mkfifo(pipe.path, 0o644) == 0)
        #expect(RowCache(url: pipe, base: base).isEmpty)
    }
}
