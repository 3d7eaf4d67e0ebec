import Markup
import Runtime
import Semantics

/// Draws a tornado: one horizontal bar per uncertain input, from the output with that input at
/// its 5th percentile to the output with it at its 95th, around the output with every input at
/// its median (a dashed line). Largest swing on top. Like every chart, it carries its own
/// presentation (`ChartStyle`) and has a phone layout the stylesheet swaps in; the numbers are
/// also a table with header cells.
struct TornadoChart {
    let output: String
    let sensitivity: Sensitivity
    let title: String?
    let caption: String?
    let id: String

    static let rowHeight = 44.0
    static let barHeight = 16.0

    func html() -> String {
        var html = "<figure class=\"cm-figure cm-tornado\" id=\"\(HTMLEscaping.escape(id))\">\n"
        if let title { html += "<p class=\"cm-figure-title\">\(HTMLEscaping.escape(title))</p>\n" }
        html += svg(width: ChartRenderer.width, narrow: false)
        html += svg(width: ChartRenderer.narrowWidth, narrow: true)
        html += table()
        if let caption { html += "<figcaption>\(HTMLEscaping.escape(caption))</figcaption>\n" }
        return html + "</figure>\n"
    }

    private var baseline: Double { ShownValue(sensitivity.baseline).number ?? 0 }

    /// The output in a reader's unit, three significant digits, as prose shows estimates.
    func text(_ x: Double) -> String {
        ValueFormatter.formatEstimate(x, dimension: sensitivity.baseline.dimension, label: sensitivity.baseline.label)
    }

    /// An input's 90% range as written in the table: `$20–$50/month`.
    func inputRange(_ swing: Sensitivity.Swing) -> String {
        func ends(_ value: Value) -> Double { ShownValue(value).magnitudes.last ?? .nan }
        return ValueFormatter.formatRange(low: ends(swing.inputLow), high: ends(swing.inputHigh),
                                          dimension: swing.inputLow.dimension, label: swing.inputLow.label)
    }

    private func svg(width: Double, narrow: Bool) -> String {
        let swings = sensitivity.swings
        // Ticks in the unit the output is shown in, so they fall on round amounts of it.
        let all = (swings.flatMap { [$0.outputAtLow, $0.outputAtHigh] } + [baseline]).map { $0 / scale }
        let ticks = NiceTicks(low: all.min() ?? 0, high: all.max() ?? 1, maximumCount: narrow ? 4 : 6)
        let left = 28.0, right = width - 28
        func x(_ value: Double) -> Double {
            let span = ticks.upper - ticks.lower
            return left + (span > 0 ? (value / scale - ticks.lower) / span : 0.5) * (right - left)
        }
        let top = 48.0
        let height = top + Double(swings.count) * Self.rowHeight + 40
        let suffix = narrow ? "-narrow" : ""
        var svg = SVGWriter()
        let (w, h) = (SVGWriter.number(width), SVGWriter.number(height))
        svg.raw("<svg class=\"cm-chart \(narrow ? "cm-chart-narrow" : "cm-chart-wide")\" viewBox=\"0 0 \(w) \(h)\" "
                + "width=\"\(w)\" height=\"\(h)\"\(narrow ? " display=\"none\"" : "") role=\"img\" "
                + "aria-labelledby=\"\(id)\(suffix)-title\" aria-describedby=\"\(id)\(suffix)-desc\" "
                + "font-family=\"\(ChartStyle.fontFamily)\" "
                + "font-size=\"12\">\n")
        svg.element("title", [("id", "\(id)\(suffix)-title")], content: title ?? "What moves \(output)")
        svg.element("desc", [("id", "\(id)\(suffix)-desc")], content: description())
        legend(into: &svg, width: width)
        for (row, swing) in swings.enumerated() {
            let y = top + Double(row) * Self.rowHeight
            svg.text("legend", at: (12, y + 12), "\(swing.input) (\(inputRange(swing)))")
            let barTop = y + 18
            for (value, series) in [(swing.outputAtLow, "s1"), (swing.outputAtHigh, "s2")] {
                let (start, end) = (min(x(baseline), x(value)), max(x(baseline), x(value)))
                svg.rect("bar \(series)", x: start, y: barTop, width: max(1, end - start), height: Self.barHeight)
            }
            // The median line crosses the bars only, never an input's label.
            svg.line("rule", from: (x(baseline), barTop - 3), to: (x(baseline), barTop + Self.barHeight + 3))
        }
        let bottom = top + Double(swings.count) * Self.rowHeight
        svg.line("axis", from: (left, bottom), to: (right, bottom))
        for tick in ticks.values {
            svg.line("axis", from: (x(tick * scale), bottom), to: (x(tick * scale), bottom + 4))
            svg.text("tick", at: (x(tick * scale), bottom + 16), TickLabel.compact(tick))
        }
        svg.text("axis-title", at: ((left + right) / 2, bottom + 34), "\(output) (\(unitName))")
        svg.raw("</svg>\n")
        return svg.text
    }

    /// Ticks are in the unit the baseline is shown in.
    private var unit: ShownUnit {
        ShownUnit(magnitude: baseline, dimension: sensitivity.baseline.dimension, label: sensitivity.baseline.label)
    }

    private var scale: Double { unit.factor }

    private var unitName: String { unit.name }

    private func legend(into svg: inout SVGWriter, width: Double) {
        svg.rect("swatch s1", x: 12, y: 6, width: 12, height: 12)
        svg.text("legend", at: (30, 16), "input at its 5th percentile")
        let second = width < 500 ? 190.0 : 220.0
        svg.rect("swatch s2", x: second, y: 6, width: 12, height: 12)
        svg.text("legend", at: (second + 18, 16), "at its 95th")
        svg.line("rule", from: (12, 30), to: (24, 30))
        svg.text("legend", at: (30, 34), "every input at its median: \(text(baseline))")
    }

    /// What the chart shows, in words, for screen readers.
    func description() -> String {
        var sentences = ["Tornado chart of \(output): with every input at its median it is \(text(baseline))."]
        for swing in sensitivity.swings {
            sentences.append("\(swing.input) from its 5th to its 95th percentile moves it "
                             + "from \(text(swing.outputAtLow)) to \(text(swing.outputAtHigh)).")
        }
        return sentences.joined(separator: " ")
    }

    private func table() -> String {
        var html = "<details class=\"cm-data\"><summary>Data</summary>\n"
            + "<div class=\"cm-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Data: "
            + HTMLEscaping.escape(title ?? "what moves \(output)") + "\">\n<table>\n"
            + "<thead><tr><th scope=\"col\">Input</th>"
            + "<th scope=\"col\">5th–95th percentile</th>"
            + "<th scope=\"col\">\(HTMLEscaping.escape(output)) at the 5th</th>"
            + "<th scope=\"col\">at the 95th</th><th scope=\"col\">Swing</th></tr></thead>\n<tbody>\n"
        for swing in sensitivity.swings {
            let cells = [inputRange(swing), text(swing.outputAtLow), text(swing.outputAtHigh), text(swing.width)]
            html += "<tr><th scope=\"row\">\(HTMLEscaping.escape(swing.input))</th>"
                + cells.map { "<td>\(HTMLEscaping.escape($0))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n</details>\n"
    }
}
