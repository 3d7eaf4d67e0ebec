import CSQLite
import Dispatch

/// The few SQLite calls `sql()` needs, over an in-memory database: a page's tables loaded into
/// it, or a database file's bytes deserialized into it read-only. A connection is used by one
/// thread for one query and closed.
final class SQLiteConnection {
    struct Failure: Error {
        var message: String
        /// Byte offset in the query text where SQLite found the problem, when it says.
        var offset: Int?
    }

    private(set) var handle: OpaquePointer?

    /// Configured once per process, before the first connection.
    private static let configured: Bool = {
        _ = costmark_sqlite_without_memory_statistics()
        return sqlite3_initialize() == SQLITE_OK
    }()

    init() throws {
        guard Self.configured else { throw Failure(message: "SQLite cannot start") }
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(":memory:", &db, flags, nil) == SQLITE_OK, let db else {
            if let db { sqlite3_close(db) }
            throw Failure(message: "cannot open an in-memory SQLite database")
        }
        handle = db
        // Nothing outside this database: no ATTACH (extensions are off unless enabled, and never are).
        sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0)
        sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 16 * 1024 * 1024)
        sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 100_000)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Replaces the database with a file's bytes, read-only.
    func deserialize(_ bytes: [UInt8]) throws {
        guard let buffer = sqlite3_malloc64(sqlite3_uint64(max(1, bytes.count))) else {
            throw Failure(message: "not enough memory for the database")
        }
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.copyMemory(from: base, byteCount: bytes.count) }
        }
        let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY)
        let code = sqlite3_deserialize(handle, "main", buffer.assumingMemoryBound(to: UInt8.self),
                                       sqlite3_int64(bytes.count), sqlite3_int64(bytes.count), flags)
        guard code == SQLITE_OK else { throw failure() }
        // A file that is not a database shows only when it is read.
        try execute("SELECT count(*) FROM sqlite_schema")
    }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw failure() }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { text in
            let code = sqlite3_prepare_v3(handle, text, -1, 0, &statement, &tail)
            if code == SQLITE_OK, let tail, tail.pointee != 0 {
                let rest = String(cString: tail)
                if !rest.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == ";" }) {
                    sqlite3_finalize(statement)
                    statement = nil
                    return SQLITE_MISUSE
                }
            }
            return code
        }
        if code == SQLITE_MISUSE { throw Failure(message: "a query is one statement; this text holds more") }
        guard code == SQLITE_OK, let statement else {
            if code == SQLITE_OK { throw Failure(message: "the query is empty") }
            throw failure()
        }
        return Statement(statement, connection: self)
    }

    /// Stops any statement that runs past `seconds` (checked every few thousand steps of
    /// SQLite's machine), so a runaway query fails instead of holding the build.
    func limitTime(to seconds: Double) {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        let box = Unmanaged.passRetained(Deadline(deadline))
        deadlineBox = box
        sqlite3_progress_handler(handle, 10_000, { context in
            guard let context else { return 0 }
            let deadline = Unmanaged<Deadline>.fromOpaque(context).takeUnretainedValue()
            return DispatchTime.now().uptimeNanoseconds > deadline.nanoseconds ? 1 : 0
        }, box.toOpaque())
    }

    private final class Deadline {
        let nanoseconds: UInt64
        init(_ nanoseconds: UInt64) { self.nanoseconds = nanoseconds }
    }

    private var deadlineBox: Unmanaged<Deadline>? {
        didSet { oldValue?.release() }
    }

    func failure() -> Failure {
        let message = String(cString: sqlite3_errmsg(handle))
        let offset = sqlite3_error_offset(handle)
        return Failure(message: message, offset: offset >= 0 ? Int(offset) : nil)
    }

    func releaseDeadline() { deadlineBox = nil }

    /// One prepared statement; finalized when released.
    final class Statement {
        let handle: OpaquePointer
        private let connection: SQLiteConnection

        init(_ handle: OpaquePointer, connection: SQLiteConnection) {
            self.handle = handle
            self.connection = connection
        }

        deinit { sqlite3_finalize(handle) }

        var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }
        var columnCount: Int { Int(sqlite3_column_count(handle)) }

        func name(_ column: Int) -> String { sqlite3_column_name(handle, Int32(column)).map { String(cString: $0) } ?? "" }
        func originTable(_ column: Int) -> String? {
            sqlite3_column_table_name(handle, Int32(column)).map { String(cString: $0) }
        }
        func originColumn(_ column: Int) -> String? {
            sqlite3_column_origin_name(handle, Int32(column)).map { String(cString: $0) }
        }

        /// True while there is a row; throws on an error (or an interrupted query).
        func step() throws -> Bool {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            case SQLITE_INTERRUPT: throw Failure(message: "interrupted")
            default: throw connection.failure()
            }
        }

        func bind(_ index: Int, _ value: Double) { sqlite3_bind_double(handle, Int32(index), value) }
        func bind(_ index: Int, _ text: String) {
            sqlite3_bind_text(handle, Int32(index), text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
        func bindNull(_ index: Int) { sqlite3_bind_null(handle, Int32(index)) }
        func reset() { sqlite3_reset(handle) }

        enum Cell { case number(Double), text(String), null }

        func cell(_ column: Int) -> Cell {
            switch sqlite3_column_type(handle, Int32(column)) {
            case SQLITE_INTEGER, SQLITE_FLOAT: return .number(sqlite3_column_double(handle, Int32(column)))
            case SQLITE_NULL: return .null
            default:
                guard let text = sqlite3_column_text(handle, Int32(column)) else { return .null }
                return .text(String(cString: text))
            }
        }
    }
}
