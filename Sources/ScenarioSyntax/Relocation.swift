/// Moving statements from one fragment's offsets to another's, for joining a model's parsed
/// statements into a block (see `SourceFragment.joined`), and renaming what they read, for
/// imports under a name (`use "team.scenario" as team` reads `hourly` as `team.hourly`).
/// Recursion is bounded by the parser's nesting limit.
extension Expr {
    /// The same tree with every span (units' included) moved by `move`.
    public func relocated(_ move: (Int) -> Int) -> Expr {
        var moved = mappingChildren { $0.relocated(move) }
        moved.span = span.moved(move)
        switch moved.kind {
        case .quantity(let inner, let unit): moved.kind = .quantity(inner, unit: unit.relocated(move))
        case .rounding(let mode, let inner, let unit?): moved.kind = .rounding(mode, inner, unit: unit.relocated(move))
        case .convert(let inner, let unit): moved.kind = .convert(inner, to: unit.relocated(move))
        default: break
        }
        return moved
    }

    /// The same tree with each node `transform` returns a replacement for replaced (its
    /// children are not visited then), and every other node rebuilt from its mapped children.
    public func replacing(_ transform: (Expr) -> Expr?) -> Expr {
        if let replaced = transform(self) { return replaced }
        return mappingChildren { $0.replacing(transform) }
    }
}

extension UnitExpr {
    public func relocated(_ move: (Int) -> Int) -> UnitExpr {
        let kind: Kind
        switch self.kind {
        case .name: kind = self.kind
        case .product(let left, let right): kind = .product(left.relocated(move), right.relocated(move))
        case .quotient(let left, let right): kind = .quotient(left.relocated(move), right.relocated(move))
        case .power(let base, let exponent): kind = .power(base.relocated(move), exponent)
        }
        return UnitExpr(kind, span.moved(move))
    }
}

extension Statement {
    public func relocated(_ move: (Int) -> Int) -> Statement {
        var moved = self
        moved.nameSpan = nameSpan.moved(move)
        moved.span = span.moved(move)
        switch kind {
        case .definition(let name, let expression):
            moved.kind = .definition(name: name, expression: expression.relocated(move))
        case .unitDefinition(let name, let expression):
            moved.kind = .unitDefinition(name: name, expression: expression.relocated(move))
        case .timeline(let start, let end, let unit, let unitSpan):
            moved.kind = .timeline(start: start, end: end, unit: unit, unitSpan: unitSpan.moved(move))
        case .dataTimeline(let table, let column, let columnSpan, let until, let untilSpan):
            moved.kind = .dataTimeline(table: table, column: column, columnSpan: columnSpan.moved(move), until: until,
                                       untilSpan: untilSpan?.moved(move))
        case .unitDeclaration, .use:
            break
        }
        return moved
    }
}

extension SourceSpan {
    func moved(_ move: (Int) -> Int) -> SourceSpan {
        let start = move(self.start)
        return SourceSpan(start, start + (end - self.start))
    }
}
