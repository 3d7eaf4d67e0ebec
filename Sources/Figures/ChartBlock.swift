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
/// `bars: [fix, total]` draws named single values as bars instead. Reading a block is two
/// halves: parsing the spec (`look`, `plotted`), then evaluating what it names against the
/// page (`evaluate`, then a chart over the timeline or of bars).
enum ChartBlock {
    static let keys = ["type", "x", "y", "bars", "labels", "title", "caption", "y-label", "y-min", "log", "annotate",
                       "height", "rules"]

    /// How the chart is drawn, whatever it draws: read first, so its errors come first.
    struct Look {
        var kind: ChartData.Kind
        var title: String?
        var caption: String?
        var yLabel: String?
        var logarithmic: Bool
        var height: Int
        /// `type: distribution`: one uncertain value as a histogram of its samples.
        var isDistribution = false

        /// The chart's data with this look.
        func chart(kind: ChartData.Kind? = nil, yMinimum: Double?, x: [Double]?, xUnitName: String = "",
                   categories: [String] = [], series: [ChartData.Series], axis: Axis,
                   annotations: [ChartData.Annotation] = [], xDates: [Int]? = nil) -> ChartData {
            ChartData(kind: kind ?? self.kind, title: title, caption: caption, yLabel: yLabel, yMinimum: yMinimum,
                      logarithmic: logarithmic, height: height, x: x, xUnitName: xUnitName, categories: categories,
                      series: series, dimension: axis.dimension, label: axis.label, annotations: annotations,
                      xDates: xDates)
        }
    }

    /// What the y axis measures, and the unit its first item is written in.
    struct Axis {
        var dimension: Dimension
        var label: UnitLabel
    }

    /// One item of `y:` or `bars:`, evaluated, with where it is written, for messages about it.
    struct Plotted {
        var text: String
        var evaluated: PageScenarios.Evaluated
        var location: SourceLocation
        /// `labels:` gives the reader's name for it (legend, bar, data table); messages keep `text`.
        var label: String? = nil
        var value: Value { evaluated.value }
        var shown: ShownValue { evaluated.shown }
        var name: String { label ?? text }
    }

    static func data(spec: inout BlockSpec, page: PageScenarios, scenario: String?) -> ChartData? {
        spec.rejectUnknownKeys(keys, block: "chart")
        let look = self.look(&spec)
        if let entry = spec.document.entry("x"), case .mapping = entry.value {
            return againstInput(entry, look: look, spec: &spec, page: page, scenario: scenario)
        }
        guard let (items, asBars) = plotted(&spec) else { return nil }
        var evaluated = evaluate(items, spec: &spec, page: page, scenario: scenario)
        if let labels = labels(&spec, count: items.count), evaluated.count == items.count {
            for index in evaluated.indices { evaluated[index].label = labels[index] }
        }
        if look.isDistribution { return distribution(evaluated, look: look, spec: &spec) }
        guard evaluated.count == items.count, let axis = oneAxis(evaluated, spec: &spec) else { return nil }
        let yMinimum = minimum(&spec, page: page, scenario: scenario, dimension: axis.dimension)
        if asBars { return bars(evaluated, look: look, axis: axis, yMinimum: yMinimum, spec: &spec) }
        guard var chart = overTimeline(evaluated, items: items, look: look, axis: axis, yMinimum: yMinimum,
                                       spec: &spec, page: page, scenario: scenario) else { return nil }
        if let entry = spec.document.entry("x"), entry.value.scalar?.string != "t" {
            guard drawAgainstSeries(&chart, entry: entry, spec: &spec, page: page, scenario: scenario,
                                    steps: chart.x?.count ?? 0) else { return nil }
        }
        chart.rules = rules(&spec, page: page, scenario: scenario, dimension: axis.dimension)
        return chart
    }

    /// `labels: [Rust, Go]`: one name per item of `y:` or `bars:`, for series named by identifiers.
    static func labels(_ spec: inout BlockSpec, count: Int) -> [String]? {
        guard let labels = spec.strings("labels") else { return nil }
        guard labels.count == count else {
            let items = "\(labels.count) item\(labels.count == 1 ? "" : "s")"
            spec.error("`labels` names \(items), but the chart draws \(count)", spec.document.entry("labels")!.value)
            return nil
        }
        return labels
    }

    /// `type:`, `title:`, `caption:`, `y-label:`, `log:` and `height:`.
    static func look(_ spec: inout BlockSpec) -> Look {
        let isDistribution = spec.document.entry("type")?.value.scalar?.string == "distribution"
        let kind = isDistribution ? .area : chartKind(&spec)
        let title = spec.string("title"), caption = spec.string("caption"), yLabel = spec.string("y-label")
        let logarithmic = spec.flag("log")
        let height = spec.integer("height", in: 160...900) ?? 300
        return Look(kind: kind, title: title, caption: caption, yLabel: yLabel, logarithmic: logarithmic,
                    height: height, isDistribution: isDistribution)
    }

    /// `type:`, defaulting to a line chart.
    static func chartKind(_ spec: inout BlockSpec) -> ChartData.Kind {
        guard let raw = spec.string("type") else { return .line }
        if let parsed = ChartData.Kind(rawValue: raw) { return parsed }
        spec.error("unknown chart type `\(raw)`", spec.document.entry("type")!.value,
                   notes: [.init("types: " + (ChartData.Kind.allCases.map(\.rawValue) + ["distribution"])
                                    .joined(separator: ", "))])
        return .line
    }

