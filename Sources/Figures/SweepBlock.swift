import Diagnostics
import Markup
import Runtime
import ScenarioSyntax
import Semantics
import Yams

/// A ```` ```sweep [SCENARIO] ```` block: what if an input were different?
///
///     vary:
///       growth: [3%/week, 5%/week, 7%/week]
///     show: [breakeven, total]
///     chart: true            # one input: also a bar chart of the first output
///
/// One input gives a table (a row per value); two give a grid per output.
enum SweepBlock {
    static let keys = ["vary", "show", "title", "chart"]

    struct Input {
        var name: String
        var values: [(text: String, node: Node)]
    }

    static func render(spec: inout BlockSpec, page: PageScenarios, scenario: String?, id: String) -> String? {
        spec.rejectUnknownKeys(keys, block: "sweep")
        if scenario == nil, let ambiguous = ambiguity(in: page, spec: spec) {
            spec.diagnostics.append(ambiguous)
            return nil
        }
        guard let base = chosenScenario(page, named: scenario, spec: spec) else {
            spec.diagnostics.append(.error(scenario.map { "no scenario named `\($0)` on this page" } ?? "this page has no scenario to sweep",
                                           at: spec.document.file.location(line: max(1, spec.document.firstLine - 1), column: 1)))
            return nil
        }
        let title = spec.string("title")
        let wantsChart = spec.flag("chart")
        guard let vary = spec.document.entry("vary"), case .mapping(let mapping) = vary.value, (1...2).contains(mapping.count) else {
            spec.diagnostics.append(.error("a sweep needs `vary:` with one or two inputs, each a list of values",
                                           at: spec.document.entry("vary").map { spec.location(of: $0.value) } ?? spec.document.file.location(line: spec.document.firstLine, column: 1)))
            return nil
        }
        var inputs: [Input] = []
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard base.scenario.definition(named: name) != nil else {
                let notes = Suggestion.closest(to: name, in: base.scenario.sourceOrder).map { [Diagnostic.Note("did you mean `\($0)`?")] } ?? []
                spec.error("`\(name)` is not defined in scenario `\(base.scenario.name)`", key, notes: notes)
                continue
            }
            guard case .sequence(let sequence) = value, !sequence.isEmpty else {
                spec.error("list the values to try, e.g. `\(name): [3%/week, 5%/week]`", value)
                continue
            }
            guard sequence.count <= FigureLimits.sweepValues else {
                spec.error("`\(name)` lists \(sequence.count) values; a sweep tries at most \(FigureLimits.sweepValues)", value)
                continue
            }
            inputs.append(Input(name: name, values: sequence.map { ($0.scalar?.string ?? "", $0) }))
        }
        guard let shows = spec.expressions("show"), !shows.isEmpty else {
            spec.diagnostics.append(.error("a sweep needs `show: [output, …]`", at: spec.location(of: vary.key)))
            return nil
        }
        guard inputs.count == mapping.count else { return nil }
        let variants = inputs.reduce(1) { $0 * $1.values.count }
        guard variants <= FigureLimits.sweepVariants else {
            spec.error("this sweep computes \(variants) variants of the model; the limit is \(FigureLimits.sweepVariants)",
                       vary.value)
            return nil
        }

        // Evaluate every combination once; the table prints the values and the chart draws them.
        func outcome(_ overrides: [(String, String, Node)]) -> [Value?]? {
            let (compiled, result, problems) = variant(of: base, replacing: overrides.map { ($0.0, $0.1) })
            if let problem = problems.first {
                spec.error("with \(overrides.map { "\($0.0) = \($0.1)" }.joined(separator: ", ")), the model fails: \(problem.message)", overrides[0].2)
                return nil
            }
            for (name, _, node) in overrides {
                let original = base.scenario.definition(named: name)!.type.dimension
                if compiled.definition(named: name)?.type.dimension != original {
                    spec.error("`\(name)` measures \(original.described); this value does not", node)
                    return nil
                }
            }
            let page = PageScenarios(results: [result])
            return shows.map { expression, fragment, _ in
                let (evaluated, problems) = page.evaluate(expression, fragment: fragment)
                spec.diagnostics += problems
                guard let evaluated else { return nil }
                var value = evaluated.value
                value.label = evaluated.type.label
                return value
            }
        }
        let text = { (value: Value?) in value.map { ValueFormatter.format($0) } ?? "—" }

