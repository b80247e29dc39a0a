import Foundation
import GRDB
import Testing
@testable import ChronicleKit

/// The store keeps the cached chronology in pieces cut by content (`StoredChronologyPieces`): a
/// night adds the pieces its new events are in, and drops those no longer used; pieces that do
/// not give back what was stored are no chronology.
@Suite struct StoredChronologyPiecesTests {
    private static let units = ["Quân đoàn 12", "Quân khu 7", "Sư đoàn 312", "Binh đoàn 15", "Bộ đội Biên phòng", "Quân chủng Hải quân"]
    private static let kinds = ["year-end-review", "mid-year-review", "resolution-study", "committee-meeting", "congress"]

    /// An archive of `count` articles, each reporting one meeting of its own.
    private func seed(_ box: Sandbox, count: Int) throws {
        for number in 0..<count {
            let day = number % 28 + 1, month = number / 28 % 12 + 1
            let unit = Self.units[number % Self.units.count], kind = Self.kinds[number / 7 % Self.kinds.count]
            let date = "\(2022 + number % 2)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            try box.write("\(2022 + number % 2)/bai-\(number).txt", "event: \(date) | \(unit) \(number % 97) | \(kind)\n")
        }
    }

    private func pieces(_ box: Sandbox) throws -> [Int64: Data] {
        let queue = try DatabaseQueue(path: ChronicleRun.storeURL(for: try box.config()).path)
        return try queue.read { db in
            var pieces: [Int64: Data] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, data FROM chronology_piece") { pieces[row[0]] = row[1] }
            return pieces
        }
    }

    @Test func aNightAddsThePiecesOfItsNewEventsAndDropsTheUnused() throws {
        let box = try Sandbox()
        try seed(box, count: 1400)
        try box.run()
        let before = try pieces(box)
        #expect(before.count >= 12, "\(before.count) pieces")
        try box.write("2023/bai-moi.txt", "event: 2023-06-14 | Quân khu 7 5 | congress\n")
        let night = try box.run()
        #expect(night.extracted == 1)
        let after = try pieces(box)
        let added = after.keys.filter { before[$0] == nil }, dropped = before.keys.filter { after[$0] == nil }
        #expect(
            added.count * 4 <= after.count && added.count == dropped.count + (after.count - before.count),
            "\(added.count) added of \(after.count)")
        // What the pieces give back is the chronology a cold run builds.
        #expect(try Self.shown(night.fullChronology().events) == coldNight(count: 1400))
        #expect(try box.run().extracted == 0)
    }

    /// What identifies each event in the reports (the sources' paths are another sandbox's).
    private static func shown(_ events: EventList) -> [String] {
        events.map { "\($0.id) \($0.event.unit.name) \($0.event.kind) \($0.event.date) \($0.sources.count)" }
    }

    /// The events of a cold run over `count` articles and the night's new one.
    private func coldNight(count: Int) throws -> [String] {
        let cold = try Sandbox()
        try seed(cold, count: count)
        try cold.write("2023/bai-moi.txt", "event: 2023-06-14 | Quân khu 7 5 | congress\n")
        return Self.shown(try cold.run().fullChronology().events)
    }

    /// A piece whose bytes changed gives no chronology: the next run builds it again, from the
    /// records, and reports as a cold run would.
    @Test func aDamagedPieceIsNoChronology() throws {
        let box = try Sandbox()
        try seed(box, count: 600)
        let first = try box.run()
        let queue = try DatabaseQueue(path: ChronicleRun.storeURL(for: try box.config()).path)
        try queue.write { db in
            try db.execute(sql: "UPDATE chronology_piece SET data = CAST(replace(CAST(data AS TEXT), 'Quân', 'Quin') AS BLOB)")
        }
        let store = try box.store()
        let fingerprint = try #require(try store.cachedChronologyFingerprint())
        #expect(try store.cachedChronology(fingerprint: fingerprint) == nil)
        #expect(try store.earlierMerges() == nil)
        try box.write("2023/bai-moi.txt", "event: 2023-06-14 | Quân khu 7 5 | congress\n")
        let night = try box.run()
        #expect(try Self.shown(night.fullChronology().events) == coldNight(count: 600))
        #expect(try first.fullChronology().events.count > 100)
    }
}
