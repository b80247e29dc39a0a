import Foundation
import GRDB
import GRDBSQLite

/// The SQLite state kept between runs: per article file its stamp, hash and extracted records;
/// the chronology events seen so far; and a row per run.
///
/// Schema (migration `v1`):
/// - `run(id, started_at, as_of, extractor_version, config_fingerprint, files, unchanged, extracted,
///   pruned, articles, events, new_events, problems, reports_written)`
/// - `article_file(path PK, display_path, size, modified_ns, content_hash, extractor_version,
///   config_fingerprint, records_json, first_seen_run, extracted_run, last_seen_run)`; migration `v2`
///   adds `records_bin` (the records in `RecordBinary` form; `records_json` is then empty)
/// - `article_url(url, path → article_file ON DELETE CASCADE)`, PK (url, path)
/// - `event(id PK, first_seen_run, last_seen_run)`
/// - `chronology_cache(id = 1, fingerprint, data)` (migration `v3`): the last chronology built
///   and the fingerprint of its inputs (`ChronologyCache`)
/// - migration `v4` adds `in_last_run` to `article_file` and `event`: 1 when the row was seen in
///   the latest run, whose id is then its last seen run (the column `last_seen_run` is only
///   kept for rows with 0); so a run writes only the rows whose "seen" state changed
/// - `event_key(key PK, event_id)` (migration `v5`): the id each report (`ArticleIdentity.keys`:
///   its article's address, text or path and its place in it) was first given, so an event
///   keeps its id, and with it its first-seen run, when its date, kind or unit change
/// - `owner(output)` (migration `v6`): the output folder whose history the store keeps
/// - migration `v7` adds `summary_bin` to `article_file`: the records' summary
///   (`RecordSummary`), from which a night builds the chronology without reading every record
/// - `chronology_plan(id = 1, fingerprint, keys)` (migration `v8`): what identifies each cached
///   event's merge (`EarlierMerges`), so a night takes the events whose reports did not change; a
///   table of its own, as a column after the cached chronology's would make SQLite build that
///   blob in memory when it is written
/// - `chronology_piece(id PK, hash UNIQUE, data)` (migration `v9`): the cached chronology cut into
///   pieces by content, each kept once (`StoredChronologyPieces`); `chronology_cache.data` is now
///   the list of its pieces, so a night writes the pieces its changes are in
/// - `file_summary(path PK → article_file ON DELETE CASCADE, summary_bin)` (migration `v10`),
///   without rowid: the summaries moved out of `article_file`, so that a night reads them in path
///   order from pages that hold nothing else, and the file states from rows without them; a file
///   without a summary has no row
///
/// Each run's changes go in one transaction (`commit`), so a run killed at any moment leaves
/// the store as the previous run left it.
final class ChronicleStore: Sendable {
    let url: URL
    private let queue: DatabaseQueue
    /// Whether opening checked the store (`PRAGMA quick_check`): not when it matched the seal
    /// the last run that finished with it left (`StoreSeal`).
    let checkedOnOpen: Bool