        var html = "<div class=\"cm-table-wrap\" id=\"\(HTMLEscaping.escape(id))\">\n"
        if inputs.count == 1 {
            let input = inputs[0]
            html += "<table class=\"cm-sweep\">\n"
            if let title { html += "<caption>\(HTMLEscaping.escape(title))</caption>\n" }
            html += "<thead><tr><th scope=\"col\">\(HTMLEscaping.escape(input.name))</th>"
            for (_, _, text) in shows { html += "<th scope=\"col\">\(HTMLEscaping.escape(text))</th>" }
            html += "</tr></thead>\n<tbody>\n"
            var firstOutputs: [Value?] = []
            for value in input.values {
                guard let cells = outcome([(input.name, value.text, value.node)]) else { return nil }
                firstOutputs.append(cells[0])
                html += "<tr><th scope=\"row\">\(HTMLEscaping.escape(value.text))</th>"
                for cell in cells { html += "<td>\(HTMLEscaping.escape(text(cell)))</td>" }
                html += "</tr>\n"
            }
            html += "</tbody>\n</table>\n"
            if wantsChart { html += sweepChart(firstOutputs, input: input, output: shows[0].2, id: id) }
        } else {
            // Each combination is computed once, whatever the number of outputs shown.
            var grid: [[[Value?]]] = []
            for row in inputs[0].values {
                var cellsInRow: [[Value?]] = []
                for column in inputs[1].values {
                    guard let cells = outcome([(inputs[0].name, row.text, row.node),
                                               (inputs[1].name, column.text, column.node)]) else { return nil }
                    cellsInRow.append(cells)
                }
                grid.append(cellsInRow)
            }
            for (index, show) in shows.enumerated() {
                html += "<table class=\"cm-sweep\">\n<caption>\(HTMLEscaping.escape(title.map { "\($0): " } ?? ""))\(HTMLEscaping.escape(show.2)) by \(HTMLEscaping.escape(inputs[0].name)) and \(HTMLEscaping.escape(inputs[1].name))</caption>\n"
                html += "<thead><tr><th scope=\"col\">\(HTMLEscaping.escape(inputs[0].name)) \\ \(HTMLEscaping.escape(inputs[1].name))</th>"
                for column in inputs[1].values { html += "<th scope=\"col\">\(HTMLEscaping.escape(column.text))</th>" }
                html += "</tr></thead>\n<tbody>\n"
                for (rowIndex, row) in inputs[0].values.enumerated() {
                    html += "<tr><th scope=\"row\">\(HTMLEscaping.escape(row.text))</th>"
                    for cells in grid[rowIndex] {
                        html += "<td>\(HTMLEscaping.escape(text(cells[index])))</td>"
                    }
                    html += "</tr>\n"
                }
                html += "</tbody>\n</table>\n"
            }
        }
        return html + "</div>\n"
    }

    /// The scenario named on the fence line, else `main`, else the page's first.
    private static func chosenScenario(_ page: PageScenarios, named scenario: String?, spec: BlockSpec) -> ScenarioResult? {
        if let scenario { return page.results.first { $0.scenario.name == scenario } }
        let varied = variedNames(spec)
        let defining = page.results.filter { result in varied.allSatisfy { result.scenario.definition(named: $0) != nil } }
        if defining.count == 1 { return defining[0] }
        return page.results.first { $0.scenario.name == "main" } ?? page.results.first
    }

    /// Several scenarios define every varied input and the fence names none: as in prose and
    /// charts, that is an error naming them, never a silent choice.
    private static func ambiguity(in page: PageScenarios, spec: BlockSpec) -> Diagnostic? {
        let varied = variedNames(spec)
        guard !varied.isEmpty, page.results.count > 1 else { return nil }
        let defining = page.results.filter { result in varied.allSatisfy { result.scenario.definition(named: $0) != nil } }
        guard defining.count > 1 else { return nil }
        let names = defining.map { "`\($0.scenario.name)`" }.joined(separator: ", ")
        let location = spec.document.file.location(line: max(1, spec.document.firstLine - 1), column: 1)
        return .error("`\(varied[0])` is defined in several scenarios: \(names)", at: location,
                      notes: [.init("name one on the fence line, e.g. ```` ```sweep \(defining[0].scenario.name) ````")])
    }

    private static func variedNames(_ spec: BlockSpec) -> [String] {
        guard let vary = spec.document.entry("vary"), case .mapping(let mapping) = vary.value else { return [] }
        return mapping.map { $0.key.string ?? "" }
    }

    /// The model with some definitions' formulas replaced, compiled and evaluated. Each formula
    /// is parsed as its own text, joined to the model's fragment at the place of the definition
    /// it replaces (an imported model's too), so messages quote what was actually computed.
    static func variant(of base: ScenarioResult, replacing overrides: [(name: String, formula: String)])
        -> (CompiledScenario, ScenarioResult, [Diagnostic]) {
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
        let result = Evaluator.run(compiled)
        return (compiled, result, problems + compileErrors + result.diagnostics)
    }

    /// A bar per tried value, of the first output, when it is a single number in every case.
    private static func sweepChart(_ outputs: [Value?], input: Input, output: String, id: String) -> String {
        let scalars = outputs.compactMap { $0?.scalar }
        guard scalars.count == outputs.count, let first = outputs.first ?? nil else { return "" }
        let data = ChartData(kind: .bar, title: nil, caption: "\(output) for each value of \(input.name)", yLabel: nil, yMinimum: nil,
                             logarithmic: false, height: 240, x: nil, xUnitName: "", categories: input.values.map(\.text),
                             series: [ChartData.Series(name: output, values: scalars)], dimension: first.dimension,
                             label: first.label, annotations: [])
        return ChartRenderer(data: data, id: id + "-chart").html()
    }
}
