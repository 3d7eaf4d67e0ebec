import Semantics

/// How far an uncertain output moves when one uncertain input goes from its 5th to its 95th
/// percentile while every other input stays at its median: the numbers behind a tornado chart.
/// Each case is one certain evaluation of the model (inputs fixed), so the swings are exact for
/// the model, free of sampling noise, and the same on every build.
public struct Sensitivity: Sendable {
    public struct Swing: Sendable {
        public var input: String
        /// The input at its 5th and 95th percentiles.
        public var inputLow: Value
        public var inputHigh: Value
        /// The output with the input at each end.
        public var outputAtLow: Double
        public var outputAtHigh: Double
        public var width: Double { abs(outputAtHigh - outputAtLow) }
    }

    /// The output with every input at its median.
    public var baseline: Value
    /// Largest swing first; ties by input name.
    public var swings: [Swing]

    public enum Problem: Error, Sendable {
        case unknown
        case certain
        case series
        case failed(String)
    }

    /// - Returns: nil for a name the scenario does not define.
    public static func of(_ output: String, in result: ScenarioResult) -> Result<Sensitivity, Problem> {
        let scenario = result.scenario
        guard let definition = scenario.definition(named: output), let value = result.value(of: output) else {
            return .failure(.unknown)
        }
        guard definition.type.isUncertain else { return .failure(.certain) }
        guard !definition.type.isSeries else { return .failure(.series) }
        let inputs = definition.type.uncertainInputs.sorted()
        var medians: [String: Value] = [:]
        var ends: [String: (Value, Value)] = [:]
        for input in inputs {
            guard let drawn = result.value(of: input), let samples = drawn.samples else {
                return .failure(.failed(input))
            }
            let rows = samples.percentiles([0.05, 0.5, 0.95])
            func at(_ index: Int) -> Value {
                let numbers = rows.map { $0[index] }
                return samples.steps == nil ? .scalar(numbers[0], drawn.dimension, label: drawn.label)
                    : .series(numbers, drawn.dimension, label: drawn.label)
            }
            medians[input] = at(1)
            ends[input] = (at(0), at(2))
        }
        func outcome(_ fixed: [String: Value]) -> Double? {
            let run = Evaluator.run(scenario, fixed: fixed, only: [output], work: result.work)
            return run.diagnostics.isEmpty ? run.value(of: output)?.scalar : nil
        }
        guard let base = outcome(medians) else { return .failure(.failed(output)) }
        var swings: [Swing] = []
        for input in inputs {
            let (low, high) = ends[input]!
            var fixed = medians
            fixed[input] = low
            guard let atLow = outcome(fixed) else { return .failure(.failed(input)) }
            fixed[input] = high
            guard let atHigh = outcome(fixed) else { return .failure(.failed(input)) }
            swings.append(Swing(input: input, inputLow: low, inputHigh: high, outputAtLow: atLow, outputAtHigh: atHigh))
        }
        swings.sort { $0.width != $1.width ? $0.width > $1.width : $0.input < $1.input }
        return .success(Sensitivity(baseline: .scalar(base, value.dimension, label: value.label), swings: swings))
    }
}
