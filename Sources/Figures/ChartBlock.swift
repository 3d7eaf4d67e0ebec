import Diagnostics
import Runtime
import ScenarioSyntax
import Semantics
import Yams

/// A ```` ```chart [SCENARIO] ```` block: YAML naming what to draw.
///
///     type: line                 # line, step, bar, stacked bar, area, scatter
///     y: [spend, cumulative]     # series (or scalars, drawn as flat lines)
///     annotate: {at: breakeven, label: break-even}
///     title: …   caption: …   y-label: …   y-min: …   log: false   height: 300
///
/// `bars: [fix, total]` draws named single values as bars instead.
enum ChartBlock {
    static let keys = ["type", "x", "y", "bars", "title", "caption", "y-label", "y-min", "log", "annotate", "height", "rules"]

    static func data(spec: inout BlockSpec, page: PageScenarios, scenario: String?) -> ChartData? {
        spec.rejectUnknownKeys(keys, block: "chart")
        let kind = chartKind(&spec)
        let title = spec.string("title"), caption = spec.string("caption"), yLabel = spec.string("y-label")
        let logarithmic = spec.flag("log")
        let height = spec.integer("height", in: 160...900) ?? 300

        /// Each item evaluated, with where it is written, for messages about it.
        func evaluate(_ items: [(Expr, SourceFragment, String)]) -> [(String, PageScenarios.Evaluated, SourceLocation)] {
            items.compactMap { expression, fragment, text in
                let (evaluated, problems) = page.evaluate(expression, fragment: fragment, preferred: scenario)
                spec.diagnostics += problems
                return evaluated.map { (text, $0, fragment.location(expression.span)) }
            }
        }

        let bars = spec.expressions("bars")
        let ys = spec.expressions("y")
        if bars != nil, ys != nil { spec.diagnostics.append(.error("a chart has `y` (series) or `bars` (single values), not both", at: spec.location(of: spec.document.entry("bars")!.key))) }
        guard let items = ys ?? bars, !items.isEmpty else {
            spec.diagnostics.append(.error("a chart needs `y: [series, …]` or `bars: [value, …]`", at: spec.document.file.location(line: spec.document.firstLine - 1, column: 1)))
            return nil
        }
        let evaluated = evaluate(items)
        guard evaluated.count == items.count, let first = evaluated.first else { return nil }
        for (text, item, location) in evaluated.dropFirst() where item.value.dimension != first.1.value.dimension {
            spec.diagnostics.append(.error("`\(text)` is \(item.value.dimension.described), but `\(first.0)` is \(first.1.value.dimension.described); one chart has one y axis",
                                           at: location))
            return nil
        }
        let dimension = first.1.value.dimension
        let label = first.1.type.label
        let yMinimum = minimum(&spec, page: page, scenario: scenario, dimension: dimension)

        if bars != nil {
            var values: [Double] = []
            for (text, item, location) in evaluated {
                guard let scalar = item.value.scalar else {
                    spec.diagnostics.append(.error("`\(text)` is a series; `bars` takes single values (use `y` for series)", at: location))
                    return nil
                }
                values.append(scalar)
            }
            return ChartData(kind: kind == .line ? .bar : kind, title: title, caption: caption, yLabel: yLabel, yMinimum: yMinimum,
                             logarithmic: logarithmic, height: height, x: nil, xUnitName: "", categories: evaluated.map(\.0),
                             series: [ChartData.Series(name: "", values: values)], dimension: dimension, label: label, annotations: [])
        }

        // Series over the timeline; single values are drawn as flat lines across it.
        guard let result = evaluated.first(where: { $0.1.value.series != nil })?.1.result ?? evaluated.first?.1.result,
              let timeline = result.scenario.timeline else {
            spec.diagnostics.append(.error("`y` needs a series over the timeline; use `bars` for single values",
                                           at: items[0].1.location(items[0].0.span)))
            return nil
        }
        let xs = (0..<timeline.count).map { timeline.start + Double($0) }
        var series: [ChartData.Series] = []
        for (text, item, location) in evaluated {
            if item.value.isNever { continue }
            let values = item.value.series ?? Array(repeating: item.value.scalar ?? .nan, count: timeline.count)
            guard values.count == timeline.count else {
                spec.diagnostics.append(.error("`\(text)` is on another scenario's timeline", at: location))
                return nil
            }
            series.append(ChartData.Series(name: text, values: values))
        }

        let annotations = self.annotations(&spec, page: page, scenario: scenario, timeline: timeline)
        let unitName = timeline.dates == nil ? timeline.unit.plural ?? timeline.unit.name : ""
        var chart = ChartData(kind: kind, title: title, caption: caption, yLabel: yLabel, yMinimum: yMinimum, logarithmic: logarithmic,
                              height: height, x: xs, xUnitName: unitName, categories: [], series: series, dimension: dimension,
                              label: label, annotations: annotations, xDates: timeline.dates)
        if let entry = spec.document.entry("x"), entry.value.scalar?.string != "t" {
            guard drawAgainstSeries(&chart, entry: entry, spec: &spec, page: page, scenario: scenario, steps: timeline.count) else {
                return nil
            }
        }
        chart.rules = rules(&spec, page: page, scenario: scenario, dimension: dimension)
        return chart
    }

