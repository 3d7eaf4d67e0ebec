import Diagnostics
import ScenarioSyntax

extension ScenarioCompiler {
    /// `samples = 10000`: how many Monte Carlo samples the scenario's uncertain values get. The
    /// line stays an ordinary definition too, so it can be shown; it must be a whole number
    /// written out, within `UncertaintyLimits`.
    ///
    /// A block without a `samples` line of its own takes the largest one among the blocks and
    /// models it reads by name (`main.samples`, `team.samples`), so a value read from another
    /// block is the same samples on both sides.
    mutating func readSampleCount() {
        guard let statement = byName["samples"] else {
            sampleCount = importedSampleCounts().max() ?? sampleCount
            return
        }
        guard case .definition(_, let expression) = statement.kind else { return }
        var checker = TypeChecker(units: units, timeline: nil, fragment: fragment, definitions: [:],
                                  knownNames: units.allNames)
        let type = checker.check(expression)
        let range = UncertaintyLimits.minimumSamples...UncertaintyLimits.maximumSamples
        guard let type, type.dimension.isDimensionless, let count = type.constant, count == count.rounded(),
              count >= Double(range.lowerBound), count <= Double(range.upperBound) else {
            error("`samples` is how many Monte Carlo samples to draw: a whole number from "
                  + "\(range.lowerBound) to 100,000",
                  expression.span, notes: [.init("the default is \(UncertaintyLimits.defaultSamples)")])
            return
        }
        sampleCount = Int(count)
    }

    /// The valid `samples` lines joined under another block's or model's name.
    private func importedSampleCounts() -> [Int] {
        sourceOrder.filter { $0.hasSuffix(".samples") }.compactMap { name in
            guard case .definition(_, let expression)? = byName[name]?.kind,
                  case .number(let value, _, _) = expression.kind, value == value.rounded(),
                  value >= Double(UncertaintyLimits.minimumSamples), value <= Double(UncertaintyLimits.maximumSamples)
            else { return nil }
            return Int(value)
        }
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
