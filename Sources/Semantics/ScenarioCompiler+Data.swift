import DataFiles
import Diagnostics
import ScenarioSyntax

extension ScenarioCompiler {
    /// Reads the file of every table definition (`weekly = csv("data/weekly.csv")`) before the
    /// timeline is set, since a timeline may be made from a table's dates.
    mutating func loadTables() {
        for name in sourceOrder {
            guard case .definition(_, let expression) = byName[name]!.kind,
                  case .call(let function, let arguments) = expression.kind,
                  function == "csv" || function == "json" else { continue }
            guard let request = dataRequest(function, arguments, expression.span) else {
                failedTables.insert(name)
                continue
            }
            switch data.table(for: request) {
            case .success(let table):
                tables[name] = table
                columnUnits[name] = ColumnUnits(table, units: units)
                tableTypes[name] = TypeInfo(dimension: .dimensionless,
                                            table: TableInfo(path: request.path, displayPath: table.file.path,
                                                             rowCount: table.rowCount))
            case .failure(let problem):
                failedTables.insert(name)
                if !problem.isReportedElsewhere { error(problem.message, expression.span, notes: problem.notes) }
            }
        }
    }

    /// `csv("path")` or `json("path")` / `json("path", "key.path")`, with text in quotes.
    private mutating func dataRequest(_ function: String, _ arguments: [Expr], _ span: SourceSpan) -> DataRequest? {
        let texts = arguments.map { argument -> String? in
            if case .string(let text) = argument.kind { return text }
            return nil
        }
        let usage = function == "csv" ? "csv(\"data/file.csv\")" : "json(\"data/file.json\") or json(\"file.json\", \"key.path\")"
        guard (function == "csv" ? 1...1 : 1...2).contains(arguments.count), !texts.contains(nil),
              let path = texts.first ?? nil, !path.isEmpty else {
            error("`\(function)` takes a file's path in quotes: \(usage)", span)
            return nil
        }
        return DataRequest(path: path, format: function == "csv" ? .csv : .json,
                           keyPath: texts.count > 1 ? texts[1] : nil)
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
