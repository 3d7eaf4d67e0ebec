import DataFiles
import Diagnostics
import ScenarioSyntax
import Semantics

/// An inline value ready for the page: its text, the formula behind it (for a tooltip), and
/// where it came from (to link to its row in an equation table).
public struct InlineValue: Sendable, Hashable {
    public var text: String
    public var formula: String
    public var scenario: String
    /// The definition shown, when the expression is just a name.
    public var name: String?
    /// Every definition the expression reads, in order: where to link when it is not a bare name.
    public var reads: [String]
    public var isClaim: Bool
    /// The data columns the value was computed from (`weekly.csv, column p99, rows 1–8 (lines 2–9)`).
    public var origins: [String] = []
    /// The typed inputs it depends on, with file and line (`hourly (models/infra.scenario:2)`).
    public var inputs: [ValueInput] = []
    /// The file of the `{{ }}` itself, to tell inputs of other files apart.
    public var file: String = ""
}

/// The evaluated scenarios of one page, and the resolution of `{{ }}` references against them.
public struct PageScenarios: Sendable {
    public var results: [ScenarioResult]
    /// Per result, what checking an inline value needs, built once per page rather than once per
    /// `{{ }}`: an essay may hold thousands of inline values over a large model.
    private let lookups: [Lookup]

    struct Lookup: Sendable {
        var types: [String: TypeInfo] = [:]
        var defined: Set<String>
        var failed: Set<String>
        var knownNames: [String]
        var evaluator: Evaluator
        var provenance: Provenance
    }

    /// The block a figure or a table means: the one its fence names (nil when the page has no such
    /// block), else `main`, else the page's first. The one place this choice is made.
    public func block(named name: String?) -> ScenarioResult? {
        if let name { return results.first { $0.scenario.name == name } }
        return results.first { $0.scenario.name == "main" } ?? results.first
    }

    public init(results: [ScenarioResult]) {
        self.results = results
        lookups = results.map { result in
            let scenario = result.scenario
            var lookup = Lookup(defined: Set(scenario.sourceOrder),
                                failed: Set(scenario.sourceOrder.filter { result.values[$0] == nil && scenario.tables[$0] == nil }),
                                knownNames: scenario.sourceOrder + scenario.units.allNames,
                                evaluator: Evaluator(scenario: scenario, values: result.values, work: result.work),
                                provenance: Provenance(scenario))
            for definition in scenario.definitions { lookup.types[definition.name] = definition.type }
            return lookup
        }
    }

    private func lookupTable(for result: ScenarioResult) -> Lookup {
        if let index = results.firstIndex(where: { $0.scenario.name == result.scenario.name }) { return lookups[index] }
        let scenario = result.scenario
        return Lookup(defined: Set(scenario.sourceOrder), failed: [], knownNames: scenario.units.allNames,
                      evaluator: Evaluator(scenario: scenario, values: result.values, work: result.work),
                      provenance: Provenance(scenario))
    }

    /// The data columns an inline expression reads, with the tables they are in: where a failing
    /// claim looks for the rows that changed.
    public func dataReads(_ fragment: SourceFragment) -> [(origin: DataOrigin, table: DataTable)] {
        let (parsed, _) = Parser.parseInline(fragment)
        guard let parsed, let evaluated = evaluate(parsed.expression, fragment: fragment).0 else { return [] }
        let scenario = evaluated.result.scenario
        let origins = lookupTable(for: evaluated.result).provenance.dataOrigins(of: evaluated.expression)
        return origins.compactMap { origin in
            scenario.tables.values.first { $0.file.path == origin.file && $0.request != nil }.map { (origin, $0) }
        }
    }

    /// An expression evaluated against the page's scenarios, for inline values and figures.
    public struct Evaluated: Sendable {
        public var value: Value
        public var type: TypeInfo
        public var result: ScenarioResult
        /// The expression with scenario prefixes removed.
        public var expression: Expr
        /// The definition it names, when it is just a name.
        public var name: String?
        /// `name = its formula`, or the expression's own text.
        public var formula: String

        /// The value as figures show it: with the unit its type gives it.
        public var shown: ShownValue { ShownValue(value, label: type.label) }
    }

