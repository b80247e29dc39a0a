/// A compact binary form of a file's records for the state store.
///
/// A warm run reads back the records of every unchanged file; with `JSONDecoder` that was a third
/// of the run. This form has no keys and no escaping: strings are a varint length and their
/// UTF-8 bytes, optionals a 0/1 tag, arrays a varint count, enums their raw value (so reordering
/// cases does not misread an old store), integers zigzag varints. It starts with a version byte
/// and ends with a checksum; a store row in another version is simply extracted again.
///
/// This file has the blob's frame and the primitives; the field order of each type, its writer
/// beside its reader, is in `RecordLayout.swift`. `EventList` and the stored chronology use the
/// same `Writer` and `Reader`.
///
/// The JSON form (`RecordJSON`) stays the contract for `chronicle extract`; this one is internal.
enum RecordBinary {
    /// 2: a reference date keeps its evidence (the path a `path` date was read from).
    /// 3: an event's unit keeps the role that named it. 4: a blob ends with its checksum.
    /// 5: a record keeps its text's key (`ArticleRecord.textKey`).
    /// 6: a chronology event's source keeps its article's publication date.
    /// 7: a record keeps its warnings (`ArticleRecord.warnings`).
    static let version: UInt8 = 7

    /// Bytes of the checksum that ends a records blob.
    static let checksumSize = 8

    /// Encodes the records of one file: the version, the count, the records, the checksum.
    /// `recordStart` is told where each record starts in the blob.
    static func encode(_ records: [ArticleRecord], recordStart: ((Int) -> Void)? = nil) -> [UInt8] {
        var w = Writer()
        w.bytes.reserveCapacity(256 + records.count * 512)
        w.bytes.append(version)
        w.count(records.count)
        for record in records {
            recordStart?(w.bytes.count)
            w.record(record)
        }
        seal(&w.bytes)
        return w.bytes
    }

    /// Reads what `encode` wrote, calling `body` with where each record starts and the record;
    /// throws on anything else (a truncated, damaged or foreign blob).
    /// With `groupingView`, each record is read as grouping reads it (`Reader.recordForGrouping`,
    /// its error kept): every field is still walked and checked, but few are made.
    static func forEachRecord(
        in blob: UnsafeRawBufferPointer, groupingView: Bool = false, _ body: (_ start: Int, _ record: ArticleRecord) throws -> Void
    ) throws {
        guard let first = blob.first, first == version else { throw RecordBinaryError.unknownVersion }
        let records = try unsealed(blob)
        var r = Reader(bytes: records)
        _ = try r.byte()
        for _ in 0..<(try r.count()) {
            let start = r.offset
            try body(start, groupingView ? try r.recordForGrouping() : try r.record())
        }
        guard r.offset == records.count else { throw RecordBinaryError.corrupt }
    }

