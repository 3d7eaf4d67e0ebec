import Diagnostics
import Runtime
import ScenarioSyntax
import Semantics
import Yams

/// A chart drawn against an input of the model rather than against time:
///
///     x:
///       limit: 16..96 requests     # or a list, as in a sweep's `vary:`: [16, 32, 64, 96]
///     y: [instances]
///
/// The model is evaluated again for each value of the input, as a sweep does, and each `y`
/// (a single value in every variant) is drawn against the input's value. That answers "how
/// does the outcome move with this assumption", where a sweep's table gives a few rows.
extension ChartBlock {
    static func againstInput(_ entry: (key: Node, value: Node), look: Look, spec: inout BlockSpec,
                             page: PageScenarios, scenario: String?) -> ChartData? {
        guard case .mapping(let mapping) = entry.value, mapping.count == 1, let (key, written) = mapping.first else {
            spec.error("`x` varies one input, written as in a sweep: `x: {limit: [16, 32, 64]}` or "
                       + "`x: {limit: 16..96 requests}`", entry.value)
            return nil
        }
        guard let (base, input) = variedInput(key: key, values: written, spec: &spec, page: page, scenario: scenario),
              let (items, asBars) = plotted(&spec) else { return nil }
        if asBars {
            spec.error("`bars` names single values of one model; against `\(input.name)`, draw `y` with `type: bar`",
                       spec.document.entry("bars")!.key)
            return nil
        }
        if let annotate = spec.document.entry("annotate") {
            spec.error("`annotate` marks times; a chart against `\(input.name)` cannot have it "
                       + "(use `rules` for values)", annotate.key)
            return nil
        }
        // The model as written first: names are checked, and the y axis decided, once.
        let evaluated = evaluate(items, spec: &spec, page: page, scenario: base.scenario.name)
        guard evaluated.count == items.count, let axis = oneAxis(evaluated, spec: &spec) else { return nil }
        // Only the varied scenario is evaluated again: a value of another block would not move.
        if let other = evaluated.first(where: { $0.evaluated.result.scenario.name != base.scenario.name }) {
            let scenario = other.evaluated.result.scenario.name
            spec.diagnostics.append(.error("`\(other.text)` is computed in scenario `\(scenario)`; a chart against "
                                           + "`\(input.name)` draws values of scenario `\(base.scenario.name)`, "
                                           + "which it varies", at: other.location))
            return nil
        }
        if let series = evaluated.first(where: { $0.shown.steps != nil }) {
            spec.diagnostics.append(.error("`\(series.text)` is a series over the timeline; against `\(input.name)` "
                                           + "each `y` is one value per variant of the model",
                                           at: series.location,
                                           notes: [.init("reduce it to one value, e.g. `max(\(series.text))` or "
                                                         + "`last(\(series.text))`")]))
            return nil
        }
        let yMinimum = minimum(&spec, page: page, scenario: base.scenario.name, dimension: axis.dimension)
        guard let points = points(items, input: input, base: base, spec: &spec) else { return nil }
        let definition = base.scenario.definition(named: input.name)!
        var chart = look.chart(yMinimum: yMinimum, x: nil, series: zip(items, points.ys).map { item, values in
            ChartData.Series(name: item.2, values: values)
        }, axis: axis)
        placeOnX(&chart, points.xs, dimension: definition.type.dimension, label: definition.type.label,
                 name: input.name)
        chart.rules = rules(&spec, page: page, scenario: base.scenario.name, dimension: axis.dimension)
        return chart
    }

    /// The scenario that defines the input, and the input's values, read as a sweep reads them.
    private static func variedInput(key: Node, values: Node, spec: inout BlockSpec, page: PageScenarios,
                                    scenario: String?) -> (ScenarioResult, VariedInput)? {
        let name = key.string ?? ""
        if scenario == nil,
           let ambiguous = VariedInput.ambiguity(in: page, varied: [name], block: "chart", spec: spec) {
            spec.diagnostics.append(ambiguous)
            return nil
        }
        guard let base = VariedInput.chosenScenario(page, named: scenario, varied: [name]) else {
            spec.error(scenario.map { "no scenario named `\($0)` on this page" } ?? "this page has no scenario to vary",
                       key)
            return nil
        }
        guard let input = VariedInput.parse(key: key, value: values, in: base.scenario, figure: "a chart",
                                            limit: FigureLimits.chartInputValues, spec: &spec) else { return nil }
        let varied = base.values[name].map { ShownValue($0) }
        guard varied?.number != nil else {
            let shape = varied?.steps != nil ? "a series over the timeline" : "not a single number"
            spec.error("`\(name)` is \(shape); `x` varies a single value of the model", key,
                       notes: [.init("to draw against a series of the timeline, write `x: \(name)`")])
            return nil
        }
        return (base, input)
    }

    /// For each value of the input, in increasing order: the input's value and each `y`'s value
    /// (NaN, a gap in the line, where a `first(…)` is never reached).
    private static func points(_ items: [(Expr, SourceFragment, String)], input: VariedInput, base: ScenarioResult,
                               spec: inout BlockSpec) -> (xs: [Double], ys: [[Double]])? {
        var rows: [(x: Double, ys: [Double])] = []
        for value in input.values {
            guard let result = VariedInput.run(base, replacing: [(input.name, value.text, value.node)],
                                               reading: items.map(\.0), spec: &spec) else { return nil }
            let variant = PageScenarios(results: [result])
            var ys: [Double] = []
            for (expression, fragment, text) in items {
                let (evaluated, problems) = variant.evaluate(expression, fragment: fragment)
                if let problem = problems.first {
                    spec.error("with \(input.name) = \(value.text), `\(text)` fails: \(problem.message)", value.node)
                    return nil
                }
                if let shown = evaluated?.shown, shown.isUncertain {
                    spec.error("`\(text)` is uncertain; a chart against `\(input.name)` draws single values: "
                               + "plot `median(\(text))` or `percentile(\(text), 95%)`", value.node)
                    return nil
                }
                ys.append(evaluated?.shown.number ?? .nan)
            }
            let varied = result.values[input.name].map { ShownValue($0) }
            if varied?.isUncertain == true {
                spec.error("`\(value.text)` is a range; a chart's x values are single values", value.node)
                return nil
            }
            guard let x = varied?.number else { continue }
            rows.append((x, ys))
        }
        rows.sort { $0.x < $1.x }
        return (rows.map(\.x), items.indices.map { index in rows.map { $0.ys[index] } })
    }
}
