import Runtime
import Semantics

/// Where everything of one chart layout goes: the data in the unit it is shown in, the plot's
/// box, the y ticks and scale, and the x positions and ticks. Computed once per layout; the
/// drawing passes (`drawAxes`, `drawMarks`, …) only read it.
struct ChartLayout {
    let width: Double
    let data: ChartData
    let factor: Double
    let display: ShownUnit
    let height: Double
    let top: Double
    let plotHeight: Double
    let left: Double
    let plotWidth: Double
    let high: Double
    let yTicks: [Double]
    let yLow: Double
    let yHigh: Double
    let yTickLabel: (Double) -> String
    let yPosition: (Double) -> Double
    let count: Int
    let isBand: Bool
    let band: Double
    let xPosition: (Int) -> Double
    let xTicks: [(Double, String)]

    /// The plot's right edge and its baseline.
    var right: Double { left + plotWidth }
    var bottom: Double { top + plotHeight }

    /// Series named at the end of their lines instead of in a legend.
    let labelsLinesDirectly: Bool

    /// Direct labels where there is room for them (lines whose ends are apart, names short
    /// enough for the margin), a legend otherwise.
    static func make(chart: ChartRenderer, width: Double) -> ChartLayout {
        let direct = ChartLayout(chart: chart, width: width, direct: true)
        return direct.directLabelsFit ? direct : ChartLayout(chart: chart, width: width, direct: false)
    }

    /// Each line's end, for its label: the last finite point.
    var lineEnds: [(name: String, x: Double, y: Double)] {
        data.series.compactMap { series in
            guard let last = series.values.lastIndex(where: \.isFinite) else { return nil }
            return (series.name, xPosition(last), yPosition(series.values[last]))
        }
    }

    private var directLabelsFit: Bool {
        let ends = lineEnds.map(\.y).sorted()
        return ends.count == data.series.count && zip(ends, ends.dropFirst()).allSatisfy { $1 - $0 >= 14 }
    }

    /// The layout in the order it is decided: the data in the unit shown, the y range, the margins
    /// (legend or direct labels), the y axis, then the x axis across what is left.
    private init(chart: ChartRenderer, width: Double, direct: Bool) {
        let (data, display) = Self.inDisplayUnits(chart.data)
        let (low, high) = Self.yRange(data)
        let height = Double(data.height)
        let margins = Self.margins(chart, data, width: width, direct: direct)
        let plotHeight = height - margins.top - margins.bottom
        let yTicks = data.logarithmic ? LogScale.ticks(low: low, high: high)
            : NiceTicks(low: low, high: high, maximumCount: max(3, Int(plotHeight / 36))).values
        // A linear axis's ticks share one unit and suffix; a logarithmic one spans magnitudes.
        let reference = data.logarithmic ? nil : yTicks.map(abs).max().map { $0 * display.factor }
        let yTickLabel = { (value: Double) in
            TickLabel.text(value * display.factor, unit: display, reference: reference)
        }
        let left = 16 + (yTicks.map { Double(yTickLabel($0).count) }.max() ?? 3) * ChartRenderer.characterWidth
        let plotWidth = max(80, width - left - margins.right)   // huge tick labels must leave some room
        let yLow = yTicks.first ?? low, yHigh = yTicks.last ?? high
        let yRange = (margins.top + plotHeight, margins.top)
        let yPosition: (Double) -> Double = data.logarithmic
            ? { LogScale(domain: (yLow, yHigh), range: yRange)($0) }
            : { LinearScale(domain: (yLow, yHigh), range: yRange)($0) }
        let x = XAxis(data, left: left, plotWidth: plotWidth)
        self.labelsLinesDirectly = margins.direct
        self.width = width; self.data = data; self.factor = display.factor; self.display = display
        self.height = height; self.top = margins.top
        self.plotHeight = plotHeight; self.left = left; self.plotWidth = plotWidth; self.high = high
        self.yTicks = yTicks; self.yLow = yLow; self.yHigh = yHigh
        self.yTickLabel = yTickLabel; self.yPosition = yPosition
        self.count = x.count; self.isBand = x.isBand; self.band = x.band
        self.xPosition = x.position; self.xTicks = x.ticks
    }

