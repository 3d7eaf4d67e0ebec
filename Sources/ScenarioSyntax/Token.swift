/// The smallest pieces of scenario text.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A number with its scale suffix applied (`100k` → 100000) and the digits after its
        /// decimal point as written, which a claim's precision comes from.
        case number(Double, decimals: Int, scale: Double)
        case identifier(String)
        /// `$`, `€`, `£`.
        case currency(String)
        /// `"data/weekly.csv"`: only a data function's arguments take text.
        case string(String)
        /// `2027-03-01`, as days since 1970-01-01: a timeline's end.
        case date(Int)
        case percent            // %
        case times              // × after a number: a plain factor, as in "12.6×"
        case plus, minus, star, slash, caret
        case leftParen, rightParen, leftBracket, rightBracket, comma, dot, dotDot, pipe, colon
        /// `≈` or `~`: an approximate claim.
        case approximately
        case equals             // =
        case equalEqual, notEqual, less, lessEqual, greater, greaterEqual
        case newline
        case end
    }

    public var kind: Kind
    public var span: SourceSpan

    public init(_ kind: Kind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

extension Token.Kind {
    /// How the token is named in "expected …, found …" messages.
    public var described: String {
        switch self {
        case .number: return "a number"
        case .identifier(let name): return "`\(name)`"
        case .currency(let symbol): return "`\(symbol)`"
        case .string: return "a text in quotes"
        case .date: return "a date"
        case .leftBracket: return "`[`"
        case .rightBracket: return "`]`"
        case .approximately: return "`≈`"
        case .percent: return "`%`"
        case .times: return "`×`"
        case .plus: return "`+`"
        case .minus: return "`-`"
        case .star: return "`*`"
        case .slash: return "`/`"
        case .caret: return "`^`"
        case .leftParen: return "`(`"
        case .rightParen: return "`)`"
        case .comma: return "`,`"
        case .colon: return "`:`"
        case .dot: return "`.`"
        case .dotDot: return "`..`"
        case .pipe: return "`|`"
        case .equals: return "`=`"
        case .equalEqual: return "`==`"
        case .notEqual: return "`!=`"
        case .less: return "`<`"
        case .lessEqual: return "`<=`"
        case .greater: return "`>`"
        case .greaterEqual: return "`>=`"
        case .newline: return "the end of the line"
        case .end: return "the end of the block"
        }
    }
}
