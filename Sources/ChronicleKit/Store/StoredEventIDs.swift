import GRDB
import GRDBSQLite

/// `EventIDMemory` as the store keeps it, read through SQLite's C API (`SQLiteRows`): a night
/// reads every report key the store remembers, tens of thousands at 50,000 articles.
extension EventIDMemory {
    /// Reads `event` and `event_key`. The keys come in the order of their ids (the index on
    /// `event_id`): the rows of one id share its string, made and looked up once; each id's text
    /// is held once, the events' and the keys' alike.
    init(_ db: Database) throws {
        var firstSeen: [String: Int64] = [:]
        try SQLiteRows.forEach(db, "SELECT id, first_seen_run FROM event") { query in
            firstSeen[SQLiteRows.text(query, 0)] = sqlite3_column_int64(query, 1)
        }
        // The keys come grouped by id: each id is hashed into `keyedIDs` once, not once a key.
        var current: String?
        var idByKey: [UInt64: String] = [:], keyedIDs: Set<String> = []
        idByKey.reserveCapacity(firstSeen.count)
        keyedIDs.reserveCapacity(firstSeen.count)
        try SQLiteRows.forEach(db, "SELECT key, event_id FROM event_key ORDER BY event_id") { query in
            let id = SQLiteRows.bytes(query, 1)
            if current.map({ !SQLiteRows.same(id, $0) }) ?? true {
                let text = String(decoding: id, as: UTF8.self)
                current = firstSeen.index(forKey: text).map { firstSeen.keys[$0] } ?? text
                keyedIDs.insert(current!)
            }
            idByKey[UInt64(bitPattern: sqlite3_column_int64(query, 0))] = current!
        }
        self.init(idByKey: idByKey, firstSeen: firstSeen, keyedIDs: keyedIDs)
    }
}
