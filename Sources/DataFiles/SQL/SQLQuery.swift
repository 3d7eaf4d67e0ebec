import Diagnostics

/// `sql("SELECT …")` over a page's tables, and `sql("data/x.sqlite", "SELECT …")` over a database
/// file, run by SQLite in memory. A page's tables are loaded as SQL tables under their names, each
/// column typed (numbers REAL, text and dates TEXT as `YYYY-MM-DD`) and in the unit its source
/// gives it, so `WHERE p99 > 200` compares milliseconds with 200. The result is a table like any
/// other: a column keeps the unit and kind of the column it comes from, or takes the unit its
/// alias names (`AS "p99 (ms)"`). Queries only read, run one statement, and stop at
/// `seconds` and `DataLimits.rows`.
public enum SQLQuery {
    public static let seconds = 2.0

    public struct Problem: Error, Sendable {
        public var message: String
        /// Where in the query text SQLite found it, in bytes.
        public var offset: Int?
        public var notes: [Diagnostic.Note] = []
    }

    public static func run(_ query: String, tables: [(name: String, table: DataTable)], database: [UInt8]? = nil,
                           resultName: String) -> Result<DataTable, Problem> {
        do {
            let connection = try SQLiteConnection()
            if let database { try connection.deserialize(database) }
            try load(tables, into: connection)
            connection.limitTime(to: seconds)
            defer { connection.releaseDeadline() }
            let statement = try connection.prepare(query)
            guard statement.isReadOnly else {
                return .failure(Problem(message: "a query only reads: this statement would change the database",
                                        offset: 0))
            }
            return try result(statement, query: query, tables: tables, resultName: resultName)
        } catch let failure as SQLiteConnection.Failure {
            return .failure(problem(failure, tables: tables, database: database != nil))
        } catch let problem as Problem {
            return .failure(problem)
        } catch {
            return .failure(Problem(message: "\(error)", offset: nil))
        }
    }

    /// SQLite's message, said as costmark says things, with the nearest table or column name.
    private static func problem(_ failure: SQLiteConnection.Failure, tables: [(name: String, table: DataTable)],
                                database: Bool) -> Problem {
        if failure.message == "interrupted" {
            return Problem(message: "the query ran longer than \(Int(seconds)) s, the limit", offset: failure.offset)
        }
        var problem = Problem(message: "SQL: " + failure.message, offset: failure.offset)
        let names = tables.map(\.name)
        if failure.message.hasPrefix("no such table: ") {
            let name = String(failure.message.dropFirst("no such table: ".count))
            if let close = Suggestion.closest(to: name, in: names) {
                problem.notes.append(.init("did you mean `\(close)`?"))
            } else if !database {
                problem.notes.append(.init(names.isEmpty ? "this block reads no table yet"
                                           : "the tables of this block: " + names.joined(separator: ", ")))
            }
        } else if failure.message.hasPrefix("no such column: ") {
            let name = String(failure.message.dropFirst("no such column: ".count))
            let columns = tables.flatMap { $0.table.columns.map(\.name) }
            if let close = Suggestion.closest(to: name, in: columns) { problem.notes.append(.init("did you mean `\(close)`?")) }
        }
        return problem
    }

