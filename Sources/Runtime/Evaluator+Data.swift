import DataFiles
import Diagnostics
import ScenarioSyntax
import Semantics

extension Evaluator {
    /// A numeric column as a series over its rows, in base units of its header's unit (read once
    /// per table when the scenario was compiled). Its numbers were finite when read; only a unit
    /// larger than the base unit can take them out of range, so only then are they checked.
    func column(_ table: DataTable, _ tableName: String, _ name: String, _ expr: Expr) throws -> Value {
        guard let column = table.column(named: name), case .numbers(let numbers) = column.content else {
            throw Failure(message: "\(table.fileName) has no column of numbers `\(name)`", span: expr.span)
        }
        switch scenario.columnUnits[tableName].map({ $0[column: name] }) ?? ColumnUnits.resolve(column, in: table, units: scenario.units) {
        case nil:
            return .series(numbers, .dimensionless)
        case .success(let unit):
            let scaled = column.numbers(scaledBy: unit.factor) ?? numbers
            if unit.factor > 1, let step = scaled.firstIndex(where: { !$0.isFinite }) {
                throw nonFinite(scaled[step], expr, step: step)
            }
            return .series(scaled, unit.dimension, label: unit.label)
        case .failure:
            throw Failure(message: "", span: expr.span, isSilent: true)   // reported by the checker, in the data file
        }
    }

    /// `gzip.mean["gzip -6 big.txt"]`: the cell of the row with that key, in base units. Of a
    /// column of measurements, an uncertain value: the scenario's samples drawn from the
    /// measurements (stratified, seeded like a range, so the same file gives the same numbers),
    /// each a measured value, so percentiles and `prob` read the runs' own distribution.
    func row(_ read: Expr, _ key: String, _ expr: Expr) throws -> Value {
        guard case .member(let tableName, let name) = read.kind, let table = scenario.tables[tableName],
              let column = table.column(named: name), let row = table.row(forKey: key) else {
            throw Failure(message: "no row \"\(key)\" here", span: expr.span)
        }
        var (factor, dimension, label) = (1.0, Dimension.dimensionless, UnitLabel())
        switch scenario.columnUnits[tableName].map({ $0[column: name] })
                ?? ColumnUnits.resolve(column, in: table, units: scenario.units) {
        case nil: break
        case .success(let unit): (factor, dimension, label) = (unit.factor, unit.dimension, unit.label)
        case .failure: throw Failure(message: "", span: expr.span, isSilent: true)
        }
        switch column.content {
        case .numbers(let numbers):
            return .scalar(numbers[row] * factor, dimension, label: label)
        case .samples(let rows):
            let runs = rows[row].map { $0 * factor }.sorted()
            guard !runs.isEmpty else {
                throw Failure(message: "`\(text(expr.span))` has no measurements", span: expr.span)
            }
            let uniforms = Sampling.stratifiedUniforms(count: sampleCount, seed: seed(for: expr))
            let numbers = uniforms.map { runs[Swift.min(runs.count - 1, Int($0 * Double(runs.count)))] }
            return .uncertain(Samples(count: sampleCount, steps: nil, numbers: numbers), dimension, label: label)
        case .dates, .text:
            throw Failure(message: "`\(tableName).\(name)` holds \(column.kindDescription)", span: expr.span)
        }
    }

    /// `regression(new, old)` and `change(new, old)` on the runs themselves (not the scenario's
    /// samples drawn from them): the test must count each measurement once.
    func measuredChange(_ function: BuiltinFunction, _ arguments: [Expr]) throws -> Value {
        let sets = try arguments.map { argument -> [Double] in
            guard let runs = measurements(argument) else {
                throw Failure(message: "`\(function.rawValue)` compares measurements: `\(text(argument.span))` is not "
                              + "a benchmark's runs (`table.runs[\"name\"]`)", span: argument.span)
            }
            guard runs.count >= 2, runs.allSatisfy({ $0.isFinite }), runs.contains(where: { $0 != 0 }) else {
                throw Failure(message: "`\(text(argument.span))` has \(runs.count) measurement"
                              + (runs.count == 1 ? "" : "s") + "; comparing needs at least 2, not all zero",
                              span: argument.span)
            }
            return runs
        }
        if function == .regression {
            return .scalar(MeasuredChange.regression(sets[0], sets[1]), .dimensionless)
        }
        let draws = MeasuredChange.bootstrap(sets[0], sets[1], count: sampleCount, seed: seed(for: arguments[0]))
        return .uncertain(Samples(count: sampleCount, steps: nil, numbers: draws), .dimensionless)
    }

