import Diagnostics
import Foundation
import Runtime
import ScenarioSyntax
import Semantics
import Yams

/// An input a figure varies: an entry of a sweep's `vary:`, or a chart's `x: {name: values}`.
/// Both are spelled alike, `name: [3%/week, 5%/week]` or a range of whole steps written as a
/// timeline is, `name: 1..64 requests`, and both try each value by replacing the input's
/// formula and evaluating the whole model again (`run`).
struct VariedInput {
    var name: String
    /// Each value as a formula, and the YAML node it was written in (for errors about it).
    var values: [(text: String, node: Node)]

    /// Reads `name: values`, checked against the scenario the input belongs to.
    ///
    /// - Parameters:
    ///   - figure: how the block calls itself in a message about the limit ("a sweep").
    ///   - limit: how many values the block may try.
    static func parse(key: Node, value: Node, in scenario: CompiledScenario, figure: String, limit: Int,
                      spec: inout BlockSpec) -> VariedInput? {
        let name = key.string ?? ""
        guard scenario.definition(named: name) != nil else {
            let notes = Suggestion.closest(to: name, in: scenario.sourceOrder)
                .map { [Diagnostic.Note("did you mean `\($0)`?")] } ?? []
            spec.error("`\(name)` is not defined in scenario `\(scenario.name)`", key, notes: notes)
            return nil
        }
        if let text = value.scalar?.string, let range = WholeRange(text) {
            return range.values(for: name, node: value, figure: figure, limit: limit, spec: &spec)
                .map { VariedInput(name: name, values: $0) }
        }
        guard case .sequence(let sequence) = value, !sequence.isEmpty else {
            spec.error("list the values to try, e.g. `\(name): [3%/week, 5%/week]`", value,
                       notes: [.init("or a range of whole steps, as a timeline is written: `\(name): 1..12 months`")])
            return nil
        }
        guard sequence.count <= limit else {
            spec.error("`\(name)` lists \(sequence.count) values; \(figure) tries at most \(limit)", value)
            return nil
        }
        return VariedInput(name: name, values: sequence.map { ($0.scalar?.string ?? "", $0) })
    }

    /// `A..B unit`: the whole numbers from A to B, each followed by the unit written after B
    /// (nothing for plain numbers), as `timeline = 0..12 months` is read.
    struct WholeRange {
        var first: Int
        var last: Int
        /// What follows B, as written: ` requests`, `%`, or nothing.
        var unit: String

        init?(_ text: String) {
            guard let dots = text.range(of: "..") else { return nil }
            let after = text[dots.upperBound...].drop { $0 == " " }
            let digits = after.prefix { $0.isASCII && ($0.isNumber || $0 == "-") }
            let rest = after.dropFirst(digits.count)
            guard let first = Int(text[..<dots.lowerBound].trimmingCharacters(in: .whitespaces)),
                  let last = Int(digits), rest.first != "." else { return nil }
            (self.first, self.last) = (first, last)
            unit = String(rest).trimmingCharacters(in: .whitespaces).isEmpty ? "" : String(rest)
        }

        func values(for name: String, node: Node, figure: String, limit: Int,
                    spec: inout BlockSpec) -> [(text: String, node: Node)]? {
            guard first <= last else {
                spec.error("a range runs from its first value up to its last, e.g. `\(name): 1..64`", node)
                return nil
            }
            let (span, overflow) = last.subtractingReportingOverflow(first)
            guard !overflow, span < limit else {
                let count = overflow ? "more than \(limit)" : "\(span + 1)"
                spec.error("`\(name)` ranges over \(count) values; \(figure) tries at most \(limit)", node,
                           notes: [.init("list fewer values instead, e.g. `[1, 2, 4, 8, 16, 32, 64]`")])
                return nil
            }
            return (first...last).map { ("\($0)\(unit)", node) }
        }
    }

    /// The scenario named on the fence line, else the only one that defines every varied input,
    /// else `main`, else the page's first.
    static func chosenScenario(_ page: PageScenarios, named scenario: String?, varied: [String]) -> ScenarioResult? {
        if let scenario { return page.block(named: scenario) }
        let defining = defining(varied, in: page)
        if defining.count == 1 { return defining[0] }
        return page.block(named: nil)
    }

