import Foundation
import GRDB
import Testing
@testable import ChronicleKit

/// A store the last run left sealed opens without `quick_check`; any change since, a hot
/// journal beside it, or a seal that is not one, and it is checked again.
@Suite struct StoreSealTests {
    private func sealedStore() throws -> (Sandbox, URL) {
        let box = try Sandbox()
        try box.write("2022/a.txt", "url: https://qdnd.vn/a\nevent: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try box.write("2023/b.txt", "event: 2023-06-20 | Quân đoàn 2 | mid-year-review\n")
        _ = try box.run()
        return (box, ChronicleRun.storeURL(for: try box.config()))
    }

    @Test func aStoreAsTheLastRunLeftItOpensUnchecked() throws {
        let (box, url) = try sealedStore()
        #expect(FileManager.default.fileExists(atPath: StoreSeal.url(for: url).path))
        #expect(try ChronicleStore(url: url).checkedOnOpen == false)
        // A night with nothing changed opens it unchecked and seals it again.
        let night = try box.run(asOf: PartialDate(year: 2024, month: 1, day: 2))
        #expect(night.extracted == 0)
        #expect(try ChronicleStore(url: url).checkedOnOpen == false)
    }

    @Test func aStoreWrittenSinceIsChecked() throws {
        let (box, url) = try sealedStore()
        defer { withExtendedLifetime(box) {} }
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in try db.execute(sql: "UPDATE run SET reports_written = 0") }
        #expect(try ChronicleStore(url: url).checkedOnOpen)
    }

    @Test func aStoreDamagedAfterTheSealIsCheckedAndRefused() throws {
        let (box, url) = try sealedStore()
        defer { withExtendedLifetime(box) {} }
        // Pages overwritten in place, the file's size kept: as a crash with its journal lost.
        let handle = try FileHandle(forWritingTo: url)
        try handle.seek(toOffset: 2 * 4096 + 16)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096 - 16))
        try handle.close()
        let error = try #require(throws: StoreError.self) { try ChronicleStore(url: url) }
        #expect("\(error)".contains("damaged"))
    }

    @Test func aHotJournalBesideTheStoreMeansACheck() throws {
        let (box, url) = try sealedStore()
        defer { withExtendedLifetime(box) {} }
        #expect(StoreSeal.matches(store: url))
        let journal = URL(fileURLWithPath: url.path + "-journal")
        try Data(repeating: 1, count: 512).write(to: journal)
        #expect(!StoreSeal.matches(store: url))
        try FileManager.default.removeItem(at: journal)
        #expect(StoreSeal.matches(store: url))
    }

    @Test func aSealThatIsNotOneMeansACheck() throws {
        let (box, url) = try sealedStore()
        defer { withExtendedLifetime(box) {} }
        let seal = StoreSeal.url(for: url)
        let kept = try Data(contentsOf: seal)
        for text in ["", "chronicle store seal 1\n", "chronicle store seal 1\n1 2 3 4 5 6\n", "noise"] {
            try Data(text.utf8).write(to: seal)
            #expect(try ChronicleStore(url: url).checkedOnOpen, "seal: \(text.debugDescription)")
        }
        try kept.write(to: seal)
        #expect(try ChronicleStore(url: url).checkedOnOpen == false)
        // A folder in its place is not a seal either.
        try FileManager.default.removeItem(at: seal)
        try FileManager.default.createDirectory(at: seal, withIntermediateDirectories: false)
        #expect(try ChronicleStore(url: url).checkedOnOpen)
    }

    @Test func aStoreCopiedIntoPlaceIsChecked() throws {
        let (box, url) = try sealedStore()
        defer { withExtendedLifetime(box) {} }
        // Another file with the same bytes and times (a restore from a copy): another inode.
        let copy = URL(fileURLWithPath: url.path + ".copy")
        try FileManager.default.copyItem(at: url, to: copy)
        let times = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date
        try FileManager.default.setAttributes([.modificationDate: times], ofItemAtPath: copy.path)
        try FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: copy, to: url)
        #expect(try ChronicleStore(url: url).checkedOnOpen)
    }
}
