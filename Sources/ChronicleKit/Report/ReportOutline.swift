import Foundation

/// What the reports need of a chronology when only `chronology.md` is to be written: each
/// dated event cut down to its id, date, unit, kind and title (what the overview, the summary
/// table and "new since the last run" show), the undated events and problems whole, and every
/// event's content hash (`ReportKeys`) to tell which report files are still current.
///
/// Kept beside the report manifest for the chronology it was made from (by the chronology's
/// fingerprint, `ChronologyCache`). A nightly run over an unchanged archive reads this instead of
/// decoding the whole chronology from the store: a tenth of the bytes, and no evidence sentences,
/// people or documents in memory. The full chronology is loaded only if some other report has to
/// be written after all.
public struct ReportOutline: Sendable {
    /// The fingerprint of the chronology's inputs (`ChronologyCache.fingerprint`).
    public var fingerprint: String
    /// The cut-down chronology, with the problems and counts of the full one.
    public var cache: ChronologyCache
    var digests: ReportDigests

    static let magic = Array("chronicle-report-outline 1\n".utf8)

    init(fingerprint: String, full: ChronologyCache, digests: ReportDigests) {
        self.fingerprint = fingerprint
        var light = full
        light.chronology.events = full.chronology.events.map(Self.cut)
        self.cache = light
        self.digests = digests
    }

    /// An event with only what `chronology.md` shows of it in the overview and the new events.
    private static func cut(_ item: ChronologyEvent) -> ChronologyEvent {
        let event = item.event
        let date = EventDate(value: event.date.value, partOfDay: event.date.partOfDay, basis: event.date.basis)
        return ChronologyEvent(
            id: item.id,
            event: Event(unit: event.unit, kind: event.kind, title: event.title, date: date),
            sources: [], corrected: item.corrected)
    }

    /// Reads the outline at `url` if it was made from the chronology with `fingerprint`.
    public init?(contentsOf url: URL, fingerprint: String) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let bytes = [UInt8](data)
        guard bytes.count > Self.magic.count, bytes.starts(with: Self.magic) else { return nil }
        do {
            var offset = Self.magic.count
            func take(_ count: Int) throws -> ArraySlice<UInt8> {
                guard count >= 0, offset + count <= bytes.count else { throw RecordBinaryError.corrupt }
                defer { offset += count }
                return bytes[offset..<(offset + count)]
            }
            func length() throws -> Int {
                let raw = try take(8)
                return Int(raw.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
            }
            let stored = String(decoding: try take(length()), as: UTF8.self)
            guard stored == Self.stamp(fingerprint) else { return nil }
            let cache = try ChronologyCache(decoding: Array(try take(length())))
            let digests = try ReportDigests(decoding: Array(try take(length())))
            guard offset == bytes.count, digests.dated.count == cache.chronology.events.count,
                  digests.undated.count == cache.chronology.undated.count
            else { return nil }
            self.fingerprint = fingerprint
            self.cache = cache
            self.digests = digests
        } catch {
            return nil
        }
    }

    /// Writes the outline (atomically: a run killed meanwhile leaves the old one or none).
    public func write(to url: URL) throws {
        var out = Self.magic
        func append(_ part: [UInt8]) {
            var count = UInt64(part.count)
            for _ in 0..<8 {
                out.append(UInt8(truncatingIfNeeded: count))
                count >>= 8
            }
            out += part
        }
        append(Array(Self.stamp(fingerprint).utf8))
        append(cache.encoded())
        append(digests.encoded())
        try AtomicFileWriter.write(Data(out), to: url)
    }

    /// The chronology's fingerprint with the version of the report keys the digests were made for.
    private static func stamp(_ fingerprint: String) -> String { fingerprint + " " + ReportKeys.version }

    /// Removes the outline: the chronology it was made from is no longer the current one.
    public static func remove(at url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}

/// The content hash of every event of a chronology (`ReportKeys`), dated then undated.
struct ReportDigests: Sendable, Equatable {
    var dated: [ReportHash.Digest]
    var undated: [ReportHash.Digest]

    init(dated: [ReportHash.Digest], undated: [ReportHash.Digest]) {
        self.dated = dated
        self.undated = undated
    }

    func encoded() -> [UInt8] {
        var w = RecordBinary.Writer()
        for list in [dated, undated] {
            w.count(list.count)
            for digest in list {
                for lane in [digest.first, digest.second] {
                    var value = lane
                    for _ in 0..<8 {
                        w.bytes.append(UInt8(truncatingIfNeeded: value))
                        value >>= 8
                    }
                }
            }
        }
        return w.bytes
    }

    init(decoding bytes: [UInt8]) throws {
        var lists: [[ReportHash.Digest]] = []
        try bytes.withUnsafeBytes { raw in
            var r = RecordBinary.Reader(bytes: raw)
            for _ in 0..<2 {
                let count = try r.count()
                guard count <= raw.count / 16 else { throw RecordBinaryError.corrupt }
                var list: [ReportHash.Digest] = []
                list.reserveCapacity(count)
                for _ in 0..<count {
                    var lanes: [UInt64] = []
                    for _ in 0..<2 {
                        var value: UInt64 = 0
                        for shift in stride(from: 0, to: 64, by: 8) { value |= UInt64(try r.byte()) << UInt64(shift) }
                        lanes.append(value)
                    }
                    list.append(ReportHash.Digest(first: lanes[0], second: lanes[1]))
                }
                lists.append(list)
            }
            guard r.offset == raw.count else { throw RecordBinaryError.corrupt }
        }
        dated = lists[0]
        undated = lists[1]
    }
}
