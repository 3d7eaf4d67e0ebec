/// A compact, fully parenthesised printout of a tree, for tests and debugging:
/// `hourly = salary / (250 days)` prints as `(/ salary (· 250 days))`.
extension Expr: CustomStringConvertible {
    public var description: String {
        switch kind {
        case .number(let value, _, _):
            return Expr.printed(value)
        case .percent(let inner): return "(% \(inner))"
        case .factor(let inner): return "(× \(inner))"
        case .money(let symbol, let amount): return "(\(symbol) \(amount))"
        case .name(let name): return name
        case .member(let scenario, let name): return "\(scenario).\(name)"
        case .unary(let op, let inner): return "(\(op.rawValue) \(inner))"
        case .quantity(let amount, let unit): return "(· \(amount) \(unit))"
        case .binary(let op, let left, let right): return "(\(op.rawValue) \(left) \(right))"
        case .call(let name, let arguments): return "(\(name)\(arguments.map { " \($0)" }.joined()))"
        case .rounding(let mode, let value, let unit): return "(\(mode.rawValue) \(value)\(unit.map { " \($0)" } ?? ""))"
        case .conditional(let c, let a, let b): return "(if \(c) \(a) \(b))"
        case .string(let text): return "\"\(text)\""
        case .list(let items): return "[\(items.map(\.description).joined(separator: " "))]"
        case .convert(let value, let unit): return "(as \(value) \(unit))"
        case .between(let low, let high): return "(to \(low) \(high))"
        case .bounds(let low, let high): return "(.. \(low) \(high))"
        case .keyed(let base, let key): return "(row \(base) \"\(key)\")"
        case .named(let label, let value): return "(\(label): \(value))"
        }
    }
}

extension UnitExpr: CustomStringConvertible {
    public var description: String {
        switch kind {
        case .name(let name): return name
        case .product(let left, let right): return "(* \(left) \(right))"
        case .quotient(let left, let right): return "(/ \(left) \(right))"
        case .power(let base, let exponent): return "(^ \(base) \(exponent))"
        }
    }
}

extension Statement: CustomStringConvertible {
    public var description: String {
        switch kind {
        case .definition(let name, let expression): return "\(name) = \(expression)"
        case .unitDeclaration(let name): return "unit \(name)"
        case .use(let path, let alias): return "use \"\(path)\"" + (alias.map { " as \($0)" } ?? "")
        case .unitDefinition(let name, let expression): return "unit \(name) = \(expression)"
        case .timeline(let start, let end, let unit, _): return "timeline \(Expr.printed(start))..\(Expr.printed(end)) \(unit)"
        case .dataTimeline(let table, let column, _, let until, _):
            return "timeline \(table).\(column)" + (until.map { " .. day \($0)" } ?? "")
        }
    }
}

extension Expr {
    /// A whole number without a decimal point; anything else as Swift prints it (never traps).
    static func printed(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension ClaimSyntax: CustomStringConvertible {
    public var description: String {
        switch self {
        case .equals(let value): return value.description
        case .approximately(let value): return "(≈ \(value))"
        case .within(let low, let high): return "(in \(low) \(high))"
        case .compares(let op, let value): return "(\(op.rawValue) \(value))"
        }
    }
}
