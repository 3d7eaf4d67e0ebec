import ScenarioSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a written unit (`$/day`, `machine^2`) means in one scenario's vocabulary. The checker and
/// the evaluator both read units through here, so they cannot disagree about one.
public struct ResolvedUnit: Sendable, Hashable {
    public var dimension: Dimension
    public var label: UnitLabel
    /// One of this unit in base units.
    public var factor: Double
}

extension UnitTable {
    /// The unit, or the name (and its span) that is not a unit.
    public func resolve(_ unit: UnitExpr) -> Result<ResolvedUnit, UnknownUnit> {
        switch unit.kind {
        case .name(let name):
            guard let found = self.unit(named: name) else { return .failure(UnknownUnit(name: name, span: unit.span)) }
            return .success(ResolvedUnit(dimension: found.dimension, label: UnitLabel(found), factor: found.factor))
        case .product(let left, let right), .quotient(let left, let right):
            let isProduct: Bool
            if case .product = unit.kind { isProduct = true } else { isProduct = false }
            return resolve(left).flatMap { a in
                resolve(right).map { b in
                    isProduct
                        ? ResolvedUnit(dimension: a.dimension * b.dimension, label: a.label * b.label, factor: a.factor * b.factor)
                        : ResolvedUnit(dimension: a.dimension / b.dimension, label: a.label / b.label, factor: a.factor / b.factor)
                }
            }
        case .power(let base, let exponent):
            return resolve(base).map { a in
                ResolvedUnit(dimension: a.dimension.raised(to: exponent), label: a.label.raised(to: exponent),
                             factor: pow(a.factor, Double(exponent)))
            }
        }
    }
}

/// A word in a unit position that names no unit.
public struct UnknownUnit: Error, Sendable, Hashable {
    public var name: String
    public var span: SourceSpan
}
