import Diagnostics

/// Parses scenario blocks and inline expressions. Errors are collected; after one, the parser
/// skips to the next line so a block reports all of its mistakes in one run.
public struct Parser {
    private var tokens: [Token]
    private var position = 0
    private let fragment: SourceFragment
    public private(set) var diagnostics: [Diagnostic] = []
    /// Newlines are insignificant inside parentheses.
    private var parenDepth = 0
    /// How deep the recursive descent is; bounded by `ScenarioLimits.expressionDepth`.
    private var nesting = 0

    static let keywords: Set<String> = ["if", "then", "else", "and", "or", "not", "as", "in", "to"]

    private struct Failure: Error {}

    public init(_ fragment: SourceFragment) {
        self.fragment = fragment
        let (tokens, lexErrors) = Lexer.tokenize(fragment)
        self.tokens = tokens
        self.diagnostics = lexErrors
    }

    /// Parses a whole block: one statement per line.
    public static func parseBlock(_ fragment: SourceFragment) -> ([Statement], [Diagnostic]) {
        if let tooLarge = sizeError(fragment, what: "scenario block") { return ([], [tooLarge]) }
        var parser = Parser(fragment)
        var statements: [Statement] = []
        while true {
            parser.skipNewlines()
            if parser.check(.end) { break }
            if statements.count == ScenarioLimits.statements {
                parser.error("this scenario block has more than \(ScenarioLimits.statements) statements",
                             at: parser.current.span, notes: [.init("split the model into several blocks or essays")])
                break
            }
            do {
                statements.append(try parser.statement())
                if !parser.check(.end) && !parser.check(.newline) {
                    parser.error("expected the end of the line after the statement, found \(parser.current.kind.described)", at: parser.current.span)
                    throw Failure()
                }
            } catch {
                parser.skipToNextLine()
            }
        }
        if parser.droppedErrors > 0 {
            parser.diagnostics.append(.error("\(parser.droppedErrors) more errors in this block",
                                             at: fragment.location(SourceSpan(0, 1))))
        }
        return (statements, parser.diagnostics)
    }

    /// Parses a unit written outside a scenario, such as the `ms` of a data file's `p99 (ms)` header.
    public static func parseUnit(_ fragment: SourceFragment) -> (UnitExpr?, [Diagnostic]) {
        var parser = Parser(fragment)
        if !parser.diagnostics.isEmpty { return (nil, parser.diagnostics) }
        do {
            let unit = try parser.unitExpression()
            if !parser.check(.end) {
                parser.error("expected a unit such as `ms`, `$` or `GB/month`, found \(parser.current.kind.described)",
                             at: parser.current.span)
                return (nil, parser.diagnostics)
            }
            return (unit, parser.diagnostics)
        } catch {
            return (nil, parser.diagnostics)
        }
    }

    /// Parses what sits between `{{` and `}}`. A character the lexer could not read is reported
    /// alone: the parse around the gap it leaves would only add confusing second messages.
    public static func parseInline(_ fragment: SourceFragment) -> (InlineExpression?, [Diagnostic]) {
        if let tooLarge = sizeError(fragment, what: "inline value") { return (nil, [tooLarge]) }
        var parser = Parser(fragment)
        if !parser.diagnostics.isEmpty { return (nil, parser.diagnostics) }
        parser.parenDepth = 1   // prose may wrap inside the braces
        do {
            var expression = try parser.expression()
            var claim: ClaimSyntax?
            var format: NumberFormat?
            if parser.match(.equals) != nil {
                claim = .equals(try parser.expression())
            } else if parser.match(.approximately) != nil {
                claim = .approximately(try parser.expression())
            } else if case .identifier("in") = parser.current.kind {
                parser.advance()
                let low = try parser.additive()
                _ = try parser.expect(.dotDot, "`..` between the range's ends, as in `in $40..$45`")
                claim = .within(low, try parser.additive())
            } else if case .binary(let op, let left, let right) = expression.kind,
                      [.less, .lessEqual, .greater, .greaterEqual].contains(op) {
                claim = .compares(op, right)
                expression = left
            }
            var interval: Double?
            while parser.match(.pipe) != nil {
                if case .identifier("interval") = parser.current.kind {
                    if interval != nil {
                        parser.error("the interval is given twice; keep one `| interval …`", at: parser.current.span)
                        throw Failure()
                    }
                    interval = try parser.intervalFormat()
                } else {
                    format = try parser.numberFormat()
                }
            }
            if !parser.check(.end) {
                parser.error("expected the end of the inline value, found \(parser.current.kind.described)",
                             at: parser.current.span,
                             notes: [.init("write `{{ name }}`, `{{ expression = claimed value }}` or `{{ expression | 2 decimals }}`")])
                throw Failure()
            }
            return (InlineExpression(expression: expression, claim: claim, format: format, interval: interval),
                    parser.diagnostics)
        } catch {
            return (nil, parser.diagnostics)
        }
    }

