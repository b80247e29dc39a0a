import GRDB
import GRDBSQLite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Rows read through SQLite's C API, their columns read in place: for the tables a night reads
/// whole (`StoredFileStates`, `EventIDMemory`), where GRDB's `Row` made a row, its strings and
/// a dictionary lookup per row before anything was compared.
enum SQLiteRows {
    /// Steps `sql` to its end, calling `body` with the statement at each row.
    static func forEach(_ db: Database, _ sql: String, _ body: (OpaquePointer) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let query = statement.sqliteStatement
        defer { sqlite3_reset(query) }
        var code = sqlite3_step(query)
        while code == SQLITE_ROW {
            try body(query)
            code = sqlite3_step(query)
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
        }
    }

    /// The bytes of a text column, valid until the statement steps on.
    static func bytes(_ query: OpaquePointer, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        let start = sqlite3_column_text(query, column)
        return UnsafeBufferPointer(start: start, count: start == nil ? 0 : Int(sqlite3_column_bytes(query, column)))
    }

    /// A text column as a string (bytes that are not UTF-8 repaired, as GRDB's reading does).
    static func text(_ query: OpaquePointer, _ column: Int32) -> String {
        String(decoding: bytes(query, column), as: UTF8.self)
    }

    /// Whether a column's bytes are those of `text`.
    static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { other in
            other.count == bytes.count && (bytes.count == 0 || memcmp(bytes.baseAddress!, other.baseAddress!, bytes.count) == 0)
        }
    }
}
