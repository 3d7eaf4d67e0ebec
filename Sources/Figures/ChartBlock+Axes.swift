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
        if let value, value.value.dimension == dimension { return value.value.scalar }
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
            if value.value.isUncertain {
                let written = fragment.text(of: expression.span)
                spec.error("an annotation marks one time; `\(written)` is uncertain: mark `median(\(written))`", at)
                continue
            }
            guard value.value.dimension == .time,
                  let seconds = value.value.scalar ?? (value.value.isNever ? nil : .nan) else {
                if !value.value.isNever { spec.error("`at` must be a time on the timeline, such as `6 months`", at) }
                continue
            }
            let text = mapping.first(where: { $0.key.string == "label" })?.value.scalar?.string
                ?? ValueFormatter.format(value.value)
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
        if evaluated.value.isUncertain {
            spec.error("`\(text)` is uncertain; `x` needs one value per step: use `median(\(text))`", entry.value)
            return false
        }
        guard let values = evaluated.value.series, values.count == steps else {
            let notes: [Diagnostic.Note] = evaluated.value.scalar == nil ? [] : [
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
        let display = ValueFormatter.displayLabel(for: values.filter(\.isFinite).map(abs).max() ?? 1,
                                                  dimension: dimension, label: label)
        let unit = ValueFormatter.unitText(display)
        chart.x = values.map { $0 / display.factor }
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
            guard let value = evaluated.value.scalar, evaluated.value.dimension == dimension else {
                let actual = evaluated.value.isUncertain ? "uncertain (draw `median(\(text))`)"
                    : evaluated.value.series == nil ? evaluated.value.dimension.described : "a series"
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
