import DataFiles
import Diagnostics
import Markup
import Runtime
import Semantics

/// Draws a chart as inline SVG: a fixed `viewBox` that scales to the column, colours from the
/// theme's custom properties (through classes), so one SVG serves light and dark mode, a legend
/// when there is more than one series, and the data as a table for readers who cannot see it.
public struct ChartRenderer {
    public static let width = 640.0
    static let characterWidth = 7.0      // 12px UI font, average glyph
    static let seriesClasses = 6

    let data: ChartData
    let id: String

    public init(data: ChartData, id: String) {
        self.data = data
        self.id = id
    }

    /// x ticks that fit without their labels touching: at least one label-width apart.
    public static func xTicks(low: Double, high: Double, plotWidth: Double, labels: (Double) -> String) -> NiceTicks {
        var count = max(2, Int(plotWidth / 40))
        while count > 2 {
            let ticks = NiceTicks(low: low, high: high, maximumCount: count)
            let spacing = plotWidth / Double(max(1, ticks.values.count - 1))
            let widest = ticks.values.map { Double(labels($0).count) * characterWidth }.max() ?? 0
            if spacing >= widest + 8 { return ticks }
            count -= 1
        }
        return NiceTicks(low: low, high: high, maximumCount: 2)
    }

    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// An x value as its tick shows it: the step number, or the step's date (`7 Sep 2026`) when
    /// the timeline was made from dates; "" for a point between two dated steps.
    static func xLabel(_ step: Double, dates: [Int]?) -> String {
        guard let dates else { return TickLabel.compact(step) }
        let nearest = step.rounded()
        guard abs(step - nearest) < 1e-9, nearest >= 0, nearest < Double(dates.count) else { return "" }
        let (year, month, day) = CalendarDays.date(fromDays: dates[Int(nearest)])
        return "\(day) \(monthAbbreviations[month - 1]) \(year)"
    }

    /// A chart's two layouts: one for a column of desktop width, and one for a phone, drawn in a
    /// narrower box so its text stays at least 11 CSS px when the column is 360 px wide. The
    /// phone layout is hidden by an attribute, so a reader without the site's stylesheet (a feed)
    /// sees only the first; the stylesheet swaps them on narrow screens.
    public static let narrowWidth = 360.0

    public func html() -> String {
        var html = "<figure class=\"cm-figure\" id=\"\(HTMLEscaping.escape(id))\">\n"
        if let title = data.title { html += "<p class=\"cm-figure-title\">\(HTMLEscaping.escape(title))</p>\n" }
        let (wide, factor, shown) = svg(width: Self.width, idSuffix: "", narrow: false)
        html += wide
        html += svg(width: Self.narrowWidth, idSuffix: "-narrow", narrow: true).svg
        html += dataTable(shown, factor: factor)
        if let caption = data.caption { html += "<figcaption>\(HTMLEscaping.escape(caption))</figcaption>\n" }
        return html + "</figure>\n"
    }

