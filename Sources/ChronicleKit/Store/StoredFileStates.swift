import GRDB
import GRDBSQLite

/// Every stored article file's state without its records, in the byte order of the paths: what
/// a run needs to decide which files changed, matched against the scan's path-ordered list in
/// one pass (`FileSurvey`) rather than through a dictionary of every path.
struct StoredFileStates: Sendable {
    /// One per stored file, in the byte order of the paths (`ByteOrder`); each path once, as
    /// the table's key is.
    let rows: [StoredFileState]

    /// States already in any order; sorted here.
    init(_ rows: [StoredFileState]) {
        self.rows = Self.sorted(rows)
    }

    /// Reads the state columns of `article_file` through SQLite's C API.
    ///
    /// A large archive has one row per file, read on every run: through GRDB's `Row`, each row
    /// made five strings and a dictionary entry before anything was compared. Here a row makes
    /// one string (its path); a display path equal to it, and the version and fingerprint
    /// (nearly always the same few), are compared as bytes and shared; the usual content hash
    /// is read as its number.
    init(_ db: Database) throws {
        var rows: [StoredFileState] = []
        var shared: [String] = []
        let sql = """
            SELECT path, display_path, size, modified_ns, content_hash, extractor_version, config_fingerprint
            FROM article_file
            """
        try SQLiteRows.forEach(db, sql) { query in
            let path = SQLiteRows.text(query, 0)
            let displayPath = SQLiteRows.same(SQLiteRows.bytes(query, 1), path) ? path : SQLiteRows.text(query, 1)
            var state = StoredFileState(
                path: path, displayPath: displayPath,
                stamp: FileStamp(size: sqlite3_column_int64(query, 2), modified: sqlite3_column_int64(query, 3)),
                contentHash: nil, extractorVersion: Self.shared(query, 5, in: &shared),
                configFingerprint: Self.shared(query, 6, in: &shared))
            state.hash = Self.hash(query, 4)
            rows.append(state)
        }
        self.rows = Self.sorted(rows)
    }

    /// Rows come in the order they were first stored: the scan's order but for files added
    /// later, so nearly sorted (a check, or a merge of a few runs).
    private static func sorted(_ rows: [StoredFileState]) -> [StoredFileState] {
        if rows.indices.dropFirst().allSatisfy({ ByteOrder.precedes(rows[$0 - 1].path, rows[$0].path) }) { return rows }
        return rows.sorted { ByteOrder.precedes($0.path, $1.path) }
    }

    /// A text column that repeats from row to row, as one string shared by the rows with it.
    private static func shared(_ query: OpaquePointer, _ column: Int32, in known: inout [String]) -> String {
        let value = SQLiteRows.bytes(query, column)
        if let found = known.first(where: { SQLiteRows.same(value, $0) }) { return found }
        let text = String(decoding: value, as: UTF8.self)
        known.append(text)
        return text
    }

    /// The content hash column as `StoredHash(_:)` makes it: its number when it is sixteen
    /// lowercase hex digits (`ContentHash.description`), else its text; none for NULL.
    private static func hash(_ query: OpaquePointer, _ column: Int32) -> StoredHash {
        if sqlite3_column_type(query, column) == SQLITE_NULL { return .none }
        let digits = SQLiteRows.bytes(query, column)
        guard digits.count == 16 else { return .text(String(decoding: digits, as: UTF8.self)) }
        var value: UInt64 = 0
        for digit in digits {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt64(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt64(digit - UInt8(ascii: "a") + 10)
            default: return .text(String(decoding: digits, as: UTF8.self))
            }
        }
        return .digest(ContentHash(value: value))
    }
}
