import GRDB
import GRDBSQLite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        let statement = try db.makeStatement(
            sql: """
                SELECT path, display_path, size, modified_ns, content_hash, extractor_version, config_fingerprint
                FROM article_file
                """)
        let query = statement.sqliteStatement
        defer { sqlite3_reset(query) }
        var rows: [StoredFileState] = []
        var shared: [String] = []
        var code = sqlite3_step(query)
        while code == SQLITE_ROW {
            let path = Self.text(query, 0)
            let displayPath = Self.same(Self.bytes(query, 1), path) ? path : Self.text(query, 1)
            var state = StoredFileState(
                path: path, displayPath: displayPath,
                stamp: FileStamp(size: sqlite3_column_int64(query, 2), modified: sqlite3_column_int64(query, 3)),
                contentHash: nil, extractorVersion: Self.shared(query, 5, in: &shared),
                configFingerprint: Self.shared(query, 6, in: &shared))
            state.hash = Self.hash(query, 4)
            rows.append(state)
            code = sqlite3_step(query)
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: statement.sql)
        }
        self.rows = Self.sorted(rows)
    }

    /// Rows come in the order they were first stored: the scan's order but for files added
    /// later, so nearly sorted (a check, or a merge of a few runs).
    private static func sorted(_ rows: [StoredFileState]) -> [StoredFileState] {
        if rows.indices.dropFirst().allSatisfy({ ByteOrder.precedes(rows[$0 - 1].path, rows[$0].path) }) { return rows }
        return rows.sorted { ByteOrder.precedes($0.path, $1.path) }
    }

    /// Whether a column's bytes are those of `text`.
    private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { other in
            other.count == bytes.count && (bytes.count == 0 || memcmp(bytes.baseAddress!, other.baseAddress!, bytes.count) == 0)
        }
    }

    /// The bytes of a text column, valid until the statement steps on.
    private static func bytes(_ query: OpaquePointer, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        let start = sqlite3_column_text(query, column)
        return UnsafeBufferPointer(start: start, count: start == nil ? 0 : Int(sqlite3_column_bytes(query, column)))
    }

    /// A text column as a string (bytes that are not UTF-8 repaired, as GRDB's reading does).
    private static func text(_ query: OpaquePointer, _ column: Int32) -> String {
        String(decoding: bytes(query, column), as: UTF8.self)
    }

    /// A text column that repeats from row to row, as one string shared by the rows with it.
    private static func shared(_ query: OpaquePointer, _ column: Int32, in known: inout [String]) -> String {
        let value = bytes(query, column)
        if let found = known.first(where: { Self.same(value, $0) }) { return found }
        let text = String(decoding: value, as: UTF8.self)
        known.append(text)
        return text
    }

    /// The content hash column as `StoredHash(_:)` makes it: its number when it is sixteen
    /// lowercase hex digits (`ContentHash.description`), else its text; none for NULL.
    private static func hash(_ query: OpaquePointer, _ column: Int32) -> StoredHash {
        if sqlite3_column_type(query, column) == SQLITE_NULL { return .none }
        let digits = bytes(query, column)
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
