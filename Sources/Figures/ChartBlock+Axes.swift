import Diagnostics
import Runtime
import ScenarioSyntax
import Semantics
import Yams

/// The parts of a chart block that place things on its axes: where y starts, marked moments,
/// what x is when it is not time, and rules at named values.
extension ChartBlock {
    /// `y-min:`, which must measure what the y axis measures.
    static func minimum(_ spec: inout BlockSpec, page: PageScenarios, scenario: String?,
                        dimension: Dimension) -> Double? {
        guard let entry = spec.document.entry("y-min"), let (expression, fragment) = spec.expression(entry.value) else {
            return nil
        }
        let (value, problems) = page.evaluate(expression, fragment: fragment, preferred: scenario)
        spec.diagnostics += problems
        if let value, value.value.dimension == dimension { return value.shown.number }
        if value != nil { spec.error("`y-min` must measure \(dimension.described)", entry.value) }
        return nil
    }

    /// `annotate:`, one mapping or a list of `{at: time, label: text}`.
    static func annotations(_ spec: inout BlockSpec, page: PageScenarios, scenario: String?,
                            timeline: Timeline) -> [ChartData.Annotation] {
        var annotations: [ChartData.Annotation] = []
        guard let entry = spec.document.entry("annotate") else { return [] }
        let nodes: [Node]
        switch entry.value {
        case .sequence(let sequence): nodes = Array(sequence)
        default: nodes = [entry.value]
        }
        for node in nodes {
            guard case .mapping(let mapping) = node,
                  let at = mapping.first(where: { $0.key.string == "at" })?.value else {
                spec.error("an annotation is `{at: expression, label: text}`", node)
                continue
            }
            guard let (expression, fragment) = spec.expression(at) else { continue }
            let (value, problems) = page.evaluate(expression, fragment: fragment, preferred: scenario)
            spec.diagnostics += problems
            guard let value else { continue }
            let shown = value.shown
            if shown.isUncertain {
                let written = fragment.text(of: expression.span)
                spec.error("an annotation marks one time; `\(written)` is uncertain: mark `median(\(written))`", at)
                continue
            }
            guard shown.dimension == .time, let seconds = shown.number ?? (shown.isNever ? nil : .nan) else {
                if !shown.isNever { spec.error("`at` must be a time on the timeline, such as `6 months`", at) }
                continue
            }
            let text = mapping.first(where: { $0.key.string == "label" })?.value.scalar?.string
                ?? shown.text()
            annotations.append(ChartData.Annotation(x: seconds / timeline.unit.factor, label: text))
        }
        return annotations
    }

    /// `x: concurrency`: the y series drawn against another series of the same timeline (memory
    /// against requests in flight) instead of against time.
    static func drawAgainstSeries(_ chart: inout ChartData, entry: (key: Node, value: Node), spec: inout BlockSpec,
                                  page: PageScenarios, scenario: String?, steps: Int) -> Bool {
        guard let (expression, fragment) = spec.expression(entry.value) else { return false }
        let (evaluated, problems) = page.evaluate(expression, fragment: fragment, preferred: scenario)
        spec.diagnostics += problems
        guard let evaluated else { return false }
        let text = fragment.text(of: expression.span)
        let shown = evaluated.shown
        if shown.isUncertain {
            spec.error("`\(text)` is uncertain; `x` needs one value per step: use `median(\(text))`", entry.value)
            return false
        }
        guard case .perStep(let values) = shown.shape, values.count == steps else {
            let notes: [Diagnostic.Note] = shown.number == nil ? [] : [
                .init("to draw against `\(text)` varied over values, write `x: {\(text): [1, 2, 4]}` or "
                      + "`x: {\(text): 1..64}` (with its unit), as in a sweep")]
            spec.error("`x` is `t` or a series over the chart's timeline (\(steps) steps); `\(text)` is not",
                       entry.value, notes: notes)
            return false
        }
        guard chart.annotations.isEmpty else {
            spec.error("`annotate` marks times; a chart against `\(text)` cannot have it (use `rules` for values)",
                       entry.value)
            return false
        }
        placeOnX(&chart, values, dimension: evaluated.value.dimension, label: evaluated.type.label, name: text)
        return true
    }

    /// x values (base units) in the unit they are best shown in, and the axis titled with their
    /// name and that unit: `in_flight (requests)`.
    /// - Returns: the size of the unit shown, in base units.
    @discardableResult
    static func placeOnX(_ chart: inout ChartData, _ values: [Double], dimension: Dimension, label: UnitLabel,
                         name: String) -> Double {
        let display = ShownUnit(covering: values, dimension: dimension, label: label)
        let unit = display.name
        chart.x = values.map(display.amount)
        chart.xUnitName = unit.isEmpty ? name : "\(name) (\(unit))"
        chart.xDates = nil
        return display.factor
    }

    /// `rules: [soft_limit, hard_limit]`: single values measuring what the y axis measures.
    static func rules(_ spec: inout BlockSpec, page: PageScenarios, scenario: String?,
                      dimension: Dimension) -> [ChartData.Rule] {
        guard let items = spec.expressions("rules") else { return [] }
        var rules: [ChartData.Rule] = []
        for (expression, fragment, text) in items {
            let (evaluated, problems) = page.evaluate(expression, fragment: fragment, preferred: scenario)
            spec.diagnostics += problems
            guard let evaluated else { continue }
            let shown = evaluated.shown
            guard let value = shown.number, shown.dimension == dimension else {
                let actual = shown.isUncertain ? "uncertain (draw `median(\(text))`)"
                    : shown.steps == nil ? shown.dimension.described : "a series"
                spec.diagnostics.append(.error("a rule is a single value measuring \(dimension.described), "
                                               + "as the y axis does; `\(text)` is \(actual)",
                                               at: fragment.location(expression.span)))
                continue
            }
            rules.append(ChartData.Rule(value: value, label: text))
        }
        return rules
    }
}
