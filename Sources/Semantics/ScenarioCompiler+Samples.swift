import Diagnostics
import ScenarioSyntax

extension ScenarioCompiler {
    /// `samples = 10000`: how many Monte Carlo samples the scenario's uncertain values get. The
    /// line stays an ordinary definition too, so it can be shown; it must be a whole number
    /// written out, within `UncertaintyLimits`.
    mutating func readSampleCount() {
        guard let statement = byName["samples"], case .definition(_, let expression) = statement.kind else { return }
        var checker = TypeChecker(units: units, timeline: nil, fragment: fragment, definitions: [:],
                                  knownNames: units.allNames)
        let type = checker.check(expression)
        let range = UncertaintyLimits.minimumSamples...UncertaintyLimits.maximumSamples
        guard let type, type.dimension.isDimensionless, let count = type.constant, count == count.rounded(),
              count >= Double(range.lowerBound), count <= Double(range.upperBound) else {
            error("`samples` is how many Monte Carlo samples to draw: a whole number from "
                  + "\(range.lowerBound) to 100,000, written out",
                  expression.span, notes: [.init("the default is \(UncertaintyLimits.defaultSamples)")])
            return
        }
        sampleCount = Int(count)
    }

    /// An uncertain series holds samples × steps numbers: refused past `UncertaintyLimits.numbersPerValue`.
    mutating func checkSampleBudget(_ defined: String, _ type: TypeInfo, _ expression: Expr) -> TypeInfo? {
        guard type.isUncertain, type.isSeries else { return type }
        let steps = type.rows?.count ?? timeline?.count ?? 1
        guard steps * sampleCount > UncertaintyLimits.numbersPerValue else { return type }
        error("`\(defined)` is an uncertain series of \(steps) steps × \(sampleCount) samples, "
              + "more than the \(UncertaintyLimits.numbersPerValue) numbers one value may hold", expression.span,
              notes: [.init("lower `samples =`, or use a shorter timeline")])
        return nil
    }
}
