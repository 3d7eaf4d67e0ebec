/// A compact, fully parenthesised printout of a tree, for tests and debugging:
/// `hourly = salary / (250 days)` prints as `(/ salary (· 250 days))`.
extension Expr: CustomStringConvertible {
    public var description: String {
        switch kind {
        case .number(let value, _, _):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .percent(let inner): return "(% \(inner))"
        case .factor(let inner): return "(× \(inner))"
        case .money(let symbol, let amount): return "(\(symbol) \(amount))"
        case .name(let name): return name
        case .member(let scenario, let name): return "\(scenario).\(name)"
        case .unary(let op, let inner): return "(\(op.rawValue) \(inner))"
        case .binary(let op, let left, let right, let implicit): return "(\(implicit ? "·" : op.rawValue) \(left) \(right))"
        case .call(let name, let arguments): return "(\(name)\(arguments.map { " \($0)" }.joined()))"
        case .conditional(let c, let a, let b): return "(if \(c) \(a) \(b))"
        case .convert(let value, let unit): return "(as \(value) \(unit))"
        }
    }
}

extension Statement: CustomStringConvertible {
    public var description: String {
        switch kind {
        case .definition(let name, let expression): return "\(name) = \(expression)"
        case .unitDeclaration(let name): return "unit \(name)"
        case .unitDefinition(let name, let expression): return "unit \(name) = \(expression)"
        case .timeline(let start, let end, let unit, _): return "timeline \(Int(start))..\(Int(end)) \(unit)"
        }
    }
}
