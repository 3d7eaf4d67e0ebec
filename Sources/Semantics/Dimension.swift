/// What a quantity measures, as exponents of base dimensions: `money(USD)¹ · time⁻¹` for a
/// monthly price. Currencies are separate bases (no silent conversion), and every `unit NAME`
/// a scenario declares is a base of its own (machines are not users).
public struct Dimension: Sendable, Hashable {
    /// Base name → exponent, zero exponents removed.
    public private(set) var exponents: [String: Int]

    public init(_ exponents: [String: Int] = [:]) {
        self.exponents = exponents.filter { $0.value != 0 }
    }

    /// A plain number (not `none`, which would shadow `Optional.none` wherever a `Dimension?` is expected).
    public static let dimensionless = Dimension()
    public static let time = Dimension(["time": 1])
    public static let data = Dimension(["data": 1])
    public static func currency(_ code: String) -> Dimension { Dimension(["money:" + code: 1]) }
    public static func count(_ name: String) -> Dimension { Dimension(["count:" + name: 1]) }

    public var isDimensionless: Bool { exponents.isEmpty }

    public static func * (a: Dimension, b: Dimension) -> Dimension {
        var result = a.exponents
        for (base, exponent) in b.exponents { result[base, default: 0] += exponent }
        return Dimension(result)
    }

    public static func / (a: Dimension, b: Dimension) -> Dimension {
        a * b.raised(to: -1)
    }

    public func raised(to power: Int) -> Dimension {
        Dimension(exponents.mapValues { $0 * power })
    }

    /// Halves every exponent, or nil when one is odd (the square root of a duration has no unit).
    public func root(_ degree: Int) -> Dimension? {
        guard exponents.values.allSatisfy({ $0 % degree == 0 }) else { return nil }
        return Dimension(exponents.mapValues { $0 / degree })
    }

    /// A phrase for messages: "money (USD) per duration", "data size per request".
    public var described: String {
        if isDimensionless { return "a plain number" }
        func name(_ base: String) -> String {
            if base == "time" { return "duration" }
            if base == "data" { return "data size" }
            if base.hasPrefix("money:") { return "money (\(base.dropFirst(6)))" }
            if base.hasPrefix("count:") { return String(base.dropFirst(6)) + "s" }
            return base
        }
        func term(_ base: String, _ exponent: Int) -> String {
            let magnitude = abs(exponent)
            return magnitude == 1 ? name(base) : magnitude == 2 ? name(base) + " squared" : name(base) + "^\(magnitude)"
        }
        let sorted = exponents.sorted { $0.key < $1.key }
        let numerator = sorted.filter { $0.value > 0 }.map { term($0.key, $0.value) }
        let denominator = sorted.filter { $0.value < 0 }.map { term($0.key, $0.value) }
        var text = numerator.isEmpty ? "1" : numerator.joined(separator: " × ")
        if !denominator.isEmpty { text += " per " + denominator.joined(separator: " per ") }
        return text
    }
}