    /// One layout of the chart, and the data in the unit it shows (for the table under it).
    func svg(width: Double, idSuffix: String, narrow: Bool) -> (svg: String, factor: Double, data: ChartData) {
        // Work in the unit the values are shown in, so ticks land on round numbers of that unit.
        let rawHigh = data.series.flatMap(\.values).filter(\.isFinite).map(abs).max() ?? 1
        let display = ValueFormatter.displayLabel(for: rawHigh, dimension: data.dimension, label: data.label)
        let factor = display.factor
        var data = self.data
        data.series = data.series.map { ChartData.Series(name: $0.name, values: $0.values.map { $0 / factor }) }
        data.yMinimum = data.yMinimum.map { $0 / factor }
        data.rules = data.rules.map { ChartData.Rule(value: $0.value / factor, label: $0.label) }
        data.label = display
        let height = Double(data.height)
        // Rules are values the reader compares the lines with: the axis reaches them.
        let allValues = (data.series.flatMap(\.values) + data.rules.map(\.value)).filter(\.isFinite)
        let stacked = data.kind == .stackedBar
        let stackTotals: [Double] = stacked ? (0..<(data.series.first?.values.count ?? 0)).map { i in data.series.reduce(0) { $0 + max(0, $1.values[i]) } } : []
        var low = min(data.yMinimum ?? 0, allValues.min() ?? 0)
        if data.logarithmic { low = max(allValues.filter { $0 > 0 }.min() ?? 1, data.yMinimum ?? 0) }
        let high = max(stacked ? (stackTotals.max() ?? 1) : (allValues.max() ?? 1), low)
        let yTickLabel = { (value: Double) in TickLabel.text(value * factor, label: display, dimension: data.dimension) }
        let legendRows = legendLayout(width: width).rows
        let legendHeight = Double(legendRows) * 22
        let top = 14 + legendHeight, bottom = 44.0, right = 16.0
        let plotHeight = height - top - bottom
        let yTicks = data.logarithmic ? LogScale.ticks(low: low, high: high)
            : NiceTicks(low: low, high: high, maximumCount: max(3, Int(plotHeight / 36))).values
        let left = 16 + (yTicks.map { Double(yTickLabel($0).count) }.max() ?? 3) * Self.characterWidth
        let plotWidth = max(80, width - left - right)   // huge tick labels must not leave no room (or a negative one)
        let yLow = yTicks.first ?? low, yHigh = yTicks.last ?? high
        let yPosition: (Double) -> Double = data.logarithmic
            ? { LogScale(domain: (yLow, yHigh), range: (top + plotHeight, top))($0) }
            : { LinearScale(domain: (yLow, yHigh), range: (top + plotHeight, top))($0) }

        // x: timeline steps, or one band per category for bars.
        let count = data.x?.count ?? data.categories.count
        let isBand = data.kind == .bar || data.kind == .stackedBar || data.x == nil
        let band = plotWidth / Double(max(1, count))
        var xPosition: (Int) -> Double = { left + band * (Double($0) + 0.5) }
        var xTicks: [(Double, String)] = []
        let xLabel = { (step: Double) in Self.xLabel(step, dates: data.xDates) }
        if let xs = data.x, !isBand {
            let ticks = Self.xTicks(low: xs.min() ?? 0, high: xs.max() ?? 1, plotWidth: plotWidth, labels: xLabel)
            let scale = LinearScale(domain: (ticks.lower, ticks.upper), range: (left, left + plotWidth))
            xPosition = { scale(xs[$0]) }
            xTicks = ticks.values.map { (scale($0), xLabel($0)) }.filter { !$0.1.isEmpty }
        } else if let xs = data.x {
            let every = max(1, Int((Double(count) * Self.characterWidth * 4 / plotWidth).rounded(.up)))
            xTicks = stride(from: 0, to: count, by: every).map { (xPosition($0), xLabel(xs[$0])) }
        } else {
            xTicks = data.categories.enumerated().map { (xPosition($0.offset), $0.element) }
        }

        var svg = SVGWriter()
        let titleID = "\(id)\(idSuffix)-title", descID = "\(id)\(idSuffix)-desc"
        let layout = narrow ? "cm-chart cm-chart-narrow" : "cm-chart cm-chart-wide"
        svg.raw("<svg class=\"\(layout)\" viewBox=\"0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))\" width=\"\(SVGWriter.number(width))\" height=\"\(SVGWriter.number(height))\"\(narrow ? " display=\"none\"" : "") role=\"img\" aria-labelledby=\"\(titleID) \(descID)\" font-family=\"\(ChartStyle.fontFamily)\" font-size=\"12\">\n")
        svg.element("title", [("id", titleID)], content: data.title ?? "Chart of " + data.series.map(\.name).joined(separator: ", "))
        svg.element("desc", [("id", descID)], content: description(data, factor: factor))

