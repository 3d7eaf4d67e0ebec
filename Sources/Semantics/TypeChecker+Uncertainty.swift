import Diagnostics
import ScenarioSyntax

/// Ranges, distributions, statistics across samples and goal seek (docs/uncertainty.md).
///
/// Which values are uncertain is decided here, before evaluation, so that `median(x)` has one
/// type: step by step (a series) for an uncertain series, one number across the steps for a
/// certain one. A value is uncertain when an uncertain input flows into it; the statistics and
/// `prob` make certain values of uncertain ones, and `solve` removes the input it varies.
extension TypeChecker {
    /// Infers a node's type and the uncertain inputs it depends on. The inputs of the children are
    /// gathered as they are inferred, so no child is visited twice.
    mutating func infer(_ expr: Expr) throws -> TypeInfo {
        let outer = gathered
        gathered = []
        var type: TypeInfo
        do {
            type = try inferNode(expr)
        } catch {
            gathered = outer
            throw error
        }
        if gathered.isEmpty, type.uncertainInputs.isEmpty, !Self.makesAnInput(expr) {
            gathered = outer   // the common, certain case: nothing to record
            return type
        }
        var inputs = gathered.union(type.uncertainInputs)
        switch expr.kind {
        case .between:
            inputs.insert(inputName)
        case .call(let name, _):
            switch BuiltinFunction(rawValue: name) {
            case let function? where function.isDistribution:
                inputs.insert(inputName)
            case .median?, .mean?, .percentile?, .sd?, .prob?:
                inputs = []   // across samples: certain (on a certain value there were none)
            case .solve?:
                inputs = type.uncertainInputs
            default:
                break
            }
        default:
            break
        }
        type.uncertainInputs = inputs
        gathered = outer.union(inputs)
        return type
    }

    /// The distributions' names, looked up without turning every called name into a function.
    static let distributions = Set(BuiltinFunction.allCases.filter(\.isDistribution).map(\.rawValue))

