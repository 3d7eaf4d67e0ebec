import ScenarioSyntax
import Semantics

/// Uncertain values for readers: the median, then the central interval, in one unit:
/// `$379 (90%: $240–$600)`. Three significant digits unless a format is given: a Monte Carlo
/// estimate has no more meaningful digits than that, and fewer digits read faster.
extension ValueFormatter {
    public static let uncertainDigits = 3

    static func formatUncertain(_ samples: Samples, dimension: Dimension, label: UnitLabel, format: NumberFormat?,
                                interval: Double) -> String {
        let tail = (1 - interval) / 2
        let rows = samples.percentiles([0.5, tail, 1 - tail])
        let shown = rows.count <= 6 ? rows.map(Optional.some)
            : Array(rows.prefix(3)).map(Optional.some) + [nil] + Array(rows.suffix(2)).map(Optional.some)
        return shown.map { row in
            guard let row else { return "…" }
            return formatInterval(median: row[0], low: row[1], high: row[2], share: interval, dimension: dimension,
                                  label: label, format: format)
        }.joined(separator: ", ")
    }

    /// `$379 (90%: $240–$600)`, `4 months (90%: 3–6 months)`; a never-holding outcome reads "never".
    public static func formatInterval(median: Double, low: Double, high: Double, share: Double, dimension: Dimension,
                                      label: UnitLabel, format: NumberFormat?) -> String {
        let finite = [median, low, high].first(where: \.isFinite) ?? 0
        let shownLabel = displayLabel(for: finite, dimension: dimension, label: label)
        let format = format ?? .significant(uncertainDigits)
        let percent = plainNumber((share * 1000).rounded() / 10)
        let medianText = text(median, dimension, shownLabel, format)
        // Every sample alike at this precision (one machine in month 0): no interval to show.
        if text(low, dimension, shownLabel, format) == medianText, text(high, dimension, shownLabel, format) == medianText {
            return medianText
        }
        return "\(medianText) (\(percent)%: "
            + formatRange(low: low, high: high, dimension: dimension, label: shownLabel, format: format) + ")"
    }

    /// `$240–$600`, `3–6 months`, `5%–7%/week`: a range's units are written once, after its upper
    /// end; symbols such as `$` and `%` stay on both ends.
    public static func formatRange(low: Double, high: Double, dimension: Dimension, label: UnitLabel,
                                   format: NumberFormat? = nil) -> String {
        let format = format ?? .significant(uncertainDigits)
        let shownLabel = displayLabel(for: [low, high].first(where: \.isFinite) ?? 0, dimension: dimension, label: label)
        guard low.isFinite, high.isFinite else {
            return text(low, dimension, shownLabel, format) + "–" + text(high, dimension, shownLabel, format)
        }
        let amount = low / shownLabel.factor
        let symbols = UnitLabel(shownLabel.terms.filter { $0.exponent == 1 && ($0.unit.isPrefixSymbol || $0.unit.isSuffixSymbol) })
        let lowText = attach(number: numberPart(amount, format: format), amount: amount, label: symbols)
        return lowText + "–" + text(high, dimension, shownLabel, format)
    }

    private static func text(_ x: Double, _ dimension: Dimension, _ label: UnitLabel, _ format: NumberFormat) -> String {
        guard x.isFinite else { return x > 0 ? "never" : "-infinity" }
        return formatScalar(x, dimension: dimension, label: label, format: format)
    }

    /// The digits `formatScalar` would print for `amount` in `label`, without any unit.
    private static func numberPart(_ amount: Double, format: NumberFormat) -> String {
        switch format {
        case .decimals(let places): return fixed(amount, decimals: places)
        case .significant(let digits): return significant(amount, digits: digits)
        case .integer: return fixed(amount, decimals: 0)
        }
    }

    /// What `explain` and the exports give for an uncertain value, in this order.
    public static let summaryNames = ["p5", "p25", "median", "p75", "p95", "mean"]
    static let summaryShares = [0.05, 0.25, 0.5, 0.75, 0.95]
}

/// The percentiles and mean of an uncertain value, step by step, for `explain` and its exports.
public struct UncertainSummary {
    /// Per step: p5, p25, median, p75, p95, mean, in base units.
    public let rows: [[Double]]

    public init(_ samples: Samples) {
        let means = samples.means()
        rows = zip(samples.percentiles(ValueFormatter.summaryShares), means).map { $0 + [$1] }
    }

    public var medians: [Double] { rows.map { $0[2] } }

    /// Each step as prose shows it: `$379 (90%: $240–$600)`.
    public func steps(_ value: Value) -> [String] {
        rows.map {
            ValueFormatter.formatInterval(median: $0[2], low: $0[0], high: $0[4], share: 0.9, dimension: value.dimension,
                                          label: value.label, format: nil)
        }
    }

    /// One line per step shown (the first and last few of a series): `p5 $20/month · p25 …`.
    public func described(_ value: Value, label: UnitLabel) -> [String] {
        let shown = rows.count <= 4 ? Array(rows.indices) : [0, 1, rows.count - 2, rows.count - 1]
        return shown.map { step in
            let parts = zip(ValueFormatter.summaryNames, rows[step]).map { name, x in
                name + " " + (x.isFinite ? ValueFormatter.formatScalar(x, dimension: value.dimension, label: label,
                                                                        format: .significant(4)) : "never")
            }
            return (rows.count > 1 ? "step \(step): " : "") + parts.joined(separator: " · ")
        }
    }

    /// `{"p5":…,"p25":…,…}`, with arrays per step for a series.
    public static func json(_ rows: [[Double]], series: Bool, number: (Double) -> String) -> String {
        let fields = ValueFormatter.summaryNames.enumerated().map { index, name in
            let values = rows.map { number($0[index]) }
            return "\"\(name)\":" + (series ? "[" + values.joined(separator: ",") + "]" : values[0])
        }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