    private static func sizeError(_ fragment: SourceFragment, what: String) -> Diagnostic? {
        let size = fragment.text.utf8.count
        guard size > ScenarioLimits.bytes else { return nil }
        return .error("this \(what) is \(size / 1024) KiB; the limit is \(ScenarioLimits.bytes / 1024) KiB",
                      at: fragment.location(SourceSpan(0, 1)))
    }

    // MARK: Statements

    private mutating func statement() throws -> Statement {
        let first = current
        guard case .identifier(let word) = first.kind else {
            error("expected a definition such as `cost = $20/month`, found \(first.kind.described)", at: first.span)
            throw Failure()
        }
        if word == "use", case .string(let path) = peek(1).kind { return try use(keyword: first, path: path) }
        if word == "override", case .identifier = peek(1).kind { return try override(keyword: first) }
        if word == "unit", case .identifier(let name) = peek(1).kind {
            advance()
            let nameToken = advance()
            if match(.equals) != nil {
                let value = try expression()
                return Statement(kind: .unitDefinition(name: name, expression: value), nameSpan: nameToken.span,
                                 span: first.span.union(value.span))
            }
            return Statement(kind: .unitDeclaration(name: name), nameSpan: nameToken.span, span: first.span.union(nameToken.span))
        }
        advance()
        guard match(.equals) != nil else {
            if case .equalEqual = current.kind {
                error("use `=` to define a name; `==` compares", at: current.span)
            } else {
                error("expected `=` after `\(word)`, found \(current.kind.described)", at: current.span,
                      notes: [.init("each line defines one name: `\(word) = expression`")])
            }
            throw Failure()
        }
        if word == "timeline" { return try timeline(keyword: first) }
        let value = try expression()
        return Statement(kind: .definition(name: word, expression: value), nameSpan: first.span, span: first.span.union(value.span))
    }

    /// `use "path"` or `use "path" as name`.
    private mutating func use(keyword: Token, path: String) throws -> Statement {
        advance()
        let pathToken = advance()
        guard case .identifier("as") = current.kind else {
            return Statement(kind: .use(path: path, alias: nil), nameSpan: pathToken.span, span: keyword.span.union(pathToken.span))
        }
        advance()
        guard case .identifier(let alias) = current.kind, !Parser.keywords.contains(alias) else {
            error("expected a name after `as`, found \(current.kind.described)", at: current.span,
                  notes: [.init("write `use \"\(path)\" as team`, then `team.hourly`")])
            throw Failure()
        }
        let aliasToken = advance()
        return Statement(kind: .use(path: path, alias: alias), nameSpan: pathToken.span, span: keyword.span.union(aliasToken.span))
    }

