import ScenarioSyntax
import Semantics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints values for readers: `$960`, `$1,140`, `$50/hour`, `21.55%`, `6 months`, `40 MB/request`,
/// `never`. Fixed rules, no locale, so the same model always prints the same text.
public enum ValueFormatter {
    /// Digits kept when no format is given and the unit has no rule of its own.
    public static let defaultSignificantDigits = 4

    /// - Parameter interval: for an uncertain value, the central share of the samples the
    ///   interval after its median holds (`| interval 50%`).
    public static func format(_ value: Value, format: NumberFormat? = nil, interval: Double = 0.9) -> String {
        switch value.storage {
        case .never:
            return "never"
        case .samples(let samples):
            return formatUncertain(samples, dimension: value.dimension, label: value.label, format: format,
                                   interval: interval)
        case .scalar(let x):
            return formatScalar(x, dimension: value.dimension, label: value.label, format: format)
        case .series(let xs):
            let shown = xs.count <= 6 ? xs.map(Optional.some) : Array(xs.prefix(3)).map(Optional.some) + [nil] + Array(xs.suffix(2)).map(Optional.some)
            return shown.map { $0.map { formatScalar($0, dimension: value.dimension, label: value.label, format: format) } ?? "…" }
                .joined(separator: ", ")
        }
    }

    /// The unit to show a value in: its own label when that measures the right thing, else a
    /// sensible unit for the dimension (the largest whole time unit, the nearest data unit…).
    static func displayLabel(for x: Double, dimension: Dimension, label: UnitLabel) -> UnitLabel {
        let label = label.simplified()
        if !label.isEmpty, label.dimension == dimension { return label }
        let table = UnitTable.builtIn
        if dimension == .time {
            let candidates = ["year", "month", "week", "day", "hour", "min", "s"].compactMap(table.unit(named:))
            let magnitude = Swift.abs(x)
            if let whole = candidates.first(where: { magnitude >= $0.factor && isWhole(magnitude / $0.factor) }) { return UnitLabel(whole) }
            if let largest = candidates.first(where: { magnitude >= $0.factor }) { return UnitLabel(largest) }
            return UnitLabel(table.unit(named: "s")!)
        }
        if dimension == .data {
            let candidates = ["TB", "GB", "MB", "KB", "B"].compactMap(table.unit(named:))
            return UnitLabel(candidates.first { Swift.abs(x) >= $0.factor } ?? table.unit(named: "B")!)
        }
        // Anything else: one term per base dimension, in base units.
        var terms: [(unit: Unit, exponent: Int)] = []
        for (base, exponent) in dimension.exponents.sorted(by: { $0.key < $1.key }) {
            let unit: Unit
            if base == "time" { unit = table.unit(named: "s")! }
            else if base == "data" { unit = table.unit(named: "B")! }
            else if base.hasPrefix("money:") { unit = table.unit(named: String(base.dropFirst(6)))! }
            else { let name = String(base.dropFirst(6)); unit = Unit(name: name, factor: 1, dimension: .count(name), plural: name + "s") }
            terms.append((unit, exponent))
        }
        return UnitLabel(terms)
    }

    static func isWhole(_ x: Double) -> Bool { Swift.abs(x - x.rounded()) < 1e-9 * Swift.max(1, Swift.abs(x)) }

    public static func formatScalar(_ x: Double, dimension: Dimension, label: UnitLabel, format: NumberFormat?) -> String {
        let shownLabel = displayLabel(for: x, dimension: dimension, label: label)
        let amount = x / shownLabel.factor
        let isMoney = shownLabel.terms.first.map { $0.unit.dimension.exponents.keys.first?.hasPrefix("money:") == true && $0.exponent == 1 } ?? false
        let number: String
        switch format {
        case .decimals(let places)?: number = fixed(amount, decimals: places)
        case .significant(let digits)?: number = significant(amount, digits: digits)
        case .integer?: number = fixed(amount, decimals: 0)
        case nil:
            if isMoney {
                // Whole amounts without cents, cents below a thousand, and fractions of a cent
                // (a price per request) to their first significant digits rather than "$0.00".
                if isWhole(amount) || Swift.abs(amount) >= 1000 { number = fixed(amount, decimals: 0) }
                else if Swift.abs(amount) >= 0.01 { number = fixed(amount, decimals: 2) }
                else { number = significant(amount, digits: 2) }
            } else {
                number = significant(amount, digits: defaultSignificantDigits)
            }
        }
        return attach(number: number, amount: amount, label: shownLabel)
    }