    /// Several scenarios define every varied input and the fence names none: as in prose, that
    /// is an error naming them, never a silent choice.
    static func ambiguity(in page: PageScenarios, varied: [String], block: String, spec: BlockSpec) -> Diagnostic? {
        guard !varied.isEmpty, page.results.count > 1 else { return nil }
        let defining = defining(varied, in: page)
        guard defining.count > 1 else { return nil }
        let names = defining.map { "`\($0.scenario.name)`" }.joined(separator: ", ")
        let location = spec.document.file.location(line: max(1, spec.document.firstLine - 1), column: 1)
        let example = "```` ```\(block) \(defining[0].scenario.name) ````"
        return .error("`\(varied[0])` is defined in several scenarios: \(names)", at: location,
                      notes: [.init("name one on the fence line, e.g. \(example)")])
    }

    /// The page's scenarios that define every one of the names.
    private static func defining(_ names: [String], in page: PageScenarios) -> [ScenarioResult] {
        page.results.filter { result in names.allSatisfy { result.scenario.definition(named: $0) != nil } }
    }

    /// The model with each input's formula replaced and evaluated again, or nil once the reason
    /// is reported at the value: the model fails with it, or it measures something else.
    ///
    /// - Parameter reading: the expressions the figure shows: only what they read is computed.
    static func run(_ base: ScenarioResult, replacing overrides: [(name: String, text: String, node: Node)],
                    reading: [Expr], spec: inout BlockSpec) -> ScenarioResult? {
        let (compiled, result, problems) = variant(of: base, replacing: overrides.map { ($0.name, $0.text) },
                                                   only: namesRead(by: reading))
        if let problem = problems.first {
            let values = overrides.map { "\($0.name) = \($0.text)" }.joined(separator: ", ")
            spec.error("with \(values), the model fails: \(problem.message)", overrides[0].node)
            return nil
        }
        for (name, _, node) in overrides {
            let original = base.scenario.definition(named: name)!.type.dimension
            if compiled.definition(named: name)?.type.dimension != original {
                spec.error("`\(name)` measures \(original.described); this value does not", node)
                return nil
            }
        }
        return result
    }

    /// The model with some definitions' formulas replaced, compiled and evaluated. Each formula
    /// is parsed as its own text, joined to the model's fragment at the place of the definition
    /// it replaces (an imported model's too), so messages quote what was actually computed.
    static func variant(of base: ScenarioResult, replacing overrides: [(name: String, formula: String)],
                        only: Set<String>? = nil) -> (CompiledScenario, ScenarioResult, [Diagnostic]) {
        var fragment = base.scenario.fragment
        var statements = base.scenario.statements
        var problems: [Diagnostic] = []
        for (name, formula) in overrides {
            guard let position = statements.firstIndex(where: {
                if case .definition(name, _) = $0.kind { return true }
                return false
            }), case .definition(_, let original) = statements[position].kind else { continue }
            let at = fragment.location(original.span)
            let written = SourceFragment(text: formula, file: fragment.file(of: original.span), startLine: at.line,
                                         startColumn: at.column)
            let (parsed, parseErrors) = Parser.parseInline(written)
            problems += parseErrors
            guard let parsed else { continue }
            let base = (fragment.joined.count + 1) * SourceFragment.segmentSize
            fragment = fragment.joining([written])
            statements[position].kind = .definition(name: name, expression: parsed.expression.relocated { base + $0 })
        }
        let (compiled, compileErrors) = ScenarioCompiler.compile(name: base.scenario.name, statements: statements,
                                                                 fragment: fragment, data: base.scenario.data)
        let result = Evaluator.run(compiled, only: only, work: base.work)
        return (compiled, result, problems + compileErrors + result.diagnostics)
    }

    /// Every name the expressions read, as a definition or as a scenario's member.
    static func namesRead(by expressions: [Expr]) -> Set<String> {
        var names: Set<String> = []
        for expression in expressions {
            expression.visit { node in
                switch node.kind {
                case .name(let name): names.insert(name)
                case .member(let base, let name): names.formUnion([base, name, base + "." + name])
                default: break
                }
            }
        }
        return names
    }
}