    /// Each table as `CREATE TABLE "name" (…)` and its rows, in one transaction.
    private static func load(_ tables: [(name: String, table: DataTable)], into connection: SQLiteConnection) throws {
        guard !tables.isEmpty else { return }
        try connection.execute("BEGIN")
        for (name, table) in tables {
            let columns = table.columns.filter { if case .samples = $0.content { return false } else { return true } }
            guard !columns.isEmpty else { continue }
            let definitions = columns.map { column -> String in
                if case .numbers = column.content { return quoted(column.name) + " REAL" }
                return quoted(column.name) + " TEXT"
            }
            try connection.execute("CREATE TABLE \(quoted(name)) (\(definitions.joined(separator: ", ")))")
            let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
            let insert = try connection.prepare("INSERT INTO \(quoted(name)) VALUES (\(marks))")
            for row in 0..<table.rowCount {
                for (index, column) in columns.enumerated() {
                    switch column.content {
                    case .numbers(let values):
                        if values[row].isFinite { insert.bind(index + 1, values[row]) } else { insert.bindNull(index + 1) }
                    case .text(let texts): insert.bind(index + 1, texts[row])
                    case .dates(let days): insert.bind(index + 1, CalendarDays.iso(days[row]))
                    case .samples: break
                    }
                }
                _ = try insert.step()
                insert.reset()
            }
        }
        try connection.execute("COMMIT")
    }

    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The rows of a statement as a table: each column numbers, dates or text.
    private static func result(_ statement: SQLiteConnection.Statement, query: String,
                               tables: [(name: String, table: DataTable)], resultName: String) throws -> Result<DataTable, Problem> {
        let count = statement.columnCount
        guard count > 0 else { return .failure(Problem(message: "the query returns no columns", offset: 0)) }
        guard count <= DataLimits.columns else {
            return .failure(Problem(message: "the query returns \(count) columns; the limit is \(DataLimits.columns)",
                                    offset: 0))
        }
        var cells = Array(repeating: [SQLiteConnection.Statement.Cell](), count: count)
        var rows = 0
        while try statement.step() {
            rows += 1
            guard rows <= DataLimits.rows else {
                return .failure(Problem(message: "the query returns more than \(DataLimits.rows) rows, the limit for a "
                                        + "table", offset: 0))
            }
            for column in 0..<count { cells[column].append(statement.cell(column)) }
        }
        var columns: [DataColumn] = []
        var names = Set<String>()
        for index in 0..<count {
            let header = statement.name(index)
            let source = origin(statement, index, tables)
            let column = try makeColumn(header: header, cells: cells[index], source: source, query: query)
            guard names.insert(column.name).inserted else {
                return .failure(Problem(message: "two columns of the result are named `\(column.name)`; name one "
                                        + "with `AS`", offset: 0))
            }
            columns.append(column)
        }
        let file = SourceFile(path: resultName, text: query)
        return .success(DataTable(file: file, columns: columns, rowCount: rows, rowLines: Array(repeating: 1, count: rows)))
    }

    /// The page's column a result column is read from unchanged, if any.
    private static func origin(_ statement: SQLiteConnection.Statement, _ index: Int,
                               _ tables: [(name: String, table: DataTable)]) -> DataColumn? {
        guard let tableName = statement.originTable(index), let columnName = statement.originColumn(index),
              let table = tables.first(where: { $0.name == tableName })?.table else { return nil }
        return table.column(named: columnName)
    }

    private static func makeColumn(header: String, cells: [SQLiteConnection.Statement.Cell], source: DataColumn?,
                                   query: String) throws -> DataColumn {
        let parsed = DataHeader.parse(header)
        // A unit named in the alias wins; else the source column's; it is located in the query text.
        var unit = parsed.unit ?? source?.unit
        var unitSpan: Range<Int>?
        if let written = unit {
            let start = offset(of: Array(("(" + written).utf8), in: Array(query.utf8)).map { $0 + 1 } ?? 0
            unitSpan = start..<start + Swift.max(1, written.utf8.count)
        }
        let name = parsed.name.isEmpty ? "column" : parsed.name
        var numbers: [Double] = [], texts: [String] = []
        var allNumbers = true
        for cell in cells {
            switch cell {
            case .number(let value): numbers.append(value); texts.append(ValueText.plain(value))
            case .text(let text): allNumbers = false; texts.append(text); numbers.append(.nan)
            case .null: numbers.append(.nan); texts.append("")
            }
        }
        let content: DataColumn.Content
        if case .dates? = source?.content, let days = dates(texts) {
            content = .dates(days)
        } else if allNumbers, !cells.isEmpty || source.map({ if case .numbers = $0.content { true } else { false } }) ?? false {
            if let row = numbers.firstIndex(where: { !$0.isFinite }) {
                throw Problem(message: "`\(name)` has no value (NULL) in row \(row + 1) of the result; a column of numbers "
                              + "needs one in every row", offset: 0,
                              notes: [.init("leave such rows out (`WHERE … IS NOT NULL`) or give a default: `coalesce(…, 0)`")])
            }
            content = .numbers(numbers)
        } else if !cells.isEmpty, let days = dates(texts) {
            content = .dates(days)
        } else {
            unit = nil
            unitSpan = nil
            content = .text(texts)
        }
        return DataColumn(name: name, header: header, unit: unit, unitSpan: unitSpan, headerSpan: 0..<1, content: content)
    }

    /// Where `needle` first starts in `bytes`.
    private static func offset(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<start + needle.count].elementsEqual(needle) { return start }
        }
        return nil
    }

    /// Every cell a `YYYY-MM-DD` date, as days since 1970; nil otherwise.
    private static func dates(_ texts: [String]) -> [Int]? {
        var days: [Int] = []
        days.reserveCapacity(texts.count)
        for text in texts {
            guard let day = Array(text.utf8).withUnsafeBufferPointer(CellParsing.date) else { return nil }
            days.append(day)
        }
        return days
    }
}

/// Numbers as text where a column mixes them with text.
enum ValueText {
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
