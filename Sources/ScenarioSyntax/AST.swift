/// An expression, with the span it came from. The same tree is evaluated and (later) typeset,
/// so what the reader sees is what was computed.
///
/// Positions where a word is a unit rather than a value are their own type, `UnitExpr`: after
/// a number (`4 hours`), after `as`, and the unit of `floor/ceil/round(x, unit)`. The checker
/// and the evaluator therefore cannot disagree about whether `machines` is a value or a unit.
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
        /// A definition, a unit read as a value (`$` in `$/day`, `month` in `price * month`), or `t`.
        case name(String)
        /// `growth.total`: a name in a named scenario (prose only).
        case member(scenario: String, name: String)
        /// `4 hours`: a literal followed by a unit, which typesets without a sign.
        case quantity(Expr, unit: UnitExpr)
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        case call(String, [Expr])
        /// `floor(x)`, `round(x, machines)`: the unit argument is a unit, never a value.
        case rounding(Rounding, Expr, unit: UnitExpr?)
        case conditional(Expr, then: Expr, else: Expr)
        /// `expr as unit`
        case convert(Expr, to: UnitExpr)
        /// `"data/weekly.csv"`: text, which only the data functions take.
        case string(String)
        /// `[180, 176, 190]`: a short series typed by hand.
        case list([Expr])
        /// `$20/month to $50/month`: an uncertain value with these ends as its 5th and 95th
        /// percentiles (lognormal when both are positive, normal otherwise).
        case between(Expr, Expr)
        /// `0%/week..30%/week`: the range `solve` searches; nowhere else.
        case bounds(Expr, Expr)
        /// `gzip.mean["gzip -6 big.txt"]`: the row of a table whose key equals the text.
        case keyed(Expr, key: String)
        /// `format: "gobench"` in a call: an option the data readers take, by name.
        case named(String, Expr)
    }

    public var kind: Kind
    public var span: SourceSpan
    /// The height of the tree below this node (a leaf is 1), kept so that a nesting limit can be
    /// checked as the parser builds, before any recursive pass walks the tree.
    public let depth: Int

    public init(_ kind: Kind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
        var deepest = 0
        Expr.forEachChild(of: kind) { deepest = max(deepest, $0.depth) }
        self.depth = deepest + 1
    }
}

/// A unit where only a unit may stand: `months`, `$/day`, `GB/month`, `machine^2`.
public struct UnitExpr: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        /// A unit's name, alias or plural, or a symbol (`$`, `%`).
        case name(String)
        case product(UnitExpr, UnitExpr)
        case quotient(UnitExpr, UnitExpr)
        /// A whole power, bounded by the parser.
        case power(UnitExpr, Int)
    }

    public var kind: Kind
    public var span: SourceSpan

    public init(_ kind: Kind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

public enum Rounding: String, Sendable, Hashable, CaseIterable {
    case floor, ceil, round
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
        case .add, .subtract, .multiply, .divide, .power, .and, .or: return false
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
        /// `timeline = weekly.week`, or `timeline = weekly.week .. 2027-03-01` to project past the data.
        case dataTimeline(table: String, column: String, columnSpan: SourceSpan, until: Int?, untilSpan: SourceSpan?)
        /// `use "/models/infra.scenario"`, `use "../models/team.scenario" as team`: a model's
        /// definitions and units join the block, or are reached as `team.name`.
        case use(path: String, alias: String?)

        /// The name a definition defines; nil for other statements.
        public var definedName: String? {
            if case .definition(let name, _) = self { return name }
            return nil
        }
    }

    public var kind: Kind
    /// The name's span (for definitions and units), the path's (for `use`) or the keyword's.
    public var nameSpan: SourceSpan
    public var span: SourceSpan
    /// `override growth = 7%/week`: the definition replaces one an imported model makes.
    public var isOverride = false

    public init(kind: Kind, nameSpan: SourceSpan, span: SourceSpan, isOverride: Bool = false) {
        self.kind = kind; self.nameSpan = nameSpan; self.span = span; self.isOverride = isOverride
    }
}

/// How an inline value should be printed: `| 2 decimals`, `| 3 significant`, `| integer`.
public enum NumberFormat: Sendable, Hashable {
    case decimals(Int)
    case significant(Int)
    case integer
}

/// What the prose asserts about an inline value.
public enum ClaimSyntax: Sendable, Hashable {
    /// `= $960`: equal at the literal's precision.
    case equals(Expr)
    /// `≈ $1,000` or `~ $1,000`: equal at two significant digits.
    case approximately(Expr)
    /// `in $40..$45`: within the range, both ends included.
    case within(Expr, Expr)
    /// `< 250 ms` (also `<=`, `>`, `>=`).
    case compares(BinaryOperator, Expr)

    /// The written values, left to right.
    public var literals: [Expr] {
        switch self {
        case .equals(let value), .approximately(let value), .compares(_, let value): return [value]
        case .within(let low, let high): return [low, high]
        }
    }
}

/// What sits between `{{` and `}}` in prose: a value, optionally a claim about it, optionally a format.
public struct InlineExpression: Sendable, Hashable {
    public var expression: Expr
    public var claim: ClaimSyntax?
    public var format: NumberFormat?
    /// `| interval 50%`: the central interval an uncertain value is shown with (90% unless
    /// given), as a share from 0 to 1.
    public var interval: Double?

    public init(expression: Expr, claim: ClaimSyntax? = nil, format: NumberFormat? = nil, interval: Double? = nil) {
        self.expression = expression
        self.claim = claim
        self.format = format
        self.interval = interval
    }
}
