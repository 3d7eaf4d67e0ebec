import ScenarioSyntax

/// A ```` ```scenario-code ```` block: a model shown as code, not run. Tokens come from
/// costmark's own lexer, so the colours follow the language exactly as the compiler reads it;
/// only the classes are decided here. Between tokens lie white space and `#` comments (the
/// lexer skips both) and anything it could not read, which stays plain.
enum ScenarioCodeScanner {
    static let keywords: Set<String> = ["if", "then", "else", "and", "or", "not", "as", "unit", "timeline"]

    static func write(_ source: [UInt8], into out: inout HighlightWriter) {
        let text = String(decoding: source, as: UTF8.self)
        let (tokens, _) = Lexer.tokenize(SourceFragment(standalone: text, path: "scenario-code"))
        var position = 0
        var previous: Token.Kind = .newline
        var unitContext = false
        for (offset, token) in tokens.enumerated() where token.span.end > token.span.start {
            gap(source, position..<token.span.start, into: &out)
            let next = offset + 1 < tokens.count ? tokens[offset + 1] : nil
            let kind = classify(token, previous: previous, next: next, unitContext: &unitContext)
            out.token(kind, source, token.span.start..<token.span.end)
            position = token.span.end
            previous = token.kind
        }
        gap(source, position..<source.count, into: &out)
    }

    /// Units are names right after a number (`4 weeks`), after `unit` or `as`, and names joined
    /// to a unit by `/` or `^` (`$20/month/machine`); `*` starts a new factor.
    private static func classify(_ token: Token, previous: Token.Kind, next: Token?,
                                 unitContext: inout Bool) -> TokenClass? {
        switch token.kind {
        case .number, .currency, .percent, .times:
            unitContext = true
            return .number
        case .identifier(let name):
            defer { if keywords.contains(name) { unitContext = name == "unit" || name == "as" } }
            if keywords.contains(name) { return .keyword }
            if let next, next.kind == .leftParen, next.span.start == token.span.end {
                unitContext = false
                return .function
            }
            if case .newline = previous, let next, next.kind == .equals { unitContext = false; return .variable }
            if unitContext { return .type }
            return nil
        case .slash, .caret:
            return nil
        default:
            unitContext = false
            return nil
        }
    }

    /// Text the lexer skipped: white space, comments, unreadable characters.
    private static func gap(_ source: [UInt8], _ range: Range<Int>, into out: inout HighlightWriter) {
        var start = range.lowerBound
        while start < range.upperBound {
            guard let hash = source[start..<range.upperBound].firstIndex(of: 0x23) else {
                out.plain(source, start..<range.upperBound)
                return
            }
            out.plain(source, start..<hash)
            var stop = hash
            while stop < range.upperBound, source[stop] != 0x0A { stop += 1 }
            out.token(.comment, source, hash..<stop)
            start = stop
        }
    }
}