    /// `override growth = 7%/week`, `override team.hourly = $90/hour`.
    private mutating func override(keyword: Token) throws -> Statement {
        advance()
        guard case .identifier(var name) = current.kind else { throw Failure() }
        var nameSpan = advance().span
        if case .dot = current.kind, case .identifier(let member) = peek(1).kind {
            advance()
            nameSpan = nameSpan.union(advance().span)
            name += "." + member
        }
        guard match(.equals) != nil else {
            error("expected `=` after `override \(name)`, found \(current.kind.described)", at: current.span,
                  notes: [.init("write `override \(name) = new value`")])
            throw Failure()
        }
        let value = try expression()
        return Statement(kind: .definition(name: name, expression: value), nameSpan: nameSpan,
                         span: keyword.span.union(value.span), isOverride: true)
    }

    /// `timeline = 0..12 months`
    private mutating func timeline(keyword: Token) throws -> Statement {
        if case .identifier(let table) = current.kind { return try dataTimeline(keyword: keyword, table: table) }
        let startToken = current
        guard case .number(let start, _, _) = startToken.kind else {
            error("expected a timeline such as `0..12 months`", at: startToken.span)
            throw Failure()
        }
        advance()
        guard match(.dotDot) != nil else {
            error("expected `..` between the timeline's first and last step, as in `0..12 months`", at: current.span)
            throw Failure()
        }
        guard case .number(let end, _, _) = current.kind else {
            error("expected the timeline's last step, as in `0..12 months`", at: current.span)
            throw Failure()
        }
        advance()
        guard case .identifier(let unit) = current.kind else {
            error("expected the timeline's unit (months, weeks, days…), found \(current.kind.described)", at: current.span)
            throw Failure()
        }
        let unitToken = advance()
        return Statement(kind: .timeline(start: start, end: end, unit: unit, unitSpan: unitToken.span),
                         nameSpan: keyword.span, span: keyword.span.union(unitToken.span))
    }

    /// `timeline = weekly.week` or `timeline = weekly.week .. 2027-03-01`.
    private mutating func dataTimeline(keyword: Token, table: String) throws -> Statement {
        let tableToken = advance()
        guard match(.dot) != nil, case .identifier(let column) = current.kind else {
            error("expected a column of dates, as in `timeline = weekly.week`", at: current.span)
            throw Failure()
        }
        let columnToken = advance()
        var until: Int?
        var untilSpan: SourceSpan?
        var end = columnToken.span
        if match(.dotDot) != nil {
            guard case .date(let days) = current.kind else {
                error("expected the date the timeline runs to, as in `.. 2027-03-01`", at: current.span)
                throw Failure()
            }
            let dateToken = advance()
            until = days
            untilSpan = dateToken.span
            end = dateToken.span
        }
        return Statement(kind: .dataTimeline(table: table, column: column, columnSpan: tableToken.span.union(columnToken.span),
                                             until: until, untilSpan: untilSpan),
                         nameSpan: keyword.span, span: keyword.span.union(end))
    }

    /// `| interval 50%`: the share of the samples the shown interval holds, above 0% and below 100%.
    private mutating func intervalFormat() throws -> Double {
        let word = advance()
        if case .number(let value, _, _) = current.kind, case .percent = peek(1).kind, value > 0, value < 100 {
            advance()
            advance()
            return value / 100
        }
        error("expected the interval's share after `interval`, such as `interval 50%` (between 0% and 100%)",
              at: word.span.union(current.span))
        throw Failure()
    }

    private mutating func numberFormat() throws -> NumberFormat {
        if case .identifier("integer") = current.kind {
            advance()
            return .integer
        }
        if case .number(let value, _, _) = current.kind, value >= 0, value <= 15, value == value.rounded() {
            advance()
            if case .identifier(let word) = current.kind {
                switch word {
                case "decimals", "decimal", "dp":
                    advance()
                    return .decimals(Int(value))
                case "significant", "sig", "sf":
                    advance()
                    return .significant(Int(value))
                default: break
                }
            }
        }
        error("unknown format; use `| 2 decimals`, `| 3 significant`, `| integer` or `| interval 50%`",
              at: current.span)
        throw Failure()
    }

