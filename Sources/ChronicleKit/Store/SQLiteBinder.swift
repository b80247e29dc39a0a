import GRDB
import GRDBSQLite

/// Runs a prepared (cached) GRDB statement with values bound through SQLite's C API.
///
/// A run writes tens of thousands of rows with the same few statements; building a
/// `StatementArguments` array of existentials per row (and copying each records blob into a
/// `Data`) cost more than SQLite's own work. Values are bound in place (SQLite copies them) and
/// the statement is stepped and reset here. Only for plain writes with no observers.
struct SQLiteBinder {
    private let statement: OpaquePointer
    private let connection: OpaquePointer?
    private let sql: String

    /// SQLite's SQLITE_TRANSIENT: it copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: Statement, in db: Database) {
        self.statement = statement.sqliteStatement
        self.connection = db.sqliteConnection
        self.sql = statement.sql
    }

    func bind(_ index: Int32, _ value: String) {
        var text = value
        text.withUTF8 { bytes in
            if let base = bytes.baseAddress, bytes.count > 0 {
                _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(statement, index, $0, Int32(bytes.count), Self.transient)
                }
            } else {
                _ = sqlite3_bind_text(statement, index, "", 0, Self.transient)
            }
        }
    }

    func bind(_ index: Int32, _ value: String?) {
        if let value { bind(index, value) } else { sqlite3_bind_null(statement, index) }
    }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(statement, index, value)
    }

    func bind(_ index: Int32, blob: [UInt8]?) {
        guard let blob else {
            sqlite3_bind_null(statement, index)
            return
        }
        blob.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress, bytes.count > 0 {
                _ = sqlite3_bind_blob(statement, index, base, Int32(bytes.count), Self.transient)
            } else {
                _ = sqlite3_bind_zeroblob(statement, index, 0)
            }
        }
    }

    /// A blob of `count` zero bytes, to be written in place with incremental blob I/O.
    func bind(_ index: Int32, zeroblob count: Int) {
        sqlite3_bind_zeroblob(statement, index, Int32(count))
    }

    /// Steps the statement to its end, then resets it and clears its bindings.
    func run() throws {
        var code = sqlite3_step(statement)
        while code == SQLITE_ROW { code = sqlite3_step(statement) }
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        guard code == SQLITE_DONE else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
    }
}