        // Grid and y axis.
        for tick in yTicks {
            let y = yPosition(tick)
            svg.element("line", [("class", "grid"), ("x1", SVGWriter.number(left)), ("x2", SVGWriter.number(left + plotWidth)),
                                 ("y1", SVGWriter.number(y)), ("y2", SVGWriter.number(y))])
            svg.element("text", [("class", "tick y"), ("x", SVGWriter.number(left - 6)), ("y", SVGWriter.number(y + 4))], content: yTickLabel(tick))
        }
        svg.element("line", [("class", "axis"), ("x1", SVGWriter.number(left)), ("x2", SVGWriter.number(left + plotWidth)),
                             ("y1", SVGWriter.number(top + plotHeight)), ("y2", SVGWriter.number(top + plotHeight))])
        for (x, label) in xTicks {
            svg.element("text", [("class", "tick x"), ("x", SVGWriter.number(x)), ("y", SVGWriter.number(top + plotHeight + 16))], content: label)
        }
        if data.x != nil {
            svg.element("text", [("class", "axis-title"), ("x", SVGWriter.number(left + plotWidth / 2)), ("y", SVGWriter.number(height - 8))],
                        content: data.xUnitName)
        }
        if let yTitle = data.yLabel ?? TickLabel.axisUnit(label: display, dimension: data.dimension, sample: high * factor) {
            svg.element("text", [("class", "axis-title y"), ("x", SVGWriter.number(left)), ("y", SVGWriter.number(top - 6))], content: yTitle)
        }

        // Marks.
        let baseline = yPosition(data.logarithmic ? yLow : max(yLow, min(0, yHigh)))
        var stackBase = [Double](repeating: 0, count: count)
        for (index, series) in data.series.enumerated() {
            let style = "s\(index % Self.seriesClasses + 1)"
            let points = series.values.enumerated().map { (xPosition($0.offset), yPosition($0.element)) }
            switch data.kind {
            case .line:
                svg.element("polyline", [("class", "line \(style)"), ("points", points.map { "\(SVGWriter.number($0.0)),\(SVGWriter.number($0.1))" }.joined(separator: " "))])
            case .step:
                var path = ""
                for (i, point) in points.enumerated() {
                    path += i == 0 ? "M\(SVGWriter.number(point.0)) \(SVGWriter.number(point.1))"
                        : " H\(SVGWriter.number(point.0)) V\(SVGWriter.number(point.1))"
                }
                svg.element("path", [("class", "line \(style)"), ("d", path)])
            case .area:
                guard let first = points.first, let last = points.last else { continue }
                let line = points.map { "\(SVGWriter.number($0.0)) \(SVGWriter.number($0.1))" }.joined(separator: " L")
                svg.element("path", [("class", "area \(style)"), ("d", "M\(SVGWriter.number(first.0)) \(SVGWriter.number(baseline)) L\(line) L\(SVGWriter.number(last.0)) \(SVGWriter.number(baseline)) Z")])
                svg.element("polyline", [("class", "line \(style)"), ("points", points.map { "\(SVGWriter.number($0.0)),\(SVGWriter.number($0.1))" }.joined(separator: " "))])
            case .scatter:
                for point in points {
                    svg.element("circle", [("class", "dot \(style)"), ("cx", SVGWriter.number(point.0)), ("cy", SVGWriter.number(point.1)), ("r", "3")])
                }
            case .bar:
                let width = band * 0.8 / Double(data.series.count)
                for (i, value) in series.values.enumerated() {
                    let x = left + band * Double(i) + band * 0.1 + width * Double(index)
                    let y = yPosition(value)
                    svg.element("rect", [("class", "bar \(style)"), ("x", SVGWriter.number(x)), ("y", SVGWriter.number(min(y, baseline))),
                                         ("width", SVGWriter.number(max(1, width - 1))), ("height", SVGWriter.number(abs(baseline - y)))])
                }
            case .stackedBar:
                let width = band * 0.7
                for (i, value) in series.values.enumerated() {
                    let bottomY = yPosition(stackBase[i]), topY = yPosition(stackBase[i] + max(0, value))
                    stackBase[i] += max(0, value)
                    svg.element("rect", [("class", "bar \(style)"), ("x", SVGWriter.number(left + band * Double(i) + band * 0.15)), ("y", SVGWriter.number(topY)),
                                         ("width", SVGWriter.number(width)), ("height", SVGWriter.number(max(0, bottomY - topY)))])
                }
            }
        }