    /// Evaluates an expression (as written in a figure block or between `{{ }}`) against the
    /// page's scenarios. `preferred` names the scenario to use when the expression does not say.
    public func evaluate(_ written: Expr, fragment: SourceFragment, preferred: String? = nil) -> (Evaluated?, [Diagnostic]) {
        // `team.hourly`, a definition imported `as team`, is a name of its own.
        let input = written.replacing { node in
            guard case .member(let base, let member) = node.kind, !results.contains(where: { $0.scenario.name == base }),
                  lookups.contains(where: { $0.defined.contains(base + "." + member) }) else { return nil }
            return Expr(.name(base + "." + member), node.span)
        }
        func error(_ message: String, _ span: SourceSpan, notes: [Diagnostic.Note] = [],
                   code: DiagnosticCode = .general) -> (Evaluated?, [Diagnostic]) {
            (nil, [.error(message, at: fragment.location(span), notes: notes, code: code)])
        }

        // Which scenario: named explicitly, or the one defining every name used.
        // `growth.total` names a scenario; `weekly.p99` a column of a table definition.
        let scenarioNames = Set(results.map(\.scenario.name))
        var members: [(String, SourceSpan)] = []
        var names: [(String, SourceSpan)] = []
        input.forEachMember { base, span in
            if scenarioNames.contains(base) { members.append((base, span)) } else { names.append((base, span)) }
        }
        input.forEachNameWithSpan { name, span in
            if UnitTable.builtIn.unit(named: name) == nil, name != "t" { names.append((name, span)) }
        }
        let result: ScenarioResult
        if let (scenarioName, span) = members.first {
            guard let found = results.first(where: { $0.scenario.name == scenarioName }) else {
                let notes = Suggestion.closest(to: scenarioName, in: results.map(\.scenario.name)).map { [Diagnostic.Note("did you mean `\($0)`?")] }
                    ?? [.init("scenarios on this page: \(results.map { "`\($0.scenario.name)`" }.joined(separator: ", "))")]
                return error("no scenario named `\(scenarioName)` on this page", span, notes: results.isEmpty ? [.init("this page has no scenario block")] : notes)
            }
            if let other = members.first(where: { $0.0 != scenarioName }) {
                return error("one inline value reads one scenario; this one names `\(scenarioName)` and `\(other.0)`", other.1)
            }
            result = found
        } else {
            let defines = { (result: ScenarioResult, name: String) in
                lookupTable(for: result).defined.contains(name) || result.scenario.units.unit(named: name) != nil
            }
            var candidates = results.filter { candidate in names.allSatisfy { defines(candidate, $0.0) } }
            // A name one scenario defines and another only knows as a unit it joined (`instances`,
            // the plural of `unit instance`) is the definition.
            if candidates.count > 1 {
                let defining = candidates.filter { candidate in
                    names.allSatisfy { lookupTable(for: candidate).defined.contains($0.0) || UnitTable.builtIn.unit(named: $0.0) != nil }
                }
                if !defining.isEmpty { candidates = defining }
            }
            if let preferred, let chosen = candidates.first(where: { $0.scenario.name == preferred }) { candidates = [chosen] }
            if candidates.count > 1, !names.isEmpty {
                let first = names.first { name in candidates.filter { defines($0, name.0) }.count > 1 } ?? names[0]
                return error("`\(first.0)` is defined in several scenarios: \(candidates.map { "`\($0.scenario.name)`" }.joined(separator: ", "))",
                             first.1, notes: [.init("name one, e.g. `\(candidates[0].scenario.name).\(first.0)`")])
            }
            if let only = candidates.first {
                result = only
            } else if let unknown = names.first(where: { name in !results.contains { defines($0, name.0) } }) {
                let all = results.flatMap(\.scenario.sourceOrder)
                var notes = Suggestion.closest(to: unknown.0, in: all).map { [Diagnostic.Note("did you mean `\($0)`?")] } ?? []
                if results.isEmpty { notes.append(.init("this page has no scenario block to define it")) }
                return error("unknown name `\(unknown.0)`", unknown.1, notes: notes, code: .unknownName)
            } else if names.isEmpty, let chosen = results.first(where: { $0.scenario.name == preferred }) ?? results.first {
                result = chosen
            } else if names.isEmpty {
                result = ScenarioResult.empty(fragment: fragment)
            } else {
                return error("these names are not all defined in one scenario", input.span)
            }
        }

        let scenario = result.scenario
        let lookup = lookupTable(for: result)
        let expression = input.replacingMembers(of: scenarioNames)
        var checker = TypeChecker(units: scenario.units, timeline: scenario.timeline, fragment: fragment,
                                  definitions: lookup.types, failed: lookup.failed, knownNames: lookup.knownNames,
                                  tables: scenario.tables)
        guard let type = checker.check(expression) else { return (nil, checker.diagnostics) }
        var value: Value
        switch lookup.evaluator.value(of: expression, fragment: fragment) {
        case .success(let computed): value = computed
        case .failure(let problem): return (nil, problem.diagnostic.map { [$0] } ?? [])
        }
        value.label = type.label

        let source = fragment.text(of: expression.span)
        var shownName: String?
        var formula = source
        if case .name(let name) = expression.kind, let definition = scenario.definition(named: name) {
            shownName = name
            formula = "\(name) = \(scenario.fragment.text(of: definition.expression.span))"
        }
        return (Evaluated(value: value, type: type, result: result, expression: expression, name: shownName, formula: formula), [])
    }

