import Diagnostics
import ScenarioSyntax
import Semantics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Computes a checked scenario. Checking already guaranteed the dimensions, so evaluation only
/// meets problems that depend on numbers: division by zero, logarithms of non-positive values,
/// `first` that never holds where a value is needed, times outside the timeline.
public struct Evaluator {
    let scenario: CompiledScenario
    var values: [String: Value]
    /// `t` at each step, in seconds.
    let times: Value?

    struct Failure: Error {
        var message: String
        var span: SourceSpan
        var notes: [Diagnostic.Note] = []
    }

    public init(scenario: CompiledScenario, values: [String: Value] = [:]) {
        self.scenario = scenario
        self.values = values
        if let timeline = scenario.timeline {
            times = Value(.series((0..<timeline.count).map(timeline.time(at:))), dimension: .time, label: UnitLabel(timeline.unit))
        } else {
            times = nil
        }
    }

    /// Evaluates every definition in dependency order. A definition whose inputs failed is
    /// skipped without a second message, so each root cause is reported once.
    public static func run(_ scenario: CompiledScenario) -> ScenarioResult {
        var evaluator = Evaluator(scenario: scenario)
        var diagnostics: [Diagnostic] = []
        var failed: Set<String> = []
        for definition in scenario.definitions {
            if definition.dependencies.contains(where: failed.contains) {
                failed.insert(definition.name)
                continue
            }
            do {
                var value = try evaluator.evaluate(definition.expression)
                value.label = definition.type.label
                evaluator.values[definition.name] = value
            } catch let failure as Failure {
                failed.insert(definition.name)
                diagnostics.append(.error(failure.message, at: scenario.fragment.location(failure.span), notes: failure.notes))
            } catch {
                failed.insert(definition.name)
            }
        }
        return ScenarioResult(scenario: scenario, values: evaluator.values, diagnostics: diagnostics)
    }

    /// Evaluates an expression that was checked against this scenario (an inline value, a claim).
    public func value(of expr: Expr, fragment: SourceFragment) -> Result<Value, Diagnostic> {
        do {
            return .success(try evaluate(expr))
        } catch let failure as Failure {
            return .failure(.error(failure.message, at: fragment.location(failure.span), notes: failure.notes))
        } catch {
            return .failure(.error("\(error)", at: fragment.location(expr.span)))
        }
    }

    /// A value that must exist: `never` is only allowed as a whole definition or inline value.
    private func needed(_ expr: Expr) throws -> Value {
        let value = try evaluate(expr)
        if value.isNever {
            throw Failure(message: "`\(text(expr.span))` is never reached within the timeline, so it has no value here", span: expr.span,
                          notes: [.init("guard it, e.g. `if … then … else …`, or extend the timeline")])
        }
        return value
    }

    func text(_ span: SourceSpan) -> String { scenario.fragment.text(of: span) }