    /// A unit written alone, for axis titles and column headings: `$/month`, `requests`, `%/week`.
    public static func unitText(_ label: UnitLabel) -> String {
        var text = Substring(attach(number: "", amount: 2, label: label))
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }

    /// Puts the unit around the number: `$20/month`, `5%/week`, `6 months`, `40 MB/request`.
    public static func attach(number: String, amount: Double, label: UnitLabel) -> String {
        let numerator = label.terms.filter { $0.exponent > 0 }
        let denominator = label.terms.filter { $0.exponent < 0 }
        var text = number
        var rest = numerator
        if let first = numerator.first, first.exponent == 1, first.unit.isPrefixSymbol {
            let negative = text.hasPrefix("-")
            text = (negative ? "-" : "") + first.unit.name + (negative ? String(text.dropFirst()) : text)
            rest.removeFirst()
        }
        for (index, term) in rest.enumerated() {
            let power = term.exponent == 1 ? "" : term.exponent == 2 ? "²" : term.exponent == 3 ? "³" : "^\(term.exponent)"
            if term.unit.isSuffixSymbol {
                text += term.unit.name + power
            } else {
                let singular = isWhole(amount) && Swift.abs(amount.rounded()) == 1
                let usePlural = index == rest.count - 1 && !singular && power.isEmpty
                text += " " + (usePlural ? (term.unit.plural ?? term.unit.name) : term.unit.name) + power
            }
        }
        for term in denominator {
            let power = term.exponent == -1 ? "" : term.exponent == -2 ? "²" : "^\(-term.exponent)"
            text += "/" + term.unit.name + power
        }
        return text
    }

    /// Rounds to `decimals` places (at most 15) and groups thousands: `1140` → `1,140`,
    /// `21.550625` → `21.55` at 2. Rounding is done on an integer count of the last place, so no
    /// conversion can trap, whatever the magnitude.
    public static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return nonFinite(x) }
        let places = Swift.min(Swift.max(0, decimals), 15)
        let scale = pow(10, Double(places))
        let scaled = (x * scale).rounded(.toNearestOrAwayFromZero)
        guard Swift.abs(scaled) < 9e15 else {
            // Beyond 2^53 a Double has no fractional digits left: print the whole part as it is.
            let whole = String(format: "%.0f", Swift.abs(x))
            let fraction = places > 0 ? "." + String(repeating: "0", count: places) : ""
            return (x < 0 ? "-" : "") + grouped(whole) + fraction
        }
        let count = Int64(Swift.abs(scaled))
        let unit = Int64(scale)
        var text = grouped(String(count / unit))
        if places > 0 {
            let fraction = String(count % unit)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return (scaled < 0 ? "-" : "") + text
    }

    private static func grouped(_ integerDigits: String) -> String {
        var digits = Substring(integerDigits)
        var result = ""
        while digits.count > 3 {
            result = "," + digits.suffix(3) + result
            digits = digits.dropLast(3)
        }
        return digits + result
    }

    static func nonFinite(_ x: Double) -> String {
        x.isNaN ? "not a number" : (x > 0 ? "infinity" : "-infinity")
    }

    /// `digits` significant digits, trailing zeros dropped, never rounding the integer part away.
    public static func significant(_ x: Double, digits: Int) -> String {
        guard x != 0, x.isFinite else { return x.isFinite ? "0" : nonFinite(x) }
        let magnitude = Int(floor(log10(Swift.abs(x))))
        let decimals = Swift.max(0, digits - 1 - magnitude)
        var text = fixed(x, decimals: Swift.min(decimals, 12))
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A plain number without grouping, for messages.
    public static func plainNumber(_ x: Double) -> String {
        guard x.isFinite else { return nonFinite(x) }
        if isWhole(x), Swift.abs(x) < 9e15 { return String(Int64(x.rounded())) }
        return significant(x, digits: 6).replacingOccurrences(",", "")
    }
}

private extension String {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        String(self.flatMap { $0 == target ? Array(replacement) : [$0] })
    }
}
