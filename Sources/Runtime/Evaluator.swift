import Diagnostics
import ScenarioSyntax
import Semantics

/// Computes a checked scenario. Checking already guaranteed the dimensions, so evaluation only
/// meets problems that depend on numbers: division by zero, logarithms of non-positive values,
/// results too large for a Double, `first` that never holds where a value is needed, times
/// outside the timeline. Every node's result is checked to be finite, so infinity and
/// "not a number" never reach the page.
public struct Evaluator: Sendable {
    let scenario: CompiledScenario
    var values: [String: Value]
    /// `t` at each step, in seconds.
    let times: Value?
    /// The text the expressions being evaluated come from (the block, or an inline value).
    var fragment: SourceFragment
    /// The definition being computed, named in messages about overflow and seeding its draws.
    var definitionName: String?
    /// In `solve`'s trials a `first` that never holds compares as later than any time.
    var comparesNever = false
    /// Shared by every copy of this evaluator (a goal seek's trials, inline values) and by every
    /// evaluation of the same page.
    let work: SampleWork

    struct Failure: Error {
        var message: String
        var span: SourceSpan
        var notes: [Diagnostic.Note] = []
        /// A failure already reported elsewhere (a definition that failed): no second message.
        var isSilent = false
    }

    public init(scenario: CompiledScenario, values: [String: Value] = [:], work: SampleWork = SampleWork()) {
        self.scenario = scenario
        self.values = values
        self.work = work
        self.fragment = scenario.fragment
        if let timeline = scenario.timeline {
            times = .series((0..<timeline.count).map(timeline.time(at:)), .time, label: UnitLabel(timeline.unit))
        } else {
            times = nil
        }
    }

    /// Evaluates every definition in dependency order. A definition whose inputs failed is
    /// skipped without a second message, so each root cause is reported once.
    ///
    /// - Parameters:
    ///   - fixed: definitions given a value instead of computed (the sensitivity of an output to
    ///     one input holds the others at their medians).
    ///   - only: when given, just these definitions and what they read are computed (a sweep's
    ///     variants need the outputs it shows, not a goal seek elsewhere in the model).
    ///   - work: the page's Monte Carlo budget. A run with neither `fixed` nor `only` is one of the
    ///     page's own scenarios, whose uncertain values are kept: they count as held.
    public static func run(_ scenario: CompiledScenario, fixed: [String: Value] = [:],
                           only: Set<String>? = nil, work: SampleWork = SampleWork()) -> ScenarioResult {
        var evaluator = Evaluator(scenario: scenario, values: fixed, work: work)
        let keeps = fixed.isEmpty && only == nil
        var diagnostics: [Diagnostic] = []
        var failed: Set<String> = []
        let needed = only.map { scenario.readBy($0) }
        for definition in scenario.definitions where fixed.isEmpty || fixed[definition.name] == nil {
            if let needed, !needed.contains(definition.name) { continue }
            if definition.dependencies.contains(where: failed.contains) {
                failed.insert(definition.name)
                continue
            }
            if definition.type.table != nil { continue }   // a table is read by its columns
            evaluator.definitionName = definition.name
            switch evaluator.attempt(definition.expression) {
            case .success(var value):
                value.label = definition.type.label
                if keeps, let samples = value.samples, !work.hold(samples.numbers.count) {
                    diagnostics.append(.error("the uncertain values of this page, up to `\(definition.name)`, "
                                              + "hold more than \(UncertaintyLimits.numbersPerPage) samples in all",
                                              at: scenario.fragment.location(definition.nameSpan),
                                              notes: [.init("lower `samples =`, or use shorter timelines")]))
                    return ScenarioResult(scenario: scenario, values: evaluator.values, diagnostics: diagnostics,
                                          work: work)
                }
                evaluator.values[definition.name] = value
            case .failure(let failure):
                failed.insert(definition.name)
                if !failure.isSilent {
                    diagnostics.append(.error(failure.message, at: scenario.fragment.location(failure.span),
                                              notes: failure.notes))
                }
            }
        }
        return ScenarioResult(scenario: scenario, values: evaluator.values, diagnostics: diagnostics, work: work)
    }

    /// Evaluates an expression that was checked against this scenario (an inline value, a claim).
    /// A `.failure(nil)` means it read a definition whose own error was already reported.
    public func value(of expr: Expr, fragment: SourceFragment) -> Result<Value, OptionalDiagnostic> {
        var evaluator = self
        evaluator.fragment = fragment
        evaluator.definitionName = nil
        switch evaluator.attempt(expr) {
        case .success(let value): return .success(value)
        case .failure(let failure):
            if failure.isSilent { return .failure(OptionalDiagnostic(diagnostic: nil)) }
            return .failure(OptionalDiagnostic(diagnostic: .error(failure.message, at: fragment.location(failure.span),
                                                                  notes: failure.notes)))
        }
    }

