import DataFiles
import Diagnostics
import ScenarioSyntax
import Semantics

extension Evaluator {
    /// A numeric column as a series over its rows, in base units of its header's unit (read once
    /// per table when the scenario was compiled).
    func column(_ table: DataTable, _ tableName: String, _ name: String, _ span: SourceSpan) throws -> Value {
        guard let column = table.column(named: name), case .numbers(let numbers) = column.content else {
            throw Failure(message: "\(table.fileName) has no column of numbers `\(name)`", span: span)
        }
        switch scenario.columnUnits[tableName].map({ $0[column: name] }) ?? ColumnUnits.resolve(column, in: table, units: scenario.units) {
        case nil:
            return .series(numbers, .dimensionless)
        case .success(let unit):
            let factor = unit.factor
            return .series(factor == 1 ? numbers : numbers.map { $0 * factor }, unit.dimension, label: unit.label)
        case .failure:
            throw Failure(message: "", span: span, isSilent: true)   // reported by the checker, in the data file
        }
    }

    /// Series combined step by step must be as long as each other. A column on a timeline that
    /// runs past the data (a projection) ends early: reading it there is an error, not a zero.
    func checkLengths(_ a: Value, _ left: Expr, _ b: Value, _ right: Expr) throws {
        guard let xs = a.series, let ys = b.series, xs.count != ys.count else { return }
        let (short, count, other) = xs.count < ys.count ? (left, xs.count, ys.count) : (right, ys.count, xs.count)
        throw Failure(message: "`\(text(short.span))` has \(count) values, but this needs \(other)"
                        + (other == scenario.timeline?.count ? ": it ends\(timeDescription(step: count))" : ""),
                      span: short.span,
                      notes: [.init("data has no values past its last row; use an aggregate (`last`, `fit_growth`) to project")])
    }

    func seriesFunction(_ function: BuiltinFunction, _ values: [Value], _ arguments: [Expr]) throws -> Value {
        let x = values[0]
        let rows = x.elements
        guard !rows.isEmpty else { throw Failure(message: "`\(text(arguments[0].span))` has no values", span: arguments[0].span) }
        switch function {
        case .median: return .scalar(SeriesStatistics.percentile(rows, 0.5), x.dimension, label: x.label)
        case .percentile:
            let share = values[1].element(0)
            guard share >= 0, share <= 1 else {
                let shown = ValueFormatter.format(.scalar(share, label: UnitLabel(scenario.units.unit(named: "%")!)))
                throw Failure(message: "a percentile is between 0% and 100%, not \(shown)",
                              span: arguments[1].span)
            }
            return .scalar(SeriesStatistics.percentile(rows, share), x.dimension, label: x.label)
        case .last: return x.at(step: rows.count - 1)
        case .count: return .scalar(Double(rows.count))
        case .lag:
            let steps = Int(values[1].element(0))
            let shifted = rows.indices.map { rows[Swift.max(0, $0 - steps)] }
            return .series(shifted, x.dimension, label: x.label)
        case .fitGrowth: return try fitGrowth(rows, arguments[0])
        default: throw Failure(message: "`\(function.rawValue)` is not a series function", span: arguments[0].span)
        }
    }

    /// The compound growth per step that fits the series best by least squares on its logarithm,
    /// as a rate per the timeline's unit (`4.59%/week`).
    private func fitGrowth(_ rows: [Double], _ argument: Expr) throws -> Value {
        guard rows.count >= 2 else {
            throw Failure(message: "`fit_growth` needs at least two values", span: argument.span)
        }
        if let bad = rows.firstIndex(where: { $0 <= 0 }) {
            throw Failure(message: "`fit_growth` needs positive values; `\(text(argument.span))` is not\(timeDescription(step: bad))",
                          span: argument.span)
        }
        let perStep = SeriesStatistics.growthPerStep(rows)
        guard let timeline = scenario.timeline else {
            throw Failure(message: "`fit_growth` needs a timeline", span: argument.span)
        }
        let percentPerStep = UnitLabel(scenario.units.unit(named: "%")!) / UnitLabel(timeline.unit)
        return .scalar(perStep / timeline.step, Dimension.time.raised(to: -1), label: percentPerStep)
    }
}
