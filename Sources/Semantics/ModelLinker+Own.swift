import Diagnostics
import ScenarioSyntax

extension Linking {
    /// The block's own lines, after its imports: overrides replace imported definitions, and
    /// `team.x` and `main.x` become the names they were joined under.
    mutating func addOwnStatements() {
        let hasOwnTimeline = own.contains {
            if case .timeline = $0.kind { return true }
            if case .dataTimeline = $0.kind { return true }
            return false
        }
        if hasOwnTimeline, let first = imported.firstIndex(where: { $0.nameSpan == timeline?.nameSpan }) {
            removed.insert(first)
        }
        for statement in own {
            switch statement.kind {
            case .use:
                continue
            case .unitDeclaration(let name), .unitDefinition(let name, _):
                if let first = units[name] {
                    if Linking.meaning(of: first) != Linking.meaning(of: statement) {
                        error("the unit `\(name)` is already declared by an import, with another meaning", statement.nameSpan,
                              notes: [.init("declared there", at: combined.location(first.nameSpan))])
                    }
                    continue
                }
                units[name] = statement
                ownStatements.append(statement)
            case .timeline, .dataTimeline:
                ownStatements.append(statement)
            case .definition(let name, _):
                addOwnDefinition(name, statement)
            }
        }
        for index in ownStatements.indices { ownStatements[index] = rewritingMembers(ownStatements[index]) }
    }

    private mutating func addOwnDefinition(_ name: String, _ statement: Statement) {
        if statement.isOverride {
            if let original = definitions[name] {
                removed.insert(original.index)
            } else {
                var notes: [Diagnostic.Note] = [.init(definitions.isEmpty ? "this block imports no definitions"
                                                      : "only a name an imported model defines can be overridden")]
                if let close = Suggestion.closest(to: name, in: Array(definitions.keys)) {
                    notes.append(.init("did you mean `\(close)`?"))
                }
                error("`override \(name)`: no model this block imports defines `\(name)`", statement.nameSpan, notes: notes)
            }
            ownStatements.append(statement)
            return
        }
        if let original = definitions[name] {
            error("`\(name)` is already defined by an imported model", statement.nameSpan,
                  notes: [.init("defined here", at: original.at),
                          .init("to give it another value on this page, write `override \(name) = …`")])
            return
        }
        ownStatements.append(statement)
    }

    /// `team.hourly` → the joined name `team.hourly`; `main.x` inside `main` → `x`.
    private mutating func rewritingMembers(_ statement: Statement) -> Statement {
        guard case .definition(let name, let expression) = statement.kind else { return statement }
        var problems: [(String, SourceSpan, [Diagnostic.Note])] = []
        let rewritten = expression.replacing { node in
            guard case .member(let base, let member) = node.kind else { return nil }
            if failedBlocks.contains(base) {
                unusable.insert(name)
                return nil
            }
            guard let alias = aliases[base] else {
                // `main.x` written inside `main` itself (unless `main` names an import here).
                return base == chain.last ? Expr(.name(member), node.span) : nil
            }
            let joinedName = base + "." + member
            if alias.names.contains(joinedName) { return Expr(.name(joinedName), node.span) }
            let members = alias.names.map { String($0.dropFirst(base.count + 1)) }
            let notes = Suggestion.closest(to: member, in: members).map { [Diagnostic.Note("did you mean `\(base).\($0)`?")] } ?? []
            problems.append(("\(alias.from) defines no `\(member)`", node.span, notes))
            unusable.insert(name)
            return nil
        }
        for (message, span, notes) in problems { error(message, span, notes: notes) }
        var result = statement
        result.kind = .definition(name: name, expression: rewritten)
        return result
    }

    func result() -> LinkedBlock {
        let kept = imported.indices.filter { !removed.contains($0) }.map { imported[$0] }
        var diagnostics = diagnostics
        let statements = kept + ownStatements
        if statements.count > ScenarioLimits.statements * 4 {
            diagnostics.append(.error("with its imports this block has \(statements.count) statements; the limit is "
                                      + "\(ScenarioLimits.statements * 4)", at: fragment.location(SourceSpan(0, 1))))
        }
        let overrides = Set(ownStatements.compactMap { statement -> String? in
            guard statement.isOverride, case .definition(let name, _) = statement.kind else { return nil }
            return name
        })
        let overridden = removed.sorted().map { imported[$0] }.filter { statement in
            if case .definition(let name, _) = statement.kind { return overrides.contains(name) }
            return false
        }
        return LinkedBlock(statements: statements, fragment: combined, files: files.sorted(), diagnostics: diagnostics,
                           unusable: unusable, hasFailedImport: hasFailedImport, overridden: overridden,
                           deferred: deferred)
    }
}

extension ModelLinker {
    /// A statement of a model imported `as alias`: its definitions are named `alias.x`, and
    /// what it reads of its own model follows. Units keep their names: they join the vocabulary.
    static func namespaced(_ statement: Statement, alias: String, names: Set<String>) -> Statement? {
        func rename(_ expression: Expr) -> Expr {
            expression.replacing { node in
                switch node.kind {
                case .name(let name) where names.contains(name):
                    return Expr(.name(alias + "." + name), node.span)
                case .member(let table, let column) where names.contains(table):
                    return Expr(.member(scenario: alias + "." + table, name: column), node.span)
                default:
                    return nil
                }
            }
        }
        var result = statement
        switch statement.kind {
        case .definition(let name, let expression):
            result.kind = .definition(name: names.contains(name) ? alias + "." + name : name, expression: rename(expression))
        case .dataTimeline(let table, let column, let span, let until, let untilSpan) where names.contains(table):
            result.kind = .dataTimeline(table: alias + "." + table, column: column, columnSpan: span, until: until,
                                        untilSpan: untilSpan)
        default:
            break
        }
        return result
    }
}
