import Foundation
import Testing
@testable import ChronicleKit

/// The compact forms a large run holds its chronology in, and their stored forms: bytes in
/// chunks, strings kept once, events encoded, the cache streamed piece by piece.
@Suite struct CompactStorageTests {
    /// An event of a brigade's party committee with an evidence sentence long enough that a
    /// few thousand of them fill several chunks and pieces.
    static func event(_ number: Int) -> ChronologyEvent {
        let day = number % 28 + 1
        let unit = UnitReference(
            name: "Lữ đoàn \(number % 40 + 100)", id: "lu-doan-\(number % 40 + 100)", mention: "Lữ đoàn \(number % 40 + 100)")
        let evidence =
            "Chiều \(day)-12, Đảng ủy Lữ đoàn \(number % 40 + 100) tổ chức hội nghị tổng kết công tác lãnh đạo năm 2022, "
            + "triển khai nhiệm vụ năm 2023; đồng chí Đại tá Nguyễn Văn \(number) chủ trì hội nghị số \(number)."
        let event = Event(
            unit: unit, kind: .yearEndReview, title: "Hội nghị tổng kết công tác Đảng năm 2022 (\(number))",
            date: EventDate(
                value: PartialDate(year: 2022, month: 12, day: day), partOfDay: .afternoon, basis: .explicit, evidence: evidence),
            chair: Person(rank: "Đại tá", name: "Nguyễn Văn \(number)", positions: ["Bí thư Đảng ủy"], role: .chair),
            documents: [DocumentReference(code: "382-NQ/ĐUQSTW", type: "Nghị quyết", number: "382", issuer: "ĐUQSTW")])
        return ChronologyEvent(
            id: "ev-\(number)", event: event,
            sources: [
                EventSource(source: "2022/12/bai-\(number).txt", url: "https://www.qdnd.vn/chinh-tri/\(number)", title: "Tin \(number)")
            ],
            corrected: number % 7 == 0)
    }

    static let many = (0..<6000).map(event)

    @Test func arenaKeepsPiecesWholeAndInPlace() {
        var arena = ByteArena()
        let small = [UInt8](repeating: 7, count: ByteArena.chunkSize - 10)
        let first = arena.append(small)
        // Does not fit what is left of the first chunk (whatever the allocator rounded it up to).
        let middle = (0..<(64 * 1024)).map { UInt8(truncatingIfNeeded: $0) }
        let second = arena.append(middle)
        let big = [UInt8](repeating: 9, count: ByteArena.chunkSize * 2)  // longer than a chunk: its own
        let third = arena.append(big)
        #expect(ByteArena.chunk(of: first) == 0 && ByteArena.chunk(of: second) == 1 && ByteArena.chunk(of: third) == 2)
        #expect(ByteArena.offset(of: second) == 0 && ByteArena.offset(of: third) == 0)
        #expect(arena.withBytes(at: second, count: middle.count) { Array($0) } == middle)
        #expect(arena.withBytes(at: third, count: big.count) { $0.allSatisfy { $0 == 9 } })
        #expect(arena.count == small.count + middle.count + big.count)
        var all: [UInt8] = []
        arena.forEachChunk { all.append(contentsOf: $0) }
        #expect(all == small + middle + big)
    }

    /// The lookups' hash: any one byte changed, at any place of strings of every length up to
    /// a few words, gives another hash; and its low bits, which pick a slot, spread names that
    /// differ only in a number evenly.
    @Test func lookupHashSeesEveryByteAndSpreadsItsLowBits() {
        let text = Array("Đảng ủy Quân khu 7 tổ chức hội nghị".utf8)
        for length in 0...text.count {
            let bytes = Array(text.prefix(length))
            let hash = bytes.withUnsafeBytes { FNV1a.lookupHash($0) }
            for place in 0..<length {
                var changed = bytes
                changed[place] ^= 0x01
                #expect(changed.withUnsafeBytes { FNV1a.lookupHash($0) } != hash, "length \(length), byte \(place)")
            }
            // A zero byte added is another string.
            #expect((bytes + [0]).withUnsafeBytes { FNV1a.lookupHash($0) } != hash)
        }
        var slots = [Int](repeating: 0, count: 1024)
        for number in 0..<8192 {
            let name = Array("Sư đoàn \(number)".utf8)
            slots[Int(truncatingIfNeeded: name.withUnsafeBytes { FNV1a.lookupHash($0) }) & 1023] += 1
        }
        // Eight a slot on average.
        #expect(slots.max()! <= 24 && slots.filter { $0 == 0 }.count <= 4)
    }

