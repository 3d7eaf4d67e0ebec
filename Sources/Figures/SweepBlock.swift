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

    static func render(spec: inout BlockSpec, page: PageScenarios, scenario: String?, id: String) -> String? {
        spec.rejectUnknownKeys(keys, block: "sweep")
        if scenario == nil,
           let ambiguous = VariedInput.ambiguity(in: page, varied: variedNames(spec), block: "sweep", spec: spec) {
            spec.diagnostics.append(ambiguous)
            return nil
        }
        guard let base = VariedInput.chosenScenario(page, named: scenario, varied: variedNames(spec)) else {
            let location = spec.document.file.location(line: max(1, spec.document.firstLine - 1), column: 1)
            spec.diagnostics.append(.error(scenario.map { "no scenario named `\($0)` on this page" }
                                           ?? "this page has no scenario to sweep", at: location))
            return nil
        }
        let title = spec.string("title")
        let wantsChart = spec.flag("chart")
        guard let vary = spec.document.entry("vary"), case .mapping(let mapping) = vary.value,
              (1...2).contains(mapping.count) else {
            let location = spec.document.entry("vary").map { spec.location(of: $0.value) }
                ?? spec.document.file.location(line: spec.document.firstLine, column: 1)
            spec.diagnostics.append(.error("a sweep needs `vary:` with one or two inputs, each a list of values",
                                           at: location))
            return nil
        }
        let inputs = mapping.compactMap { key, value in
            VariedInput.parse(key: key, value: value, in: base.scenario, figure: "a sweep",
                              limit: FigureLimits.sweepValues, spec: &spec)
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
        func outcome(_ overrides: [(String, String, Node)]) -> [ShownValue?]? {
            guard let result = VariedInput.run(base, replacing: overrides, reading: shows.map(\.0),
                                               spec: &spec) else { return nil }
            let page = PageScenarios(results: [result])
            return shows.map { expression, fragment, _ in
                let (evaluated, problems) = page.evaluate(expression, fragment: fragment)
                spec.diagnostics += problems
                return evaluated?.shown
            }
        }
        let text = { (value: ShownValue?) in value.map { $0.text() } ?? "—" }

        var html = "<div class=\"cm-table-wrap\" id=\"\(HTMLEscaping.escape(id))\" tabindex=\"0\" role=\"region\" "
            + "aria-label=\"\(HTMLEscaping.escape(title ?? "What-if table"))\">\n"
        if inputs.count == 1 {
            let input = inputs[0]
            html += "<table class=\"cm-sweep\">\n"
            if let title { html += "<caption>\(HTMLEscaping.escape(title))</caption>\n" }
            html += "<thead><tr><th scope=\"col\">\(HTMLEscaping.escape(input.name))</th>"
            for (_, _, text) in shows { html += "<th scope=\"col\">\(HTMLEscaping.escape(text))</th>" }
            html += "</tr></thead>\n<tbody>\n"
            var firstOutputs: [ShownValue?] = []
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
            var grid: [[[ShownValue?]]] = []
            for row in inputs[0].values {
                var cellsInRow: [[ShownValue?]] = []
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

    private static func variedNames(_ spec: BlockSpec) -> [String] {
        guard let vary = spec.document.entry("vary"), case .mapping(let mapping) = vary.value else { return [] }
        return mapping.map { $0.key.string ?? "" }
    }

    /// A bar per tried value, of the first output, when it is a single value in every case (an
    /// uncertain one is its median, with whiskers from its 5th to its 95th percentile).
    private static func sweepChart(_ outputs: [ShownValue?], input: VariedInput, output: String, id: String) -> String {
        let values = outputs.compactMap { $0 }
        guard values.count == outputs.count, let first = values.first,
              let bars = ChartData.Series.bars(values, name: output) else { return "" }
        var data = ChartData(kind: .bar, title: nil, caption: "\(output) for each value of \(input.name)", yLabel: nil,
                             yMinimum: nil, logarithmic: false, height: 240, x: nil, xUnitName: "",
                             categories: input.values.map(\.text),
                             series: [bars],
                             dimension: first.dimension, label: first.label, annotations: [])
        data.samples = first.sampleCount
        return ChartRenderer(data: data, id: id + "-chart").html()
    }
}
