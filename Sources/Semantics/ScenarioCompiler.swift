import Diagnostics
import ScenarioSyntax

/// Turns a parsed block into a `CompiledScenario`: declares its units, sets its timeline, orders
/// definitions by dependency (order in the block is free) and checks every dimension. Every
/// problem in the block is reported in one run.
public enum ScenarioCompiler {
    /// The scenario holds every definition that checked, even when others failed, so a page
    /// can still report all of its problems; any error means the build fails.
    public static func compile(name: String, fragment: SourceFragment) -> (CompiledScenario, [Diagnostic]) {
        let (statements, parseErrors) = Parser.parseBlock(fragment)
        let (scenario, errors) = compile(name: name, statements: statements, fragment: fragment)
        return (scenario, parseErrors + errors)
    }

    public static func compile(name: String, statements: [Statement], fragment: SourceFragment) -> (CompiledScenario, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func error(_ message: String, _ span: SourceSpan, notes: [Diagnostic.Note] = []) {
            diagnostics.append(.error(message, at: fragment.location(span), notes: notes))
        }

        // Units first, in order: later unit lines may use earlier ones.
        var units = UnitTable.builtIn
        for statement in statements {
            switch statement.kind {
            case .unitDeclaration(let unitName):
                if units.unit(named: unitName) != nil {
                    error("`\(unitName)` is already a unit", statement.nameSpan,
                          notes: [.init("to change what it means, define it: `unit \(unitName) = …`")])
                } else {
                    units.declare(unitName)
                }
            case .unitDefinition(let unitName, let expression):
                var checker = TypeChecker(units: units, timeline: nil, fragment: fragment, definitions: [:], knownNames: units.allNames)
                let type = checker.check(expression)
                diagnostics += checker.diagnostics
                guard let type else { continue }
                guard let factor = type.constant, !type.isSeries, factor > 0 else {
                    error("a unit must be a fixed positive amount of other units, such as `4 weeks` or `1.08 USD`", expression.span)
                    continue
                }
                let isCurrency = { (dimension: Dimension) in dimension.exponents.count == 1 && dimension.exponents.keys.first!.hasPrefix("money:") }
                if let existing = units.unit(named: unitName), existing.dimension != type.dimension,
                   !(isCurrency(existing.dimension) && isCurrency(type.dimension)) {
                    error("`\(unitName)` measures \(existing.dimension.described), but this makes it \(type.dimension.described)", expression.span)
                    continue
                }
                units.define(unitName, factor: factor, dimension: type.dimension)
            default:
                continue
            }
        }

        var timeline: Timeline?
        for statement in statements {
            guard case .timeline(let start, let end, let unitName, let unitSpan) = statement.kind else { continue }
            if timeline != nil {
                error("a scenario has one timeline; this is the second", statement.span)
                continue
            }
            guard let unit = units.unit(named: unitName), unit.dimension == .time else {
                error("`\(unitName)` is not a unit of time", unitSpan)
                continue
            }
            guard start == start.rounded(), end == end.rounded(), end >= start else {
                error("a timeline runs from a whole number up to a larger one, as in `0..12 months`", statement.span)
                continue
            }
            let count = Int(end - start) + 1
            guard count <= Timeline.maximumSteps else {
                error("this timeline has \(count) steps; the limit is \(Timeline.maximumSteps)", statement.span,
                      notes: [.init("use a coarser unit (weeks instead of days, months instead of weeks)")])
                continue
            }
            timeline = Timeline(start: start, count: count, unit: unit)
        }

        // Definitions: one per name, none shadowing a unit or `t`.
        var byName: [String: Statement] = [:]
        var sourceOrder: [String] = []
        for statement in statements {
            guard case .definition(let defined, _) = statement.kind else { continue }
            if let first = byName[defined] {
                error("`\(defined)` is defined twice", statement.nameSpan,
                      notes: [.init("first defined here", at: fragment.location(first.nameSpan))])
                continue
            }
            if defined == "t" || defined == "timeline" {
                error("`\(defined)` is reserved for the timeline", statement.nameSpan)
                continue
            }
            // A unit's own name is taken; its plural and aliases may name values (`machines = …`),
            // because after a number a word is always read as a unit.
            if let unit = units.unit(named: defined), unit.name == defined {
                error("`\(defined)` is a unit; choose another name for this value", statement.nameSpan)
                continue
            }
            if BuiltinFunction(rawValue: defined) != nil {
                error("`\(defined)` is a function; choose another name for this value", statement.nameSpan)
                continue
            }
            byName[defined] = statement
            sourceOrder.append(defined)
        }

        var dependencies: [String: [String]] = [:]
        for defined in sourceOrder {
            guard case .definition(_, let expression) = byName[defined]!.kind else { continue }
            var seen: [String] = []
            expression.forEachName { referenced in
                if byName[referenced] != nil, !seen.contains(referenced) { seen.append(referenced) }
            }
            dependencies[defined] = seen
        }

        // Order by dependency; a cycle is reported once, naming every definition in it.
        var order: [String] = []
        var state: [String: Int] = [:]   // 1 visiting, 2 done
        var inCycle: Set<String> = []
        func visit(_ current: String, path: [String]) {
            if state[current] == 2 { return }
            if state[current] == 1 {
                let cycle = Array(path[path.firstIndex(of: current)!...]) + [current]
                if inCycle.isDisjoint(with: cycle) {
                    let span = byName[cycle[0]]!.nameSpan
                    error("definitions depend on each other in a cycle: \(cycle.joined(separator: " → "))", span,
                          notes: cycle.dropLast().dropFirst().map { .init("`\($0)` is part of the cycle", at: fragment.location(byName[$0]!.nameSpan)) })
                }
                inCycle.formUnion(cycle)
                return
            }
            state[current] = 1
            for next in dependencies[current] ?? [] { visit(next, path: path + [current]) }
            state[current] = 2
            order.append(current)
        }
        for defined in sourceOrder { visit(defined, path: []) }

        var types: [String: TypeInfo] = [:]
        var failed: Set<String> = inCycle
        var checked: [CheckedDefinition] = []
        let knownNames = sourceOrder + units.allNames + (timeline == nil ? [] : ["t"])
        for defined in order where !inCycle.contains(defined) {
            let statement = byName[defined]!
            guard case .definition(_, let expression) = statement.kind else { continue }
            if dependencies[defined]!.contains(where: failed.contains) {
                failed.insert(defined)
                continue
            }
            var checker = TypeChecker(units: units, timeline: timeline, fragment: fragment, definitions: types,
                                      failed: failed, knownNames: knownNames)
            let type = checker.check(expression)
            diagnostics += checker.diagnostics
            guard let type else {
                failed.insert(defined)
                continue
            }
            types[defined] = type
            checked.append(CheckedDefinition(name: defined, expression: expression, type: type, nameSpan: statement.nameSpan,
                                             span: statement.span, dependencies: dependencies[defined]!))
        }
        let scenario = CompiledScenario(name: name, fragment: fragment, units: units, timeline: timeline,
                                        definitions: checked, sourceOrder: sourceOrder)
        return (scenario, diagnostics)
    }
}