    @Test func stringTableKeepsEachStringOnceAcrossChunks() {
        let table = StringTable()
        var numbers: [Int] = []
        // ~3 MB of distinct strings: several chunks, strings never split between them.
        for number in 0..<20000 {
            numbers.append(
                table.intern(
                    "Đảng ủy Quân khu \(number): Nghị quyết lãnh đạo thực hiện nhiệm vụ năm 2023 — 𝔘 \(number)"
                        + String(repeating: "·", count: number % 50)))
        }
        #expect(table.arena.chunks.count > 2)
        #expect(
            table.intern(
                "Đảng ủy Quân khu 12345: Nghị quyết lãnh đạo thực hiện nhiệm vụ năm 2023 — 𝔘 12345"
                    + String(repeating: "·", count: 12345 % 50)) == numbers[12345])
        #expect(table.intern("") == table.intern(""))
        // Every string is found again after the lookup grew (and rehashed) many times.
        let counted = table.count
        for number in stride(from: 0, to: 20000, by: 97) {
            let again = table.intern(
                "Đảng ủy Quân khu \(number): Nghị quyết lãnh đạo thực hiện nhiệm vụ năm 2023 — 𝔘 \(number)"
                    + String(repeating: "·", count: number % 50))
            #expect(again == numbers[number])
        }
        #expect(table.count == counted)
        #expect(table.string(numbers[19999])?.hasPrefix("Đảng ủy Quân khu 19999:") == true)
        #expect(table.string(-1) == nil && table.string(table.count) == nil)
        var lengths: [Int] = []
        table.forEachLength { lengths.append($0) }
        #expect(lengths.count == table.count && lengths.reduce(0, +) == table.arena.count)

