import ScenarioSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        let digits = Digits(format, [median, low, high], label: shownLabel)
        let percent = plainNumber((share * 10_000).rounded() / 100)
        let medianText = digits.text(median, dimension, shownLabel)
        // Every sample alike at this precision (one machine in month 0): no interval to show.
        if digits.text(low, dimension, shownLabel) == medianText,
           digits.text(high, dimension, shownLabel) == medianText {
            return medianText
        }
        return "\(medianText) (\(percent)%: " + range(low, high, dimension, shownLabel, digits) + ")"
    }

    /// `$240–$600`, `3–6 months`, `5%–7%/week`: a range's units are written once, after its upper
    /// end; symbols such as `$` and `%` stay on both ends.
    public static func formatRange(low: Double, high: Double, dimension: Dimension, label: UnitLabel,
                                   format: NumberFormat? = nil) -> String {
        let shownLabel = displayLabel(for: [low, high].first(where: \.isFinite) ?? 0, dimension: dimension,
                                      label: label)
        return range(low, high, dimension, shownLabel, Digits(format, [low, high], label: shownLabel))
    }

    private static func range(_ low: Double, _ high: Double, _ dimension: Dimension, _ label: UnitLabel,
                              _ digits: Digits) -> String {
        guard low.isFinite, high.isFinite else {
            return digits.text(low, dimension, label) + "–" + digits.text(high, dimension, label)
        }
        let amount = low / label.factor
        let symbols = UnitLabel(label.terms.filter {
            $0.exponent == 1 && ($0.unit.isPrefixSymbol || $0.unit.isSuffixSymbol)
        })
        return attach(number: digits.number(amount), amount: amount, label: symbols) + "–"
            + digits.text(high, dimension, label)
    }

    /// How the numbers of one estimate are written: as a given format says, or else all to the
    /// same decimal place, three significant digits of the largest of them. So `$0 to $1k` reads
    /// "$500 (90%: $0–$1,000)", not "$0.408" for a lower end that is zero at that precision.
    struct Digits {
        let format: NumberFormat?
        let decimals: Int

        init(_ format: NumberFormat?, _ values: [Double], label: UnitLabel) {
            self.format = format
            let largest = values.filter(\.isFinite).map { Swift.abs($0 / label.factor) }.max() ?? 0
            let magnitude = largest > 0 ? Int(log10(largest).rounded(.down)) : 0
            decimals = Swift.min(12, Swift.max(0, ValueFormatter.uncertainDigits - 1 - magnitude))
        }

        func number(_ amount: Double) -> String {
            switch format {
            case .decimals(let places)?: return fixed(amount, decimals: places)
            case .significant(let digits)?: return significant(amount, digits: digits)
            case .integer?: return fixed(amount, decimals: 0)
            case nil:
                var text = fixed(amount, decimals: decimals)
                if text.contains(".") {
                    while text.hasSuffix("0") { text.removeLast() }
                    if text.hasSuffix(".") { text.removeLast() }
                }
                return text == "-0" ? "0" : text
            }
        }

        func text(_ x: Double, _ dimension: Dimension, _ label: UnitLabel) -> String {
            guard x.isFinite else { return x > 0 ? "never" : "-infinity" }
            let amount = x / label.factor
            return attach(number: number(amount), amount: amount, label: label)
        }
    }

    /// One number of an estimate on its own (a percentile, a tornado's end): three significant
    /// digits, and "never" for a `first` that never holds.
    public static func formatEstimate(_ x: Double, dimension: Dimension, label: UnitLabel) -> String {
        x.isFinite ? formatScalar(x, dimension: dimension, label: label, format: .significant(uncertainDigits))
            : x > 0 ? "never" : "-infinity"
    }

    /// What `explain` and the exports give for an uncertain value, in this order.
    public static let summaryNames = ["p5", "p25", "median", "p75", "p95", "mean"]
    static let summaryShares = [0.05, 0.25, 0.5, 0.75, 0.95]
}

/// How `explain` and its exports write a spread.
extension Spread {
    /// Each step as prose shows it: `$379 (90%: $240–$600)`.
    public func steps(_ value: Value) -> [String] {
        rows.map {
            ValueFormatter.formatInterval(median: $0[2], low: $0[0], high: $0[4], share: 0.9,
                                          dimension: value.dimension, label: value.label, format: nil)
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
