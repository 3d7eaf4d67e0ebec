import Runtime

/// How uncertain series are drawn: a fan around the median line (the middle 90% of the samples
/// lightly shaded, the middle 50% darker), or error bars from the 5th to the 95th percentile on
/// a bar. Painted before the series' own marks, so the median line stays on top.
extension ChartRenderer {
    func drawBand(_ band: ChartData.Band, style: String, _ layout: ChartLayout, into svg: inout SVGWriter) {
        if layout.data.x == nil {
            drawErrorBars(band, style: style, layout, into: &svg)
            return
        }
        for (low, high, inner) in [(band.p5, band.p95, false), (band.p25, band.p75, true)] {
            let lower = low.enumerated().map { (layout.xPosition($0.offset), layout.yPosition($0.element)) }
            let upper = high.enumerated().map { (layout.xPosition($0.offset), layout.yPosition($0.element)) }
            for (bottom, top) in zip(Self.finiteRuns(lower), Self.finiteRuns(upper)) where bottom.count == top.count {
                var path = "M"
                path.reserveCapacity(16 * (top.count + bottom.count))
                for (index, point) in (top + bottom.reversed()).enumerated() {
                    path += index == 0 ? "" : " L"
                    path += SVGWriter.number(point.0)
                    path += " "
                    path += SVGWriter.number(point.1)
                }
                path += " Z"
                svg.element("path", [("class", "band\(inner ? " inner" : "") \(style)"), ("d", path)])
            }
        }
    }

    /// A whisker per bar from its 5th to its 95th percentile, with caps.
    private func drawErrorBars(_ band: ChartData.Band, style: String, _ layout: ChartLayout,
                               into svg: inout SVGWriter) {
        for (index, (low, high)) in zip(band.p5, band.p95).enumerated() where low.isFinite && high.isFinite {
            let x = layout.left + layout.band * (Double(index) + 0.5)
            let (top, bottom) = (layout.yPosition(high), layout.yPosition(low))
            svg.line("errorbar", from: (x, top), to: (x, bottom))
            for y in [top, bottom] { svg.line("errorbar", from: (x - 6, y), to: (x + 6, y)) }
        }
    }

    /// The note under a chart with bands, saying what the shading means.
    static func bandNote(_ data: ChartData) -> String? {
        guard data.series.contains(where: { $0.band != nil }) else { return nil }
        let samples = data.samples.map { " of \(ValueFormatter.fixed(Double($0), decimals: 0)) simulations" } ?? ""
        if data.x == nil {
            return "Bars show medians; whiskers run from the 5th to the 95th percentile\(samples)."
        }
        return "Lines show medians; the shading holds the middle 50% (darker) and 90% (lighter)\(samples)."
    }
}