    // MARK: Expressions, lowest precedence first

    public mutating func expression() throws -> Expr {
        try descend(at: current.span)
        defer { nesting -= 1 }
        var value = try conditional()
        while case .identifier("as") = current.kind {
            advance()
            let unit = try unitExpression()
            value = try checked(Expr(.convert(value, to: unit), value.span.union(unit.span)))
        }
        return value
    }

    /// One level deeper into the recursive descent, refused past the nesting limit.
    private mutating func descend(at span: SourceSpan) throws {
        nesting += 1
        if nesting > ScenarioLimits.expressionDepth {
            nesting -= 1
            throw tooDeep(at: span)
        }
    }

    /// A node built by a loop (`1 + 1 + … + 1`) deepens the tree without recursing: check it here.
    private mutating func checked(_ node: Expr) throws -> Expr {
        guard node.depth > ScenarioLimits.expressionDepth else { return node }
        throw tooDeep(at: node.span)
    }

    private mutating func tooDeep(at span: SourceSpan) -> Failure {
        error("this expression is nested more than \(ScenarioLimits.expressionDepth) levels deep", at: span,
              notes: [.init("give parts of it names of their own, one definition per line")])
        return Failure()
    }

    private mutating func conditional() throws -> Expr {
        guard case .identifier("if") = current.kind else { return try or() }
        let start = advance()
        let condition = try or()
        try expectKeyword("then", context: "after the condition of `if`")
        let yes = try expression()
        try expectKeyword("else", context: "`if … then …` needs an `else` branch")
        let no = try expression()
        return Expr(.conditional(condition, then: yes, else: no), start.span.union(no.span))
    }

    private mutating func or() throws -> Expr {
        var left = try and()
        while case .identifier("or") = current.kind {
            advance()
            let right = try and()
            left = try checked(Expr(.binary(.or, left, right), left.span.union(right.span)))
        }
        return left
    }

    private mutating func and() throws -> Expr {
        var left = try not()
        while case .identifier("and") = current.kind {
            advance()
            let right = try not()
            left = try checked(Expr(.binary(.and, left, right), left.span.union(right.span)))
        }
        return left
    }

    private mutating func not() throws -> Expr {
        guard case .identifier("not") = current.kind else { return try comparison() }
        let start = advance()
        try descend(at: start.span)
        defer { nesting -= 1 }
        let operand = try not()
        return Expr(.unary(.not, operand), start.span.union(operand.span))
    }

    private mutating func comparison() throws -> Expr {
        let left = try range()
        let op: BinaryOperator
        switch current.kind {
        case .equalEqual: op = .equal
        case .notEqual: op = .notEqual
        case .less: op = .less
        case .lessEqual: op = .lessEqual
        case .greater: op = .greater
        case .greaterEqual: op = .greaterEqual
        default: return left
        }
        advance()
        let right = try range()
        return try checked(Expr(.binary(op, left, right), left.span.union(right.span)))
    }

    /// `$20/month to $50/month`: binds looser than arithmetic, so each end is a whole amount.
    private mutating func range() throws -> Expr {
        let low = try additive()
        guard case .identifier("to") = current.kind else { return low }
        advance()
        let high = try additive()
        if case .identifier("to") = current.kind {
            error("a range has two ends; put parentheses around a range inside another", at: current.span)
            throw Failure()
        }
        return try checked(Expr(.between(low, high), low.span.union(high.span)))
    }

