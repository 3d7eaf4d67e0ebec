extension Expr {
    /// Visits every node that is a value, parents first. Positions that hold a unit rather than
    /// a value are skipped: the word after a number (`8 hours`), the unit argument of
    /// `floor/ceil/round(x, unit)`, and the right side of `as`.
    public func visit(_ body: (Expr) -> Void) {
        body(self)
        switch kind {
        case .number, .name, .member: break
        case .percent(let inner), .factor(let inner), .unary(_, let inner): inner.visit(body)
        case .money(_, let amount): amount.visit(body)
        case .binary(_, let left, let right, let implicit):
            left.visit(body)
            if !implicit { right.visit(body) }
        case .call(let name, let arguments):
            let rounding = (name == "floor" || name == "ceil" || name == "round") && arguments.count == 2
            for (index, argument) in arguments.enumerated() where !(rounding && index == 1) { argument.visit(body) }
        case .conditional(let c, let a, let b):
            c.visit(body)
            a.visit(body)
            b.visit(body)
        case .convert(let value, _): value.visit(body)
        }
    }

    /// Calls `body` with every name read as a value, left to right.
    public func forEachName(_ body: (String) -> Void) {
        visit { if case .name(let name) = $0.kind { body(name) } }
    }
}

extension SourceFragment {
    /// The text a span covers.
    public func text(of span: SourceSpan) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: min(span.start, utf8.count))
        let end = utf8.index(utf8.startIndex, offsetBy: min(span.end, utf8.count))
        return String(text[start..<end])
    }
}
