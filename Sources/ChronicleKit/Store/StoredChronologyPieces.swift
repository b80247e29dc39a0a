import Foundation
import GRDB
import GRDBSQLite

/// The cached chronology as the store keeps it: its stored form (`BuiltChronology.write`) cut
/// into pieces where its content says (`ContentChunker`), each piece kept once under its digest
/// in `chronology_piece`, and in `chronology_cache.data` the list of its pieces in order with the
/// whole's length and digest.
///
/// A night's chronology is mostly the last one's bytes (events taken as they are stored), so
/// most of its pieces are found already stored: at 50,000 synthetic articles a +1% night adds
/// some 3 MB of a 22 MB chronology, where writing it whole wrote it twice (its pages spilled as
/// zeros before the bytes came) beside the old one's pages in the journal.
///
/// List: `version`, the whole's length and the number of pieces (8 bytes each), each piece's
/// row id (8 bytes), the whole's digest (16 bytes); little-endian. A list whose pieces do not give
/// back that digest is no chronology: it is built again.
enum StoredChronologyPieces {
    static let version: UInt8 = 1

    /// Stores `built` and returns its list; pieces no longer in it are removed (those of the
    /// last chronology, and any a store left behind).
    static func write(_ built: BuiltChronology, in db: Database) throws -> [UInt8] {
        let find = try db.cachedStatement(sql: "SELECT id FROM chronology_piece WHERE hash = ?")
        let insert = SQLiteBinder(try db.cachedStatement(sql: "INSERT INTO chronology_piece (hash, data) VALUES (?, ?)"), in: db)
        var ids: [Int64] = []
        var whole = Hash128("chronology-pieces")
        var length = 0
        func store(_ piece: [UInt8]) throws {
            let digest = piece.withUnsafeBytes { Self.digest($0) }
            digest.withUnsafeBytes { whole.add(raw: $0) }
            if let id = try Int64.fetchOne(find, arguments: [Data(digest)]) {
                ids.append(id)
                return
            }
            insert.bind(1, blob: digest)
            insert.bind(2, blob: piece)
            try insert.run()
            ids.append(db.lastInsertedRowID)
        }
        var chunker = ContentChunker()
        try built.write { part in
            length += part.count
            try chunker.add(part, store)
        }
        try chunker.finish(store)
        let kept = Set(ids)
        var unused: [Int64] = []
        try SQLiteRows.forEach(db, "SELECT id FROM chronology_piece") { query in
            let id = sqlite3_column_int64(query, 0)
            if !kept.contains(id) { unused.append(id) }
        }
        let remove = try db.cachedStatement(sql: "DELETE FROM chronology_piece WHERE id = ?")
        for id in unused { try remove.execute(arguments: [id]) }
        var list = [version]
        LittleEndian.append(UInt64(length), to: &list)
        LittleEndian.append(UInt64(ids.count), to: &list)
        for id in ids { LittleEndian.append(UInt64(bitPattern: id), to: &list) }
        list += Self.bytes(whole.digest)
        return list
    }

    /// The whole's length a list names; nil for anything but a list.
    static func length(of list: UnsafeRawBufferPointer) -> Int? {
        guard list.count >= 17 + 16, list[0] == version else { return nil }
        let length = LittleEndian.uint64(list, at: 1), count = LittleEndian.uint64(list, at: 9)
        guard count <= UInt64(list.count), list.count == 17 + Int(count) * 8 + 16, length <= UInt64(Int.max / 2) else { return nil }
        return Int(length)
    }

    /// The chronology's stored form put together from its pieces; nil when the list is not one,
    /// a piece is missing, or what they give is not what was stored.
    static func read(list: UnsafeRawBufferPointer, in db: Database) throws -> [UInt8]? {
        guard let length = length(of: list) else { return nil }
        let count = Int(LittleEndian.uint64(list, at: 9))
        let statement = try db.cachedStatement(sql: "SELECT data, hash FROM chronology_piece WHERE id = ?")
        let query = statement.sqliteStatement
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        var whole = Hash128("chronology-pieces")
        for index in 0..<count {
            let id = Int64(bitPattern: LittleEndian.uint64(list, at: 17 + index * 8))
            sqlite3_reset(query)
            sqlite3_bind_int64(query, 1, id)
            guard sqlite3_step(query) == SQLITE_ROW else {
                sqlite3_reset(query)
                return nil
            }
            let size = Int(sqlite3_column_bytes(query, 0))
            guard size > 0, bytes.count + size <= length, let start = sqlite3_column_blob(query, 0) else {
                sqlite3_reset(query)
                return nil
            }
            let piece = UnsafeRawBufferPointer(start: start, count: size)
            let digest = Self.digest(piece)
            guard let stored = sqlite3_column_blob(query, 1), sqlite3_column_bytes(query, 1) == 16,
                UnsafeRawBufferPointer(start: stored, count: 16).elementsEqual(digest)
            else {
                sqlite3_reset(query)
                return nil
            }
            digest.withUnsafeBytes { whole.add(raw: $0) }
            bytes.append(contentsOf: piece)
        }
        sqlite3_reset(query)
        let digest = Self.bytes(whole.digest)
        guard bytes.count == length, list.suffix(16).elementsEqual(digest) else { return nil }
        return bytes
    }

    private static func bytes(_ digest: Hash128.Digest) -> [UInt8] {
        LittleEndian.bytes(digest.first) + LittleEndian.bytes(digest.second)
    }

    /// A piece's digest, its key in `chronology_piece`; the whole's digest is taken over these.
    private static func digest(_ piece: UnsafeRawBufferPointer) -> [UInt8] {
        var hash = Hash128("chronology-piece")
        hash.add(raw: piece)
        return bytes(hash.digest)
    }
}
