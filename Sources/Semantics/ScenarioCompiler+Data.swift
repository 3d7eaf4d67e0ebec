import DataFiles
import Diagnostics
import ScenarioSyntax

/// The calls that read a data file into a table.
public enum DataReaders {
    public static let names: Set<String> = ["csv", "json", "bench", "sql"]
}

extension ScenarioCompiler {
    /// Reads the file of every table definition (`weekly = csv("data/weekly.csv")`) before the
    /// timeline is set, since a timeline may be made from a table's dates.
    mutating func loadTables() {
        var queries: [(name: String, query: Expr)] = []
        for name in sourceOrder {
            guard case .definition(_, let expression) = byName[name]!.kind,
                  case .call(let function, let arguments) = expression.kind,
                  DataReaders.names.contains(function) else { continue }
            if function == "sql", arguments.count == 1, case .string = arguments[0].kind {
                queries.append((name, arguments[0]))   // over the block's tables: once they are read
                continue
            }
            guard let (request, key) = dataRequest(function, arguments, expression.span) else {
                failedTables.insert(name)
                continue
            }
            switch data.table(for: request) {
            case .success(var table):
                if let key, !chooseKey(key, of: &table, arguments) {
                    failedTables.insert(name)
                    continue
                }
                tables[name] = table
                columnUnits[name] = ColumnUnits(table, units: units)
                tableTypes[name] = TypeInfo(dimension: .dimensionless,
                                            table: TableInfo(path: request.path, displayPath: table.file.path,
                                                             rowCount: table.rowCount))
            case .failure(let problem):
                failedTables.insert(name)
                if problem.isReportedElsewhere { continue }
                if problem.isHistoryProblem, let option = arguments.first(where: Self.isHistoryOption) {
                    error(problem.message, option.span, notes: problem.notes)
                } else if let offset = problem.queryOffset, arguments.count > 1 {
                    error(problem.message, Self.place(offset, in: arguments[1]), notes: problem.notes)
                } else {
                    error(problem.message, expression.span, notes: problem.notes)
                }
            }
        }
        for (name, query) in queries { runQuery(name, query) }
    }

    /// `slow = sql("SELECT week, p99 FROM weekly WHERE p99 > 200")`: the block's tables read so
    /// far (in the order written), and the results of earlier queries, as SQL tables.
    private mutating func runQuery(_ name: String, _ query: Expr) {
        guard case .string(let text) = query.kind else { return }
        let available = sourceOrder.compactMap { table in tables[table].map { (name: table, table: $0) } }
        switch SQLQuery.run(text, tables: available, resultName: "the result of `\(name)`") {
        case .success(let table):
            tables[name] = table
            columnUnits[name] = ColumnUnits(table, units: units)
            tableTypes[name] = TypeInfo(dimension: .dimensionless,
                                        table: TableInfo(path: "", displayPath: table.file.path, rowCount: table.rowCount))
        case .failure(let problem):
            failedTables.insert(name)
            error(problem.message, problem.offset.map { Self.place($0, in: query) } ?? query.span, notes: problem.notes)
        }
    }

    static func isHistoryOption(_ argument: Expr) -> Bool {
        if case .named(let label, _) = argument.kind { return label == "at" || label == "versions" }
        return false
    }

    /// A byte offset in a query's text as a span in the block: after the opening quote.
    static func place(_ offset: Int, in literal: Expr) -> SourceSpan {
        let start = Swift.min(literal.span.end - 1, literal.span.start + 1 + Swift.max(0, offset))
        return SourceSpan(start, Swift.max(start + 1, Swift.min(literal.span.end - 1, start + 1)))
    }

    /// `key: "service"`: the column of text whose cells name the rows.
    private mutating func chooseKey(_ key: String, of table: inout DataTable, _ arguments: [Expr]) -> Bool {
        let span = arguments.first { if case .named("key", _) = $0.kind { return true } else { return false } }!.span
        guard let index = table.columns.firstIndex(where: { $0.name == key }) else {
            reportMissingColumn(key, in: table, span)
            return false
        }
        guard case .text = table.columns[index].content else {
            error("`key:` names a column of text; `\(key)` holds \(table.columns[index].kindDescription)", span)
            return false
        }
        table.keyColumn = index
        return true
    }

