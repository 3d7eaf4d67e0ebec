import Markup
import Runtime

/// The drawing passes of one chart layout, in the order they paint.
extension ChartRenderer {
    /// The grid, the y ticks, the x axis and its ticks, and the axis titles.
    func drawAxes(_ layout: ChartLayout, into svg: inout SVGWriter) {
        let data = layout.data
        for tick in layout.yTicks {
            let y = layout.yPosition(tick)
            svg.line("grid", from: (layout.left, y), to: (layout.right, y))
            svg.text("tick y", at: (layout.left - 6, y + 4), layout.yTickLabel(tick))
        }
        svg.line("axis", from: (layout.left, layout.bottom), to: (layout.right, layout.bottom))
        for (x, label) in layout.xTicks {
            svg.text("tick x", at: (x, layout.bottom + 16), label)
        }
        if data.x != nil {
            svg.text("axis-title", at: (layout.left + layout.plotWidth / 2, layout.height - 8), data.xUnitName)
        }
        if let yTitle = data.yLabel ?? TickLabel.axisUnit(layout.display) {
            svg.text("axis-title y", at: (layout.left, layout.top - 6), yTitle)
        }
    }

    /// Each series as its kind of chart draws it. A value that is not there (a `first(…)` never
    /// reached) is a gap: lines break around it and no bar or dot is drawn for it. Bars and areas
    /// of series 2 and on are hatched as well as coloured (`ChartHatching`).
    func drawMarks(_ layout: ChartLayout, hatching: ChartHatching, into svg: inout SVGWriter) {
        let data = layout.data
        let baseline = layout.yPosition(data.logarithmic ? layout.yLow : max(layout.yLow, min(0, layout.yHigh)))
        var stackBase = [Double](repeating: 0, count: layout.count)
        for (index, series) in data.series.enumerated() {
            let style = "s\(index % Self.seriesClasses + 1)"
            let points = series.values.enumerated().map { (layout.xPosition($0.offset), layout.yPosition($0.element)) }
            let runs = Self.finiteRuns(points)
            if let band = series.band, data.x != nil { drawBand(band, style: style, layout, into: &svg) }
            defer { if let band = series.band, data.x == nil { drawBand(band, style: style, layout, into: &svg) } }
            switch data.kind {
            case .line:
                for run in runs {
                    svg.element("polyline", [("class", "line \(style)"), ("points", Self.pointList(run))])
                }
            case .step:
                for run in runs { svg.element("path", [("class", "line \(style)"), ("d", Self.stepPath(run))]) }
            case .area:
                for run in runs {
                    let shape = [("d", Self.areaPath(run, baseline: baseline))]
                    svg.element("path", [("class", "area \(style)")] + shape)
                    hatching.overlay(series: index, "path", shape, into: &svg)
                    svg.element("polyline", [("class", "line \(style)"), ("points", Self.pointList(run))])
                }
            case .scatter:
                for point in runs.joined() {
                    svg.element("circle", [("class", "dot \(style)"), ("cx", SVGWriter.number(point.0)),
                                           ("cy", SVGWriter.number(point.1)), ("r", "3")])
                }
            case .bar:
                let width = layout.band * 0.8 / Double(data.series.count)
                for (i, value) in series.values.enumerated() where value.isFinite {
                    let x = layout.left + layout.band * Double(i) + layout.band * 0.1 + width * Double(index)
                    let y = layout.yPosition(value)
                    let box = SVGWriter.box(x: x, y: min(y, baseline), width: max(1, width - 1),
                                            height: abs(baseline - y))
                    svg.element("rect", [("class", "bar \(style)")] + box)
                    hatching.overlay(series: index, "rect", box, into: &svg)
                }
            case .stackedBar:
                let width = layout.band * 0.7
                for (i, value) in series.values.enumerated() where value.isFinite {
                    let bottomY = layout.yPosition(stackBase[i]), topY = layout.yPosition(stackBase[i] + max(0, value))
                    stackBase[i] += max(0, value)
                    let box = SVGWriter.box(x: layout.left + layout.band * Double(i) + layout.band * 0.15, y: topY,
                                            width: width, height: max(0, bottomY - topY))
                    svg.element("rect", [("class", "bar \(style)")] + box)
                    hatching.overlay(series: index, "rect", box, into: &svg)
                }
            }
        }
    }

