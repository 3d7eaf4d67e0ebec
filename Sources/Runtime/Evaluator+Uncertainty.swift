import Diagnostics
import ScenarioSyntax
import Semantics

/// Ranges and distributions drawn as columns of samples, and the statistics that read them.
extension Evaluator {
    var sampleCount: Int { scenario.sampleCount }

    /// The seed of one range or distribution: its definition's name, its own text and where it
    /// sits in the definition. Editing one input leaves every other input's draws as they were.
    /// The name is taken without the prefix an import gives it (`main.price`, `team.price`), so
    /// a value read from another block or model is the same samples there as at home.
    func seed(for expr: Expr) -> UInt64 {
        let start = definitionName.flatMap { scenario.definition(named: $0)?.span.start } ?? 0
        let name = definitionName.map { String($0.split(separator: ".").last ?? "") } ?? ""
        return Sampling.seed([name, text(expr.span), String(expr.span.start &- start), String(sampleCount)])
    }

    /// `low to high`: the 5th and 95th percentiles of a lognormal (both ends positive) or a normal.
    func between(_ lowExpr: Expr, _ highExpr: Expr, _ expr: Expr) throws -> Value {
        let low = try needed(lowExpr), high = try needed(highExpr)
        return try draw(expr, [low, high], [lowExpr, highExpr]) { p in
            p[1] < p[0] ? "this range runs downwards: `\(text(highExpr.span))` is below `\(text(lowExpr.span))`" : nil
        } distribution: { p in .between(p[0], p[1]) }
    }

    /// `normal(mean, sd)`, `uniform(low, high)`, `triangular(low, mode, high)`.
    func distribution(_ function: BuiltinFunction, _ values: [Value], _ arguments: [Expr],
                      _ expr: Expr) throws -> Value {
        switch function {
        case .normal:
            return try draw(expr, values, arguments) { p in
                p[1] < 0 ? "the standard deviation `\(text(arguments[1].span))` is negative" : nil
            } distribution: { p in .normal(mean: p[0], sd: p[1]) }
        case .uniform:
            return try draw(expr, values, arguments) { p in
                p[1] < p[0] ? "`uniform` takes the lower end first" : nil
            } distribution: { p in .uniform(low: p[0], high: p[1]) }
        default:
            return try draw(expr, values, arguments) { p in
                p[0] <= p[1] && p[1] <= p[2] ? nil : "`triangular` takes low, mode and high in that order"
            } distribution: { p in .triangular(low: p[0], mode: p[1], high: p[2]) }
        }
    }

    /// One column of samples: a stratified uniform per sample through the quantile of the
    /// `distribution` the parameters give. Parameters may themselves be uncertain single values,
    /// read sample by sample; `problem` vets them.
    private func draw(_ expr: Expr, _ parameters: [Value], _ arguments: [Expr], problem: ([Double]) -> String?,
                      distribution: ([Double]) -> Distribution) throws -> Value {
        for (value, argument) in zip(parameters, arguments) where value.isSeries {
            throw Failure(message: "`\(text(argument.span))` is a series; "
                            + "a distribution's parameters are single values",
                          span: argument.span)
        }
        let uniforms = Sampling.stratifiedUniforms(count: sampleCount, seed: seed(for: expr))
        let fixed = parameters.allSatisfy { !$0.isUncertain }
        var current = parameters.map { $0.scalar ?? 0 }
        if fixed, let message = problem(current) { throw Failure(message: message, span: expr.span) }
        var numbers = [Double](repeating: 0, count: sampleCount)
        if fixed {
            let shape = distribution(current)
            for sample in 0..<sampleCount { numbers[sample] = shape.quantile(uniforms[sample]) }
        } else {
            for sample in 0..<sampleCount {
                for (index, value) in parameters.enumerated() {
                    current[index] = value.samples?.numbers[sample] ?? value.scalar ?? .nan
                }
                if let message = problem(current) {
                    throw Failure(message: message + " in some samples", span: expr.span)
                }
                numbers[sample] = distribution(current).quantile(uniforms[sample])
            }
        }
        let first = parameters.first { !$0.label.isEmpty } ?? parameters[0]
        return .uncertain(Samples(count: sampleCount, steps: nil, numbers: numbers), first.dimension,
                          label: first.label)
    }