    /// The data in the unit its values are shown in, so ticks land on round numbers of that unit.
    private static func inDisplayUnits(_ original: ChartData) -> (ChartData, ShownUnit) {
        let display = ShownUnit(covering: original.series.flatMap(\.values), dimension: original.dimension,
                                label: original.label)
        let factor = display.factor
        var data = original
        data.series = data.series.map {
            ChartData.Series(name: $0.name, values: $0.values.map { $0 / factor }, band: $0.band?.scaled(by: factor))
        }
        data.yMinimum = data.yMinimum.map { $0 / factor }
        data.rules = data.rules.map { ChartData.Rule(value: $0.value / factor, label: $0.label) }
        data.label = display.label
        return (data, display)
    }

    /// The lowest and highest value the y axis must show: stacks' totals, and rules (values the
    /// reader compares the lines with), included.
    private static func yRange(_ data: ChartData) -> (low: Double, high: Double) {
        let bands = data.series.flatMap { $0.band?.all ?? [] }
        let allValues = (data.series.flatMap(\.values) + bands + data.rules.map(\.value)).filter(\.isFinite)
        let stacked = data.kind == .stackedBar
        let stackTotals: [Double] = !stacked ? [] : (0..<(data.series.first?.values.count ?? 0)).map { i in
            data.series.reduce(0) { $0 + max(0, $1.values[i]) }
        }
        var low = min(data.yMinimum ?? 0, allValues.min() ?? 0)
        if data.logarithmic { low = max(allValues.filter { $0 > 0 }.min() ?? 1, data.yMinimum ?? 0) }
        let high = max(stacked ? (stackTotals.max() ?? 1) : (allValues.max() ?? 1), low)
        return (low, high)
    }

    /// Room above the plot (the legend's rows), below (x ticks and title) and to the right (direct
    /// labels). Direct labels only for lines over x, two to four of them, with names that leave
    /// the plot at least three quarters of the width.
    private static func margins(_ chart: ChartRenderer, _ data: ChartData, width: Double,
                                direct wanted: Bool) -> (top: Double, bottom: Double, right: Double, direct: Bool) {
        let nameWidth = Double((data.series.map(\.name.count).max() ?? 0)) * ChartRenderer.characterWidth
        let direct = wanted && [.line, .step, .area].contains(data.kind) && data.x != nil
            && (2...4).contains(data.series.count) && nameWidth + 24 <= width / 4
        let legendRows = direct ? 0 : chart.legendLayout(width: width).rows
        return (14 + Double(legendRows) * 22, 44, direct ? 16 + nameWidth + 8 : 16, direct)
    }
}

/// The x axis of a layout: timeline steps (or another series' values) on a linear scale, or one
/// band per step or category for bars.
private struct XAxis {
    let count: Int
    let isBand: Bool
    let band: Double
    let position: (Int) -> Double
    let ticks: [(Double, String)]

    init(_ data: ChartData, left: Double, plotWidth: Double) {
        let count = data.x?.count ?? data.categories.count
        let isBand = data.kind == .bar || data.kind == .stackedBar || data.x == nil
        let band = plotWidth / Double(max(1, count))
        var position: (Int) -> Double = { left + band * (Double($0) + 0.5) }
        var ticks: [(Double, String)] = []
        let xLabel = { (step: Double) in ChartRenderer.xLabel(step, dates: data.xDates) }
        if let xs = data.x, !isBand {
            let nice = ChartRenderer.xTicks(low: xs.min() ?? 0, high: xs.max() ?? 1, plotWidth: plotWidth,
                                            labels: xLabel)
            let scale = LinearScale(domain: (nice.lower, nice.upper), range: (left, left + plotWidth))
            position = { scale(xs[$0]) }
            ticks = nice.values.map { (scale($0), xLabel($0)) }.filter { !$0.1.isEmpty }
        } else if let xs = data.x {
            // A band per step: label every few so the labels do not touch (dates are ten characters).
            let longest = max(2.5, Double(xs.map { xLabel($0).count }.max() ?? 0))
            let every = max(1, Int((Double(count) * ChartRenderer.characterWidth * (longest + 1.5) / plotWidth)
                .rounded(.up)))
            ticks = stride(from: 0, to: count, by: every).map { (position($0), xLabel(xs[$0])) }
        } else {
            ticks = data.categories.enumerated().map { (position($0.offset), $0.element) }
        }
        self.count = count; self.isBand = isBand; self.band = band; self.position = position; self.ticks = ticks
    }
}
