import Diagnostics
import ScenarioSyntax
import Semantics

/// Checks what prose claims about a computed value, and gives the text the page shows:
/// `= $960` (equal at the literal's precision), `≈ $1,000` (equal at two significant digits),
/// `in $40..$45` (within the range, ends included), `< 250 ms` (and `<=`, `>`, `>=`).
struct ClaimCheck {
    let claim: ClaimSyntax
    let value: Value
    let type: TypeInfo
    let scenario: CompiledScenario
    let fragment: SourceFragment
    let source: String
    /// `| 2 significant` after the claim: how the value is shown when the claim holds.
    var format: NumberFormat? = nil

    /// A claim the model contradicts (`.claimDoesNotHold`), or a claim written wrongly (`.general`).
    func error(_ message: String, _ span: SourceSpan, code: DiagnosticCode = .claimDoesNotHold,
               replacement: String? = nil) -> Result<String, ClaimProblems> {
        var diagnostic = Diagnostic.error(message, at: fragment.location(span), code: code)
        diagnostic.replacement = replacement
        return .failure(ClaimProblems([diagnostic]))
    }

    /// A written value in the claim: a literal with a unit, of the value's dimension.
    func literal(_ expr: Expr) -> Result<Value, ClaimProblems> {
        var checker = TypeChecker(units: scenario.units, timeline: nil, fragment: fragment, definitions: [:],
                                  knownNames: scenario.units.allNames)
        guard let literalType = checker.check(expr) else { return .failure(ClaimProblems(checker.diagnostics)) }
        guard let constant = literalType.constant, constant.isFinite else {
            return .failure(ClaimProblems([.error("a claim compares with a written value such as `$960` or `6 months`",
                                                  at: fragment.location(expr.span))]))
        }
        guard literalType.dimension == type.dimension else {
            return .failure(ClaimProblems([.error("the claim is \(literalType.dimension.described), but `\(source)` is "
                                                  + "\(type.dimension.described)", at: fragment.location(expr.span))]))
        }
        return .success(.scalar(constant, literalType.dimension, label: literalType.label))
    }

    /// The computed value shown in the unit the claim is written in.
    func shown(in claimed: Value) -> String {
        var shown = value
        if !claimed.label.isEmpty { shown.label = claimed.label }
        return ValueFormatter.format(shown, format: format)
    }

    func written(_ span: SourceSpan) -> String { fragment.text(of: span) }

    func run() -> Result<String, ClaimProblems> {
        if let samples = value.samples { return uncertain(samples) }
        return certain()
    }

    func certain() -> Result<String, ClaimProblems> {
        switch claim {
        case .equals(let expr): return equals(expr)
        case .approximately(let expr):
            return literal(expr).flatMap { claimed in
                var rounded = value
                let factor = claimed.label.isEmpty ? 1 : claimed.label.factor
                rounded = rounded.map { Self.twoDigits($0 / factor) * factor }
                var shownValue = rounded
                if !claimed.label.isEmpty { shownValue.label = claimed.label }
                let text = ValueFormatter.format(shownValue)
                // Two significant digits of the number as written, in the unit it is written in.
                let holds = Self.sameAtTwoDigits((value.scalar ?? .nan) / factor, (claimed.scalar ?? .nan) / factor)
                return holds ? .success(text)
                    : error("claim does not hold: \(source) is \(shown(in: claimed)), the text says ≈ \(written(expr.span))",
                            expr.span, replacement: text)
            }
        case .within(let low, let high):
            return literal(low).flatMap { lower in
                literal(high).flatMap { upper in
                    let x = value.scalar ?? .nan, a = lower.scalar ?? .nan, b = upper.scalar ?? .nan
                    guard a <= b else {
                        return error("the range's first end must not be above its second", low.span.union(high.span),
                                     code: .general)
                    }
                    let holds = Self.isWithin(x, a, b)
                    let text = shown(in: lower)
                    return holds ? .success(text) : error("claim does not hold: \(source) is \(text), the text says in "
                                                          + written(low.span.union(high.span)), low.span.union(high.span))
                }
            }
        case .compares(let op, let expr):
            return literal(expr).flatMap { claimed in
                let holds = Self.compares(op, value.scalar ?? .nan, claimed.scalar ?? .nan)
                let text = shown(in: claimed)
                return holds ? .success(text)
                    : error("claim does not hold: \(source) is \(text), the text says \(op.rawValue) \(written(expr.span))", expr.span)
            }
        }
    }

    private func equals(_ expr: Expr) -> Result<String, ClaimProblems> {
        let claimed: Value
        let label: UnitLabel
        if case .name("never") = expr.kind {
            claimed = .never(value.dimension)
            label = value.label
        } else {
            switch literal(expr) {
            case .failure(let problems): return .failure(problems)
            case .success(let found):
                claimed = found
                label = found.label.isEmpty ? value.label : found.label
            }
        }
        let claim = Claim(claimed: claimed, literal: expr, label: label)
        let text = claim.rendered(value)
        guard claim.holds(for: value) else {
            return error("claim does not hold: \(source) is \(text), the text says \(written(expr.span))", expr.span,
                         replacement: text)
        }
        return .success(text)
    }

    /// `x < y` (also `<=`, `>`, `>=`), by the model's own comparison (`Value.comparisonHolds`).
    static func compares(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Bool {
        Value.comparisonHolds(op, x, y)
    }

    /// `x` within `a..b`, both ends included.
    static func isWithin(_ x: Double, _ a: Double, _ b: Double) -> Bool {
        compares(.greaterEqual, x, a) && compares(.lessEqual, x, b)
    }

    /// `x` rounded to two significant digits: 3,537,741 → 3,500,000.
    static func twoDigits(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        let scale = Double.pow10(1 - abs(x).magnitudeExponent)
        return (x * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    /// Both rounded to two significant digits agree: `≈ $1,000` holds from $950 up to $1,049.
    static func sameAtTwoDigits(_ a: Double, _ b: Double) -> Bool {
        guard a.isFinite, b.isFinite else { return false }
        if b == 0 { return abs(a) < 0.005 }
        let magnitude = (abs(b)).magnitudeExponent
        let scale = Double.pow10(1 - magnitude)
        return (a * scale).rounded(.toNearestOrAwayFromZero) == (b * scale).rounded(.toNearestOrAwayFromZero)
    }
}

struct ClaimProblems: Error {
    var diagnostics: [Diagnostic]
    init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

extension Double {
    /// The power of ten of the leading digit: 3 for 1,200, -2 for 0.05.
    var magnitudeExponent: Int {
        var exponent = 0
        var x = self
        while x >= 10 { x /= 10; exponent += 1 }
        while x < 1, x > 0 { x *= 10; exponent -= 1 }
        return exponent
    }

    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 { for _ in 0..<exponent { result *= 10 } } else { for _ in 0..<(-exponent) { result /= 10 } }
        return result
    }
}
