import Foundation
import GRDB
import Testing
@testable import ChronicleKit

/// A run's store commit goes on beside its reports when the chronology was built in the run
/// (`ChronicleRun.StoredRun.besideReports`): the reports are published only once it is done, so
/// a commit that fails publishes nothing, and the next run does the work again.
struct StoreCommitTests {
    @Test func aFailedCommitPublishesNoReport() throws {
        let box = try Sandbox()
        try box.write("2022/a.txt", "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try box.run()
        let before = try box.reports()
        try box.write("2023/b.txt", "event: 2023-06-20 | Quân đoàn 2 | mid-year-review\n")
        // The run's row cannot be added: the transaction fails, as a full disk would make it.
        try Self.database(box).write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON run BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
        }
        #expect(throws: StoreError.self) { try box.run() }
        #expect(try box.reports() == before)

        try Self.database(box).write { db in try db.execute(sql: "DROP TRIGGER refuse") }
        let night = try box.run()
        #expect(night.extracted == 1)
        let after = try box.reports()
        #expect(after != before)
        #expect(String(decoding: after["chronology.csv"] ?? Data(), as: UTF8.self).contains("Quân đoàn 2"))
    }

    /// The report outline is written while the reports are and put in place only once they
    /// are published: a run whose reports fail leaves the last outline, and no file of its own.
    @Test func aRunWhoseReportsFailLeavesTheLastOutline() throws {
        let box = try Sandbox()
        try box.write("2022/a.txt", "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try box.run()
        let outline = ChronicleRun.reportOutlineURL(for: try box.config())
        let before = try Data(contentsOf: outline)
        try box.write("2023/b.txt", "event: 2023-06-20 | Quân đoàn 2 | mid-year-review\n")
        // The year pages' folder is a file now: writing years/2023.md fails.
        try FileManager.default.removeItem(at: box.output.appendingPathComponent("years"))
        try Data("chặn".utf8).write(to: box.output.appendingPathComponent("years"))
        #expect(throws: (any Error).self) { try box.run() }
        #expect(try Data(contentsOf: outline) == before)
        let state = try FileManager.default.contentsOfDirectory(atPath: outline.deletingLastPathComponent().path)
        #expect(!state.contains { $0.hasSuffix(".tmp") }, "\(state)")

        try FileManager.default.removeItem(at: box.output.appendingPathComponent("years"))
        try box.run()
        #expect(try Data(contentsOf: outline) != before)
    }

    private static func database(_ box: Sandbox) throws -> DatabaseQueue {
        try DatabaseQueue(path: ChronicleRun.storeURL(for: try box.config()).path)
    }
}
