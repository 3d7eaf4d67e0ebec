/// An expression, with the span it came from. The same tree is evaluated and (later) typeset,
/// so what the reader sees is what was computed.
public struct Expr: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        /// `42`, `1.5k`: the value with its scale suffix applied, and the decimals as written.
        case number(Double, decimals: Int, scale: Double)
        /// `5%`: the operand divided by 100.
        case percent(Expr)
        /// `12.6×`: a plain factor, written the way prose writes multiples.
        case factor(Expr)
        /// `$100`, `€30`: an amount in the currency of the symbol.
        case money(symbol: String, amount: Expr)
        /// A definition, a unit, `t`, or a symbol used as a unit (`$` in `$/day`).
        case name(String)
        /// `growth.total`: a name in a named scenario (prose only).
        case member(scenario: String, name: String)
        case unary(UnaryOperator, Expr)
        /// `implicit` marks juxtaposition (`4 hours`), which typesets without a sign.
        case binary(BinaryOperator, Expr, Expr, implicit: Bool)
        case call(String, [Expr])
        case conditional(Expr, then: Expr, else: Expr)
        /// `expr as unit`
        case convert(Expr, to: Expr)
    }

    public var kind: Kind
    public var span: SourceSpan

    public init(_ kind: Kind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

public enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-"
    case not = "not"
}

public enum BinaryOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "and", or = "or"

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
        default: return false
        }
    }
}

/// One line of a scenario block.
public struct Statement: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `name = expression`
        case definition(name: String, expression: Expr)
        /// `unit machine`
        case unitDeclaration(name: String)
        /// `unit month = 4 weeks`, `unit EUR = 1.08 USD`
        case unitDefinition(name: String, expression: Expr)
        /// `timeline = 0..12 months`
        case timeline(start: Double, end: Double, unit: String, unitSpan: SourceSpan)
    }

    public var kind: Kind
    /// The name's span (for definitions and units) or the keyword's.
    public var nameSpan: SourceSpan
    public var span: SourceSpan
}

/// How an inline value should be printed: `| 2 decimals`, `| 3 significant`, `| integer`.
public enum NumberFormat: Sendable, Hashable {
    case decimals(Int)
    case significant(Int)
    case integer
}

/// What sits between `{{` and `}}` in prose: a value, optionally a claim about it, optionally a format.
public struct InlineExpression: Sendable, Hashable {
    public var expression: Expr
    /// `= $960`: the value the text asserts.
    public var claim: Expr?
    public var format: NumberFormat?
}