    /// The stretches of consecutive points that have a value; one stretch when none is missing.
    static func finiteRuns(_ points: [(Double, Double)]) -> [[(Double, Double)]] {
        var runs: [[(Double, Double)]] = [[]]
        for point in points {
            if point.0.isFinite && point.1.isFinite {
                runs[runs.count - 1].append(point)
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// A step line: across to each point's x, then up or down to its value.
    static func stepPath(_ points: [(Double, Double)]) -> String {
        var path = ""
        for (i, point) in points.enumerated() {
            path += i == 0 ? "M\(SVGWriter.number(point.0)) \(SVGWriter.number(point.1))"
                : " H\(SVGWriter.number(point.0)) V\(SVGWriter.number(point.1))"
        }
        return path
    }

    /// The shape under a line, down to the baseline.
    static func areaPath(_ points: [(Double, Double)], baseline: Double) -> String {
        guard let first = points.first, let last = points.last else { return "" }
        let line = points.map { "\(SVGWriter.number($0.0)) \(SVGWriter.number($0.1))" }.joined(separator: " L")
        return "M\(SVGWriter.number(first.0)) \(SVGWriter.number(baseline)) L\(line) L\(SVGWriter.number(last.0)) "
            + "\(SVGWriter.number(baseline)) Z"
    }

    /// Rules at named values.
    func drawRules(_ layout: ChartLayout, into svg: inout SVGWriter) {
        let data = layout.data
        // Rules: a long-dashed line across the plot at a named value, labelled at the end where
        // no series passes close to it, so the label never sits on a line.
        for rule in data.rules {
            let y = layout.yPosition(rule.value)
            svg.line("rule", from: (layout.left, y), to: (layout.right, y))
            let labelWidth = Double(rule.label.count) * Self.characterWidth + 8
            let rightEnd = layout.right
            let atLeft = Self.clearance(layout, layout.left...layout.left + labelWidth, y: y - 9)
                > Self.clearance(layout, rightEnd - labelWidth...rightEnd, y: y - 9)
            svg.element("text", [("class", "rule-label\(atLeft ? " start" : "")"),
                                 ("x", SVGWriter.number(atLeft ? layout.left + 4 : rightEnd - 4)), ("y", SVGWriter.number(y - 5))],
                        content: rule.label)
        }
    }

    /// Marked moments on the timeline.
    func drawAnnotations(_ layout: ChartLayout, into svg: inout SVGWriter) {
        let data = layout.data
        // Annotations: a dashed rule with its label.
        for annotation in data.annotations {
            guard let xs = data.x, let first = xs.first, let last = xs.last, annotation.x >= first, annotation.x <= last else { continue }
            let x: Double
            if layout.isBand {
                x = layout.left + layout.band * ((annotation.x - first) + 0.5)
            } else {
                let ticks = Self.xTicks(low: first, high: last, plotWidth: layout.plotWidth, labels: { TickLabel.compact($0) })
                x = LinearScale(domain: (ticks.lower, ticks.upper), range: (layout.left, layout.right))(annotation.x)
            }
            svg.line("annotation", from: (x, layout.top), to: (x, layout.bottom))
            let anchorEnd = x > layout.left + layout.plotWidth * 0.7
            // At the top of the plot, unless a line passes there; then above the axis, if clearer.
            let width = Double(annotation.label.count) * Self.characterWidth
            let span = anchorEnd ? (x - 4 - width)...(x - 4) : (x + 4)...(x + 4 + width)
            let (high, low) = (layout.top + 12, layout.bottom - 6)
            let clearHigh = Self.clearance(layout, span, y: high - 4), clearLow = Self.clearance(layout, span, y: low - 4)
            let y = clearHigh >= 10 || clearHigh >= clearLow ? high : low
            svg.text("annotation-label\(anchorEnd ? " end" : "")", at: (x + (anchorEnd ? -4 : 4), y), annotation.label)
        }
    }

    /// The legend, when there is more than one series.
    func drawLegend(_ layout: ChartLayout, hatching: ChartHatching, into svg: inout SVGWriter) {
        let data = layout.data
        if layout.labelsLinesDirectly {
            // Each name just right of its line's end, where the eye already is.
            for end in layout.lineEnds { svg.text("legend direct", at: (end.x + 6, end.y + 4), end.name) }
            return
        }
        // Legend: each series drawn small as its marks are (colour, and a line's dashes or a
        // shape's stripes); items wrap onto more rows when the layout is narrow.
        let isLine = [.line, .step].contains(data.kind)
        for (index, (series, (x, row))) in zip(data.series, legendLayout(width: layout.width).places).enumerated() {
            let style = "s\(index % Self.seriesClasses + 1)"
            let y = 22.0 * Double(row)
            if isLine {
                svg.line("line \(style)", from: (x, y + 10), to: (x + 22, y + 10))
            } else {
                let box = SVGWriter.box(x: x, y: y + 4, width: 12, height: 12)
                // An area's sample is a pale square under its line, as the area is.
                svg.element("rect", [("class", "\(data.kind == .area ? "area" : "swatch") \(style)")] + box)
                hatching.overlay(series: index, "rect", box, into: &svg)
                if data.kind == .area { svg.line("line \(style)", from: (x, y + 4), to: (x + 12, y + 4)) }
            }
            svg.text("legend", at: (x + (isLine ? 26 : 16), y + 14), series.name)
        }
    }

    /// How far, vertically, the nearest series passes from a label centred at `y` over the x
    /// span `span` (the lines between points included): labels go where this is large.
    static func clearance(_ layout: ChartLayout, _ span: ClosedRange<Double>, y: Double) -> Double {
        var nearest = Double.infinity
        for series in layout.data.series {
            let points = series.values.indices.map { (layout.xPosition($0), layout.yPosition(series.values[$0])) }
                .filter { $0.0.isFinite && $0.1.isFinite }.sorted { $0.0 < $1.0 }
            for x in stride(from: span.lowerBound, through: span.upperBound, by: max(1, (span.upperBound - span.lowerBound) / 8)) {
                guard let after = points.firstIndex(where: { $0.0 >= x }) else { continue }
                let b = points[after], a = after > 0 ? points[after - 1] : b
                let lineY = b.0 == a.0 ? b.1 : a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0)
                nearest = min(nearest, abs(lineY - y))
            }
            for point in points where span.contains(point.0) { nearest = min(nearest, abs(point.1 - y)) }
        }
        return nearest
    }

    /// `x,y x,y …` for a polyline.
    static func pointList(_ points: [(Double, Double)]) -> String {
        points.map { "\(SVGWriter.number($0.0)),\(SVGWriter.number($0.1))" }.joined(separator: " ")
    }
}