    /// `type:`, defaulting to a line chart.
    static func chartKind(_ spec: inout BlockSpec) -> ChartData.Kind {
        guard let raw = spec.string("type") else { return .line }
        if let parsed = ChartData.Kind(rawValue: raw) { return parsed }
        spec.error("unknown chart type `\(raw)`", spec.document.entry("type")!.value,
                   notes: [.init("types: \(ChartData.Kind.allCases.map(\.rawValue).joined(separator: ", "))")])
        return .line
    }

    /// `y-min:`, which must measure what the y axis measures.
    static func minimum(_ spec: inout BlockSpec, page: PageScenarios, scenario: String?, dimension: Dimension) -> Double? {
        guard let entry = spec.document.entry("y-min"), let (expression, fragment) = spec.expression(entry.value) else { return nil }
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
            guard case .mapping(let mapping) = node, let at = mapping.first(where: { $0.key.string == "at" })?.value else {
                spec.error("an annotation is `{at: expression, label: text}`", node)
                continue
            }
            guard let (expression, fragment) = spec.expression(at) else { continue }
            let (value, problems) = page.evaluate(expression, fragment: fragment, preferred: scenario)
            spec.diagnostics += problems
            guard let value else { continue }
            guard value.value.dimension == .time, let seconds = value.value.scalar ?? (value.value.isNever ? nil : .nan) else {
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
        guard let values = evaluated.value.series, values.count == steps else {
            spec.error("`x` is `t` or a series over the chart's timeline (\(steps) steps); `\(text)` is not", entry.value)
            return false
        }
        guard chart.annotations.isEmpty else {
            spec.error("`annotate` marks times; a chart against `\(text)` cannot have it (use `rules` for values)", entry.value)
            return false
        }
        let display = ValueFormatter.displayLabel(for: values.map(abs).max() ?? 1, dimension: evaluated.value.dimension,
                                                  label: evaluated.type.label)
        let unit = ValueFormatter.attach(number: "", amount: 2, label: display).trimmingCharacters(in: .whitespaces)
        chart.x = values.map { $0 / display.factor }
        chart.xUnitName = unit.isEmpty ? text : "\(text) (\(unit))"
        chart.xDates = nil
        return true
    }

    /// `rules: [soft_limit, hard_limit]`: single values measuring what the y axis measures.
    static func rules(_ spec: inout BlockSpec, page: PageScenarios, scenario: String?, dimension: Dimension) -> [ChartData.Rule] {
        guard let items = spec.expressions("rules") else { return [] }
        var rules: [ChartData.Rule] = []
        for (expression, fragment, text) in items {
            let (evaluated, problems) = page.evaluate(expression, fragment: fragment, preferred: scenario)
            spec.diagnostics += problems
            guard let evaluated else { continue }
            guard let value = evaluated.value.scalar, evaluated.value.dimension == dimension else {
                spec.diagnostics.append(.error("a rule is a single value measuring \(dimension.described), as the y axis does; "
                                               + "`\(text)` is \(evaluated.value.series == nil ? evaluated.value.dimension.described : "a series")",
                                               at: fragment.location(expression.span)))
                continue
            }
            rules.append(ChartData.Rule(value: value, label: text))
        }
        return rules
    }
}
