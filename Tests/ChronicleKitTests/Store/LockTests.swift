import Foundation
import Testing
@testable import ChronicleKit

@Suite struct LockTests {
    @Test func heldLockStopsTheRunAndTouchesNothing() throws {
        let box = try Sandbox()
        try box.write("a.txt", "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        try box.run()
        let reports = try box.reports()
        let storeURL = ChronicleRun.storeURL(for: try box.config())
        let storeBytes = try Data(contentsOf: storeURL)
        try box.write("b.txt", "event: 2023-01-05 | Quân đoàn 2 | resolution-study\n")

        // flock locks belong to the open file description, so a second open in this process conflicts.
        let holder = try RunLock.acquire(at: ChronicleRun.lockURL(for: try box.config()))
        do {
            try box.run()
            Issue.record("a second run must not start while the lock is held")
        } catch let error as RunLockError {
            #expect(error == .held(path: ChronicleRun.lockURL(for: try box.config()).path))
            #expect(error.description == "another chronicle run holds the lock on \(ChronicleRun.lockURL(for: try box.config()).path)")
            #expect(ChronicleExitCode.forError(error) == .locked)
        }
        #expect(try box.reports() == reports)
        #expect(try Data(contentsOf: storeURL) == storeBytes)
        holder.release()

        #expect(try box.run().extracted == 1, "once released, the next run proceeds")
    }

    @Test func lockIsReleasedWhenTheHolderCloses() throws {
        let box = try Sandbox()
        let url = box.root.appendingPathComponent("lock")
        var first: RunLock? = try RunLock.acquire(at: url)
        #expect(throws: RunLockError.held(path: url.path)) { try RunLock.acquire(at: url) }
        first = nil
        _ = first
        let second = try RunLock.acquire(at: url)
        second.release()
    }
}

@Suite struct StoreLockTests {
    @Test func aSecondRunOnASharedStoreExits75NotWithStoreAdvice() throws {
        let first = try Sandbox(), second = try Sandbox()
        let shared = first.root.appendingPathComponent("state/shared.sqlite")
        for box in [first, second] {
            try box.writeConfig(extra: "store: \(shared.path)")
            try box.write("a.txt", "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        }
        // The first run is at work on the shared store (its lock is held).
        try FileManager.default.createDirectory(at: shared.deletingLastPathComponent(), withIntermediateDirectories: true)
        let held = try RunLock.acquire(at: shared.appendingPathExtension("lock"))
        let error = try #require(throws: RunLockError.self) { try second.run() }
        #expect(ChronicleExitCode.forError(error) == .locked)
        #expect(!"\(error)".contains("move the file aside"))
        held.release()
        #expect(try second.run().events == 1)
    }
}

@Suite struct StoreOwnerTests {
    @Test func aStoreKeepsOneOutputsHistoryAndRefusesASecondOutput() throws {
        let first = try Sandbox(), second = try Sandbox()
        let shared = first.root.appendingPathComponent("state/shared.sqlite")
        for box in [first, second] {
            try box.writeConfig(extra: "store: \(shared.path)")
            try box.write("a.txt", "event: 2022-12-26 | Quân đoàn 1 | year-end-review\n")
        }
        #expect(try first.run().events == 1)
        let error = try #require(throws: StoreError.self) { try second.run() }
        #expect(ChronicleExitCode.forError(error) == .badConfig)
        #expect("\(error)".contains(first.output.standardizedFileURL.path))
        #expect(!FileManager.default.fileExists(atPath: second.output.appendingPathComponent("chronology.md").path))
        // Its own output goes on as before.
        #expect(try first.run().events == 1)
    }
}