    /// The expressions of `y:` or of `bars:` (exactly one of them), and whether they are bars.
    static func plotted(_ spec: inout BlockSpec) -> ([(Expr, SourceFragment, String)], Bool)? {
        let bars = spec.expressions("bars")
        let ys = spec.expressions("y")
        if bars != nil, ys != nil {
            spec.diagnostics.append(.error("a chart has `y` (series) or `bars` (single values), not both",
                                           at: spec.location(of: spec.document.entry("bars")!.key)))
        }
        guard let items = ys ?? bars, !items.isEmpty else {
            let location = spec.document.file.location(line: spec.document.firstLine - 1, column: 1)
            spec.diagnostics.append(.error("a chart needs `y: [series, …]` or `bars: [value, …]`", at: location))
            return nil
        }
        return (items, bars != nil)   // both: already an error; the items are still read as bars
    }

    /// Each item evaluated against the page; those that fail are reported and left out.
    static func evaluate(_ items: [(Expr, SourceFragment, String)], spec: inout BlockSpec, page: PageScenarios,
                         scenario: String?) -> [Plotted] {
        items.compactMap { expression, fragment, text in
            let (evaluated, problems) = page.evaluate(expression, fragment: fragment, preferred: scenario)
            spec.diagnostics += problems
            return evaluated.map { Plotted(text: text, evaluated: $0, location: fragment.location(expression.span)) }
        }
    }

    /// What the y axis measures: every item must measure what the first does.
    static func oneAxis(_ items: [Plotted], spec: inout BlockSpec) -> Axis? {
        guard let first = items.first else { return nil }
        for item in items.dropFirst() where item.value.dimension != first.value.dimension {
            spec.diagnostics.append(.error("`\(item.text)` is \(item.value.dimension.described), but "
                                           + "`\(first.text)` is \(first.value.dimension.described); "
                                           + "one chart has one y axis",
                                           at: item.location))
            return nil
        }
        return Axis(dimension: first.value.dimension, label: first.evaluated.type.label)
    }

    /// `bars:`: a bar per named single value.
    static func bars(_ items: [Plotted], look: Look, axis: Axis, yMinimum: Double?,
                     spec: inout BlockSpec) -> ChartData? {
        for item in items where !item.shown.isSingle {
            spec.diagnostics.append(.error("`\(item.text)` is a series; `bars` takes single values "
                                           + "(use `y` for series)", at: item.location))
            return nil
        }
        guard let bars = ChartData.Series.bars(items.map(\.shown), name: "") else { return nil }
        var chart = look.chart(kind: look.kind == .line ? .bar : look.kind, yMinimum: yMinimum, x: nil,
                               categories: items.map(\.name),
                               series: [bars], axis: axis)
        chart.samples = items.compactMap(\.shown.sampleCount).first
        return chart
    }

    /// `y:`: series over the timeline; single values are drawn as flat lines across it.
    static func overTimeline(_ items: [Plotted], items written: [(Expr, SourceFragment, String)], look: Look,
                             axis: Axis, yMinimum: Double?, spec: inout BlockSpec, page: PageScenarios,
                             scenario: String?) -> ChartData? {
        let withSeries = items.first { $0.shown.steps != nil } ?? items.first
        guard let result = withSeries?.evaluated.result,
              let timeline = result.scenario.timeline else {
            spec.diagnostics.append(.error("`y` needs a series over the timeline; use `bars` for single values",
                                           at: written[0].1.location(written[0].0.span)))
            return nil
        }
        var series: [ChartData.Series] = []
        for item in items {
            if item.shown.isNever { continue }
            guard let drawn = seriesOverTimeline(item, steps: timeline.count) else {
                spec.diagnostics.append(.error("`\(item.text)` is on another scenario's timeline", at: item.location))
                return nil
            }
            series.append(drawn)
        }
        let annotations = self.annotations(&spec, page: page, scenario: scenario, timeline: timeline)
        let unitName = timeline.dates == nil ? timeline.unit.plural ?? timeline.unit.name : ""
        if look.kind == .stackedBar {
            // Medians do not add up to the median of a sum: stacks of uncertain series show medians only.
            series = series.map { ChartData.Series(name: $0.name, values: $0.values) }
        }
        var chart = look.chart(yMinimum: yMinimum, x: (0..<timeline.count).map { timeline.start + Double($0) },
                               xUnitName: unitName, series: series, axis: axis, annotations: annotations,
                               xDates: timeline.dates)
        chart.samples = items.compactMap(\.shown.sampleCount).first
        if look.kind == .stackedBar, chart.samples != nil {
            chart.note = "Stacks show medians; the uncertainty of a sum is not drawn "
                + "(chart the total on its own to see it)."
        }
        return chart
    }

    /// One item of `y:` over the timeline: a series as it is, a single value as a flat line, and an
    /// uncertain one as its median with a fan of percentiles around it. Nil when the lengths differ.
    static func seriesOverTimeline(_ item: Plotted, steps: Int) -> ChartData.Series? {
        let shown = item.shown
        if case .spread(let samples) = shown.shape {
            guard samples.steps == nil || samples.steps == steps else { return nil }
            let band = ChartData.Band(Spread(samples), count: samples.steps == nil ? steps : nil)
            return ChartData.Series(name: item.name, values: band.median, band: band)
        }
        return shown.centres(over: steps).map { ChartData.Series(name: item.name, values: $0) }
    }
}
