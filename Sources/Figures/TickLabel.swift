import Runtime
import Semantics

/// Short labels for axis ticks, in the unit the series is shown in: `$1.2k`, `25%`, `1.5 GB`.
/// The unit's name (months, requests) goes in the axis title rather than on every tick.
enum TickLabel {
    /// The value of `x` (base units) in the axis's unit, as a short string. `reference` is the
    /// axis's largest value: every tick of one axis takes its suffix, so an axis never mixes
    /// `$5,000` with `$10k`.
    static func text(_ x: Double, unit: ShownUnit, reference: Double? = nil) -> String {
        let number = compact(unit.amount(x), reference: reference.map(unit.amount))
        let numerator = unit.label.terms.filter { $0.exponent > 0 }
        if let first = numerator.first, first.exponent == 1, first.unit.isPrefixSymbol {
            return number.hasPrefix("-") ? "-" + first.unit.name + number.dropFirst() : first.unit.name + number
        }
        if let first = numerator.first, first.unit.isSuffixSymbol { return number + first.unit.name }
        return number
    }

    /// The unit to name in the axis title (`months`, `requests/s`), or nil when ticks carry it.
    static func axisUnit(_ unit: ShownUnit) -> String? {
        let text = unit.name
        if unit.label.terms.first.map({ $0.unit.isPrefixSymbol || $0.unit.isSuffixSymbol }) == true {
            // `$` or `%` sits on the ticks; name only what follows it (`/month`).
            let rest = text.drop { $0 == "$" || $0 == "€" || $0 == "£" || $0 == "%" || $0 == "×" }
            return rest.isEmpty ? nil : String(rest)
        }
        return text.isEmpty ? nil : text
    }

    /// `12000` → `12k`, `2500000` → `2.5M`, `0.25` → `0.25`. With `reference`, the suffix is the one
    /// the reference takes (`5000` beside `10000` is `5k`); zero is always `0`.
    static func compact(_ x: Double, reference: Double? = nil) -> String {
        let magnitude = abs(reference ?? x)
        if abs(x) >= 1e15 || !x.isFinite { return String(format: "%.2g", x) }
        if reference != nil, x == 0 { return "0" }
        if magnitude >= 1e15 { return String(format: "%.2g", x) }
        if magnitude >= 1e12 { return ValueFormatter.significant(x / 1e12, digits: 3) + "T" }
        if magnitude >= 1e9 { return ValueFormatter.significant(x / 1e9, digits: 3) + "G" }
        if magnitude >= 1e6 { return ValueFormatter.significant(x / 1e6, digits: 3) + "M" }
        if magnitude >= 1e4 { return ValueFormatter.significant(x / 1e3, digits: 3) + "k" }
        return ValueFormatter.significant(x, digits: 3)
    }
}