    /// Where each record starts in a blob `encode` wrote, its version and checksum checked. A
    /// blob of one record is not walked: its record is checked when it is decoded.
    static func recordStarts(in blob: UnsafeRawBufferPointer) throws -> [Int32] {
        guard let first = blob.first, first == version, blob.count < Int(Int32.max) else { throw RecordBinaryError.unknownVersion }
        let records = try unsealed(blob)
        var r = Reader(bytes: records)
        _ = try r.byte()
        let count = try r.count()
        if count == 1 { return [Int32(r.offset)] }
        var starts: [Int32] = []
        for _ in 0..<count {
            starts.append(Int32(r.offset))
            _ = try r.recordForGrouping()
        }
        guard r.offset == records.count else { throw RecordBinaryError.corrupt }
        return starts
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> [ArticleRecord] {
        var records: [ArticleRecord] = []
        try forEachRecord(in: bytes) { records.append($1) }
        return records
    }

    static func decode(_ bytes: [UInt8]) throws -> [ArticleRecord] {
        try bytes.withUnsafeBytes { try decode($0) }
    }

    /// Appends the checksum of `blob` (FNV-1a, little-endian): flipped bytes in a stored blob
    /// would otherwise decode as plausible wrong names ("quan-1hu-4").
    static func seal(_ blob: inout [UInt8]) {
        LittleEndian.append(FNV1a.hash(blob), to: &blob)
    }

    /// The records part of a sealed blob, once its checksum is verified.
    static func unsealed(_ blob: UnsafeRawBufferPointer) throws -> UnsafeRawBufferPointer {
        guard blob.count > checksumSize else { throw RecordBinaryError.corrupt }
        let body = UnsafeRawBufferPointer(rebasing: blob[..<(blob.count - checksumSize)])
        let stored = LittleEndian.uint64(blob, at: blob.count - checksumSize)
        guard stored == FNV1a.hash(body) else { throw RecordBinaryError.checksum }
        return body
    }

    // MARK: Writing

    struct Writer {
        var bytes: [UInt8] = []

        /// When set, every string is a number in this table (`EventList`'s form).
        var table: StringTable?

        mutating func varint(_ value: UInt64) {
            var v = value
            while v >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        mutating func count(_ value: Int) { varint(UInt64(value)) }

        mutating func int(_ value: Int) {
            let v = Int64(value)
            varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
        }

        /// Eight bytes, least significant first.
        mutating func uint64(_ value: UInt64) { LittleEndian.append(value, to: &bytes) }

        /// 1 or 0 (what `Reader.present()` reads).
        mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

        mutating func string(_ value: String) {
            if let table {
                count(table.intern(value))
                return
            }
            var value = value
            value.withUTF8 { utf8 in
                count(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func optional<T>(_ value: T?, _ body: (inout Writer, T) -> Void) {
            guard let value else {
                flag(false)
                return
            }
            flag(true)
            body(&self, value)
        }

        mutating func string(_ value: String?) { optional(value) { $0.string($1) } }
    }

    // MARK: Reading

    struct Reader {
        let bytes: UnsafeRawBufferPointer

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
        var offset = 0

        /// When set, strings are numbers in this table (`EventList`'s form).
        var table: StringTable?

        /// When set with `table`, each string of the table that `sharedString` reads is made once
        /// for all readers that share this (`EventList`'s heads).
        var tableNames: TableNames?

        /// Where strings that repeat across records (units, people, documents) are shared, when set.
        var pool: StringPool?

        mutating func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw RecordBinaryError.corrupt }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func varint() throws -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = try byte()
                result |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return result }
                shift += 7
                guard shift < 64 else { throw RecordBinaryError.corrupt }
            }
        }

        mutating func count() throws -> Int {
            let value = try varint()
            guard value <= UInt64(bytes.count) else { throw RecordBinaryError.corrupt }
            return Int(value)
        }

        mutating func int() throws -> Int {
            let v = try varint()
            return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
        }

        mutating func uint64() throws -> UInt64 {
            guard bytes.count - offset >= 8 else { throw RecordBinaryError.corrupt }
            defer { offset += 8 }
            return LittleEndian.uint64(bytes, at: offset)
        }

        /// What `Writer.flag` or `Writer.optional` wrote: true for 1, false for 0.
        mutating func present() throws -> Bool {
            switch try byte() {
            case 0: return false
            case 1: return true
            default: throw RecordBinaryError.corrupt
            }
        }

        mutating func string() throws -> String {
            if let table { return try tableString(table, names: nil) }
            return String(decoding: try stringBytes(), as: UTF8.self)
        }

        /// A string of a field whose values repeat across records: taken from `pool` (or made
        /// once per table number with `tableNames`) when set.
        mutating func sharedString() throws -> String {
            if let table { return try tableString(table, names: tableNames) }
            guard let pool else { return try string() }
            return pool.string(try stringBytes())
        }

        mutating func optionalString() throws -> String? { try present() ? try string() : nil }

        mutating func optionalSharedString() throws -> String? { try present() ? try sharedString() : nil }

        /// Passes over a string without making it.
        mutating func skipString() throws {
            if table != nil {
                _ = try varint()
            } else {
                _ = try stringBytes()
            }
        }

        /// An enum stored as its raw value (made once per table number with `tableNames`).
        mutating func raw<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
            let text = try table.map { try tableString($0, names: tableNames) } ?? String(decoding: try stringBytes(), as: UTF8.self)
            guard let value = T(rawValue: text) else { throw RecordBinaryError.corrupt }
            return value
        }

        private mutating func stringBytes() throws -> UnsafeRawBufferPointer {
            let length = try count()
            guard length <= bytes.count - offset else { throw RecordBinaryError.corrupt }
            defer { offset += length }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
        }

        private mutating func tableString(_ table: StringTable, names: TableNames?) throws -> String {
            let number = try varint()
            if let known = names?.strings[number] { return known }
            guard number < UInt64(table.count), let text = table.string(Int(number)) else { throw RecordBinaryError.corrupt }
            names?.strings[number] = text
            return text
        }
    }

    /// Strings of a `StringTable` made once per number while many bodies are read (`EventList`'s heads).
    final class TableNames {
        var strings: [UInt64: String] = [:]

        init() {}
    }
}

/// A stored binary record blob that cannot be read (truncated, or written by another version).
enum RecordBinaryError: Error, CustomStringConvertible {
    case unknownVersion
    case corrupt
    /// The bytes do not match the checksum they were stored with.
    case checksum

    var description: String {
        switch self {
        case .unknownVersion: return "stored records were written by another Chronicle version"
        case .corrupt: return "stored records are truncated or damaged"
        case .checksum: return "stored records do not match their checksum (damaged on disk)"
        }
    }
}
