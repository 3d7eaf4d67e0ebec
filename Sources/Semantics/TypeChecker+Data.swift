import DataFiles
import Diagnostics
import ScenarioSyntax

extension TypeChecker {
    /// `weekly.p99`: a series over the table's rows, in the unit its header gives. It lines up with
    /// the timeline when the timeline was made from the same table or has as many steps.
    mutating func columnType(_ table: DataTable, _ tableName: String, _ name: String,
                             _ span: SourceSpan) throws -> TypeInfo {
        guard let column = table.column(named: name) else {
            let names = table.columns.map(\.name)
            let notes = Suggestion.closest(to: name, in: names).map { [Diagnostic.Note("did you mean `\($0)`?")] }
                ?? [.init("its columns: \(names.joined(separator: ", "))")]
            throw fail("\(table.fileName) has no column `\(name)`", span, notes: notes)
        }
        switch column.content {
        case .numbers: break
        case .samples:
            let key = table.keys.first ?? "name"
            throw fail("`\(tableName).\(name)` holds several measurements per row; read one row's as an uncertain "
                       + "value: `\(tableName).\(name)[\"\(key)\"]`", span)
        case .dates, .text:
            let use = column.kindDescription == "dates" ? "it can make the timeline (`timeline = \(tableName).\(name)`)"
                : "it can label rows, not be computed with"
            throw fail("`\(tableName).\(name)` holds \(column.kindDescription): \(use)", span)
        }
        let aligned = timeline.map { $0.table == tableName || $0.count == table.rowCount } ?? false
        let rows = aligned ? nil : SeriesRows(count: table.rowCount, source: table.fileName)
        let unit = columnUnits[tableName].map { $0[column: name] } ?? ColumnUnits.resolve(column, in: table, units: units)
        switch unit {
        case nil:
            return TypeInfo(dimension: .dimensionless, isSeries: true, rows: rows)
        case .success(let unit):
            return TypeInfo(dimension: unit.dimension, isSeries: true, rows: rows, label: unit.label)
        case .failure(let problem):
            diagnostics += problem.diagnostics
            throw Failure()
        }
    }

    /// `gzip.mean["gzip -6 big.txt"]`: one row's cell, a single value in the column's unit; of
    /// a column of measurements, an uncertain value (each run a sample).
    mutating func keyedType(_ read: Expr, _ key: String, _ span: SourceSpan) throws -> TypeInfo {
        guard case .member(let tableName, let name) = read.kind, let table = tables[tableName] else {
            if case .member(let tableName, _) = read.kind, failed.contains(tableName) { throw Failure() }
            throw fail("a row is picked from a column of a table, as in `results.mean[\"name\"]`", read.span)
        }
        guard let column = table.column(named: name) else {
            reportColumn(name, missingFrom: table, read.span)
            throw Failure()
        }
        guard let keyColumn = table.keyColumn else {
            throw fail("\(table.fileName) has no column of text to name its rows", span,
                       notes: [.init("name the column that does: `csv(\"…\", key: \"service\")`")])
        }
        guard table.row(forKey: key) != nil else {
            let keys = table.keys
            let hint = Suggestion.closest(to: key, in: keys).map { "did you mean \"\($0)\"?" }
                ?? "its rows: " + keys.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
                + (keys.count > 8 ? ", …" : "")
            throw fail("\(table.fileName) has no row whose `\(table.columns[keyColumn].name)` is \"\(key)\"", span,
                       notes: [.init(hint)])
        }
        let unit = columnUnits[tableName].map { $0[column: name] } ?? ColumnUnits.resolve(column, in: table, units: units)
        var type: TypeInfo
        switch unit {
        case nil: type = TypeInfo(dimension: .dimensionless)
        case .success(let unit): type = TypeInfo(dimension: unit.dimension, label: unit.label)
        case .failure(let problem):
            diagnostics += problem.diagnostics
            throw Failure()
        }
        switch column.content {
        case .numbers: return type
        case .samples:
            type.uncertainInputs = [inputName]
            return type
        case .dates, .text:
            throw fail("`\(tableName).\(name)` holds \(column.kindDescription); a row's value is read from a column "
                       + "of numbers or of measurements", read.span)
        }
    }

    mutating func reportColumn(_ name: String, missingFrom table: DataTable, _ span: SourceSpan) {
        let names = table.columns.map(\.name)
        let notes = Suggestion.closest(to: name, in: names).map { [Diagnostic.Note("did you mean `\($0)`?")] }
            ?? [.init("its columns: \(names.joined(separator: ", "))")]
        diagnostics.append(.error("\(table.fileName) has no column `\(name)`", at: fragment.location(span), notes: notes))
    }

    /// `[180, 176, 190] * 1 ms`: single values of one dimension, as a series of that many rows.
    mutating func listType(_ items: [Expr], _ span: SourceSpan) throws -> TypeInfo {
        guard !items.isEmpty else { throw fail("a series needs at least one value", span) }
        let types = try items.map { try infer($0) }
        for (type, item) in zip(types, items) {
            if type.isUncertain {
                throw fail("a value in brackets must be certain; a range belongs in a definition of its own", item.span)
            }
            if type.isSeries { throw fail("a value in brackets must be a single value, not a series", item.span) }
            if type.dimension != types[0].dimension {
                throw fail("the values in brackets differ: \(describe(types[0])) and \(describe(type))", item.span)
            }
        }
        let aligned = timeline?.count == items.count
        let rows = aligned ? nil : SeriesRows(count: items.count, source: "the list in brackets")
        return TypeInfo(dimension: types[0].dimension, isSeries: true, rows: rows, label: types[0].label)
    }

    /// Functions over the rows of a series: median, percentile, last, count, lag, fit_growth.
    mutating func seriesFunction(_ function: BuiltinFunction, _ arguments: [Expr], _ types: [TypeInfo],
                                 _ span: SourceSpan) throws -> TypeInfo {
        let first = types[0]
        guard first.isSeries else {
            throw fail("`\(function.rawValue)` works on a series (a column, or a value that depends on `t`); "
                       + "this is a single value", arguments[0].span)
        }
        switch function {
        case .median, .last, .sd:
            return TypeInfo(dimension: first.dimension, label: first.label)
        case .count:
            return TypeInfo(dimension: .dimensionless)
        case .percentile:
            guard types[1].dimension.isDimensionless, !types[1].isSeries else {
                throw fail("`percentile` takes a share such as `90%`, not \(describe(types[1]))", arguments[1].span)
            }
            return TypeInfo(dimension: first.dimension, label: first.label)
        case .lag:
            guard types[1].dimension.isDimensionless, !types[1].isSeries, let steps = types[1].constant,
                  steps == steps.rounded(), steps >= 0, steps <= Double(Timeline.maximumSteps) else {
                throw fail("`lag` takes a whole number of steps written out, such as `lag(requests, 1)`", arguments[1].span)
            }
            return TypeInfo(dimension: first.dimension, isSeries: true, rows: first.rows, label: first.label)
        case .fitGrowth:
            guard let timeline, first.rows == nil else {
                throw fail("`fit_growth` needs a series on the timeline, to know what a step is", arguments[0].span)
            }
            let percent = UnitLabel(units.unit(named: "%")!) / UnitLabel(timeline.unit)
            return TypeInfo(dimension: Dimension.time.raised(to: -1), label: percent)
        default:
            throw fail("`\(function.rawValue)` is not a series function", span)
        }
    }
}