    /// How the store's connection is set up. `secure_delete` is `FAST`: Debian's SQLite zeroes
    /// every freed page by default, and each night's replaced chronology (tens of megabytes at a
    /// large archive) was then written over with zeros and copied into the journal first. The
    /// store holds what was extracted from public articles: nothing that must not linger in
    /// free pages. `FAST` still clears deleted content on the pages a change writes anyway.
    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = FAST") }
        return configuration
    }

    /// Opens (creating if needed) and migrates the store file.
    init(url: URL) throws {
        self.url = url
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreateDirectory(path: directory.path, reason: error.localizedDescription)
        }
        // Compared before SQLite opens it: a first read would roll back a hot journal.
        let sealed = StoreSeal.matches(store: url)
        do {
            queue = try DatabaseQueue(path: url.path, configuration: Self.configuration)
        } catch {
            throw StoreError.cannotOpen(path: url.path, reason: Self.reason(error))
        }
        // Before anything is read or written: a half-written store (its hot journal lost) opens
        // without complaint and would be taken as the truth.
        checkedOnOpen = !sealed
        if !sealed {
            let verdict: String
            do {
                verdict = try queue.read { db in
                    let rows = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
                    return rows.joined(separator: "; ")
                }
            } catch {
                throw StoreError.damaged(path: url.path, detail: Self.reason(error))
            }
            guard verdict == "ok" else { throw StoreError.damaged(path: url.path, detail: verdict) }
        }
        do {
            try Self.migrator.migrate(queue)
        } catch {
            throw StoreError.cannotOpen(path: url.path, reason: Self.reason(error))
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE run (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        started_at TEXT NOT NULL,
                        as_of TEXT NOT NULL,
                        extractor_version TEXT NOT NULL,
                        config_fingerprint TEXT NOT NULL,
                        files INTEGER NOT NULL,
                        unchanged INTEGER NOT NULL,
                        extracted INTEGER NOT NULL,
                        pruned INTEGER NOT NULL,
                        articles INTEGER NOT NULL,
                        events INTEGER NOT NULL,
                        new_events INTEGER NOT NULL,
                        problems INTEGER NOT NULL,
                        reports_written INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE article_file (
                        path TEXT PRIMARY KEY NOT NULL,
                        display_path TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        modified_ns INTEGER NOT NULL,
                        content_hash TEXT,
                        extractor_version TEXT NOT NULL,
                        config_fingerprint TEXT NOT NULL,
                        records_json TEXT NOT NULL,
                        first_seen_run INTEGER NOT NULL REFERENCES run(id),
                        extracted_run INTEGER NOT NULL REFERENCES run(id),
                        last_seen_run INTEGER NOT NULL REFERENCES run(id)
                    );
                    CREATE TABLE article_url (
                        url TEXT NOT NULL,
                        path TEXT NOT NULL REFERENCES article_file(path) ON DELETE CASCADE,
                        PRIMARY KEY (url, path)
                    );
                    CREATE INDEX article_url_path ON article_url(path);
                    CREATE TABLE event (
                        id TEXT PRIMARY KEY NOT NULL,
                        first_seen_run INTEGER NOT NULL REFERENCES run(id),
                        last_seen_run INTEGER NOT NULL REFERENCES run(id)
                    );
                    """)
        }
        // Records in the compact binary form (`RecordBinary`); rows written before keep their JSON.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: "ALTER TABLE article_file ADD COLUMN records_bin BLOB")
        }
        // The last chronology built, under the fingerprint of its inputs (`ChronologyCache`).
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    CREATE TABLE chronology_cache (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        fingerprint TEXT NOT NULL,
                        data BLOB NOT NULL
                    )
                    """)
        }
        // Seen-marking proportional to what changed: a row flagged `in_last_run` was seen in the
        // latest run (its `last_seen_run` column is then not kept up to date, see `lastSeenRuns`),
        // so an unchanged run no longer rewrites every file and event row.
        migrator.registerMigration("v4") { db in
            try db.execute(
                sql: """
                    ALTER TABLE article_file ADD COLUMN in_last_run INTEGER NOT NULL DEFAULT 0;
                    CREATE INDEX article_file_not_in_last_run ON article_file(path) WHERE in_last_run = 0;
                    ALTER TABLE event ADD COLUMN in_last_run INTEGER NOT NULL DEFAULT 0;
                    """)
        }
        // The id each report was first given (`EventIDMemory`); written once per key, never moved.
        migrator.registerMigration("v5") { db in
            try db.execute(
                sql: """
                    CREATE TABLE event_key (
                        key INTEGER PRIMARY KEY NOT NULL,
                        event_id TEXT NOT NULL
                    );
                    CREATE INDEX event_key_event ON event_key(event_id);
                    """)
        }
        // The output folder the store keeps the history of: one store belongs to one output.
        migrator.registerMigration("v6") { db in
            try db.execute(sql: "CREATE TABLE owner (output TEXT NOT NULL)")
        }
        // Each file's records' summary (`RecordSummary`): a night regroups the archive from these.
        migrator.registerMigration("v7") { db in
            try db.execute(sql: "ALTER TABLE article_file ADD COLUMN summary_bin BLOB")
        }
        // Beside the cached chronology, what identifies each event's merge (`MergePlan.key`).
        migrator.registerMigration("v8") { db in
            try db.execute(
                sql: """
                    CREATE TABLE chronology_plan (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        fingerprint TEXT NOT NULL,
                        keys BLOB NOT NULL
                    )
                    """)
        }
        // The cached chronology kept in pieces, each stored once (`StoredChronologyPieces`);
        // `chronology_cache.data` holds the list of its pieces. A cached chronology of before
        // is dropped: the next run builds it again.
        migrator.registerMigration("v9") { db in
            try db.execute(
                sql: """
                    CREATE TABLE chronology_piece (
                        id INTEGER PRIMARY KEY,
                        hash BLOB NOT NULL UNIQUE,
                        data BLOB NOT NULL
                    );
                    DELETE FROM chronology_cache;
                    DELETE FROM chronology_plan;
                    """)
        }
        // The summaries in a table of their own, clustered by path (`file_summary`).
        migrator.registerMigration("v10") { db in
            try db.execute(
                sql: """
                    CREATE TABLE file_summary (
                        path TEXT PRIMARY KEY NOT NULL REFERENCES article_file(path) ON DELETE CASCADE,
                        summary_bin BLOB NOT NULL
                    ) WITHOUT ROWID;
                    INSERT INTO file_summary (path, summary_bin)
                        SELECT path, summary_bin FROM article_file WHERE summary_bin IS NOT NULL ORDER BY path;
                    ALTER TABLE article_file DROP COLUMN summary_bin;
                    """)
        }
        // Beside the cached chronology, its grouping kept for the next night (`KeptGrouping`).
        migrator.registerMigration("v11") { db in
            try db.execute(
                sql: """
                    CREATE TABLE chronology_grouping (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        fingerprint TEXT NOT NULL,
                        data BLOB NOT NULL
                    )
                    """)
        }
        return migrator
    }

    /// Every stored article file, by path, with its records.
    func articles() throws -> [String: StoredArticle] {
        try read("read article files") { db in
            var result: [String: StoredArticle] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT path, display_path, size, modified_ns, content_hash, extractor_version, config_fingerprint,
                        records_json, records_bin
                    FROM article_file
                    """)
            while let row = try rows.next() {
                let payload: StoredArticle.RecordPayload
                if let bytes = try row.withUnsafeData(atIndex: 8, { $0.map { [UInt8]($0) } }) {
                    payload = .binary(bytes)
                } else {
                    payload = .json(row[7])
                }
                let article = StoredArticle(
                    path: row[0], displayPath: row[1], stamp: FileStamp(size: row[2], modified: row[3]),
                    contentHash: row[4], extractorVersion: row[5], configFingerprint: row[6], payload: payload)
                result[article.path] = article
            }
            return result
        }
    }

    /// Every stored article file's state without its records, in the byte order of the paths:
    /// what a run needs to decide which files changed.
    func sortedFileStates() throws -> StoredFileStates {
        try read("read article files") { db in try StoredFileStates(db) }
    }

    /// The same states by path.
    func fileStates() throws -> [String: StoredFileState] {
        Dictionary(try sortedFileStates().rows.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
    }

    /// Streams the records of the stored files `wanted` accepts, one row at a time, decoded
    /// straight from SQLite's buffer; a row whose records cannot be decoded gives nil.
    func forEachRecords(
        where wanted: (String) -> Bool, _ body: (_ path: String, _ records: [ArticleRecord]?) throws -> Void
    ) throws {
        try read("read stored records") { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT path, records_json, records_bin FROM article_file")
            while let row = try rows.next() {
                let path: String = row[0]
                guard wanted(path) else { continue }
                var records: [ArticleRecord]?
                let binary: [ArticleRecord]?? = try row.withUnsafeData(atIndex: 2) { blob in
                    blob.map { data in data.withUnsafeBytes { try? RecordBinary.decode($0) } }
                }
                if let binary {
                    records = binary
                } else {
                    let json: String = row[1]
                    records = try? JSONDecoder().decode([ArticleRecord].self, from: Data(json.utf8))
                }
                try body(path, records)
            }
        }
    }

    /// Calls `body` with the stored records of every wanted file in their binary form
    /// (`RecordBinary`, rows kept as JSON by older versions converted), nil when they cannot be
    /// read. Nothing is decoded here: the caller decides when to. The bytes are SQLite's own,
    /// valid during the call only.
    func forEachRecordBlob(
        where wanted: (String) -> Bool, _ body: (_ path: String, _ blob: UnsafeRawBufferPointer?) throws -> Void
    ) throws {
        try read("read stored records") { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT path, records_json, records_bin FROM article_file")
            while let row = try rows.next() {
                let path: String = row[0]
                guard wanted(path) else { continue }
                // The blob where SQLite holds it: a large export's records are not copied again.
                let found = try row.withUnsafeData(atIndex: 2) { data -> Bool in
                    guard let data else { return false }
                    try data.withUnsafeBytes { try body(path, $0) }
                    return true
                }
                if found { continue }
                let json: String = row[1]
                let blob = Self.recordsBlob(json: json)
                if let blob { try blob.withUnsafeBytes { try body(path, $0) } } else { try body(path, nil) }
            }
        }
    }

    /// Calls `body` with the records' summary (`RecordSummary`) of every wanted file, nil for a
    /// row that has none (written by an earlier version). The bytes are SQLite's own, valid
    /// during the call only.
    func forEachSummaryBlob(
        where wanted: (String) -> Bool, _ body: (_ path: String, _ blob: UnsafeRawBufferPointer?) throws -> Void
    ) throws {
        let sql = "SELECT file.path, summary.summary_bin FROM article_file AS file LEFT JOIN file_summary AS summary USING (path)"
        try forEachSummaryRow(sql: sql) { pathBytes, blob in
            let path = String(decoding: pathBytes, as: UTF8.self)
            if wanted(path) { try body(path, blob) }
        }
    }

    /// Every stored summary with its file's path (its bytes as stored), in the byte order of the
    /// paths (the table's key): a night walks them beside the survey's rows, in the same order
    /// (`FileSurvey.fileOfStoredRow`), with no lookup of a path. A file without a summary has no
    /// row here.
    func forEachSummaryBlobInPathOrder(_ body: (_ path: UnsafeBufferPointer<UInt8>, _ blob: UnsafeRawBufferPointer?) throws -> Void)
        throws
    {
        try forEachSummaryRow(sql: "SELECT path, summary_bin FROM file_summary ORDER BY path", body)
    }

    /// Steps through `sql` (a path and a summary column) with SQLite's C API: every night reads
    /// every row's summary.
    private func forEachSummaryRow(
        sql: String, _ body: (_ path: UnsafeBufferPointer<UInt8>, _ blob: UnsafeRawBufferPointer?) throws -> Void
    ) throws {
        try read("read stored summaries") { db in
            let statement = try db.makeStatement(sql: sql)
            let query = statement.sqliteStatement
            defer { sqlite3_reset(query) }
            var code = sqlite3_step(query)
            while code == SQLITE_ROW {
                let text = sqlite3_column_text(query, 0)
                let path = UnsafeBufferPointer(start: text, count: text == nil ? 0 : Int(sqlite3_column_bytes(query, 0)))
                if sqlite3_column_type(query, 1) == SQLITE_BLOB, let bytes = sqlite3_column_blob(query, 1) {
                    try body(path, UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(query, 1))))
                } else {
                    try body(path, nil)
                }
                code = sqlite3_step(query)
            }
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
    }

    /// `forEachRecordBlob` for the files at `paths`: looked up one by one when they are few
    /// beside the `archive` (the number of stored files), else in one pass over all rows.
    func forEachRecordBlob(
        paths: Set<String>, archive: Int, _ body: (_ path: String, _ blob: UnsafeRawBufferPointer?) throws -> Void
    ) throws {
        guard paths.count * 8 < archive else {
            try forEachRecordBlob(where: paths.contains, body)
            return
        }
        try read("read stored records") { db in
            // Through SQLite's C API: a night may look up thousands of rows, and a GRDB row copies
            // its blob into a `Data` first.
            let statement = try db.cachedStatement(sql: "SELECT records_json, records_bin FROM article_file WHERE path = ?")
            let query = statement.sqliteStatement
            defer { sqlite3_reset(query) }
            let lookup = SQLiteBinder(statement, in: db)
            for path in paths.sorted(by: ByteOrder.precedes) {
                sqlite3_reset(query)
                lookup.bind(1, path)
                let code = sqlite3_step(query)
                guard code == SQLITE_ROW else {
                    guard code == SQLITE_DONE else {
                        throw DatabaseError(
                            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                    }
                    try body(path, nil)
                    continue
                }
                if sqlite3_column_type(query, 1) == SQLITE_BLOB, let bytes = sqlite3_column_blob(query, 1) {
                    try body(path, UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(query, 1))))
                    continue
                }
                let json = sqlite3_column_text(query, 0).map { String(cString: $0) } ?? ""
                let blob = Self.recordsBlob(json: json)
                if let blob { try blob.withUnsafeBytes { try body(path, $0) } } else { try body(path, nil) }
            }
        }
    }

    /// The records of a row kept as JSON by an early version, in the binary form; nil when they
    /// cannot be read.
    private static func recordsBlob(json: String) -> [UInt8]? {
        (try? JSONDecoder().decode([ArticleRecord].self, from: Data(json.utf8))).map { RecordBinary.encode($0) }
    }

    /// The fingerprint of the cached chronology, without reading the chronology.
    func cachedChronologyFingerprint() throws -> String? {
        try read("read the cached chronology") { db in
            try String.fetchOne(db, sql: "SELECT fingerprint FROM chronology_cache WHERE id = 1")
        }
    }

    /// The cached chronology when it was built from inputs with this fingerprint; nil otherwise
    /// (or when it cannot be decoded: it is then simply built again).
    public func cachedChronology(fingerprint: String) throws -> BuiltChronology? {
        try read("read the cached chronology") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT fingerprint, data FROM chronology_cache WHERE id = 1"),
                row[0] as String == fingerprint, let list = row[1] as Data?,
                let bytes = try list.withUnsafeBytes({ try StoredChronologyPieces.read(list: $0, in: db) })
            else { return nil }
            return try? bytes.withUnsafeBytes { try BuiltChronology(decoding: $0) }
        }
    }

    /// The cached chronology with the plan keys of its events, whatever inputs it was built
    /// from; nil when there is none, it has no keys (built with corrections, or by an earlier
    /// version), it cannot be decoded, or it is larger than `largest` bytes. It is held through
    /// the night's merge; the chronology built shares its bytes (`EventList.init(extending:)`),
    /// so it costs about what merging every event again would hold. The bound is that of an
    /// archive of some 800,000 articles.
    func earlierMerges(largest: Int = 256 << 20) throws -> EarlierMerges? {
        try read("read the cached chronology") { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT cache.data, plan.keys FROM chronology_cache AS cache
                        JOIN chronology_plan AS plan ON plan.fingerprint = cache.fingerprint
                        WHERE cache.id = 1
                        """),
                let list = row[0] as Data?, let stored = row[1] as Data?,
                let length = list.withUnsafeBytes({ StoredChronologyPieces.length(of: $0) }), length <= largest,
                let keys = stored.withUnsafeBytes({ EarlierMerges.decode($0) }),
                let bytes = try list.withUnsafeBytes({ try StoredChronologyPieces.read(list: $0, in: db) }),
                let built = try? bytes.withUnsafeBytes({ try BuiltChronology(decoding: $0) })
            else { return nil }
            return EarlierMerges(chronology: built.chronology, keys: keys)
        }
    }

    /// Paths of the stored files that report `url`.
    func paths(forURL url: String) throws -> [String] {
        try read("look up a URL") { db in
            try String.fetchAll(db, sql: "SELECT path FROM article_url WHERE url = ? ORDER BY path", arguments: [url])
        }
    }

    /// Known event ids with the run that first saw each.
    func knownEvents() throws -> [String: Int64] {
        try read("read events") { db in
            var result: [String: Int64] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, first_seen_run FROM event")
            while let row = try rows.next() { result[row["id"]] = row["first_seen_run"] }
            return result
        }
    }

    /// What the store remembers of event ids: each report key's id, each id's first-seen run.
    func eventIDMemory() throws -> EventIDMemory {
        try read("read event ids") { db in try EventIDMemory(db) }
    }

    /// Every stored file's last run that saw it, by path.
    func lastSeenRuns() throws -> [String: Int64] {
        try read("read article files") { db in
            var result: [String: Int64] = [:]
            let latest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM run") ?? 0
            let rows = try Row.fetchCursor(db, sql: "SELECT path, last_seen_run, in_last_run FROM article_file")
            while let row = try rows.next() {
                result[row[0]] = (row[2] as Int64) == 1 ? latest : row[1]
            }
            return result
        }
    }

    /// The last run whose reports were all written, the baseline of "new since the last run".
    func lastReportedRun() throws -> Int64? {
        try read("read runs") { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM run WHERE reports_written = 1")
        }
    }

    /// Every run, oldest first.
    func runs() throws -> [RunRecord] {
        try read("read runs") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id").map { row in
                RunRecord(
                    id: row["id"], startedAt: row["started_at"], asOf: row["as_of"],
                    extractorVersion: row["extractor_version"], configFingerprint: row["config_fingerprint"],
                    files: row["files"], unchanged: row["unchanged"], extracted: row["extracted"], pruned: row["pruned"],
                    articles: row["articles"], events: row["events"], newEvents: row["new_events"],
                    problems: row["problems"], reportsWritten: row["reports_written"])
            }
        }
    }

    /// Applies one run's changes in a single transaction and returns the new run's id.
    @discardableResult
    func commit(_ update: StoreUpdate) throws -> Int64 {
        do {
            return try queue.write { db in
                // Rows flagged `in_last_run` were seen in this run, the latest so far.
                let previousRun = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM run") ?? 0
                let runID = try Self.insertRun(update.run, in: db)
                try Self.writeArticles(update, run: runID, in: db)
                try Self.markSeenFiles(update, run: runID, previousRun: previousRun, in: db)
                try Self.markSeenEvents(update.eventIDs, run: runID, previousRun: previousRun, in: db)
                switch update.chronologyCache {
                case .keep:
                    break
                case .replace(let cache):
                    try Self.storeCache(cache, in: db)
                case .clear:
                    try db.execute(
                        sql: """
                            DELETE FROM chronology_cache; DELETE FROM chronology_plan; DELETE FROM chronology_piece;
                            DELETE FROM chronology_grouping
                            """)
                }
                try Self.writeEventKeys(update.eventKeys, in: db)
                if update.pruneEvents {
                    try db.execute(sql: "DELETE FROM event WHERE in_last_run = 0")
                    try db.execute(sql: "DELETE FROM event_key WHERE event_id NOT IN (SELECT id FROM event)")
                }
                return runID
            }
        } catch {
            throw StoreError.failed(path: url.path, action: "save this run", reason: Self.reason(error))
        }
    }

    /// Adds the run's row (its reports not yet written); returns its id.
    private static func insertRun(_ r: RunRecord, in db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO run (started_at, as_of, extractor_version, config_fingerprint, files, unchanged,
                    extracted, pruned, articles, events, new_events, problems, reports_written)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """,
            arguments: [
                r.startedAt, r.asOf, r.extractorVersion, r.configFingerprint, r.files, r.unchanged, r.extracted,
                r.pruned, r.articles, r.events, r.newEvents, r.problems,
            ])
        return db.lastInsertedRowID
    }

    /// Removes the pruned files' rows, writes those of the files extracted in this run (with
    /// their URLs) and the new stamps of the files that were only touched.
    private static func writeArticles(_ update: StoreUpdate, run runID: Int64, in db: Database) throws {
        // Cached statements: a run may touch thousands of rows, and parsing each is the cost.
        let remove = try db.cachedStatement(sql: "DELETE FROM article_file WHERE path = ?")
        for path in update.removed { try remove.execute(arguments: [path]) }
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO article_file (path, display_path, size, modified_ns, content_hash, extractor_version,
                    config_fingerprint, records_json, records_bin, first_seen_run, extracted_run, last_seen_run,
                    in_last_run)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT(path) DO UPDATE SET
                    display_path = excluded.display_path, size = excluded.size,
                    modified_ns = excluded.modified_ns, content_hash = excluded.content_hash,
                    extractor_version = excluded.extractor_version,
                    config_fingerprint = excluded.config_fingerprint, records_json = excluded.records_json,
                    records_bin = excluded.records_bin,
                    extracted_run = excluded.extracted_run, last_seen_run = excluded.last_seen_run,
                    in_last_run = 1
                """)
        let clearURLs = SQLiteBinder(try db.cachedStatement(sql: "DELETE FROM article_url WHERE path = ?"), in: db)
        let addURL = SQLiteBinder(try db.cachedStatement(sql: "INSERT INTO article_url (url, path) VALUES (?, ?)"), in: db)
        let upsertRow = SQLiteBinder(upsert, in: db)
        let summaries = try SummaryRows(db)
        // Records and summaries are spooled in about this order, each where its own kind went.
        var records = ScratchFileReader(), summaryReader = ScratchFileReader()
        for article in update.extracted {
            upsertRow.bind(1, article.path)
            upsertRow.bind(2, article.displayPath)
            upsertRow.bind(3, article.stamp.size)
            upsertRow.bind(4, article.stamp.modified)
            upsertRow.bind(5, article.contentHash)
            upsertRow.bind(6, article.extractorVersion)
            upsertRow.bind(7, article.configFingerprint)
            switch article.payload {
            case .json(let text):
                upsertRow.bind(8, text)
                upsertRow.bind(9, blob: nil)
            case .binary(let bytes):
                upsertRow.bind(8, "")
                upsertRow.bind(9, blob: bytes)
            case .spooled(let span):
                upsertRow.bind(8, "")
                // A large blob (a crawler export's records) is written into its row piece by
                // piece below; read and bound whole, it was held twice (read, and SQLite's copy).
                if span.count > Self.blobPiece {
                    upsertRow.bind(9, zeroblob: span.count)
                } else {
                    upsertRow.bind(9, blob: try records.bytes(span))
                }
            }
            upsertRow.bind(10, runID)
            upsertRow.bind(11, runID)
            upsertRow.bind(12, runID)
            try upsertRow.run()
            switch article.summary {
            case .binary(let bytes): try summaries.set(bytes, path: article.path)
            case .spooled(let span): try summaries.set(try summaryReader.bytes(span), path: article.path)
            case .json, nil: try summaries.set(nil, path: article.path)
            }
            if case .spooled(let span) = article.payload, span.count > Self.blobPiece {
                try writeRecords(span, path: article.path, in: db)
            }
            clearURLs.bind(1, article.path)
            try clearURLs.run()
            for url in article.urls {
                addURL.bind(1, url)
                addURL.bind(2, article.path)
                try addURL.run()
            }
        }
        let restamp = try db.cachedStatement(sql: "UPDATE article_file SET size = ?, modified_ns = ? WHERE path = ?")
        for (path, stamp) in update.restamped { try restamp.execute(arguments: [stamp.size, stamp.modified, path]) }
        for path in update.summaries.keys.sorted(by: ByteOrder.precedes) {
            try summaries.set(update.summaries[path], path: path)
        }
    }

    /// Writes `file_summary` rows: a file's summary set, or removed when it has none.
    private struct SummaryRows {
        let upsert: SQLiteBinder
        let delete: SQLiteBinder

        init(_ db: Database) throws {
            upsert = SQLiteBinder(
                try db.cachedStatement(
                    sql: """
                        INSERT INTO file_summary (path, summary_bin) VALUES (?, ?)
                        ON CONFLICT(path) DO UPDATE SET summary_bin = excluded.summary_bin
                        """), in: db)
            delete = SQLiteBinder(try db.cachedStatement(sql: "DELETE FROM file_summary WHERE path = ?"), in: db)
        }

        func set(_ summary: [UInt8]?, path: String) throws {
            if let summary {
                upsert.bind(1, path)
                upsert.bind(2, blob: summary)
                try upsert.run()
            } else {
                delete.bind(1, path)
                try delete.run()
            }
        }
    }

    /// Flags the files this run saw (`in_last_run`), writing only the rows whose state changes.
    private static func markSeenFiles(_ update: StoreUpdate, run runID: Int64, previousRun: Int64, in db: Database) throws {
        guard let unseen = update.unseen else {
            try db.execute(
                sql: """
                    UPDATE article_file SET in_last_run = 0, last_seen_run = ?
                    WHERE in_last_run = 1 AND last_seen_run <> ?
                    """,
                arguments: [previousRun, runID])
            let see = try db.cachedStatement(sql: "UPDATE article_file SET in_last_run = 1, last_seen_run = ? WHERE path = ?")
            for path in update.seen { try see.execute(arguments: [runID, path]) }
            return
        }
        // Every stored file but `unseen` was seen. Only rows whose state changes are
        // written: files no longer seen keep the previous run as their last, files
        // seen again (or not yet flagged) are flagged; the rest already are. (Rows
        // written by `writeArticles` carry this run's id; unseen files are never among them.)
        let leave = try db.cachedStatement(
            sql: """
                UPDATE article_file SET in_last_run = 0, last_seen_run = ? WHERE path = ? AND in_last_run = 1
                """)
        for path in unseen { try leave.execute(arguments: [previousRun, path]) }
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS unseen_file (path TEXT PRIMARY KEY NOT NULL)")
        try db.execute(sql: "DELETE FROM unseen_file")
        let unseenRow = try db.cachedStatement(sql: "INSERT OR IGNORE INTO unseen_file (path) VALUES (?)")
        for path in unseen { try unseenRow.execute(arguments: [path]) }
        try db.execute(
            sql: """
                UPDATE article_file SET in_last_run = 1, last_seen_run = ?
                WHERE in_last_run = 0 AND path NOT IN (SELECT path FROM unseen_file)
                """,
            arguments: [runID])
        try db.execute(sql: "DELETE FROM unseen_file")
    }

    /// Events: only those that appear or disappear are written (see `in_last_run`).
    private static func markSeenEvents(_ eventIDs: [String], run runID: Int64, previousRun: Int64, in db: Database) throws {
        // Ids flagged before this run → whether this run reports them too.
        var current: [String: Bool] = [:]
        let currentRows = try String.fetchCursor(db, sql: "SELECT id FROM event WHERE in_last_run = 1")
        while let id = try currentRows.next() { current[id] = false }
        let event = try db.cachedStatement(
            sql: """
                INSERT INTO event (id, first_seen_run, last_seen_run, in_last_run) VALUES (?, ?, ?, 1)
                ON CONFLICT(id) DO UPDATE SET last_seen_run = excluded.last_seen_run, in_last_run = 1
                """)
        let eventRow = SQLiteBinder(event, in: db)
        for id in eventIDs where current.updateValue(true, forKey: id) == nil {
            eventRow.bind(1, id)
            eventRow.bind(2, runID)
            eventRow.bind(3, runID)
            try eventRow.run()
        }
        let gone = try db.cachedStatement(sql: "UPDATE event SET in_last_run = 0, last_seen_run = ? WHERE id = ?")
        for (id, reported) in current where !reported { try gone.execute(arguments: [previousRun, id]) }
    }

    /// Remembers the id each new report key was given; a key already known keeps its id.
    private static func writeEventKeys(_ keys: [UInt64: String], in db: Database) throws {
        guard !keys.isEmpty else { return }
        let insert = SQLiteBinder(try db.cachedStatement(sql: "INSERT OR IGNORE INTO event_key (key, event_id) VALUES (?, ?)"), in: db)
        for (key, id) in keys.sorted(by: { $0.key < $1.key }) {
            insert.bind(1, Int64(bitPattern: key))
            insert.bind(2, id)
            try insert.run()
        }
    }

    /// The size of the pieces a large blob is written in (incremental blob I/O).
    static let blobPiece = 1 << 20

    /// Writes a spooled records blob into the zeros its row was given, a piece at a time.
    private static func writeRecords(_ span: ScratchFile.Span, path: String, in db: Database) throws {
        guard let rowID = try Int64.fetchOne(db, sql: "SELECT rowid FROM article_file WHERE path = ?", arguments: [path]) else {
            throw DatabaseError(message: "the row of \(path) vanished while its records were written")
        }
        try writeSpooled(span, table: "article_file", column: "records_bin", row: rowID, in: db)
    }

    /// Writes the grouping kept for the next night (`KeptGrouping`) under the cache's
    /// fingerprint; one the run spooled goes in a piece at a time, into zeros first.
    private static func writeKeptGrouping(_ grouping: RecordArchive.Blob, fingerprint: String, in db: Database) throws {
        switch grouping {
        case .bytes(let bytes):
            try db.execute(
                sql: "INSERT INTO chronology_grouping (id, fingerprint, data) VALUES (1, ?, ?)", arguments: [fingerprint, Data(bytes)])
        case .spooled(let span):
            try db.execute(
                sql: "INSERT INTO chronology_grouping (id, fingerprint, data) VALUES (1, ?, zeroblob(?))",
                arguments: [fingerprint, span.count])
            try writeSpooled(span, table: "chronology_grouping", column: "data", row: 1, in: db)
        }
    }

    /// Writes a spooled blob into the zeros a row's column was given, a piece at a time.
    private static func writeSpooled(_ span: ScratchFile.Span, table: String, column: String, row rowID: Int64, in db: Database) throws {
        var handle: OpaquePointer?
        let opened = sqlite3_blob_open(db.sqliteConnection, "main", table, column, rowID, 1, &handle)
        defer { sqlite3_blob_close(handle) }
        guard opened == SQLITE_OK, let handle else {
            throw DatabaseError(resultCode: ResultCode(rawValue: opened), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        var offset = 0
        while offset < span.count {
            let count = min(blobPiece, span.count - offset)
            let piece = try ScratchFile.Span(file: span.file, offset: span.offset + Int64(offset), count: count).bytes()
            let code = piece.withUnsafeBytes { sqlite3_blob_write(handle, $0.baseAddress, Int32(count), Int32(offset)) }
            guard code == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            offset += count
        }
    }

    /// Writes the cached chronology: its pieces not yet stored, and the list of them in its row
    /// (`StoredChronologyPieces`), with the plan keys of its events beside it.
    private static func storeCache(_ cache: ChronologyCache, in db: Database) throws {
        try db.execute(sql: "DELETE FROM chronology_plan; DELETE FROM chronology_grouping")
        if let grouping = cache.built.keptGrouping { try writeKeptGrouping(grouping, fingerprint: cache.fingerprint, in: db) }
        if let keys = cache.built.mergeKeys {
            try db.execute(
                sql: "INSERT INTO chronology_plan (id, fingerprint, keys) VALUES (1, ?, ?)",
                arguments: [cache.fingerprint, Data(EarlierMerges.encode(keys))])
        }
        let list = try StoredChronologyPieces.write(cache.built, in: db)
        try db.execute(
            sql: """
                INSERT INTO chronology_cache (id, fingerprint, data) VALUES (1, ?, ?)
                ON CONFLICT(id) DO UPDATE SET fingerprint = excluded.fingerprint, data = excluded.data
                """,
            arguments: [cache.fingerprint, Data(list)])
    }

    /// Records that every report of `run` was written.
    /// Records that the store is as a run that finished with it left it (`StoreSeal`): the next
    /// run opens it without reading every page again, unless it changed meanwhile.
    func seal() {
        StoreSeal.seal(store: url)
    }

    func markReportsWritten(run: Int64) throws {
        do {
            try queue.write { db in
                try db.execute(sql: "UPDATE run SET reports_written = 1 WHERE id = ?", arguments: [run])
            }
        } catch {
            throw StoreError.failed(path: url.path, action: "record the reports", reason: Self.reason(error))
        }
    }

    /// Claims the store for `output` on its first run; a store that keeps another output's
    /// history is refused: two outputs sharing one store saw each other's articles, and a prune
    /// of one erased the other's.
    ///
    /// The output is recorded twice: as an absolute path and relative to the store's folder
    /// (`../../reports`). Either matching is enough, and the other is then brought up to date, so
    /// that moving the whole installation (configuration, store and reports together) or moving
    /// the store alone (`StoreMove`) keeps the claim. Earlier versions recorded the absolute path
    /// alone, first, where they still read it.
    func claim(output: URL) throws {
        let absolute = output.standardizedFileURL.path
        let folder = url.deletingLastPathComponent().standardizedFileURL.path
        let relative = Self.relativePath(from: folder, to: absolute)
        let owners: [String]
        do {
            owners = try queue.write { db -> [String] in
                let owners = try String.fetchAll(db, sql: "SELECT output FROM owner ORDER BY rowid")
                guard owners.isEmpty || (owners.contains { $0 == absolute || $0 == relative } && owners != [absolute, relative])
                else { return owners }
                try db.execute(sql: "DELETE FROM owner")
                try db.execute(sql: "INSERT INTO owner (output) VALUES (?), (?)", arguments: [absolute, relative])
                return [absolute, relative]
            }
        } catch {
            throw StoreError.failed(path: url.path, action: "read its owner", reason: Self.reason(error))
        }
        guard !owners.contains(where: { $0 == absolute || $0 == relative }) else { return }
        let owner =
            owners.first { $0.hasPrefix("/") } ?? URL(fileURLWithPath: folder).appendingPathComponent(owners[0]).standardizedFileURL.path
        throw StoreError.belongsToAnotherOutput(path: url.path, owner: owner, output: absolute)
    }

    /// The path of `target` relative to the folder `base`, both absolute and standardized.
    static func relativePath(from base: String, to target: String) -> String {
        let from = base.split(separator: "/"), to = target.split(separator: "/")
        var common = 0
        while common < from.count && common < to.count && from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    func read<T>(_ action: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch {
            throw StoreError.failed(path: url.path, action: action, reason: Self.reason(error))
        }
    }

    private static func reason(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
