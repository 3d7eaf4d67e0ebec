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
        guard case .numbers = column.content else {
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