        // Rules: a long-dashed line across the plot at a named value, labelled at the end where
        // no series passes close to it, so the label never sits on a line.
        for rule in data.rules {
            let y = yPosition(rule.value)
            svg.element("line", [("class", "rule"), ("x1", SVGWriter.number(left)), ("x2", SVGWriter.number(left + plotWidth)),
                                 ("y1", SVGWriter.number(y)), ("y2", SVGWriter.number(y))])
            let labelWidth = Double(rule.label.count) * Self.characterWidth + 8
            let clearance = { (range: ClosedRange<Double>) -> Double in
                var nearest = Double.infinity
                for series in data.series {
                    for (index, value) in series.values.enumerated() where range.contains(xPosition(index)) {
                        nearest = min(nearest, abs(yPosition(value) - (y - 9)))
                    }
                }
                return nearest
            }
            let rightEnd = left + plotWidth
            let atLeft = clearance((left...left + labelWidth)) > clearance((rightEnd - labelWidth...rightEnd))
            svg.element("text", [("class", "rule-label\(atLeft ? " start" : "")"),
                                 ("x", SVGWriter.number(atLeft ? left + 4 : rightEnd - 4)), ("y", SVGWriter.number(y - 5))],
                        content: rule.label)
        }

        // Annotations: a dashed rule with its label.
        for annotation in data.annotations {
            guard let xs = data.x, let first = xs.first, let last = xs.last, annotation.x >= first, annotation.x <= last else { continue }
            let x: Double
            if isBand {
                x = left + band * ((annotation.x - first) + 0.5)
            } else {
                let ticks = Self.xTicks(low: first, high: last, plotWidth: plotWidth, labels: { TickLabel.compact($0) })
                x = LinearScale(domain: (ticks.lower, ticks.upper), range: (left, left + plotWidth))(annotation.x)
            }
            svg.element("line", [("class", "annotation"), ("x1", SVGWriter.number(x)), ("x2", SVGWriter.number(x)),
                                 ("y1", SVGWriter.number(top)), ("y2", SVGWriter.number(top + plotHeight))])
            let anchorEnd = x > left + plotWidth * 0.7
            svg.element("text", [("class", "annotation-label\(anchorEnd ? " end" : "")"), ("x", SVGWriter.number(x + (anchorEnd ? -4 : 4))),
                                 ("y", SVGWriter.number(top + 12))], content: annotation.label)
        }