    /// A range or a distribution: the node that makes its definition an uncertain input.
    static func makesAnInput(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .between: return true
        case .call(let name, _): return distributions.contains(name)
        default: return false
        }
    }

    /// The name under which a range in the current definition is an input.
    var inputName: String { definitionName ?? "(inline)" }

    /// `a to b`: two single values of one dimension, the second not below the first.
    mutating func between(_ low: Expr, _ high: Expr, _ span: SourceSpan) throws -> TypeInfo {
        let a = try infer(low), b = try infer(high)
        guard a.dimension == b.dimension else {
            throw fail("the ends of a range differ: \(describe(a)) and \(describe(b))", span,
                       notes: [.init("write both ends with units, as in `$20/month to $50/month`")])
        }
        for (type, end) in [(a, low), (b, high)] where type.isSeries {
            throw fail("the ends of a range are single values, not series", end.span)
        }
        if let x = a.constant, let y = b.constant, y < x {
            throw fail("this range runs downwards: `\(fragmentText(high.span))` is below `\(fragmentText(low.span))`",
                       span, notes: [.init("write the smaller end first: the ends are the 5th and 95th percentiles")])
        }
        return TypeInfo(dimension: a.dimension, label: a.label.isEmpty ? b.label : a.label)
    }

    /// The functions whose meaning depends on uncertainty; nil for the others.
    mutating func uncertaintyFunction(_ function: BuiltinFunction, _ arguments: [Expr], _ types: [TypeInfo],
                                      _ span: SourceSpan) throws -> TypeInfo? {
        let first = types[0]
        switch function {
        case .normal, .uniform, .triangular:
            return try distribution(function, arguments, types)
        case .prob:
            guard first.isCondition else {
                throw fail("`prob` needs a condition, such as `prob(total > $1,000)`", arguments[0].span)
            }
            return TypeInfo(dimension: .dimensionless, isSeries: first.isSeries, rows: first.rows,
                            label: UnitLabel(units.unit(named: "%")!))
        case .median, .mean, .percentile, .sd:
            guard first.isUncertain else { return nil }
            if function == .percentile {
                guard types[1].dimension.isDimensionless, !types[1].isSeries, !types[1].isUncertain else {
                    throw fail("`percentile` takes a share such as `90%`, not \(describe(types[1]))", arguments[1].span)
                }
            }
            return TypeInfo(dimension: first.dimension, isSeries: first.isSeries, rows: first.rows, label: first.label)
        case .regression, .change:
            for (index, type) in types.enumerated() where !type.isUncertain || type.isSeries {
                throw fail("`\(function.rawValue)` compares measurements: give it two benchmarks' runs, "
                           + "as `\(function.usage)`", arguments[index].span)
            }
            guard types[0].dimension == types[1].dimension else {
                throw fail("`\(function.rawValue)` compares like with like: \(describe(types[0])) and "
                           + "\(describe(types[1]))", arguments[1].span)
            }
            var type = TypeInfo(dimension: .dimensionless, label: UnitLabel(units.unit(named: "%")!))
            // `change` keeps its spread (an uncertain value); `regression` is one number.
            if function == .change { type.uncertainInputs = types[0].uncertainInputs.union(types[1].uncertainInputs) }
            return type
        case .fitGrowth, .last, .count, .lag:
            guard first.isUncertain, function == .fitGrowth || !first.isSeries else { return nil }
            throw fail("`\(function.rawValue)` works on a series; this is a single uncertain value"
                       + (function == .fitGrowth ? "" : ": `median`, `percentile` and `prob` summarise it"),
                       arguments[0].span)
        default:
            return nil
        }
    }

    /// `normal(mean, sd)`, `uniform(low, high)`, `triangular(low, mode, high)`: single values of one dimension.
    private mutating func distribution(_ function: BuiltinFunction, _ arguments: [Expr],
                                       _ types: [TypeInfo]) throws -> TypeInfo {
        for (index, type) in types.enumerated() {
            if type.isSeries {
                throw fail("the parameters of `\(function.rawValue)` are single values, not series",
                           arguments[index].span)
            }
            if type.dimension != types[0].dimension {
                throw fail("the parameters of `\(function.rawValue)` differ: "
                           + "\(describe(types[0])) and \(describe(type))",
                           arguments[index].span, notes: [.init("`\(function.usage)` takes values of one kind")])
            }
        }
        let constants = types.map(\.constant)
        switch function {
        case .normal:
            if let sd = constants[1], sd < 0 { throw fail("a standard deviation is not negative", arguments[1].span) }
        case .uniform:
            if let low = constants[0], let high = constants[1], high < low {
                throw fail("`uniform` takes the lower end first", arguments[0].span.union(arguments[1].span))
            }
        default:
            let known = constants.compactMap { $0 }
            if known.count == 3, !(known[0] <= known[1] && known[1] <= known[2]) {
                throw fail("`triangular` takes low, mode and high in that order",
                           arguments[0].span.union(arguments[2].span))
            }
        }
        let label = types.first { !$0.label.isEmpty }?.label ?? UnitLabel()
        return TypeInfo(dimension: types[0].dimension, label: label)
    }

    /// `solve(growth, breakeven <= 3 months, 0%/week..30%/week)`: the smallest value of a definition
    /// in the range for which the condition holds.
    mutating func solve(_ arguments: [Expr], _ span: SourceSpan) throws -> TypeInfo {
        guard case .name(let name) = arguments[0].kind, let varied = definitions[name], varied.table == nil else {
            throw fail("`solve` varies a definition of this scenario: name it first, as in "
                       + "`solve(growth, breakeven <= 3 months, 0%/week..30%/week)`", arguments[0].span)
        }
        guard !varied.isSeries else {
            throw fail("`solve` varies a single value; `\(name)` is a series", arguments[0].span)
        }
        if let upstream = varied.uncertainInputs.subtracting([name]).sorted().first {
            throw fail("`\(name)` is computed from the uncertain `\(upstream)`; `solve` varies an input itself",
                       arguments[0].span,
                       notes: [.init("solve for `\(upstream)`, or give `\(name)` a value of its own")])
        }
        let condition = try infer(arguments[1])
        guard condition.isCondition, !condition.isSeries else {
            throw fail("`solve` needs a condition that holds or not as a whole, such as `breakeven <= 3 months`",
                       arguments[1].span,
                       notes: [.init("a condition on a series can be put with `first`, `sum` or `at`")])
        }
        guard case .bounds(let low, let high) = arguments[2].kind else {
            throw fail("`solve` searches a range written `low..high`, such as `0%/week..30%/week`", arguments[2].span)
        }
        var ends: [TypeInfo] = []
        for end in [low, high] {
            let type = try infer(end)
            guard type.dimension == varied.dimension, !type.isSeries, !type.isUncertain else {
                throw fail("the range `solve` searches holds certain values of `\(name)`, \(describe(varied)); "
                           + "this is \(describe(type))\(type.isUncertain ? " and uncertain" : "")", end.span)
            }
            ends.append(type)
        }
        if let a = ends[0].constant, let b = ends[1].constant, b <= a {
            throw fail("the range `solve` searches runs from the smaller end to the larger", arguments[2].span)
        }
        var result = TypeInfo(dimension: varied.dimension, label: varied.label)
        result.uncertainInputs = condition.uncertainInputs.subtracting([name])
        return result
    }
}
