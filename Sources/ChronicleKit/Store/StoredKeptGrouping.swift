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

    /// The summaries of the stored files at `paths` (`RecordSummary`), by path, in one read of
    /// the store; one whose row has none or a damaged one is made from its records, and one with
    /// neither is left out.
    func summaries(paths: [String]) throws -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        // Through SQLite's C API and a cached statement: a night's merges may ask for hundreds.
        try read("read stored summaries") { db in
            let statement = try db.cachedStatement(sql: "SELECT summary_bin FROM file_summary WHERE path = ?")
            let query = statement.sqliteStatement
            defer { sqlite3_reset(query) }
            let binder = SQLiteBinder(statement, in: db)
            for path in paths {
                sqlite3_reset(query)
                binder.bind(1, path)
                guard sqlite3_step(query) == SQLITE_ROW, sqlite3_column_type(query, 0) == SQLITE_BLOB else { continue }
                guard let bytes = sqlite3_column_blob(query, 0) else { continue }
                let blob = UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(query, 0)))
                if RecordSummary.isIntact(blob) { found[path] = Array(blob) }
            }
        }
        let missing = Set(paths.filter { found[$0] == nil })
        guard !missing.isEmpty else { return found }
        try forEachRecordBlob(paths: missing, archive: Int.max) { path, blob in
            guard let blob, let records = try? RecordBinary.decode(blob) else { return }
            found[path] = RecordSummary.encode(records)
        }
        return found
    }
}