    private func attempt(_ expr: Expr) -> Result<Value, Failure> {
        do {
            return .success(try evaluate(expr))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)", span: expr.span))
        }
    }

    /// A value that must exist: `never` is only allowed as a whole definition or inline value.
    func needed(_ expr: Expr) throws -> Value {
        let value = try evaluate(expr)
        if value.isNever {
            throw Failure(message: "`\(text(expr.span))` is never reached within the timeline, so it has no value here",
                          span: expr.span, notes: [.init("guard it, e.g. `if … then … else …`, or extend the timeline")])
        }
        return value
    }

    func text(_ span: SourceSpan) -> String { fragment.text(of: span) }

    /// Evaluates one node and refuses a result that is not a finite number.
    func evaluate(_ expr: Expr) throws -> Value {
        if case .member(let base, let name) = expr.kind, let table = scenario.tables[base] {
            return try column(table, base, name, expr)   // finite as read, or checked there
        }
        let value = try evaluateNode(expr)
        if let samples = value.samples {
            try work.add(samples.numbers.count, at: expr.span)
            if samples.checkedFinite { return value }
            let allFinite = FiniteCheck.allFinite(samples.numbers)
            let never = samples.mayBeNever
            if !allFinite,
               let bad = samples.numbers.firstIndex(where: { $0.isNaN || ($0.isInfinite && !(never && $0 > 0)) }) {
                throw nonFinite(samples.numbers[bad], expr, step: samples.steps == nil ? nil : bad / samples.count)
            }
            // Marked, so the value is not checked again where it is read (a name in the model,
            // an inline value, a chart).
            var checked = samples
            checked.checkedFinite = true
            return .uncertain(checked, value.dimension, label: value.label)
        }
        if let step = value.firstIndex(where: { !$0.isFinite }) {
            throw nonFinite(value.element(step), expr, step: value.isSeries ? step : nil)
        }
        return value
    }

    func nonFinite(_ x: Double, _ expr: Expr, step: Int?) -> Failure {
        let when = step.map(timeDescription(step:)) ?? ""
        let within = definitionName.map { " (in `\($0)`)" } ?? ""
        let what = x.isNaN ? "has no numeric value" : "is too large to compute with (beyond ±1.8e308)"
        return Failure(message: "`\(text(expr.span))` \(what)\(when)\(within)", span: expr.span,
                       notes: [.init("check the magnitudes: a growth rate, an exponent or a timeline may be far larger than meant")])
    }

    private func evaluateNode(_ expr: Expr) throws -> Value {
        switch expr.kind {
        case .number(let value, _, _):
            return .scalar(value)
        case .percent(let inner):
            return try needed(inner).map { $0 / 100 }
        case .factor(let inner):
            return try needed(inner)
        case .money(let symbol, let amount):
            let unit = scenario.units.unit(named: symbol)!
            return try needed(amount).map(dimension: unit.dimension, label: UnitLabel(unit)) { $0 * unit.factor }
        case .name(let name):
            return try lookUp(name, expr.span)
        case .member(let base, let name):
            if let table = scenario.tables[base] { return try column(table, base, name, expr) }
            return try lookUp(name, expr.span)
        case .string:
            throw Failure(message: "text in quotes names a data file, as in `csv(\"data/weekly.csv\")`", span: expr.span)
        case .list(let items):
            let values = try items.map { try needed($0) }
            return .series(values.map { $0.element(0) }, values.first?.dimension ?? .dimensionless,
                           label: values.first?.label ?? UnitLabel())
        case .quantity(let amount, let unitExpr):
            let a = try needed(amount)
            let unit = try resolved(unitExpr)
            return a.map(dimension: a.dimension * unit.dimension, label: a.label * unit.label) { $0 * unit.factor }
        case .unary(.negate, let inner):
            return try needed(inner).map { -$0 }
        case .unary(.not, let inner):
            return try needed(inner).map { $0 == 0 ? 1 : 0 }
        case .binary(let op, let left, let right):
            return try binary(op, left, right)
        case .conditional(let condition, let yes, let no):
            return Value.select(try needed(condition), try needed(yes), try needed(no))
        case .convert(let inner, _):
            return try evaluate(inner)
        case .rounding(let mode, let inner, let unitExpr):
            return try rounding(mode, try needed(inner), unit: try unitExpr.map(resolved))
        case .call(let name, let arguments):
            guard let function = BuiltinFunction(rawValue: name) else {
                throw Failure(message: "unknown function `\(name)`", span: expr.span)
            }
            if function == .solve { return try solve(arguments, expr.span) }
            if function.isDistribution {
                return try distribution(function, try arguments.map { try needed($0) }, arguments, expr)
            }
            return try call(function, arguments, expr.span)
        case .between(let low, let high):
            return try between(low, high, expr)
        case .bounds:
            throw Failure(message: "a range `low..high` is what `solve` searches", span: expr.span)
        case .keyed(let read, let key):
            return try row(read, key, expr)
        case .named(let label, _):
            throw Failure(message: "`\(label):` names an option of a data reader", span: expr.span)
        }
    }

    private func lookUp(_ name: String, _ span: SourceSpan) throws -> Value {
        if let value = values[name] { return value }
        if name == "t", let times { return times }
        if scenario.sourceOrder.contains(name) {
            throw Failure(message: "", span: span, isSilent: true)   // its own error was reported
        }
        if let unit = scenario.units.unit(named: name) {
            return .scalar(unit.factor, unit.dimension, label: UnitLabel(unit))
        }
        throw Failure(message: "unknown name `\(name)`", span: span)
    }

    func resolved(_ unit: UnitExpr) throws -> ResolvedUnit {
        switch scenario.units.resolve(unit) {
        case .success(let resolved): return resolved
        case .failure(let unknown): throw Failure(message: "`\(unknown.name)` is not a unit", span: unknown.span)
        }
    }

    /// " at t = 3 months", for messages about one step of a series.
    func timeDescription(step: Int) -> String {
        guard let timeline = scenario.timeline else { return "" }
        let value = timeline.start + Double(step)
        let name = value == 1 ? timeline.unit.name : (timeline.unit.plural ?? timeline.unit.name)
        return " at t = \(ValueFormatter.plainNumber(value)) \(name)"
    }
}

/// A diagnostic, or none when the problem was already reported where it arose.
public struct OptionalDiagnostic: Error, Sendable {
    public var diagnostic: Diagnostic?
}
