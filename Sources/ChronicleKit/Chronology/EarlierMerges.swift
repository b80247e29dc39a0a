/// The events the last run merged, by what identifies each merge (`MergePlan.key`): a night
/// takes an event whose reports and their order did not change from here, with its sources made
/// again, instead of reading its records and merging them.
struct EarlierMerges: Sendable {
    private let chronology: Chronology
    /// Plan key → the event's list (0 dated, 1 undated) and place in it.
    private var places: [Hash128.Digest: (list: Int, index: Int)] = [:]

    /// Nil when the keys do not match the chronology's events one for one.
    init?(chronology: Chronology, keys: [Hash128.Digest?]) {
        guard keys.count == chronology.events.count + chronology.undated.count else { return nil }
        self.chronology = chronology
        for (slot, key) in keys.enumerated() {
            guard let key else { continue }
            let dated = slot < chronology.events.count
            places[key] = (dated ? 0 : 1, dated ? slot : slot - chronology.events.count)
        }
    }

    func knows(_ key: Hash128.Digest) -> Bool { places[key] != nil }

    /// Every event known by a key (tests).
    var knownEvents: [Event] { places.keys.compactMap(event) }

    /// The event merged under `key` (its reports' values; the id and sources are the caller's),
    /// its sources not decoded; nil when unknown or its stored body does not decode (then it is
    /// merged again from its records).
    func event(_ key: Hash128.Digest) -> Event? {
        guard let place = places[key] else { return nil }
        return (place.list == 0 ? chronology.events : chronology.undated).reportedEvent(place.index)
    }

    /// The stored form of the keys: their number, each a flag and 16 bytes, and a checksum.
    static func encode(_ keys: [Hash128.Digest?]) -> [UInt8] {
        var w = RecordBinary.Writer()
        w.bytes.append(version)
        w.count(keys.count)
        for key in keys {
            w.flag(key != nil)
            if let key { w.digest(key) }
        }
        RecordBinary.seal(&w.bytes)
        return w.bytes
    }

    /// The keys `encode` wrote; nil for anything else.
    static func decode(_ blob: UnsafeRawBufferPointer) -> [Hash128.Digest?]? {
        guard blob.first == version, let body = try? RecordBinary.unsealed(blob) else { return nil }
        var r = RecordBinary.Reader(bytes: body)
        do {
            _ = try r.byte()
            let count = try r.count()
            guard count <= body.count else { return nil }
            var keys: [Hash128.Digest?] = []
            keys.reserveCapacity(count)
            for _ in 0..<count { keys.append(try r.byte() != 0 ? try r.digest() : nil) }
            return r.offset == body.count ? keys : nil
        } catch {
            return nil
        }
    }

    /// 1: the first form.
    static let version: UInt8 = 1
}
