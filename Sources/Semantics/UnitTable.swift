/// The units a scenario can name: the built-in ones, then the scenario's own `unit` lines
/// (new countable units, derived units, and overrides such as `unit month = 4 weeks`).
public struct UnitTable: Sendable {
    /// Every accepted spelling (`h`, `hour`, `hours`) → the unit.
    private var byName: [String: Unit]

    public static let secondsPerDay = 86_400.0
    public static let secondsPerYear = 365.25 * 86_400.0

    /// Currency codes with their symbols; amounts in different currencies never mix silently.
    static let currencies: [(code: String, symbol: String?)] = [
        ("USD", "$"), ("EUR", "€"), ("GBP", "£"), ("JPY", nil), ("CHF", nil), ("CAD", nil), ("AUD", nil), ("INR", nil), ("CNY", nil),
    ]

    public static let builtIn: UnitTable = {
        var table = UnitTable(byName: [:])
        func time(_ name: String, _ seconds: Double, plural: String?, aliases: [String] = []) {
            table.add(Unit(name: name, factor: seconds, dimension: .time, plural: plural), aliases: aliases)
        }
        time("s", 1, plural: nil, aliases: ["sec", "second", "seconds", "secs"])
        time("ms", 0.001, plural: nil, aliases: ["millisecond", "milliseconds"])
        time("µs", 1e-6, plural: nil, aliases: ["us", "microsecond", "microseconds"])
        time("ns", 1e-9, plural: nil, aliases: ["nanosecond", "nanoseconds"])
        time("min", 60, plural: nil, aliases: ["minute", "minutes", "mins"])
        time("hour", 3600, plural: "hours", aliases: ["h", "hr", "hrs"])
        time("day", secondsPerDay, plural: "days")
        time("week", 7 * secondsPerDay, plural: "weeks")
        time("month", secondsPerYear / 12, plural: "months")
        time("year", secondsPerYear, plural: "years", aliases: ["yr"])
        func data(_ name: String, _ bytes: Double, aliases: [String] = []) {
            table.add(Unit(name: name, factor: bytes, dimension: .data), aliases: aliases)
        }
        data("B", 1, aliases: ["byte", "bytes"])
        data("bit", 0.125, aliases: ["bits"])
        for (index, prefix) in ["K", "M", "G", "T", "P"].enumerated() {
            data(prefix + "B", pow10(3 * (index + 1)))
            data(prefix + "iB", pow2(10 * (index + 1)))
        }
        for (code, symbol) in currencies {
            let unit = Unit(name: symbol ?? code, factor: 1, dimension: .currency(code), isPrefixSymbol: symbol != nil)
            table.add(unit, aliases: symbol == nil ? [] : [code])
        }
        table.add(Unit(name: "%", factor: 0.01, dimension: .dimensionless, isSuffixSymbol: true), aliases: ["percent"])
        table.add(Unit(name: "×", factor: 1, dimension: .dimensionless, isSuffixSymbol: true), aliases: [])
        return table
    }()

    private static func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 10 } }
    private static func pow2(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 2 } }

    private mutating func add(_ unit: Unit, aliases: [String]) {
        byName[unit.name] = unit
        if let plural = unit.plural { byName[plural] = unit }
        for alias in aliases { byName[alias] = unit }
    }

    public func unit(named name: String) -> Unit? { byName[name] }

    public var allNames: [String] { Array(byName.keys) }

    /// Declares a countable unit (`unit machine`): a new base dimension, with an English plural.
    public mutating func declare(_ name: String) {
        add(Unit(name: name, factor: 1, dimension: .count(name), plural: UnitTable.plural(of: name)), aliases: [])
    }

    /// Defines or redefines a unit as an amount of existing ones (`unit month = 4 weeks`). The
    /// unit keeps its own spellings: redefining `month` also changes `months`.
    public mutating func define(_ name: String, factor: Double, dimension: Dimension) {
        if var existing = byName[name] {
            let spellings = byName.filter { $0.value == existing }.map(\.key)
            existing.factor = factor
            existing.dimension = dimension
            for spelling in spellings { byName[spelling] = existing }
        } else {
            add(Unit(name: name, factor: factor, dimension: dimension, plural: UnitTable.plural(of: name)), aliases: [])
        }
    }

    static func plural(of name: String) -> String? {
        guard let last = name.last, last.isLetter, name.count > 2 else { return nil }
        if name.hasSuffix("y"), let beforeLast = name.dropLast().last, !"aeiou".contains(beforeLast) { return name.dropLast() + "ies" }
        if name.hasSuffix("s") || name.hasSuffix("x") || name.hasSuffix("ch") || name.hasSuffix("sh") { return name + "es" }
        return name + "s"
    }
}
