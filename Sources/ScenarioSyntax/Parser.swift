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

    static let keywords: Set<String> = ["if", "then", "else", "and", "or", "not", "as"]

    private struct Failure: Error {}

    public init(_ fragment: SourceFragment) {
        self.fragment = fragment
        let (tokens, lexErrors) = Lexer.tokenize(fragment)
        self.tokens = tokens
        self.diagnostics = lexErrors
    }

    /// Parses a whole block: one statement per line.
    public static func parseBlock(_ fragment: SourceFragment) -> ([Statement], [Diagnostic]) {
        var parser = Parser(fragment)
        var statements: [Statement] = []
        while true {
            parser.skipNewlines()
            if parser.check(.end) { break }
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
        return (statements, parser.diagnostics)
    }

    /// Parses what sits between `{{` and `}}`.
    public static func parseInline(_ fragment: SourceFragment) -> (InlineExpression?, [Diagnostic]) {
        var parser = Parser(fragment)
        parser.parenDepth = 1   // prose may wrap inside the braces
        do {
            let expression = try parser.expression()
            var claim: Expr?
            var format: NumberFormat?
            if parser.match(.equals) != nil { claim = try parser.expression() }
            if parser.match(.pipe) != nil { format = try parser.numberFormat() }
            if !parser.check(.end) {
                parser.error("unexpected \(parser.current.kind.described) in inline value", at: parser.current.span,
                             notes: [.init("write `{{ name }}`, `{{ expression = claimed value }}` or `{{ expression | 2 decimals }}`")])
                throw Failure()
            }
            return (InlineExpression(expression: expression, claim: claim, format: format), parser.diagnostics)
        } catch {
            return (nil, parser.diagnostics)
        }
    }

    // MARK: Statements

    private mutating func statement() throws -> Statement {
        let first = current
        guard case .identifier(let word) = first.kind else {
            error("expected a definition such as `cost = $20/month`, found \(first.kind.described)", at: first.span)
            throw Failure()
        }
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

    /// `timeline = 0..12 months`
    private mutating func timeline(keyword: Token) throws -> Statement {
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
        error("unknown format; use `| 2 decimals`, `| 3 significant` or `| integer`", at: current.span)
        throw Failure()
    }

    // MARK: Expressions, lowest precedence first

    public mutating func expression() throws -> Expr {
        var value = try conditional()
        while case .identifier("as") = current.kind {
            advance()
            let unit = try unitTarget()
            value = Expr(.convert(value, to: unit), value.span.union(unit.span))
        }
        return value
    }

    /// The unit after `as`: like any product of units, and `%` on its own.
    private mutating func unitTarget() throws -> Expr {
        if case .percent = current.kind {
            let token = advance()
            return Expr(.name("%"), token.span)
        }
        return try additive()
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
            left = Expr(.binary(.or, left, right, implicit: false), left.span.union(right.span))
        }
        return left
    }

    private mutating func and() throws -> Expr {
        var left = try not()
        while case .identifier("and") = current.kind {
            advance()
            let right = try not()
            left = Expr(.binary(.and, left, right, implicit: false), left.span.union(right.span))
        }
        return left
    }

    private mutating func not() throws -> Expr {
        guard case .identifier("not") = current.kind else { return try comparison() }
        let start = advance()
        let operand = try not()
        return Expr(.unary(.not, operand), start.span.union(operand.span))
    }

    private mutating func comparison() throws -> Expr {
        let left = try additive()
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
        let right = try additive()
        return Expr(.binary(op, left, right, implicit: false), left.span.union(right.span))
    }

    private mutating func additive() throws -> Expr {
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
            left = Expr(.binary(op, left, right, implicit: false), left.span.union(right.span))
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
            left = Expr(.binary(op, left, right, implicit: false), left.span.union(right.span))
        }
    }

    private mutating func unary() throws -> Expr {
        if case .minus = current.kind {
            let start = advance()
            let operand = try unary()
            return Expr(.unary(.negate, operand), start.span.union(operand.span))
        }
        if case .plus = current.kind {
            advance()
            return try unary()
        }
        return try power()
    }

    /// `^` binds tighter than a leading minus and groups to the right: `-2^2` is -4, `2^3^2` is 2^9.
    private mutating func power() throws -> Expr {
        let base = try juxtaposition()
        guard case .caret = current.kind else { return base }
        advance()
        let exponent = try unary()
        return Expr(.binary(.power, base, exponent, implicit: false), base.span.union(exponent.span))
    }

    /// A literal followed by a name multiplies: `4 hours`, `250 days`, `30 EUR`, `4m`.
    private mutating func juxtaposition() throws -> Expr {
        let left = try postfix()
        guard left.isLiteral, case .identifier(let name) = current.kind, !Parser.keywords.contains(name) else { return left }
        let unitToken = advance()
        let right = Expr(.name(name), unitToken.span)
        return Expr(.binary(.multiply, left, right, implicit: true), left.span.union(right.span))
    }

    private mutating func postfix() throws -> Expr {
        var value = try primary()
        while true {
            switch current.kind {
            case .percent:
                let token = advance()
                value = Expr(.percent(value), value.span.union(token.span))
            case .times:
                let token = advance()
                value = Expr(.factor(value), value.span.union(token.span))
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
                advance()
                parenDepth += 1
                var arguments: [Expr] = []
                if !check(.rightParen) {
                    repeat { arguments.append(try expression()) } while match(.comma) != nil
                }
                parenDepth -= 1
                let close = try expect(.rightParen, "`)` to close the call to `\(name)`")
                return Expr(.call(name, arguments), token.span.union(close.span))
            }
            if case .dot = current.kind, case .identifier(let member) = peek(1).kind {
                advance()
                let memberToken = advance()
                return Expr(.member(scenario: name, name: member), token.span.union(memberToken.span))
            }
            return Expr(.name(name), token.span)
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

    // MARK: Token helpers

    private var current: Token {
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
    private mutating func advance() -> Token {
        if parenDepth > 0 { while position < tokens.count - 1, tokens[position].kind == .newline { position += 1 } }
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func check(_ kind: Token.Kind) -> Bool { current.kind == kind }

    private mutating func match(_ kind: Token.Kind) -> Token? {
        check(kind) ? advance() : nil
    }

    private mutating func expect(_ kind: Token.Kind, _ what: String) throws -> Token {
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
        while !check(.newline) && !check(.end) { advance() }
    }

    private mutating func error(_ message: String, at span: SourceSpan, notes: [Diagnostic.Note] = []) {
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