    /// The runs a row of a column of measurements holds, through names defined as one.
    func measurements(_ expr: Expr) -> [Double]? {
        guard case .keyed(let read, let key)? = definedAs(expr)?.kind,
              case .member(let tableName, let name) = read.kind, let table = scenario.tables[tableName],
              let column = table.column(named: name), let row = table.row(forKey: key),
              case .samples(let rows) = column.content else { return nil }
        // In base units: the two sets may come from files in different units.
        let factor = tableColumn(tableName, name)?.factor ?? 1
        return rows[row].map { $0 * factor }
    }

    /// The column an expression reads as it is — `weekly.p99`, or a name defined as exactly
    /// that — with the size of its unit, so ranking it can use the column's shared sorted copy.
    func plainColumn(_ expr: Expr) -> (DataColumn, factor: Double)? {
        guard case .member(let base, let name)? = definedAs(expr)?.kind else { return nil }
        return tableColumn(base, name)
    }

    /// A table's column with the size of its header's unit (1 when it gives none); nil when
    /// there is no such column or its unit does not read.
    private func tableColumn(_ tableName: String, _ name: String) -> (DataColumn, factor: Double)? {
        guard let table = scenario.tables[tableName], let column = table.column(named: name) else { return nil }
        switch scenario.columnUnits[tableName].map({ $0[column: name] }) {
        case nil: return nil
        case .some(nil): return (column, 1)
        case .some(.success(let unit)?): return (column, unit.factor)
        case .some(.failure?): return nil
        }
    }

    /// The expression a name stands for, through names defined as names (at most 8 deep); the
    /// expression itself when it is not a name.
    private func definedAs(_ expr: Expr) -> Expr? {
        var current = expr
        for _ in 0..<8 {
            guard case .name(let name) = current.kind else { return current }
            guard let definition = scenario.definition(named: name) else { return nil }
            current = definition.expression
        }
        return nil
    }

    /// A percentile of the rows: from the column's sorted copy when the argument is a column
    /// ranked before, else by selection.
    func percentile(_ rows: [Double], _ share: Double, of argument: Expr) -> Double {
        if let (column, factor) = plainColumn(argument), let sorted = column.rankedNumbers(), sorted.count == rows.count {
            return SeriesStatistics.percentile(sorted: sorted, scale: factor, share)
        }
        return SeriesStatistics.percentile(rows, share)
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
        if let samples = x.samples, let steps = samples.steps {
            switch function {
            case .last: return x.at(step: steps - 1)
            case .count: return .scalar(Double(steps))
            case .lag: return lagged(samples, by: Int(values[1].element(0)), x)
            default: throw Failure(message: "`\(function.rawValue)` does not take an uncertain value",
                                   span: arguments[0].span)
            }
        }
        let rows = x.elements
        guard !rows.isEmpty else { throw Failure(message: "`\(text(arguments[0].span))` has no values", span: arguments[0].span) }
        switch function {
        case .median: return .scalar(percentile(rows, 0.5, of: arguments[0]), x.dimension, label: x.label)
        case .percentile:
            let share = try percentileShare(values[1], arguments[1])
            return .scalar(percentile(rows, share, of: arguments[0]), x.dimension, label: x.label)
        case .sd: return .scalar(SeriesStatistics.standardDeviation(rows), x.dimension, label: x.label)
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
