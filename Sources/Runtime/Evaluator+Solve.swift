import Diagnostics
import ScenarioSyntax
import Semantics

/// Goal seek: `solve(growth, breakeven <= 3 months, 0%/week..30%/week)` is the smallest value of
/// `growth` in the range for which the condition holds. Every definition between `growth` and
/// the condition is computed again for each trial. A grid of trials first finds where the
/// condition starts to hold (and that it keeps holding: a condition that flips back is not
/// monotone, an error); bisection then narrows that cell to far below any shown precision. On an
/// uncertain model each sample is solved for: the trial is itself a column of samples, so one
/// pass over the model moves every sample's search a step.
extension Evaluator {
    static let solveGridPoints = 17
    static let solveBisections = 24

    func solve(_ arguments: [Expr], _ span: SourceSpan) throws -> Value {
        guard case .name(let name) = arguments[0].kind, let original = values[name],
              case .bounds(let lowExpr, let highExpr) = arguments[2].kind else {
            throw Failure(message: "`solve` takes \(BuiltinFunction.solve.usage)", span: span)
        }
        guard let low = try needed(lowExpr).scalar, let high = try needed(highExpr).scalar, low < high else {
            throw Failure(message: "the range `solve` searches runs from the smaller end to the larger",
                          span: arguments[2].span)
        }
        let chain = recomputed(after: name, for: arguments[1])
        let trial = SolveTrial(evaluator: self, name: name, original: original, chain: chain, condition: arguments[1])
        let grid = (0..<Self.solveGridPoints).map { low + (high - low) * Double($0) / Double(Self.solveGridPoints - 1) }
        let holding = try grid.map { try trial.holds(at: .scalar($0, original.dimension, label: original.label)) }
        let count = holding[0].count
        var lower = [Double](repeating: low, count: count), upper = [Double](repeating: high, count: count)
        var unsolved = 0
        for sample in 0..<count {
            guard let cell = holding.firstIndex(where: { $0[sample] }) else { unsolved += 1; continue }
            if holding[cell...].contains(where: { !$0[sample] }) {
                let how = cell == 0 ? "it holds at the low end and fails further up"
                    : "it starts to hold, then fails again"
                throw Failure(message: "`\(text(arguments[1].span))` is not monotone in `\(name)` over "
                                + "\(text(arguments[2].span)): \(how)", span: arguments[1].span,
                              notes: [.init("`solve` finds the smallest value from which the condition holds up to the "
                                            + "range's end; narrow the range, or turn the condition around")])
            }
            lower[sample] = cell == 0 ? grid[0] : grid[cell - 1]
            upper[sample] = grid[cell]
            if cell == 0 { lower[sample] = grid[0]; upper[sample] = grid[0] }
        }
        if unsolved > 0 {
            let share = count == 1 ? ""
                : " in \(ValueFormatter.significant(100 * Double(unsolved) / Double(count), digits: 2))% of samples"
            throw Failure(message: "`\(text(arguments[1].span))` does not hold anywhere in "
                            + "\(text(arguments[2].span))\(share)",
                          span: arguments[1].span, notes: [.init("widen the range `solve` searches")])
        }
        for _ in 0..<Self.solveBisections {
            let middle = zip(lower, upper).map { ($0 + $1) / 2 }
            let holds = try trial.holds(at: trialValue(middle, like: original))
            for sample in 0..<count where lower[sample] < upper[sample] {
                if holds[sample] { upper[sample] = middle[sample] } else { lower[sample] = middle[sample] }
            }
        }
        return trialValue(upper, like: original)
    }

    private func trialValue(_ numbers: [Double], like original: Value) -> Value {
        if numbers.count == 1 { return .scalar(numbers[0], original.dimension, label: original.label) }
        return .uncertain(Samples(count: numbers.count, steps: nil, numbers: numbers), original.dimension,
                          label: original.label)
    }

    /// The definitions to compute again for a trial: those the condition reads, directly or not,
    /// that depend on the varied name, in evaluation order.
    private func recomputed(after name: String, for condition: Expr) -> [CheckedDefinition] {
        var names: Set<String> = []
        condition.forEachName { names.insert($0) }
        let read = scenario.readBy(names)
        var affected: Set<String> = [name]
        return scenario.definitions.filter { definition in
            guard read.contains(definition.name), definition.name != name,
                  definition.dependencies.contains(where: affected.contains) else { return false }
            affected.insert(definition.name)
            return true
        }
    }
}

/// One evaluation of `solve`'s condition with the varied name set to a trial value.
struct SolveTrial {
    let evaluator: Evaluator
    let name: String
    let original: Value
    let chain: [CheckedDefinition]
    let condition: Expr

    /// Whether the condition holds, per sample (one entry when nothing in it is uncertain).
    func holds(at trial: Value) throws -> [Bool] {
        let outcome = Result { try evaluate(at: trial) }
        guard case .failure(let error) = outcome else { return try outcome.get() }
        guard let failure = error as? Evaluator.Failure else { throw error }
        throw annotated(failure, trial)
    }

    // Swift 6.3.1's CopyPropagation pass crashes on this function in release builds ("Found
    // ownership error?!") in every shape tried; it only sequences the calls that do the work
    // (each optimized), once per trial, so it is left unoptimized.
    @_optimize(none)
    private func evaluate(at trial: Value) throws -> [Bool] {
        var state = evaluator
        state.values[name] = trial
        state.comparesNever = true
        for definition in chain {
            state.definitionName = definition.name
            let value = try state.evaluate(definition.expression)
            state.values[definition.name] = value.relabelled(dimension: value.dimension, label: definition.type.label)
        }
        state.definitionName = evaluator.definitionName
        let result = try state.needed(condition)
        if let samples = result.samples { return samples.numbers.map { $0 != 0 } }
        return [result.scalar.map { $0 != 0 } ?? false]
    }

    /// A failure in a trial names the trial, which the reader never wrote.
    private func annotated(_ failure: Evaluator.Failure, _ trial: Value) -> Evaluator.Failure {
        var annotated = failure
        let shown = trial.scalar.map { ValueFormatter.format(.scalar($0, original.dimension, label: original.label)) }
        annotated.notes.append(.init("while `solve` tried `\(name)` = \(shown ?? "a value per sample")"))
        return annotated
    }
}