    func evaluate(_ expr: Expr) throws -> Value {
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
            if let value = values[name] { return value }
            if name == "t", let times { return times }
            if let unit = scenario.units.unit(named: name) {
                return .scalar(unit.factor, unit.dimension, label: UnitLabel(unit))
            }
            throw Failure(message: "unknown name `\(name)`", span: expr.span)
        case .member(_, let name):
            guard let value = values[name] else { throw Failure(message: "unknown name `\(name)`", span: expr.span) }
            return value
        case .unary(.negate, let inner):
            return try needed(inner).map { -$0 }
        case .unary(.not, let inner):
            return try needed(inner).map { $0 == 0 ? 1 : 0 }
        case .binary(.multiply, let left, let right, true):
            let a = try needed(left)
            guard case .name(let name) = right.kind, let unit = scenario.units.unit(named: name) else {
                throw Failure(message: "expected a unit after the number", span: right.span)
            }
            return a.map(dimension: a.dimension * unit.dimension, label: a.label * UnitLabel(unit)) { $0 * unit.factor }
        case .binary(let op, let left, let right, _):
            return try binary(op, left, right)
        case .conditional(let condition, let yes, let no):
            let c = try needed(condition)
            let a = try needed(yes), b = try needed(no)
            if case .scalar(let flag) = c.storage { return flag != 0 ? a : b }
            let count = c.elements.count
            return Value(.series((0..<count).map { c.element($0) != 0 ? a.element($0) : b.element($0) }),
                         dimension: a.dimension, label: a.label)
        case .convert(let inner, _):
            return try evaluate(inner)
        case .call(let name, let arguments):
            return try call(BuiltinFunction(rawValue: name)!, arguments, expr.span)
        }
    }

    private func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr) throws -> Value {
        let a = try needed(left), b = try needed(right)
        switch op {
        case .add: return Value.combine(a, b, dimension: a.dimension, label: a.label, +)
        case .subtract: return Value.combine(a, b, dimension: a.dimension, label: a.label, -)
        case .multiply: return Value.combine(a, b, dimension: a.dimension * b.dimension, label: a.label * b.label, *)
        case .divide:
            if let zero = b.elements.firstIndex(of: 0) {
                let when = b.series != nil ? timeDescription(step: zero) : ""
                throw Failure(message: "division by zero: `\(text(right.span))` is 0\(when)", span: right.span)
            }
            return Value.combine(a, b, dimension: a.dimension / b.dimension, label: a.label / b.label, /)
        case .power:
            let result = Value.combine(a, b, dimension: .none, label: UnitLabel()) { pow($0, $1) }
            if let exponent = b.scalar, !a.dimension.isDimensionless {
                return Value(result.storage, dimension: a.dimension.raised(to: Int(exponent)), label: a.label.raised(to: Int(exponent)))
            }
            if result.elements.contains(where: \.isNaN) {
                throw Failure(message: "`\(text(left.span))` raised to `\(text(right.span))` is not a real number", span: left.span.union(right.span))
            }
            return result
        case .equal: return Value.combine(a, b, dimension: .none, label: UnitLabel()) { approximatelyEqual($0, $1) ? 1 : 0 }
        case .notEqual: return Value.combine(a, b, dimension: .none, label: UnitLabel()) { approximatelyEqual($0, $1) ? 0 : 1 }
        case .less: return Value.combine(a, b, dimension: .none, label: UnitLabel()) { $0 < $1 && !approximatelyEqual($0, $1) ? 1 : 0 }
        case .lessEqual: return Value.combine(a, b, dimension: .none, label: UnitLabel()) { $0 <= $1 || approximatelyEqual($0, $1) ? 1 : 0 }
        case .greater: return Value.combine(a, b, dimension: .none, label: UnitLabel()) { $0 > $1 && !approximatelyEqual($0, $1) ? 1 : 0 }
        case .greaterEqual: return Value.combine(a, b, dimension: .none, label: UnitLabel()) { $0 >= $1 || approximatelyEqual($0, $1) ? 1 : 0 }
        case .and: return Value.combine(a, b, dimension: .none, label: UnitLabel()) { $0 != 0 && $1 != 0 ? 1 : 0 }
        case .or: return Value.combine(a, b, dimension: .none, label: UnitLabel()) { $0 != 0 || $1 != 0 ? 1 : 0 }
        }
    }

    /// " at t = 3 months", for messages about one step of a series.
    func timeDescription(step: Int) -> String {
        guard let timeline = scenario.timeline else { return "" }
        let value = timeline.start + Double(step)
        let name = value == 1 ? timeline.unit.name : (timeline.unit.plural ?? timeline.unit.name)
        return " at t = \(ValueFormatter.plainNumber(value)) \(name)"
    }

    private func call(_ function: BuiltinFunction, _ arguments: [Expr], _ span: SourceSpan) throws -> Value {
        if function == .first {
            let condition = try needed(arguments[0])
            guard let index = condition.elements.firstIndex(where: { $0 != 0 }), let timeline = scenario.timeline else {
                return Value(.never, dimension: .time, label: UnitLabel(scenario.timeline!.unit))
            }
            return .scalar(timeline.time(at: index), .time, label: UnitLabel(timeline.unit))
        }
        let values = try arguments.map { try needed($0) }
        let x = values[0]
        switch function {
        case .floor, .ceil, .round:
            let rounding: (Double) -> Double = function == .floor ? { $0.rounded(.down) }
                : function == .ceil ? { $0.rounded(.up) } : { $0.rounded(.toNearestOrAwayFromZero) }
            // Round the value as shown in the unit, so 1.99999999 from floating point stays 2.
            let unit = values.count == 2 ? values[1].scalar! : 1
            return x.map { rounding(($0 / unit * 1e9).rounded() / 1e9) * unit }
        case .min, .max:
            return values.dropFirst().reduce(x) { Value.combine($0, $1, dimension: x.dimension, label: x.label, function == .min ? Swift.min : Swift.max) }
        case .abs:
            return x.map { Swift.abs($0) }
        case .sqrt:
            if x.elements.contains(where: { $0 < 0 }) {
                throw Failure(message: "square root of a negative value: `\(text(arguments[0].span))`", span: arguments[0].span)
            }
            return x.map(dimension: x.dimension.root(2) ?? .none, label: UnitLabel()) { $0.squareRoot() }
        case .exp:
            return x.map(label: UnitLabel()) { Glibc.exp($0) }
        case .ln, .log10:
            if x.elements.contains(where: { $0 <= 0 }) {
                throw Failure(message: "`\(function.rawValue)` of a value that is not positive: `\(text(arguments[0].span))`", span: arguments[0].span)
            }
            return x.map(label: UnitLabel()) { function == .ln ? Glibc.log($0) : Glibc.log10($0) }
        case .compound:
            // Checking guaranteed the rate is written per one unit of time: that unit is the period.
            let periodSeconds = period(of: x.label)?.factor ?? 1
            return Value.combine(x, values[1], dimension: .none, label: UnitLabel()) { rate, duration in
                pow(1 + rate * periodSeconds, duration / periodSeconds)
            }
        case .sum:
            return .scalar(x.elements.reduce(0, +), x.dimension, label: x.label)
        case .mean:
            return .scalar(x.elements.reduce(0, +) / Double(Swift.max(1, x.elements.count)), x.dimension, label: x.label)
        case .cumsum:
            var total = 0.0
            return Value(.series(x.elements.map { total += $0; return total }), dimension: x.dimension, label: x.label)
        case .at:
            let timeline = scenario.timeline!
            let when = values[1].scalar!
            let position = when / timeline.step - timeline.start
            let index = Int(position.rounded())
            guard Swift.abs(position - Double(index)) < 1e-9 else {
                throw Failure(message: "`\(text(arguments[1].span))` is not a step of the timeline (steps are 1 \(timeline.unit.name) apart)", span: arguments[1].span)
            }
            guard index >= 0, index < timeline.count else {
                throw Failure(message: "`\(text(arguments[1].span))` is outside the timeline", span: arguments[1].span)
            }
            return .scalar(x.element(index), x.dimension, label: x.label)
        case .first:
            fatalError("handled above")
        }
    }
}

/// Equal within the last few bits of a Double, so `0.1 + 0.2 == 0.3` holds as a reader expects.
func approximatelyEqual(_ a: Double, _ b: Double) -> Bool {
    a == b || Swift.abs(a - b) <= 1e-12 * Swift.max(Swift.abs(a), Swift.abs(b))
}
