import Foundation
import Testing
@testable import ChronicleKit

/// Rows taken from the last run's row cache give the same reports as rows rendered afresh,
/// whatever state the cache is in.
@Suite struct MarkdownRowCacheTests {
    /// The sample chronology with one event changed and flagged new: the night after.
    private func nextNight() -> ReportInput {
        var input = ReportSample.input
        let index = input.chronology.events.firstIndex { $0.event.unit.id == ReportSample.quanDoan.id }!
        input.chronology.events[index].event.title += " (bổ sung)"
        input.newEventIDs = [input.chronology.events[index].id]
        return input
    }

    /// Every report file's bytes, by path (not the job's state folder).
    private func contents(of output: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in ReportSample.files(in: output) where !path.hasPrefix(".") {
            files[path] = try Data(contentsOf: output.appendingPathComponent(path))
        }
        return files
    }

    /// Writes the first night, lets `damage` change the cache, writes the next night; returns
    /// the reports and the cache.
    private func twoNights(damage: (URL) throws -> Void = { _ in }) throws -> (reports: [String: Data], cache: URL, output: URL) {
        let output = ReportSample.temporaryDirectory()
        let manifest = output.appendingPathComponent(".chronicle/reports.manifest")
        let writer = ReportWriter(config: ReportSample.config(output: output))
        try writer.write(ReportSample.input, manifest: manifest)
        let cache = output.appendingPathComponent(".chronicle/\(MarkdownRowCache.fileName)")
        try damage(cache)
        try writer.write(nextNight(), manifest: manifest)
        return (try contents(of: output), cache, output)
    }

    /// The next night's reports written into an empty folder, without any cache.
    private func cold() throws -> [String: Data] {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        try ReportWriter(config: ReportSample.config(output: output)).write(nextNight())
        return try contents(of: output)
    }

    @Test func rowsFromTheCacheGiveTheReportsOfAColdRun() throws {
        let (reports, cache, output) = try twoNights()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(FileManager.default.fileExists(atPath: cache.path))
        #expect(reports == (try cold()))
    }

    /// A row the cache has is taken, not rendered: every cached row replaced by a marker shows
    /// up in the year files, except the changed event's, which is rendered.
    @Test func cachedRowsAreTakenAsTheyAre() throws {
        let marker = Array("| cached |\n".utf8)
        let (reports, _, output) = try twoNights { cache in
            let base = MarkdownRowCache.base(templates: try ReportTemplates(directory: ReportSample.templates, language: .vi))
            let keys = MarkdownRowCache(url: cache, base: base).keys
            #expect(!keys.isEmpty)
            try MarkdownRowCache.write(keys.map { ($0, { marker }) }, base: base, to: cache)
        }
        defer { try? FileManager.default.removeItem(at: output) }
        let years = reports.filter { $0.key.hasPrefix("years/") }.map { String(decoding: $0.value, as: UTF8.self) }.joined()
        #expect(years.contains("| cached |"))
        #expect(years.contains("(bổ sung)"))
    }

    @Test func aDamagedRowIsRenderedAgain() throws {
        let (reports, _, output) = try twoNights { cache in
            var bytes = try [UInt8](Data(contentsOf: cache))
            // A byte inside the last row: its checksum no longer matches.
            bytes[bytes.count - 3] ^= 0x20
            try Data(bytes).write(to: cache)
        }
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(reports == (try cold()))
    }

    @Test func aTruncatedOrForeignCacheGivesNoRows() throws {
        for damage in [
            { (cache: URL) in try Data([UInt8](try Data(contentsOf: cache)).prefix(50)).write(to: cache) },
            { (cache: URL) in try Data("not a cache".utf8).write(to: cache) },
        ] {
            let (reports, _, output) = try twoNights(damage: damage)
            defer { try? FileManager.default.removeItem(at: output) }
            #expect(reports == (try cold()))
        }
    }

    @Test func rowsOfOtherTemplatesAreNotTaken() throws {
        let output = ReportSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let url = output.appendingPathComponent("rows.cache")
        let key = MarkdownRowCache.key(content: Hash128("event").digest, corrected: false, new: false)
        try MarkdownRowCache.write([(key, { Array("| 26/12/2022 | hàng |\n".utf8) })], base: Hash128("a").digest, to: url)
        #expect(MarkdownRowCache(url: url, base: Hash128("a").digest).row(key) == Array("| 26/12/2022 | hàng |\n".utf8))
        #expect(MarkdownRowCache(url: url, base: Hash128("b").digest).row(key) == nil)
        #expect(MarkdownRowCache(url: output.appendingPathComponent("missing"), base: Hash128("a").digest).row(key) == nil)
    }
}