    /// `median`, `mean`, `percentile`, `sd` and `prob`: across samples (step by step) for an
    /// uncertain value; nil for a certain one, which keeps the meaning it has on a series.
    func statistic(_ function: BuiltinFunction, _ values: [Value], _ arguments: [Expr]) throws -> Value? {
        let x = values[0]
        if function == .prob {
            let shares = x.samples?.shareHolding() ?? (x.series ?? [x.scalar ?? 0]).map { $0 != 0 ? 1 : 0 }
            return certain(shares, like: x, dimension: .dimensionless, label: percentLabel)
        }
        guard let samples = x.samples else { return nil }
        if samples.mayBeNever, [.mean, .sd].contains(function), samples.numbers.contains(.infinity) {
            let never = samples.numbers.lazy.filter { $0 == .infinity }.count
            let share = ValueFormatter.significant(100 * Double(never) / Double(samples.numbers.count), digits: 2)
            throw Failure(message: "`\(text(arguments[0].span))` never happens in \(share)% of the samples, "
                            + "so it has no \(function == .mean ? "mean" : "standard deviation")",
                          span: arguments[0].span,
                          notes: [.init("use `median`, `percentile` or `prob`, "
                                        + "which count \"never\" as later than any time")])
        }
        switch function {
        case .median: return certain(samples.percentiles(0.5), like: x)
        case .mean: return certain(samples.means(), like: x)
        case .sd: return certain(samples.standardDeviations(), like: x)
        case .percentile:
            let share = try percentileShare(values[1], arguments[1])
            return certain(samples.percentiles(share), like: x)
        default: return nil
        }
    }

    var percentLabel: UnitLabel { UnitLabel(scenario.units.unit(named: "%")!) }

    /// One number per step, as a certain value shaped like `x` (a series if `x` is one). A
    /// percentile that falls among samples where `first` never holds is "never".
    private func certain(_ numbers: [Double], like x: Value, dimension: Dimension? = nil,
                         label: UnitLabel? = nil) -> Value {
        let dimension = dimension ?? x.dimension, label = label ?? x.label
        if !x.isSeries, numbers[0] == .infinity, x.samples?.mayBeNever == true {
            return .never(dimension, label: label)
        }
        return x.isSeries ? .series(numbers, dimension, label: label) : .scalar(numbers[0], dimension, label: label)
    }

    /// `first(condition)` on an uncertain condition: for each sample, the time it first holds, or
    /// +infinity where it never does (counted as its own outcome, shown as "never").
    func firstOfSamples(_ samples: Samples, timeline: Timeline) -> Value {
        let count = samples.count
        var numbers = [Double](repeating: .infinity, count: count)
        // Step by step from the last, each step where the condition holds overwriting the later
        // ones: a pass along each column, where a search along each path would stride across them.
        samples.numbers.withUnsafeBufferPointer { holds in
            numbers.withUnsafeMutableBufferPointer { first in
                let into = first.baseAddress!
                let whole = count - count % 8   // eight samples at a time, as vectors
                for step in stride(from: samples.columns - 1, through: 0, by: -1) {
                    let time = timeline.time(at: step), column = holds.baseAddress! + step * count
                    for sample in stride(from: 0, to: whole, by: 8) {
                        let held = UnsafeRawPointer(column + sample).loadUnaligned(as: SIMD8<Double>.self)
                        var found = UnsafeRawPointer(into + sample).loadUnaligned(as: SIMD8<Double>.self)
                        found.replace(with: time, where: held .!= 0)
                        UnsafeMutableRawPointer(into + sample).storeBytes(of: found, as: SIMD8<Double>.self)
                    }
                    for sample in whole..<count where column[sample] != 0 { into[sample] = time }
                }
            }
        }
        return .uncertain(Samples(count: samples.count, steps: nil, numbers: numbers, mayBeNever: true), .time,
                          label: UnitLabel(timeline.unit))
    }

    /// `lag(x, n)` on an uncertain series: each sample's path shifted by `n` steps.
    func lagged(_ samples: Samples, by steps: Int, _ x: Value) -> Value {
        let shifted = Samples.build(count: samples.count, steps: samples.steps) { step, sample in
            samples.numbers[Swift.max(0, step - steps) * samples.count + sample]
        }
        return .uncertain(shifted, x.dimension, label: x.label)
    }

    func percentileShare(_ value: Value, _ argument: Expr) throws -> Double {
        let share = value.element(0)
        guard share >= 0, share <= 1 else {
            let shown = ValueFormatter.format(.scalar(share, label: percentLabel))
            throw Failure(message: "a percentile is between 0% and 100%, not \(shown)", span: argument.span)
        }
        return share
    }
}
