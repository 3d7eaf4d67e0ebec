import Diagnostics
import ScenarioSyntax
import Semantics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A claim in prose, `{{ total = $960 }}`: holds when the computed value, rounded to the
/// precision the claimed literal is written with, equals it. `$1,140` is exact to the dollar,
/// `21.55%` to a hundredth of a percent, `1.5k` to the hundred, `6 months` to the month.
public struct Claim {
    public var claimed: Value
    /// The size of the literal's last written digit, in the literal's own unit.
    public var step: Double
    public var label: UnitLabel
    public var decimals: Int

    /// Reads the precision from the literal's number token.
    public init(claimed: Value, literal: Expr, label: UnitLabel) {
        self.claimed = claimed
        self.label = label
        var decimals = 0
        var scale = 1.0
        literal.forEachNumber { d, s in
            decimals = d
            scale = s
        }
        self.decimals = Swift.max(0, decimals - Int((log10(scale)).rounded()))
        self.step = pow(10, -Double(decimals)) * scale
    }

    public func holds(for value: Value) -> Bool {
        if claimed.isNever || value.isNever { return claimed.isNever && value.isNever }
        guard let computed = value.scalar, let expected = claimed.scalar else { return false }
        let factor = label.isEmpty ? 1 : label.factor
        let a = (computed / factor / step).rounded(.toNearestOrAwayFromZero)
        let b = (expected / factor / step).rounded(.toNearestOrAwayFromZero)
        return a == b
    }

    /// The computed value as the claim writes it: in the literal's unit, to its precision.
    public func rendered(_ value: Value) -> String {
        guard !value.isNever else { return "never" }
        var shown = value
        shown.label = label
        return ValueFormatter.format(shown, format: .decimals(decimals))
    }
}

extension Expr {
    /// Calls `body` with each number literal's written decimals and scale suffix, left to right.
    func forEachNumber(_ body: (Int, Double) -> Void) {
        visit { node in
            if case .number(_, let decimals, let scale) = node.kind { body(decimals, scale) }
        }
    }
}
