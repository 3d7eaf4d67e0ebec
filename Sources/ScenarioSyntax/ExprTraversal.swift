/// The one traversal of the syntax tree. Every walker goes through `forEachChild` or
/// `mappingChildren`, whose switches name every kind: a new kind of expression cannot be skipped
/// silently by a pass that forgot it. Unit positions (`UnitExpr`) are not children: they hold
/// units, never values.
extension Expr {
    /// Calls `body` with each direct child that is a value, left to right.
    public static func forEachChild(of kind: Kind, _ body: (Expr) -> Void) {
        switch kind {
        case .number, .name, .member, .string: break
        case .list(let items): items.forEach(body)
        case .percent(let inner), .factor(let inner), .unary(_, let inner), .quantity(let inner, _),
             .rounding(_, let inner, _), .convert(let inner, _):
            body(inner)
        case .money(_, let amount): body(amount)
        case .keyed(let base, _), .named(_, let base): body(base)
        case .binary(_, let left, let right), .between(let left, let right), .bounds(let left, let right):
            body(left)
            body(right)
        case .call(_, let arguments): arguments.forEach(body)
        case .conditional(let condition, let yes, let no):
            body(condition)
            body(yes)
            body(no)
        }
    }

    /// The direct children that are values, left to right.
    public var children: [Expr] {
        var result: [Expr] = []
        Expr.forEachChild(of: kind) { result.append($0) }
        return result
    }

    /// The same node with each value child replaced by `transform(child)`; span kept.
    public func mappingChildren(_ transform: (Expr) -> Expr) -> Expr {
        let mapped: Kind
        switch kind {
        case .number, .name, .member, .string: return self
        case .list(let items): mapped = .list(items.map(transform))
        case .percent(let inner): mapped = .percent(transform(inner))
        case .factor(let inner): mapped = .factor(transform(inner))
        case .unary(let op, let inner): mapped = .unary(op, transform(inner))
        case .quantity(let inner, let unit): mapped = .quantity(transform(inner), unit: unit)
        case .rounding(let mode, let inner, let unit): mapped = .rounding(mode, transform(inner), unit: unit)
        case .convert(let inner, let unit): mapped = .convert(transform(inner), to: unit)
        case .money(let symbol, let amount): mapped = .money(symbol: symbol, amount: transform(amount))
        case .binary(let op, let left, let right): mapped = .binary(op, transform(left), transform(right))
        case .call(let name, let arguments): mapped = .call(name, arguments.map(transform))
        case .between(let low, let high): mapped = .between(transform(low), transform(high))
        case .bounds(let low, let high): mapped = .bounds(transform(low), transform(high))
        case .conditional(let c, let a, let b): mapped = .conditional(transform(c), then: transform(a), else: transform(b))
        case .keyed(let base, let key): mapped = .keyed(transform(base), key: key)
        case .named(let label, let value): mapped = .named(label, transform(value))
        }
        return Expr(mapped, span)
    }

    /// Visits every node that is a value, parents first, left to right. Iterative, so even a
    /// tree deeper than the parser allows cannot exhaust the stack here.
    public func visit(_ body: (Expr) -> Void) {
        var pending: [Expr] = [self]
        while let next = pending.popLast() {
            body(next)
            let start = pending.count
            Expr.forEachChild(of: next.kind) { pending.append($0) }
            pending[start...].reverse()
        }
    }

    /// Calls `body` with every name read as a value, left to right.
    public func forEachName(_ body: (String) -> Void) {
        visit { if case .name(let name) = $0.kind { body(name) } }
    }
}

extension UnitExpr {
    /// Calls `body` with each unit name, left to right, with its span.
    public func forEachName(_ body: (String, SourceSpan) -> Void) {
        switch kind {
        case .name(let name): body(name, span)
        case .product(let left, let right), .quotient(let left, let right):
            left.forEachName(body)
            right.forEachName(body)
        case .power(let base, _): base.forEachName(body)
        }
    }
}

extension SourceFragment {
    /// The text a span covers.
    public func text(of span: SourceSpan) -> String {
        if span.start >= SourceFragment.segmentSize {
            let (fragment, inner) = segment(of: span)
            return fragment.text(of: inner)
        }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: min(span.start, utf8.count))
        let end = utf8.index(utf8.startIndex, offsetBy: min(span.end, utf8.count))
        return String(text[start..<end])
    }
}