        // Legend: each series' colour and, for lines, its pattern, as the marks draw them; items
        // wrap onto more rows when the layout is narrow.
        let isLine = [.line, .step].contains(data.kind)
        for (index, (series, (x, row))) in zip(data.series, legendLayout(width: width).places).enumerated() {
            let style = "s\(index % Self.seriesClasses + 1)"
            let y = 22.0 * Double(row)
            if isLine {
                svg.element("line", [("class", "line \(style)"), ("x1", SVGWriter.number(x)), ("x2", SVGWriter.number(x + 22)),
                                     ("y1", SVGWriter.number(y + 10)), ("y2", SVGWriter.number(y + 10))])
            } else {
                svg.element("rect", [("class", "swatch \(style)"), ("x", SVGWriter.number(x)), ("y", SVGWriter.number(y + 4)),
                                     ("width", "12"), ("height", "12")])
            }
            svg.element("text", [("class", "legend"), ("x", SVGWriter.number(x + (isLine ? 26 : 16))), ("y", SVGWriter.number(y + 14))],
                        content: series.name)
        }
        svg.raw("</svg>\n")
        return (svg.text, factor, data)
    }

    /// Where each legend item starts (x, row) in a layout `width` wide, and how many rows there
    /// are (none for a single series).
    func legendLayout(width: Double) -> (places: [(Double, Int)], rows: Int) {
        guard data.series.count > 1 else { return ([], 0) }
        let sample = [.line, .step].contains(data.kind) ? 22.0 : 12.0
        var places: [(Double, Int)] = []
        var (x, row) = (16.0, 0)
        for series in data.series {
            let itemWidth = sample + 4 + Double(series.name.count) * Self.characterWidth
            if x > 16, x + itemWidth > width - 8 { (x, row) = (16, row + 1) }
            places.append((x, row))
            x += itemWidth + 18
        }
        return (places, row + 1)
    }

    /// A value (in display units) as the page prints it.
    private func format(_ value: Double, _ data: ChartData, _ factor: Double) -> String {
        ValueFormatter.formatScalar(value * factor, dimension: data.dimension, label: data.label, format: nil)
    }

    /// One sentence a screen reader can use instead of the picture.
    func description(_ data: ChartData, factor: Double) -> String {
        let format = { (value: Double) in self.format(value, data, factor) }
        var sentences: [String] = []
        let kind = data.kind.rawValue
        if let xs = data.x, let first = xs.first, let last = xs.last {
            sentences.append("\(kind.prefix(1).uppercased() + kind.dropFirst()) chart over \(Self.xLabel(first, dates: data.xDates)) to \(Self.xLabel(last, dates: data.xDates)) \(data.xUnitName).")
        } else {
            sentences.append("Bar chart of \(data.categories.joined(separator: ", ")).")
        }
        for series in data.series {
            let finite = series.values.filter(\.isFinite)
            guard let low = finite.min(), let high = finite.max(), let last = finite.last else { continue }
            if data.x == nil {
                sentences.append((series.name.isEmpty ? "" : "\(series.name): ")
                                 + zip(data.categories, series.values).map { "\($0) \(format($1))" }.joined(separator: ", ") + ".")
            } else if low == high {
                sentences.append("\(series.name) stays at \(format(low)).")
            } else {
                sentences.append("\(series.name) ranges from \(format(low)) to \(format(high)), ending at \(format(last)).")
            }
        }
        if let xs = data.x { sentences += crossings(data, xs: xs) }
        for rule in data.rules {
            sentences.append("\(rule.label) is marked at \(format(rule.value)).")
        }
        for annotation in data.annotations {
            sentences.append("Marked: \(annotation.label) at \(TickLabel.compact(annotation.x)) \(data.xUnitName).")
        }
        return sentences.joined(separator: " ")
    }

    /// Where one series first passes another, or a rule: what a sighted reader looks for first.
    func crossings(_ data: ChartData, xs: [Double]) -> [String] {
        let at = { (index: Int) in
            data.xDates == nil ? "\(TickLabel.compact(xs[index])) \(data.xUnitName)" : Self.xLabel(xs[index], dates: data.xDates)
        }
        var sentences: [String] = []
        var others = data.series.map { ($0.name, $0.values) }
        others += data.rules.map { ($0.label, Array(repeating: $0.value, count: xs.count)) }
        for (index, series) in data.series.enumerated() {
            for (name, values) in others.dropFirst(index + 1) {
                let steps = Swift.min(series.values.count, values.count)
                guard steps > 1 else { continue }
                let start = series.values[0] - values[0]
                guard start != 0, let crossing = (1..<steps).first(where: { (series.values[$0] - values[$0]) * start <= 0 }) else { continue }
                let verb = series.values[crossing] == values[crossing] ? "reaches" : start < 0 ? "rises past" : "falls below"
                sentences.append("\(series.name) \(verb) \(name) at \(at(crossing)).")
            }
        }
        return sentences
    }

    /// The numbers behind the chart, folded away under it.
    func dataTable(_ data: ChartData, factor: Double) -> String {
        let format = { (value: Double) in self.format(value, data, factor) }
        var html = "<details class=\"cm-data\"><summary>Data</summary>\n<table>\n<thead><tr><th scope=\"col\">\(HTMLEscaping.escape(data.x == nil ? "" : data.xUnitName))</th>"
        for series in data.series { html += "<th scope=\"col\">\(HTMLEscaping.escape(series.name))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        let count = data.x?.count ?? data.categories.count
        for row in 0..<count {
            let heading = data.x.map { Self.xLabel($0[row], dates: data.xDates) } ?? data.categories[row]
            html += "<tr><th scope=\"row\">\(HTMLEscaping.escape(heading))</th>"
            for series in data.series { html += "<td>\(HTMLEscaping.escape(format(series.values[row])))</td>" }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</details>\n"
    }
}
