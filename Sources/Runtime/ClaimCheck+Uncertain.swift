import Diagnostics
import ScenarioSyntax
import Semantics

/// Claims on uncertain values. They read percentiles of the samples, which are the same on every
/// build (the draws are seeded from the scenario's text), so a claim holds or fails stably:
/// - `= $240 to $600`: the 5th and 95th percentiles, each at the precision it is written with;
/// - `= $379`, `≈ $380`: the median;
/// - `in $200..$700`: the whole 90% interval lies in the range;
/// - `< $1,000` (and `<=`, `>`, `>=`): the whole 90% interval is on that side.
/// A probability is claimed on a certain value: `{{ prob(total > $1,000) < 5% }}`.
/// A claim that holds shows the value as prose shows any uncertain value, median then interval,
/// in the unit the claim is written in: the claim is checked, the reader gets the estimate.
extension ClaimCheck {
    func uncertain(_ samples: Samples) -> Result<String, ClaimProblems> {
        let row = samples.percentiles([0.05, 0.5, 0.95])[0]
        let (low, median, high) = (row[0], row[1], row[2])
        func scalar(_ x: Double) -> Value { .scalar(x, value.dimension, label: value.label) }
        switch claim {
        case .equals(let expr):
            guard case .between(let lowExpr, let highExpr) = expr.kind else {
                return ClaimCheck(claim: claim, value: scalar(median), type: type, scenario: scenario,
                                  fragment: fragment, source: "the median of \(source)", format: format).certain()
            }
            return interval(low, high, lowExpr, highExpr)
        case .approximately:
            return ClaimCheck(claim: claim, value: scalar(median), type: type, scenario: scenario, fragment: fragment,
                              source: "the median of \(source)", format: format).certain()
        case .within(let lowExpr, let highExpr):
            return literal(lowExpr).flatMap { lower in
                literal(highExpr).flatMap { upper in
                    let a = lower.scalar ?? .nan, b = upper.scalar ?? .nan
                    let span = lowExpr.span.union(highExpr.span)
                    let holds = Self.isWithin(low, a, b) && Self.isWithin(high, a, b)
                    let text = shownInterval(low, high, in: lower.label)
                    return holds ? .success(estimate(in: lower.label))
                        : error("claim does not hold: the 90% interval of \(source) is \(text), "
                                + "the text says in \(written(span))", span)
                }
            }
        case .compares(let op, let expr):
            return literal(expr).flatMap { claimed in
                // Below: the interval's upper end must be; above: its lower end.
                let end = op == .less || op == .lessEqual ? high : low
                let holds = Self.compares(op, end, claimed.scalar ?? .nan)
                let text = shownInterval(low, high, in: claimed.label)
                return holds ? .success(estimate(in: claimed.label))
                    : error("claim does not hold: the 90% interval of \(source) is \(text), not all \(op.rawValue) "
                            + written(expr.span), expr.span)
            }
        }
    }

    /// `= $240 to $600`: each end equals the percentile at the precision it is written with.
    private func interval(_ low: Double, _ high: Double, _ lowExpr: Expr,
                          _ highExpr: Expr) -> Result<String, ClaimProblems> {
        literal(lowExpr).flatMap { lower in
            literal(highExpr).flatMap { upper in
                let lowClaim = Claim(claimed: lower, literal: lowExpr,
                                     label: lower.label.isEmpty ? value.label : lower.label)
                let highClaim = Claim(claimed: upper, literal: highExpr,
                                      label: upper.label.isEmpty ? value.label : upper.label)
                let computedLow = Value.scalar(low, value.dimension, label: value.label)
                let computedHigh = Value.scalar(high, value.dimension, label: value.label)
                let text = lowClaim.rendered(computedLow) + " to " + highClaim.rendered(computedHigh)
                let span = lowExpr.span.union(highExpr.span)
                guard lowClaim.holds(for: computedLow), highClaim.holds(for: computedHigh) else {
                    return .failure(ClaimProblems([.error(
                        "claim does not hold: the 90% interval of \(source) is \(text), the text says " + written(span),
                        at: fragment.location(span),
                        notes: [.init("each end is compared at the precision it is written with: "
                                      + "`$1.4k` is to the hundred")], code: .claimDoesNotHold)]))
                }
                return .success(estimate(in: lower.label))
            }
        }
    }

    /// `$379 (90%: $240–$600)`, in the claim's unit.
    private func estimate(in label: UnitLabel) -> String {
        var shown = value
        if !label.isEmpty { shown.label = label }
        return ValueFormatter.format(shown, format: format)
    }

    private func shownInterval(_ low: Double, _ high: Double, in label: UnitLabel) -> String {
        let label = label.isEmpty ? value.label : label
        func text(_ x: Double) -> String { ValueFormatter.formatEstimate(x, dimension: value.dimension, label: label) }
        return text(low) + " to " + text(high)
    }
}