    /// `csv("path")`, `json("path")` / `json("path", "key.path")`, `bench("path")`, with text in
    /// quotes, and the options each takes by name (`key:`, and `format:` for `bench`).
    private mutating func dataRequest(_ function: String, _ arguments: [Expr],
                                      _ span: SourceSpan) -> (DataRequest, key: String?)? {
        let usage = BuiltinFunction(rawValue: function)?.usage ?? function
        var positional: [String] = []
        var options: [String: String] = [:]
        let allowed = function == "bench" ? ["key", "format", "at", "versions"]
            : function == "sql" ? ["at"] : ["key", "at", "versions"]
        var versions: Int?
        for argument in arguments {
            switch argument.kind {
            case .string(let text):
                positional.append(text)
            case .named("versions", let value) where allowed.contains("versions"):
                guard case .number(let count, _, _) = value.kind, count >= 1, count == count.rounded(),
                      count <= 1_000 else {
                    error("`versions:` takes a whole number of versions, 1 to 1,000", value.span)
                    return nil
                }
                versions = Int(count)
            case .named(let label, let value):
                guard allowed.contains(label) else {
                    error("`\(function)` has no option `\(label):`; it takes "
                          + allowed.map { "`\($0):`" }.joined(separator: " and "), argument.span)
                    return nil
                }
                guard case .string(let text) = value.kind else {
                    error("`\(label):` takes text in quotes", value.span)
                    return nil
                }
                options[label] = text
            default:
                error("`\(function)` takes a file's path in quotes: \(usage)", argument.span)
                return nil
            }
        }
        let most = function == "json" || function == "sql" ? 2 : 1
        guard let path = positional.first, !path.isEmpty, positional.count <= most else {
            error("`\(function)` takes a file's path in quotes: \(usage)", span)
            return nil
        }
        let format: DataRequest.Format
        switch function {
        case "csv": format = .csv
        case "bench": format = .bench
        case "sql": format = .sqlite
        default: format = path.lowercased().hasSuffix(".jsonl") ? .jsonLines : .json
        }
        var request = DataRequest(path: path, format: format, keyPath: positional.count > 1 ? positional[1] : nil,
                                  benchFormat: options["format"])
        request.revision = options["at"]
        request.versions = versions
        if request.revision != nil, versions != nil {
            error("`at:` reads one version and `versions:` several: write one of them", span)
            return nil
        }
        if versions != nil, format == .sqlite {
            error("`versions:` reads a data file's history; a database's is not read", span)
            return nil
        }
        return (request, options["key"])
    }

    /// `timeline = weekly.week [.. 2027-03-01]`: a step per row, spaced as the dates are.
    mutating func dataTimeline(_ tableName: String, _ columnName: String, _ span: SourceSpan,
                               until: Int?, untilSpan: SourceSpan?) -> Timeline? {
        if failedTables.contains(tableName) { return nil }
        guard let table = tables[tableName] else {
            error("`\(tableName)` is not a table; read one first, as in `\(tableName) = csv(\"data/file.csv\")`", span)
            return nil
        }
        guard let column = table.column(named: columnName) else {
            reportMissingColumn(columnName, in: table, span)
            return nil
        }
        guard case .dates(let dates) = column.content else {
            error("`\(tableName).\(columnName)` holds \(column.kindDescription); a timeline is made from a column of dates", span)
            return nil
        }
        let spacing: DataTimeline.Spacing
        switch DataTimeline.spacing(dates) {
        case .success(let found): spacing = found
        case .failure(let problem):
            error("cannot make a timeline of `\(tableName).\(columnName)`: \(problem.message)", span)
            return nil
        }
        guard let unitName = spacing.unitName, let unit = units.unit(named: unitName) else {
            error("cannot make a timeline of `\(tableName).\(columnName)`: its dates are not a day, week, month or year apart", span)
            return nil
        }
        if let until, let last = dates.last, until <= last {
            error("the timeline already reaches \(CalendarDays.iso(last)); extend it to a later date", untilSpan ?? span)
            return nil
        }
        let all = DataTimeline.extended(dates, spacing: spacing, until: until, limit: Timeline.maximumSteps)
        guard all.count <= Timeline.maximumSteps else {
            error("this timeline has more than \(Timeline.maximumSteps) steps, the limit", untilSpan ?? span)
            return nil
        }
        return Timeline(start: 0, count: all.count, unit: unit, dates: all, table: tableName)
    }

    mutating func reportMissingColumn(_ name: String, in table: DataTable, _ span: SourceSpan) {
        let names = table.columns.map(\.name)
        let notes = Suggestion.closest(to: name, in: names).map { [Diagnostic.Note("did you mean `\($0)`?")] }
            ?? [.init("its columns: \(names.joined(separator: ", "))")]
        error("\(table.fileName) has no column `\(name)`", span, notes: notes)
    }
}
