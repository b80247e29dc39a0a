import Foundation
import Testing
@testable import ChronicleKit

/// A night that took only the outline of its chronology reads the whole of it, when a page needs
/// it, through the store the run holds open: opening the store again before the run seals it
/// would check it whole.
@Suite struct CachedChronologyReaderTests {
    @Test func aReaderGivenTheOpenStoreReadsThroughIt() throws {
        let box = try Sandbox()
        _ = try box.write("2023/bai-1.txt", "event: 2023-01-12 | Quân đoàn 12 | year-end-review\n")
        _ = try box.write("2023/bai-2.txt", "event: 2023-07-03 | Quân khu 7 | mid-year-review\n")
        let first = try box.run()
        let store = try box.store()
        let fingerprint = try #require(try store.cachedChronologyFingerprint())
        let reader = CachedChronologyReader(store: store, fingerprint: fingerprint)

        // The file moved away: only the open connection still reaches what the run stored.
        let moved = store.url.appendingPathExtension("moved")
        try FileManager.default.moveItem(at: store.url, to: moved)
        #expect(try reader.read().events == first.fullChronology().events)
        // A reader that opens its store by path finds none there.
        #expect(throws: StoreError.self) { try CachedChronologyReader(storeURL: store.url, fingerprint: fingerprint).read() }
    }
}