    mutating func additive() throws -> Expr {
        var left = try multiplicative()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .plus: op = .add
            case .minus: op = .subtract
            default: return left
            }
            advance()
            let right = try multiplicative()
            left = try checked(Expr(.binary(op, left, right), left.span.union(right.span)))
        }
    }

    private mutating func multiplicative() throws -> Expr {
        var left = try unary()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .star: op = .multiply
            case .slash: op = .divide
            default: return left
            }
            advance()
            let right = try unary()
            left = try checked(Expr(.binary(op, left, right), left.span.union(right.span)))
        }
    }

    private mutating func unary() throws -> Expr {
        if case .minus = current.kind {
            let start = advance()
            try descend(at: start.span)
            defer { nesting -= 1 }
            let operand = try unary()
            return Expr(.unary(.negate, operand), start.span.union(operand.span))
        }
        if case .plus = current.kind {
            let start = advance()
            try descend(at: start.span)
            defer { nesting -= 1 }
            return try unary()
        }
        return try power()
    }

    /// `^` binds tighter than a leading minus and groups to the right: `-2^2` is -4, `2^3^2` is 2^9.
    private mutating func power() throws -> Expr {
        let base = try juxtaposition()
        guard case .caret = current.kind else { return base }
        let caret = advance()
        try descend(at: caret.span)
        defer { nesting -= 1 }
        let exponent = try unary()
        return try checked(Expr(.binary(.power, base, exponent), base.span.union(exponent.span)))
    }

    /// A literal followed by a name multiplies: `4 hours`, `250 days`, `30 EUR`, `4m`.
    private mutating func juxtaposition() throws -> Expr {
        let left = try postfix()
        guard left.isLiteral, case .identifier(let name) = current.kind, !Parser.keywords.contains(name) else { return left }
        let unitToken = advance()
        let unit = UnitExpr(.name(name), unitToken.span)
        return try checked(Expr(.quantity(left, unit: unit), left.span.union(unit.span)))
    }

    private mutating func postfix() throws -> Expr {
        var value = try primary()
        while true {
            switch current.kind {
            case .percent:
                let token = advance()
                value = try checked(Expr(.percent(value), value.span.union(token.span)))
            case .times:
                let token = advance()
                value = try checked(Expr(.factor(value), value.span.union(token.span)))
            default:
                return value
            }
        }
    }

    private mutating func primary() throws -> Expr {
        let token = current
        switch token.kind {
        case .number(let value, let decimals, let scale):
            advance()
            return Expr(.number(value, decimals: decimals, scale: scale), token.span)
        case .currency(let symbol):
            advance()
            if case .number(let value, let decimals, let scale) = current.kind {
                let amountToken = advance()
                let amount = Expr(.number(value, decimals: decimals, scale: scale), amountToken.span)
                return Expr(.money(symbol: symbol, amount: amount), token.span.union(amountToken.span))
            }
            return Expr(.name(symbol), token.span)
        case .identifier(let name) where !Parser.keywords.contains(name):
            advance()
            if case .leftParen = current.kind {
                if let mode = Rounding(rawValue: name) { return try rounding(mode, nameToken: token) }
                advance()
                parenDepth += 1
                var arguments: [Expr] = []
                if !check(.rightParen) {
                    repeat {
                        arguments.append(try namedArgument() ?? argument())
                        if arguments.count > Parser.maximumArguments {
                            error("too many arguments to `\(name)`", at: arguments[arguments.count - 1].span)
                            throw Failure()
                        }
                    } while match(.comma) != nil
                }
                parenDepth -= 1
                let close = try expect(.rightParen, "`)` to close the call to `\(name)`")
                return try checked(Expr(.call(name, arguments), token.span.union(close.span)))
            }
            if case .dot = current.kind, case .identifier(let member) = peek(1).kind {
                advance()
                let memberToken = advance()
                let read = Expr(.member(scenario: name, name: member), token.span.union(memberToken.span))
                return try keyed(read)
            }
            return Expr(.name(name), token.span)
        case .string(let text):
            advance()
            return Expr(.string(text), token.span)
        case .leftBracket:
            return try list(token)
        case .leftParen:
            advance()
            parenDepth += 1
            let inner = try expression()
            parenDepth -= 1
            let close = try expect(.rightParen, "`)`")
            return Expr(inner.kind, token.span.union(close.span))
        default:
            let found = token.kind == .newline || token.kind == .end ? "the end of the line" : token.kind.described
            error("expected a value, found \(found)", at: token.span)
            throw Failure()
        }
    }

    /// `table.column["key"]`: the row whose key is the text. Only a column read can be keyed,
    /// and only by text in quotes.
    private mutating func keyed(_ read: Expr) throws -> Expr {
        guard case .leftBracket = current.kind else { return read }
        advance()
        guard case .string(let key) = current.kind else {
            error("a row is picked by its key in quotes, as in `\(read)[\"name\"]`", at: current.span)
            throw Failure()
        }
        advance()
        let close = try expect(.rightBracket, "`]` after the row's key")
        return try checked(Expr(.keyed(read, key: key), read.span.union(close.span)))
    }

    /// `format: "gobench"`: an argument given by name, which only the data readers take.
    private mutating func namedArgument() throws -> Expr? {
        guard case .identifier(let label) = current.kind, case .colon = peek(1).kind else { return nil }
        let labelToken = advance()
        advance()
        let value = try expression()
        return try checked(Expr(.named(label, value), labelToken.span.union(value.span)))
    }

    /// A call's argument; `low..high` is a range to search (only `solve` takes one).
    private mutating func argument() throws -> Expr {
        let value = try expression()
        guard match(.dotDot) != nil else { return value }
        let high = try expression()
        return try checked(Expr(.bounds(value, high), value.span.union(high.span)))
    }

    /// Values typed in a series literal; longer data belongs in a data file.
    static let maximumListItems = 1_000

    /// `[180, 176, 190]`
    private mutating func list(_ open: Token) throws -> Expr {
        advance()
        parenDepth += 1
        var items: [Expr] = []
        if !check(.rightBracket) {
            repeat {
                items.append(try expression())
                if items.count > Parser.maximumListItems {
                    error("a series typed in brackets holds at most \(Parser.maximumListItems) values; put longer data in a file",
                          at: items[items.count - 1].span)
                    throw Failure()
                }
            } while match(.comma) != nil
        }
        parenDepth -= 1
        let close = try expect(.rightBracket, "`]` to close the series")
        return try checked(Expr(.list(items), open.span.union(close.span)))
    }

    /// No built-in function takes more; a longer list is a mistake, not a model.
    static let maximumArguments = 64

    /// `floor(x)`, `round(x, machines)`: the second argument is a unit, read as one.
    private mutating func rounding(_ mode: Rounding, nameToken: Token) throws -> Expr {
        advance()
        parenDepth += 1
        let value = try expression()
        var unit: UnitExpr?
        if match(.comma) != nil { unit = try unitExpression() }
        parenDepth -= 1
        if check(.comma) {
            error("`\(mode.rawValue)` takes \(mode.rawValue)(x) or \(mode.rawValue)(x, unit)", at: current.span)
            throw Failure()
        }
        let close = try expect(.rightParen, "`)` to close the call to `\(mode.rawValue)`")
        return try checked(Expr(.rounding(mode, value, unit: unit), nameToken.span.union(close.span)))
    }

    // MARK: Units

    /// A unit where only a unit may stand: names and symbols joined by `*`, `/` and whole powers.
    private mutating func unitExpression() throws -> UnitExpr {
        try descend(at: current.span)
        defer { nesting -= 1 }
        var left = try unitPower()
        while true {
            let isProduct: Bool
            switch current.kind {
            case .star: isProduct = true
            case .slash: isProduct = false
            default: return left
            }
            advance()
            let right = try unitPower()
            let span = left.span.union(right.span)
            left = UnitExpr(isProduct ? .product(left, right) : .quotient(left, right), span)
            nesting += 1   // a chain deepens the unit tree like nesting does
            if nesting > ScenarioLimits.expressionDepth { throw tooDeep(at: span) }
        }
    }

    private mutating func unitPower() throws -> UnitExpr {
        let base = try unitAtom()
        guard case .caret = current.kind else { return base }
        advance()
        let negative = match(.minus) != nil
        guard case .number(let value, _, _) = current.kind, value == value.rounded(),
              value <= Double(ScenarioLimits.unitPower) else {
            error("a unit's power must be a whole number from -\(ScenarioLimits.unitPower) to \(ScenarioLimits.unitPower)",
                  at: current.span)
            throw Failure()
        }
        let token = advance()
        let exponent = Int(value) * (negative ? -1 : 1)
        return UnitExpr(.power(base, exponent), base.span.union(token.span))
    }

    private mutating func unitAtom() throws -> UnitExpr {
        let token = current
        switch token.kind {
        case .identifier(let name) where !Parser.keywords.contains(name):
            advance()
            return UnitExpr(.name(name), token.span)
        case .currency(let symbol):
            advance()
            return UnitExpr(.name(symbol), token.span)
        case .percent:
            advance()
            return UnitExpr(.name("%"), token.span)
        case .star where fragment.text(of: token.span) == "×", .times:
            // `as ×`: shown as a plain factor, the spelling for "as a plain number".
            advance()
            return UnitExpr(.name("×"), token.span)
        case .leftParen:
            advance()
            parenDepth += 1
            let inner = try unitExpression()
            parenDepth -= 1
            let close = try expect(.rightParen, "`)`")
            return UnitExpr(inner.kind, token.span.union(close.span))
        default:
            error("expected a unit such as `months`, `$/day` or `GB/month`, found \(token.kind.described)",
                  at: token.span)
            throw Failure()
        }
    }

    // MARK: Token helpers

    var current: Token {
        var index = position
        if parenDepth > 0 { while index < tokens.count - 1, tokens[index].kind == .newline { index += 1 } }
        return tokens[index]
    }

    private func peek(_ offset: Int) -> Token {
        var index = position
        var remaining = offset
        while true {
            if parenDepth > 0 { while index < tokens.count - 1, tokens[index].kind == .newline { index += 1 } }
            if remaining == 0 || index >= tokens.count - 1 { return tokens[min(index, tokens.count - 1)] }
            index += 1
            remaining -= 1
        }
    }

    @discardableResult
    mutating func advance() -> Token {
        if parenDepth > 0 { while position < tokens.count - 1, tokens[position].kind == .newline { position += 1 } }
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func check(_ kind: Token.Kind) -> Bool { current.kind == kind }

    private mutating func match(_ kind: Token.Kind) -> Token? {
        check(kind) ? advance() : nil
    }

    mutating func expect(_ kind: Token.Kind, _ what: String) throws -> Token {
        if let token = match(kind) { return token }
        error("expected \(what), found \(current.kind.described)", at: current.span)
        throw Failure()
    }

    private mutating func expectKeyword(_ word: String, context: String) throws {
        if case .identifier(let name) = current.kind, name == word {
            advance()
            return
        }
        error("expected `\(word)` \(context), found \(current.kind.described)", at: current.span)
        throw Failure()
    }

    private mutating func skipNewlines() {
        while check(.newline) { advance() }
    }

    private mutating func skipToNextLine() {
        parenDepth = 0
        nesting = 0
        while !check(.newline) && !check(.end) { advance() }
    }

    /// Parse errors past this many in one block are counted in one last message.
    static let maximumErrors = 50
    private var droppedErrors = 0

    private mutating func error(_ message: String, at span: SourceSpan, notes: [Diagnostic.Note] = []) {
        guard diagnostics.count < Parser.maximumErrors else {
            droppedErrors += 1
            return
        }
        diagnostics.append(.error(message, at: fragment.location(span), notes: notes))
    }
}

extension Expr {
    /// Literals take a unit by juxtaposition (`4 hours`, `5% machine`); names and money do not.
    var isLiteral: Bool {
        switch kind {
        case .number, .percent, .factor: return true
        default: return false
        }
    }
}