        let copy = table.copy()
        let added = copy.intern("Sư đoàn 9")
        #expect(copy.string(added) == "Sư đoàn 9" && table.count == added, "the copy changes, the original does not")
    }

    @Test func eventListRoundTripsThroughItsStoredForm() throws {
        var list = EventList(Self.many)
        #expect(list.count == Self.many.count && Array(list) == Self.many)
        var w = RecordBinary.Writer()
        var flushed: [UInt8] = []
        list.write(to: &w) { w in
            flushed += w.bytes
            w.bytes.removeAll()
        }
        flushed += w.bytes
        let read = try flushed.withUnsafeBytes { raw in
            var r = RecordBinary.Reader(bytes: raw)
            let list = try EventList(reading: &r)
            #expect(r.offset == raw.count)
            return list
        }
        #expect(read == list && read.heads == list.heads)

        // Value semantics over shared bytes: changing a copy leaves the original alone.
        let before = list
        var changed = Self.many[3]
        changed.event.title = "Hội nghị Ban Chấp hành Đảng bộ mở rộng"
        list[3] = changed
        #expect(list[3].event.title == "Hội nghị Ban Chấp hành Đảng bộ mở rộng" && before[3] == Self.many[3])
        #expect(read[3] == Self.many[3])
    }

    @Test func eventListWritesAMappedCopyWithoutBuildingIt() throws {
        let list = EventList(Self.many)
        func titleOnly(_ item: ChronologyEvent) -> ChronologyEvent {
            ChronologyEvent(
                id: item.id,
                event: Event(
                    unit: item.event.unit, kind: item.event.kind, title: item.event.title,
                    date: EventDate(value: item.event.date.value, basis: .explicit)), sources: [], corrected: item.corrected)
        }
        var w = RecordBinary.Writer()
        list.write(to: &w, mapping: titleOnly) { _ in }
        let read = try w.bytes.withUnsafeBytes { raw in
            var r = RecordBinary.Reader(bytes: raw)
            return try EventList(reading: &r)
        }
        #expect(Array(read) == Self.many.map(titleOnly))
    }

    /// The fast reads agree with the plain ones: a listing read from a body's first fields is the
    /// decoded event cut down, and the content hashes kept beside the bodies (through the stored
    /// form too, and after an event is replaced) are those of the events decoded.
    @Test func listingsAndDigestsAgreeWithTheDecodedEvents() throws {
        var events = Array(Self.many.prefix(300))
        events[1].event.unit.role = "Đảng ủy"
        events[2].event.organizer = "Đảng ủy Lữ đoàn 102"
        events[3].event.date = EventDate(value: nil, basis: .unresolved)
        var list = EventList(events)
        for index in list.indices {
            #expect(list.listing(index) == list[index].listing)
            #expect(list.digests[index] == EventList.contentDigest(of: list[index]))
        }
        var w = RecordBinary.Writer()
        list.write(to: &w) { _ in }
        let read = try w.bytes.withUnsafeBytes { raw in
            var r = RecordBinary.Reader(bytes: raw)
            return try EventList(reading: &r)
        }
        #expect(read.digests == list.digests)
        var changed = events[5]
        changed.sources.append(EventSource(source: "2022/12/them.txt", url: nil, title: nil, date: nil))
        list[5] = changed
        #expect(list.digests[5] == EventList.contentDigest(of: changed) && list.digests[5] != read.digests[5])
        #expect(list.reordered([5, 0]).digests == [list.digests[5], list.digests[0]])
    }

    /// A copy of a sealed table looks strings up again: those it holds keep their numbers (the
    /// first of two equal ones appended after sealing), new ones are added once, and the table
    /// copied is left as it was.
    @Test func aReopenedStringTableFindsTheStringsItHolds() {
        let table = StringTable()
        let region = table.intern("Quân khu 7"), division = table.intern("Sư đoàn 5")
        table.seal()
        _ = table.intern("Quân khu 7")
        let copy = table.reopenedCopy()
        #expect(copy.intern("Sư đoàn 5") == division && copy.intern("Quân khu 7") == region)
        let brigade = copy.intern("Lữ đoàn 164")
        #expect(brigade == 3 && copy.intern("Lữ đoàn 164") == brigade)
        #expect(table.count == 3 && copy.count == 4 && table.string(2) == "Quân khu 7")
    }

    /// A list extending another takes that one's events as they are stored (the corrected flag
    /// cleared, the digest kept), beside events encoded anew; it refuses the events of another
    /// list, of the one it extends once that has changed, and any once it is sealed.
    @Test func anExtendingListTakesStoredEventsAsTheyAre() {
        let earlier = EventList(Array(Self.many.prefix(50)))
        var list = EventList(extending: earlier)
        let tookSeventh = list.append(7, of: earlier)
        list.append(Self.event(9000))
        let tookThird = list.append(3, of: earlier)
        #expect(tookSeventh && tookThird)
        var seventh = Self.many[7]
        seventh.corrected = false
        #expect(Self.many[7].corrected && Array(list) == [seventh, Self.event(9000), Self.many[3]])
        #expect(list.digests == [earlier.digests[7], EventList.contentDigest(of: Self.event(9000)), earlier.digests[3]])
        #expect(list.heads.map(\.id) == ["ev-7", "ev-9000", "ev-3"] && !list.heads[0].corrected)
        let tookAnothers = list.append(1, of: EventList(Array(Self.many.prefix(5))))
        var changed = earlier
        changed.append(Self.event(9001))
        let tookChanged = list.append(1, of: changed)
        #expect(!tookAnothers && !tookChanged)
        #expect(Array(earlier) == Array(Self.many.prefix(50)), "the list extended is left as it was")
        list.seal()
        let tookSealed = list.append(1, of: earlier)
        #expect(!tookSealed && list.count == 3)
    }

    /// `setID` gives what setting the id through the subscript gives (the event, its head, its
    /// digest, the stored form read back), and adds no string but the id to a sealed table, on a
    /// list built whole and on one extending another.
    @Test func settingAnIDAgreesWithEncodingTheEventAgain() throws {
        let earlier = EventList(Array(Self.many.prefix(40)))
        var extended = EventList(extending: earlier)
        for index in 0..<20 { _ = extended.append(index, of: earlier) }
        for index in 20..<30 { extended.append(Self.event(index + 9000)) }
        extended.seal()
        for var list in [EventList(Array(Self.many.prefix(30))), extended] {
            var plain = list
            let strings = list.stringCount
            for (index, id) in [(3, "ev-3-b"), (25, "ev-77"), (29, "ev-3-b")] {
                list.setID(index, id)
                plain[index].id = id
            }
            #expect(Array(list) == Array(plain) && list.heads == plain.heads && list.digests == plain.digests)
            #expect(list.stringCount <= strings + 3, "only the ids are new strings")
            var w = RecordBinary.Writer()
            list.write(to: &w) { _ in }
            let read = try w.bytes.withUnsafeBytes { raw in
                var r = RecordBinary.Reader(bytes: raw)
                return try EventList(reading: &r)
            }
            #expect(Array(read) == Array(plain) && read.digests == plain.digests)
        }
    }

    /// Night after night a list extends the last one read back from its stored form, a quarter
    /// of its events changed each night: what is read back is always the list written, and the
    /// stored form stays in proportion to the events (written compacted once the strings of the
    /// events replaced have piled up).
    @Test func anExtendedListIsWrittenCompactedOnceItOutgrowsItsEvents() throws {
        func stored(_ list: EventList) throws -> (EventList, Int) {
            var w = RecordBinary.Writer()
            list.write(to: &w) { _ in }
            let read = try w.bytes.withUnsafeBytes { raw in
                var r = RecordBinary.Reader(bytes: raw)
                return try EventList(reading: &r)
            }
            return (read, w.bytes.count)
        }
        var (list, freshSize) = try stored(EventList(Array(Self.many.prefix(400))))
        var compacted = 0
        for night in 0..<16 {
            let earlier = list
            var next = EventList(extending: earlier)
            for index in earlier.indices {
                if index % 4 == night % 4 {
                    var item = earlier[index]
                    item.event.title = "Hội nghị Ban Thường vụ Đảng ủy lần \(night) (\(index))"
                    item.event.date.evidence = "Sáng \(night % 28 + 1)-3, Đảng ủy họp phiên thứ \(night), số \(index)."
                    item.corrected = false
                    next.append(item)
                } else {
                    let taken = next.append(index, of: earlier)
                    #expect(taken)
                }
            }
            next.seal()
            if next.needsCompacting { compacted += 1 }
            let (read, size) = try stored(next)
            #expect(Array(read) == Array(next) && read.digests == next.digests && read.heads == next.heads)
            #expect(size < freshSize * 2, "night \(night): \(size) bytes against \(freshSize)")
            list = read
        }
        #expect(compacted > 0)
        freshSize = try stored(EventList(Array(list))).1
        #expect(try stored(list).1 < freshSize * 2)
    }

    /// `reorder` (in place, along the permutation's cycles) gives what `reordered` (a copy) gives.
    @Test func reorderingInPlaceAgreesWithACopy() {
        var generator = SeededGenerator(state: 7)
        for count in [0, 1, 2, 3, 8, 40] {
            let list = EventList(Array(Self.many.prefix(count)))
            for _ in 0..<5 {
                let order = Array(0..<count).shuffled(using: &generator)
                var inPlace = list
                inPlace.reorder(order)
                let copy = list.reordered(order)
                #expect(inPlace.heads == copy.heads && inPlace.digests == copy.digests)
                #expect(inPlace.indices.allSatisfy { inPlace[$0] == copy[$0] })
                #expect(list.indices.allSatisfy { list[$0] == Self.many[$0] }, "the original is left as it was")
            }
        }
    }

    @Test func cacheIsStreamedInPiecesAndChecked() throws {
        let chronology = Chronology(
            window: DateWindow(from: PartialDate(year: 2022), to: PartialDate(year: 2023)),
            events: EventList(Self.many), undated: EventList(Self.many.prefix(3)), outsideWindow: 4)
        let cache = BuiltChronology(
            chronology: chronology, problems: [ArticleProblem(source: "x.html", reason: "không đọc được")], articles: 6003, suppressed: 2)
        var pieces: [[UInt8]] = []
        try cache.write { pieces.append(Array($0)) }
        #expect(pieces.count > 3, "more than a piece of events")
        #expect(pieces.dropLast(2).allSatisfy { $0.count == BuiltChronology.StoredForm.piece } && pieces.last?.count == 16)
        let bytes = pieces.flatMap { $0 }
        #expect(bytes == cache.encoded() && bytes.count == cache.encodedCount())
        let decoded = try BuiltChronology(decoding: bytes)
        #expect(decoded.chronology.events == chronology.events && decoded.chronology.undated == chronology.undated)
        #expect(decoded.problems == cache.problems && decoded.articles == 6003 && decoded.chronology.outsideWindow == 4)

        var damaged = bytes
        damaged[BuiltChronology.StoredForm.piece + 5] ^= 0x20
        #expect(throws: RecordBinaryError.self) { try BuiltChronology(decoding: damaged) }
    }

    @Test func storeKeepsALargeCacheWrittenPieceByPiece() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try ChronicleStore(url: directory.appendingPathComponent("state.sqlite"))
        let chronology = Chronology(
            window: DateWindow(from: PartialDate(year: 2022), to: PartialDate(year: 2023)),
            events: EventList(Self.many), undated: [], outsideWindow: 0)
        let cache = BuiltChronology(chronology: chronology, problems: [], articles: 6000, suppressed: 0)
        func run(_ change: StoreUpdate.CacheChange) throws {
            try store.commit(
                StoreUpdate(
                    run: .fixture(articles: 6000, events: 6000),
                    chronologyCache: change))
        }
        try run(.replace(ChronologyCache(fingerprint: "fp-1", built: cache)))
        #expect(try store.cachedChronologyFingerprint() == "fp-1")
        #expect(try store.cachedChronology(fingerprint: "fp-1")?.chronology.events == chronology.events)
        #expect(try store.cachedChronology(fingerprint: "fp-2") == nil)
        // Replaced by a smaller one: the row takes the new size.
        let small = BuiltChronology(
            chronology: Chronology(window: chronology.window, events: EventList(Self.many.prefix(2)), undated: [], outsideWindow: 0),
            problems: [], articles: 2, suppressed: 0)
        try run(.replace(ChronologyCache(fingerprint: "fp-2", built: small)))
        #expect(try store.cachedChronology(fingerprint: "fp-2")?.chronology.events.count == 2)
    }

    @Test func storedHashesKeepTheirText() {
        let hash = ContentHash(bytes: Array("Hội nghị Đảng ủy".utf8))
        #expect(StoredHash(hash.description) == .digest(hash) && StoredHash(hash.description).text == hash.description)
        #expect(StoredHash("bb").text == "bb" && StoredHash(nil).text == nil)
        #expect(StoredHash("ABCDEF0123456789").text == "ABCDEF0123456789", "upper case is not the usual form: kept as text")
        #expect(ContentHash(hex: hash.description) == hash && ContentHash(hex: "xyz") == nil)
    }

    /// Each result is handed over, not copied and left behind (a copy per element used to stay
    /// allocated for the rest of the run).
    @Test func parallelMapReleasesItsResults() {
        final class Tracked: Sendable {
            static let alive = Counter()
            init() { Self.alive.add(1) }
            deinit { Self.alive.add(-1) }
        }
        do {
            let results = Array(0..<1000).parallelMap { _ in Tracked() }
            #expect(results.count == 1000 && Tracked.alive.value == 1000)
        }
        #expect(Tracked.alive.value == 0)
    }
}

/// A thread-safe count for the tests of parallel work.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add(_ delta: Int) {
        lock.lock()
        count += delta
        lock.unlock()
    }
    /// Makes the count `value` when that is more (the most seen at once).
    func raise(to value: Int) {
        lock.lock()
        count = max(count, value)
        lock.unlock()
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
