import Diagnostics
import ScenarioSyntax
import Semantics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Evaluator {
    func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr) throws -> Value {
        let a = try operand(left, of: op), b = try operand(right, of: op)
        try checkLengths(a, left, b, right)
        switch op {
        case .add: return Value.combine(a, b, dimension: a.dimension, label: a.label, Addition())
        case .subtract: return Value.combine(a, b, dimension: a.dimension, label: a.label, Subtraction())
        case .multiply:
            return Value.combine(a, b, dimension: a.dimension * b.dimension, label: a.label * b.label, Multiplication())
        case .divide:
            if let zero = b.firstIndex(where: { $0 == 0 }) {
                let when = b.isSeries ? timeDescription(step: zero) : ""
                throw Failure(message: "division by zero: `\(text(right.span))` is 0\(when)", span: right.span)
            }
            return Value.combine(a, b, dimension: a.dimension / b.dimension, label: .quotient(a.label, b.label),
                                 Division())
        case .power:
            return try power(a, b, left, right)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or:
            return Value.compare(op, a, b)
        }
    }

    /// An operand; in `solve`'s trials, a `first` that never holds compares as later than any time.
    private func operand(_ expr: Expr, of op: BinaryOperator) throws -> Value {
        guard comparesNever, op.isComparison else { return try needed(expr) }
        let value = try evaluate(expr)
        return value.isNever ? .scalar(.infinity, value.dimension, label: value.label) : value
    }

    private func power(_ a: Value, _ b: Value, _ left: Expr, _ right: Expr) throws -> Value {
        let result = Value.combine(a, b, dimension: .dimensionless, label: UnitLabel()) { pow($0, $1) }
        if !a.dimension.isDimensionless {
            // Checking allowed only a fixed whole exponent of at most 12 here; guard the conversion anyway.
            guard let exponent = b.scalar, exponent == exponent.rounded(), Swift.abs(exponent) <= 12 else {
                throw Failure(message: "a quantity with a unit can only be raised to a fixed whole power", span: right.span)
            }
            let n = Int(exponent)
            return result.relabelled(dimension: a.dimension.raised(to: n), label: a.label.raised(to: n))
        }
        if let step = result.firstIndex(where: \.isNaN) {
            let when = result.isSeries ? timeDescription(step: step) : ""
            throw Failure(message: "`\(text(left.span))` raised to `\(text(right.span))` is not a real number\(when)",
                          span: left.span.union(right.span))
        }
        return result
    }

    func rounding(_ mode: Rounding, _ x: Value, unit: ResolvedUnit?) throws -> Value {
        let size = unit?.factor ?? 1
        switch mode {
        case .floor: return rounding(x, RoundedAsShown<RoundingDown>(size: size))
        case .ceil: return rounding(x, RoundedAsShown<RoundingUp>(size: size))
        case .round: return rounding(x, RoundedAsShown<RoundingHalfAway>(size: size))
        }
    }

    private func rounding<Rule>(_ x: Value, _ rounded: RoundedAsShown<Rule>) -> Value {
        guard var samples = x.samples else { return x.map { rounded($0) } }
        samples.numbers = rounded.apply(to: samples.numbers)
        return .uncertain(samples, x.dimension, label: x.label)
    }

    func call(_ function: BuiltinFunction, _ arguments: [Expr], _ span: SourceSpan) throws -> Value {
        if function == .first { return try first(arguments[0]) }
        if function == .regression || function == .change { return try measuredChange(function, arguments) }
        let values = try arguments.map { try needed($0) }
        let x = values[0]
        if let value = try statistic(function, values, arguments) { return value }
        switch function {
        case .floor, .ceil, .round:
            return try rounding(Rounding(rawValue: function.rawValue)!, x, unit: nil)
        case .min, .max:
            if values.count == 1 { return function == .min ? x.smallest() : x.largest() }
            for (value, argument) in zip(values.dropFirst(), arguments.dropFirst()) {
                try checkLengths(x, arguments[0], value, argument)
            }
            let pick: (Double, Double) -> Double = function == .min ? { Swift.min($0, $1) } : { Swift.max($0, $1) }
            return values.dropFirst().reduce(x) { Value.combine($0, $1, dimension: x.dimension, label: x.label, pick) }
        case .abs:
            return x.map { Swift.abs($0) }
        case .sqrt:
            if x.firstIndex(where: { $0 < 0 }) != nil {
                throw Failure(message: "square root of a negative value: `\(text(arguments[0].span))`", span: arguments[0].span)
            }
            return x.map(dimension: x.dimension.root(2) ?? .dimensionless, label: UnitLabel()) { $0.squareRoot() }
        case .exp:
            return x.map(label: UnitLabel()) { Glibc.exp($0) }
        case .ln, .log10:
            if x.firstIndex(where: { $0 <= 0 }) != nil {
                throw Failure(message: "`\(function.rawValue)` of a value that is not positive: `\(text(arguments[0].span))`",
                              span: arguments[0].span)
            }
            return x.map(label: UnitLabel()) { function == .ln ? Glibc.log($0) : Glibc.log10($0) }
        case .compound:
            // Checking guaranteed the rate is written per one unit of time: that unit is the period.
            let periodSeconds = period(of: x.label)?.factor ?? 1
            if x.isUncertain || values[1].isUncertain {
                // (1 + r)^n as e^(n · ln(1 + r)): the logarithm once per sample, not once per step.
                let logGrowth = x.map { log(1 + $0 * periodSeconds) }
                let periods = values[1].map { $0 / periodSeconds }
                if let powers = Value.compoundingInSteps(logGrowth, periods) { return powers }
                return Value.combine(logGrowth, periods, dimension: .dimensionless, label: UnitLabel()) {
                    $1 == 0 ? 1 : exp($0 * $1)
                }
            }
            return Value.combine(x, values[1], dimension: .dimensionless, label: UnitLabel()) { rate, duration in
                pow(1 + rate * periodSeconds, duration / periodSeconds)
            }
        case .median, .percentile, .last, .count, .lag, .fitGrowth, .sd:
            return try seriesFunction(function, values, arguments)
        case .normal, .uniform, .triangular, .prob, .solve, .regression, .change:
            throw Failure(message: "`\(function.rawValue)` takes \(function.usage)", span: span)   // handled before
        case .csv, .json, .bench, .sql:
            throw Failure(message: "`\(function.rawValue)(…)` reads a table; give it a line of its own", span: span)
        case .sum: return x.total()
        case .mean: return x.average()
        case .cumsum: return x.cumulative()
        case .at: return try at(x, values[1], arguments[1])
        case .first: return try first(arguments[0])
        }
    }

    private func first(_ conditionExpr: Expr) throws -> Value {
        let condition = try needed(conditionExpr)
        guard let timeline = scenario.timeline else {
            throw Failure(message: "`first` needs a timeline", span: conditionExpr.span)
        }
        if let samples = condition.samples { return firstOfSamples(samples, timeline: timeline) }
        guard let index = condition.firstIndex(where: { $0 != 0 }) else {
            return .never(.time, label: UnitLabel(timeline.unit))
        }
        return .scalar(timeline.time(at: index), .time, label: UnitLabel(timeline.unit))
    }

    /// `at(series, 6 months)`: the step is worked out in Doubles and checked before it becomes an Int.
    private func at(_ x: Value, _ when: Value, _ whenExpr: Expr) throws -> Value {
        guard let timeline = scenario.timeline, let seconds = when.scalar else {
            let what = when.isUncertain
                ? "; `\(text(whenExpr.span))` is uncertain (use `median(…)` or a time as written)" : ""
            throw Failure(message: "`at` needs a timeline and a single, certain time\(what)", span: whenExpr.span)
        }
        let position = seconds / timeline.step - timeline.start
        let nearest = position.rounded()
        guard nearest >= 0, nearest < Double(timeline.count) else {
            throw Failure(message: "`\(text(whenExpr.span))` is outside the timeline", span: whenExpr.span)
        }
        guard Swift.abs(position - nearest) < 1e-9 else {
            throw Failure(message: "`\(text(whenExpr.span))` is not a step of the timeline "
                            + "(steps are 1 \(timeline.unit.name) apart)", span: whenExpr.span)
        }
        return x.at(step: Int(nearest))
    }
}
