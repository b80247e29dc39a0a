import Foundation
import GRDB
import Testing

@testable import ChronicleKit

/// The records' summaries in a table of their own (`file_summary`, migration v10): moved there
/// from `article_file` by the migration, set and cleared with their file's row, gone with it.
@Suite struct StoreSummaryTableTests {
    private func run(_ n: Int) -> RunRecord {
        .fixture(n, files: 2, extracted: 2, articles: 2)
    }

    private func article(_ name: String, summary: [UInt8]?) -> StoredArticle {
        StoredArticle(
            path: "/archive/2023/\(name)", displayPath: "2023/\(name)", stamp: FileStamp(size: 10, modified: 20), contentHash: "ab",
            extractorVersion: "v", configFingerprint: "f", payload: .binary([1, 2, 3]), summary: summary.map { .binary($0) })
    }

    private func summaries(_ url: URL) throws -> [String: [UInt8]] {
        let queue = try DatabaseQueue(path: url.path)
        defer { try? queue.close() }
        return try queue.read { db in
            var found: [String: [UInt8]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT path, summary_bin FROM file_summary") {
                found[row[0]] = [UInt8](row[1] as Data)
            }
            return found
        }
    }

    private func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-summary-\(UUID().uuidString)")
    }

    /// A store of the version before keeps its summaries through the upgrade; a row without one
    /// has none after it, and `article_file` no longer has the column.
    @Test func theMigrationMovesEachSummaryToItsTable() throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("state.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try ChronicleStore.migrator.migrate(queue, upTo: "v9")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO run (started_at, as_of, extractor_version, config_fingerprint, files, unchanged, extracted,
                        pruned, articles, events, new_events, problems) VALUES ('t', '2024-01-01', 'v', 'f', 2, 0, 2, 0, 2, 0, 0, 0)
                    """)
            for (name, summary) in [("ha-noi.txt", "x'0a0b0c'"), ("hai-phong.txt", "NULL")] {
                try db.execute(
                    sql: """
                        INSERT INTO article_file (path, display_path, size, modified_ns, content_hash, extractor_version,
                            config_fingerprint, records_json, records_bin, first_seen_run, extracted_run, last_seen_run, summary_bin)
                        VALUES ('/archive/\(name)', '\(name)', 1, 2, 'ab', 'v', 'f', '', x'01', 1, 1, 1, \(summary))
                        """)
            }
        }
        try queue.close()
        _ = try ChronicleStore(url: url)
        #expect(try summaries(url) == ["/archive/ha-noi.txt": [10, 11, 12]])
        let reopened = try DatabaseQueue(path: url.path)
        defer { try? reopened.close() }
        let columns = try reopened.read { db in try db.columns(in: "article_file").map(\.name) }
        #expect(!columns.contains("summary_bin"))
        #expect(columns.contains("records_bin"))
    }

    /// A file extracted again with a summary replaces its row's; one without (its records kept
    /// as JSON) leaves none behind; a file pruned takes its summary with it.
    @Test func aSummaryFollowsItsFile() throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("state.sqlite")
        let store = try ChronicleStore(url: url)
        let first = StoreUpdate(
            run: run(1), extracted: [article("a.txt", summary: [1]), article("b.txt", summary: [2]), article("c.txt", summary: [3])])
        try store.commit(first)
        #expect(try summaries(url).count == 3)
        var second = StoreUpdate(
            run: run(2), extracted: [article("a.txt", summary: [9]), article("b.txt", summary: nil)], removed: ["/archive/2023/c.txt"])
        second.summaries = [:]
        try store.commit(second)
        #expect(try summaries(url) == ["/archive/2023/a.txt": [9]])
        var third = StoreUpdate(run: run(3))
        third.summaries = ["/archive/2023/b.txt": [7, 7]]
        try store.commit(third)
        #expect(try summaries(url) == ["/archive/2023/a.txt": [9], "/archive/2023/b.txt": [7, 7]])
    }
}
