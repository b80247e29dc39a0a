import Foundation
import GRDB
import GRDBSQLite

extension ChronicleStore {
    /// The grouping the last run kept (`KeptGrouping`) when it is of inputs with this
    /// fingerprint; nil when there is none, it is of other inputs, or it cannot be read (the
    /// night then groups the whole archive).
    func keptGrouping(fingerprint: String) throws -> KeptGrouping? {
        try read("read the kept grouping") { db in
            guard
                let data = try Data.fetchOne(
                    db, sql: "SELECT data FROM chronology_grouping WHERE id = 1 AND fingerprint = ?", arguments: [fingerprint])
            else { return nil }
            return try? data.withUnsafeBytes { try KeptGrouping(decoding: $0) }
        }
    }

    /// The summary of the stored file at `path` (`RecordSummary`), made from its records when
    /// its row has none or a damaged one; nil when neither can be read.
    func summary(path: String) throws -> [UInt8]? {
        // Through SQLite's C API and a cached statement: a night's merges may ask for hundreds.
        let stored: [UInt8]? = try read("read a stored summary") { db in
            let statement = try db.cachedStatement(sql: "SELECT summary_bin FROM file_summary WHERE path = ?")
            let query = statement.sqliteStatement
            defer { sqlite3_reset(query) }
            SQLiteBinder(statement, in: db).bind(1, path)
            guard sqlite3_step(query) == SQLITE_ROW, sqlite3_column_type(query, 0) == SQLITE_BLOB, let bytes = sqlite3_column_blob(query, 0)
            else { return nil }
            return Array(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(query, 0))))
        }
        if let stored, stored.withUnsafeBytes({ RecordSummary.isIntact($0) }) { return stored }
        var made: [UInt8]?
        try forEachRecordBlob(paths: [path], archive: Int.max) { _, blob in
            guard let blob, let records = try? RecordBinary.decode(blob) else { return }
            made = RecordSummary.encode(records)
        }
        return made
    }
}
