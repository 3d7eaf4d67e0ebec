/// The unit a value is shown in, derived from the expression that computed it: `$100,000/year`
/// divided by `hours` shows in `$/hour`. Units with the same name cancel (`day/day`).
public struct UnitLabel: Sendable, Hashable {
    /// Units in order of appearance with their exponents; never zero.
    public private(set) var terms: [(unit: Unit, exponent: Int)]

    public init(_ terms: [(unit: Unit, exponent: Int)] = []) {
        self.terms = []
        for term in terms { multiply(by: term.unit, exponent: term.exponent) }
    }

    public init(_ unit: Unit) { self.init([(unit, 1)]) }

    public var isEmpty: Bool { terms.isEmpty }

    public var factor: Double {
        terms.reduce(1.0) { $0 * pow($1.unit.factor, Double($1.exponent)) }
    }

    public var dimension: Dimension {
        terms.reduce(Dimension.dimensionless) { $0 * $1.unit.dimension.raised(to: $1.exponent) }
    }

    private mutating func multiply(by unit: Unit, exponent: Int) {
        if let index = terms.firstIndex(where: { $0.unit.name == unit.name }) {
            terms[index].exponent += exponent
            if terms[index].exponent == 0 { terms.remove(at: index) }
        } else if exponent != 0 {
            terms.append((unit, exponent))
        }
    }

    /// The label to print: units over others of the same kind (`GiB/MB`) cancel. Values are kept
    /// in base units, so this changes only how a value is shown. Done only for display, after
    /// same-name units have cancelled, so `days/year × hours/day` still reads as hours per year
    /// until it is divided into something.
    public func simplified() -> UnitLabel {
        var result = self
        // `%` and `×` describe plain numbers: `5%`, `5%/week`. Beside a real unit (`GiB × %`)
        // they would only rescale it, so they go.
        if result.terms.contains(where: { $0.exponent > 0 && !$0.unit.dimension.isDimensionless }) {
            result.terms.removeAll { $0.unit.dimension.isDimensionless && ($0.unit.isSuffixSymbol) }
        }
        var changed = true
        while changed {
            changed = false
            outer: for i in result.terms.indices {
                for j in result.terms.indices where j > i {
                    let a = result.terms[i], b = result.terms[j]
                    guard a.unit.dimension == b.unit.dimension, (a.exponent > 0) != (b.exponent > 0) else { continue }
                    let cancelled = min(abs(a.exponent), abs(b.exponent))
                    result.terms[i].exponent += a.exponent > 0 ? -cancelled : cancelled
                    result.terms[j].exponent += b.exponent > 0 ? -cancelled : cancelled
                    result.terms.removeAll { $0.exponent == 0 }
                    changed = true
                    break outer
                }
            }
        }
        // A ratio the author wrote (`250 days/year`) stays as written rather than becoming a bare number.
        return result.isEmpty ? self : result
    }

    /// `×` marks a plain factor (`3×`); it shows only on its own, never inside a compound unit.
    private var withoutFactorMark: UnitLabel {
        var copy = self
        copy.terms.removeAll { $0.unit.name == "×" }
        return copy
    }

    public static func * (a: UnitLabel, b: UnitLabel) -> UnitLabel {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        let a = a.withoutFactorMark, b = b.withoutFactorMark
        var result = a
        for term in b.terms { result.multiply(by: term.unit, exponent: term.exponent) }
        return result
    }

    public static func / (a: UnitLabel, b: UnitLabel) -> UnitLabel {
        a * b.raised(to: -1)
    }

    /// The label of `a / b`. A quotient of two amounts of one kind is a plain number and shows as
    /// one: `1 year / 2 weeks` is 26.09, not 0.5 years/week; `1 GiB / 1 MB` is 1,074. A smaller unit
    /// per larger one of the same kind reads as a rate and keeps its unit: `250 days / year`,
    /// `8 hours / day`, a latency rise `Δp99 / elapsed` in ms/week. `as` converts to any ratio unit.
    public static func quotient(_ a: UnitLabel, _ b: UnitLabel) -> UnitLabel {
        let label = a / b
        guard !a.isEmpty, !b.isEmpty, label.dimension.isDimensionless, a.dimension == b.dimension else { return label }
        let top = a.simplified().terms, bottom = b.simplified().terms
        if top.count == 1, bottom.count == 1, top[0].exponent == 1, bottom[0].exponent == 1,
           top[0].unit.factor < bottom[0].unit.factor {
            return label
        }
        return label.terms.allSatisfy { $0.unit.isSuffixSymbol } ? label : UnitLabel()
    }

    public func raised(to power: Int) -> UnitLabel {
        UnitLabel(terms.map { ($0.unit, $0.exponent * power) })
    }

    public static func == (a: UnitLabel, b: UnitLabel) -> Bool {
        a.terms.count == b.terms.count && zip(a.terms, b.terms).allSatisfy { $0.unit == $1.unit && $0.exponent == $1.exponent }
    }

    public func hash(into hasher: inout Hasher) {
        for term in terms {
            hasher.combine(term.unit)
            hasher.combine(term.exponent)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