    /// Evaluates the text between `{{` and `}}`. Names resolve in the page's scenarios;
    /// `{{ growth.total }}` picks a scenario when several define a name.
    public func inline(_ fragment: SourceFragment) -> (InlineValue?, [Diagnostic]) {
        let (parsed, parseErrors) = Parser.parseInline(fragment)
        guard let parsed, parseErrors.isEmpty else { return (nil, parseErrors) }
        func error(_ message: String, _ span: SourceSpan, notes: [Diagnostic.Note] = []) -> (InlineValue?, [Diagnostic]) {
            (nil, [.error(message, at: fragment.location(span), notes: notes)])
        }
        let (evaluated, problems) = evaluate(parsed.expression, fragment: fragment)
        guard let evaluated else { return (nil, problems) }
        let (value, type, scenario, expression) = (evaluated.value, evaluated.type, evaluated.result.scenario, evaluated.expression)
        let (shownName, formula) = (evaluated.name, evaluated.formula)
        let source = fragment.text(of: expression.span)
        var reads: [String] = []
        expression.forEachName { name in
            if scenario.definition(named: name) != nil, !reads.contains(name) { reads.append(name) }
        }
        let provenance = lookupTable(for: evaluated.result).provenance
        let origins = provenance.dataOrigins(of: expression).map(\.described)
        let inputs = provenance.inputs(of: expression)

        guard let claim = parsed.claim else {
            let text = evaluated.shown.text(format: parsed.format, interval: parsed.interval ?? 0.9)
            return (InlineValue(text: text, formula: formula, scenario: scenario.name, name: shownName, reads: reads, isClaim: false,
                                origins: origins, inputs: inputs, file: fragment.file.path), [])
        }
        guard !value.isSeries else {
            return error("a claim needs a single value; `\(source)` is a series", expression.span,
                         notes: [.init("claim one point of it, e.g. `at(\(source), 6 months)`, or its `sum`, `max` or `last`")])
        }
        let checked = ClaimCheck(claim: claim, value: value, type: type, scenario: scenario, fragment: fragment,
                                 source: source, format: parsed.format)
        switch checked.run() {
        case .failure(let problems):
            return (nil, problems.diagnostics.map { problem in
                var problem = problem
                if problem.code == .claimDoesNotHold {
                    problem.notes.append(.init(formula == source ? "computed from \(source)" : "computed from \(formula)"))
                }
                return problem
            })
        case .success(let text):
            return (InlineValue(text: text, formula: formula, scenario: scenario.name, name: shownName, reads: reads,
                                isClaim: true, origins: origins, inputs: inputs, file: fragment.file.path), [])
        }
    }

}

extension ScenarioResult {
    /// A scenario with nothing in it, for inline arithmetic on a page without a model.
    static func empty(fragment: SourceFragment) -> ScenarioResult {
        let (scenario, _) = ScenarioCompiler.compile(name: "main", statements: [], fragment: fragment)
        return ScenarioResult(scenario: scenario, values: [:], diagnostics: [])
    }
}

extension Expr {
    func forEachMember(_ body: (String, SourceSpan) -> Void) {
        visit { expr in if case .member(let scenario, _) = expr.kind { body(scenario, expr.span) } }
    }

    func forEachNameWithSpan(_ body: (String, SourceSpan) -> Void) {
        visit { expr in if case .name(let name) = expr.kind { body(name, expr.span) } }
    }

    /// `growth.total` → `total`, once the scenario has been chosen.
    func replacingMembers(of scenarios: Set<String>) -> Expr {
        if case .member(let base, let name) = kind, scenarios.contains(base) { return Expr(.name(name), span) }
        return mappingChildren { $0.replacingMembers(of: scenarios) }
    }
}
