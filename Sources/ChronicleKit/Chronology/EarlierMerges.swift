/// What identifies one event's merge across runs: the reports it took values from in rank order
/// (`plan`, `MergePlan.key`), and its reports in group order (`members`,
/// `ChronologyInput.memberKey`) with the places among them of those it took values from, in rank
/// order (`contributing`). Either key may be missing (an input that cannot tell).
struct MergeKeys: Sendable, Hashable {
    // Two digests and which are there, in 48 bytes (two optionals took 56): one per event of a
    // large archive is held while its chronology is built.
    private var digests = (plan: Hash128.Digest(first: 0, second: 0), members: Hash128.Digest(first: 0, second: 0))
    private var present: UInt8 = 0
    var contributing: [Int32] = []

    var plan: Hash128.Digest? {
        get { present & 1 != 0 ? digests.plan : nil }
        set {
            digests.plan = newValue ?? Hash128.Digest(first: 0, second: 0)
            present = newValue == nil ? present & ~1 : present | 1
        }
    }

    var members: Hash128.Digest? {
        get { present & 2 != 0 ? digests.members : nil }
        set {
            digests.members = newValue ?? Hash128.Digest(first: 0, second: 0)
            present = newValue == nil ? present & ~2 : present | 2
        }
    }

    init(plan: Hash128.Digest? = nil, members: Hash128.Digest? = nil, contributing: [Int32] = []) {
        self.plan = plan
        self.members = members
        self.contributing = Self.shared(contributing)
    }

    static func == (a: MergeKeys, b: MergeKeys) -> Bool {
        a.plan == b.plan && a.members == b.members && a.contributing == b.contributing
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(plan)
        hasher.combine(members)
        hasher.combine(contributing)
    }

    /// `places` as one array shared by every event with the same (most events take their values
    /// from their first report, or their first two): a large archive holds a key per event.
    static func shared(_ places: [Int32]) -> [Int32] {
        switch places {
        case [0]: return first
        case [0, 1]: return firstTwo
        case [1, 0]: return secondFirst
        default: return places
        }
    }

    private static let first: [Int32] = [0]
    private static let firstTwo: [Int32] = [0, 1]
    private static let secondFirst: [Int32] = [1, 0]
}

/// The events the last run merged, by what identifies each merge (`MergeKeys`): a night takes an
/// event whose reports did not change from here instead of reading its records and merging
/// them. By its plan, the reports' values (its sources made again); by its members, the whole
/// event, sources too (the same reports of files with the same content give the same sources),
/// to be taken as it is or extended with reports that rank after those it took values from
/// (`MergePlan`).
struct EarlierMerges: Sendable {
    private let chronology: Chronology
    /// Each event's keys, dated then undated (the slots of `places` and `byMembers`).
    private let keys: [MergeKeys]
    /// Plan key → the event's slot.
    private var places: [Hash128.Digest: Int32] = [:]
    /// Members key → the event's slot.
    private var byMembers: [Hash128.Digest: Int32] = [:]

    /// Nil when the keys do not match the chronology's events one for one.
    init?(chronology: Chronology, keys: [MergeKeys]) {
        guard keys.count == chronology.events.count + chronology.undated.count else { return nil }
        self.chronology = chronology
        self.keys = keys
        // A large archive's night holds these through its merge: one entry per event, slots only.
        places.reserveCapacity(keys.count)
        byMembers.reserveCapacity(keys.count)
        for (slot, key) in keys.enumerated() {
            if let plan = key.plan { places[plan] = Int32(slot) }
            if let members = key.members { byMembers[members] = Int32(slot) }
        }
    }

    func knows(_ key: Hash128.Digest) -> Bool { places[key] != nil }

    /// Every event known by a plan key (tests).
    var knownEvents: [Event] { places.keys.compactMap(event) }

    /// The event merged under `key` (its reports' values; the id and sources are the caller's),
    /// its sources not decoded; nil when unknown or its stored body does not decode (then it is
    /// merged again from its records).
    func event(_ key: Hash128.Digest) -> Event? {
        guard let slot = places[key] else { return nil }
        let (list, index) = place(slot)
        return list.reportedEvent(index)
    }

    /// The keys of the event merged from the reports `members` identifies; nil when none was.
    func keys(members: Hash128.Digest) -> MergeKeys? { byMembers[members].map { keys[Int($0)] } }

    /// The event merged from the reports `members` identifies, whole (its id as stored); nil
    /// when unknown or its stored body does not decode.
    func wholeEvent(members: Hash128.Digest) -> ChronologyEvent? {
        guard let slot = byMembers[members] else { return nil }
        let (list, index) = place(slot)
        return list.decoded(index)
    }

    /// The last run's dated or undated events.
    func list(undated: Bool) -> EventList { undated ? chronology.undated : chronology.events }

    /// Where the event merged from the reports `members` identifies is stored, when it can be
    /// taken as it is: its list (`list(undated:)`) and place there, when its id is the one
    /// merging gives (one kept from an earlier run is another: it is taken decoded, `wholeEvent`).
    func storedPlace(members: Hash128.Digest) -> (undated: Bool, index: Int)? {
        guard let slot = byMembers[members] else { return nil }
        let (list, index) = place(slot)
        guard list.hasMergedID(index) else { return nil }
        return (Int(slot) >= chronology.events.count, index)
    }

    /// The list (dated or undated) and place in it of the event at `slot`.
    private func place(_ slot: Int32) -> (EventList, Int) {
        let dated = chronology.events.count
        return Int(slot) < dated ? (chronology.events, Int(slot)) : (chronology.undated, Int(slot) - dated)
    }

    /// The stored form of the keys: their number, and each a flag byte (1: plan, 2: members),
    /// its digests and its contributing places; a checksum.
    static func encode(_ keys: [MergeKeys]) -> [UInt8] {
        var w = RecordBinary.Writer()
        w.bytes.append(version)
        w.count(keys.count)
        for key in keys {
            w.bytes.append((key.plan == nil ? 0 : 1) | (key.members == nil ? 0 : 2))
            if let plan = key.plan { w.digest(plan) }
            if let members = key.members {
                w.digest(members)
                w.count(key.contributing.count)
                for place in key.contributing { w.varint(UInt64(place)) }
            }
        }
        RecordBinary.seal(&w.bytes)
        return w.bytes
    }

    /// The keys `encode` wrote (or version 1 wrote: plan keys only); nil for anything else.
    static func decode(_ blob: UnsafeRawBufferPointer) -> [MergeKeys]? {
        guard let form = blob.first, form == 1 || form == version, let body = try? RecordBinary.unsealed(blob) else { return nil }
        var r = RecordBinary.Reader(bytes: body)
        do {
            _ = try r.byte()
            let count = try r.count()
            guard count <= body.count else { return nil }
            var keys: [MergeKeys] = []
            keys.reserveCapacity(count)
            for _ in 0..<count {
                let flags = try r.byte()
                guard flags < (form == 1 ? 2 : 4) else { return nil }
                var key = MergeKeys(plan: flags & 1 != 0 ? try r.digest() : nil)
                if flags & 2 != 0 {
                    key.members = try r.digest()
                    let places = try r.count()
                    guard places <= body.count - r.offset else { return nil }
                    key.contributing = MergeKeys.shared(try (0..<places).map { _ in Int32(clamping: try r.varint()) })
                }
                keys.append(key)
            }
            return r.offset == body.count ? keys : nil
        } catch {
            return nil
        }
    }

    /// 1: plan keys only; 2: plan and members keys, with the contributing places.
    static let version: UInt8 = 2
}
