import Diagnostics
import ScenarioSyntax

extension ScenarioCompiler {
    /// Orders definitions so each comes after what it reads. Depth-first with an explicit stack,
    /// so a chain of thousands of definitions (`x2 = x1 + 1`, …) needs neither deep recursion nor
    /// copies of the path. A cycle is reported once, naming every definition in it.
    mutating func orderByDependency() -> (order: [String], inCycle: Set<String>) {
        var order: [String] = []
        var state: [String: Int] = [:]   // 1 on the path, 2 done
        var inCycle: Set<String> = []
        for root in sourceOrder where state[root] == nil {
            var path: [String] = [root]
            var nextChild: [Int] = [0]
            state[root] = 1
            while let current = path.last {
                let children = dependencies[current] ?? []
                let index = nextChild[nextChild.count - 1]
                guard index < children.count else {
                    state[current] = 2
                    order.append(current)
                    path.removeLast()
                    nextChild.removeLast()
                    continue
                }
                nextChild[nextChild.count - 1] += 1
                let child = children[index]
                switch state[child] {
                case 2: continue
                case 1: reportCycle(Array(path[path.lastIndex(of: child)!...]) + [child], known: &inCycle)
                default:
                    state[child] = 1
                    path.append(child)
                    nextChild.append(0)
                }
            }
        }
        return (order, inCycle)
    }

    private mutating func reportCycle(_ cycle: [String], known inCycle: inout Set<String>) {
        // `main.a` → `other.b` → `main.a` is found by both blocks; the first by name says it.
        let blocks = cycle.compactMap { name in name.firstIndex(of: ".").map { String(name[..<$0]) } }
            .filter { pageBlocks.contains($0) }
        let reportedElsewhere = blocks.contains { $0 < blockName }
        if inCycle.isDisjoint(with: cycle), !reportedElsewhere {
            let notes = cycle.dropLast().dropFirst().map {
                Diagnostic.Note("`\($0)` is part of the cycle", at: fragment.location(byName[$0]!.nameSpan))
            }
            error("definitions depend on each other in a cycle: \(cycle.joined(separator: " → "))",
                  byName[cycle[0]]!.nameSpan, notes: notes, code: .definitionCycle)
        }
        inCycle.formUnion(cycle)
    }

    /// Checks each definition after its dependencies. One whose inputs failed is skipped without
    /// a message of its own, so each root cause is reported once.
    mutating func checkDefinitions(in order: [String], skipping inCycle: Set<String>) -> [CheckedDefinition] {
        var types: [String: TypeInfo] = [:]
        var failed: Set<String> = inCycle.union(failedTables)
        // A timeline line that failed was reported at that line: uses of `t` are not reported again.
        if timeline == nil, statements.contains(where: { statement in
            switch statement.kind {
            case .timeline, .dataTimeline: return true
            default: return false
            }
        }) {
            failed.insert("t")
        }
        var checked: [CheckedDefinition] = []
        let knownNames = sourceOrder + units.allNames + (timeline == nil ? [] : ["t"])
        for defined in order where !inCycle.contains(defined) {
            let statement = byName[defined]!
            guard case .definition(_, let expression) = statement.kind else { continue }
            if failed.contains(defined) { continue }
            if let table = tableTypes[defined] {
                types[defined] = table
                checked.append(CheckedDefinition(name: defined, expression: expression, type: table,
                                                 nameSpan: statement.nameSpan, span: statement.span, dependencies: []))
                continue
            }
            if dependencies[defined]!.contains(where: failed.contains) {
                failed.insert(defined)
                continue
            }
            guard let type = typeOf(defined, expression, types: types, failed: failed, knownNames: knownNames) else {
                failed.insert(defined)
                continue
            }
            types[defined] = type
            checked.append(CheckedDefinition(name: defined, expression: expression, type: type,
                                             nameSpan: statement.nameSpan, span: statement.span,
                                             dependencies: dependencies[defined]!))
        }
        return checked
    }

    /// The checker lives only inside this call: were it still alive when the caller adds the
    /// result to `types`, that dictionary would be copied once per definition (quadratic time).
    private mutating func typeOf(_ defined: String, _ expression: Expr, types: [String: TypeInfo], failed: Set<String>,
                                 knownNames: [String]) -> TypeInfo? {
        var checker = TypeChecker(units: units, timeline: timeline, fragment: fragment, definitions: types,
                                  failed: failed, knownNames: knownNames, tables: tables, columnUnits: columnUnits)
        checker.definitionName = defined
        checker.definedElsewhere = definedElsewhere
        let type = checker.check(expression)
        diagnostics += checker.diagnostics
        guard let type else { return nil }
        return checkSampleBudget(defined, type, expression)
    }
}
