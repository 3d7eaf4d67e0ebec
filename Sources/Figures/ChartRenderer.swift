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
        let fan = data.series.contains { $0.band != nil }
        var html = "<figure class=\"cm-figure\(fan ? " cm-fan" : "")\" id=\"\(HTMLEscaping.escape(id))\">\n"
        if let title = data.title { html += "<p class=\"cm-figure-title\">\(HTMLEscaping.escape(title))</p>\n" }
        let (wide, factor, shown) = svg(width: Self.width, idSuffix: "", narrow: false)
        html += wide
        html += svg(width: Self.narrowWidth, idSuffix: "-narrow", narrow: true).svg
        if let note = data.note ?? Self.bandNote(data) {
            html += "<p class=\"cm-figure-note\">\(HTMLEscaping.escape(note))</p>\n"
        }
        html += dataTable(shown, factor: factor)
        if let caption = data.caption { html += "<figcaption>\(HTMLEscaping.escape(caption))</figcaption>\n" }
        return html + "</figure>\n"
    }

    /// One layout of the chart, and the data in the unit it shows (for the table under it).
    func svg(width: Double, idSuffix: String, narrow: Bool) -> (svg: String, factor: Double, data: ChartData) {
        let layout = ChartLayout.make(chart: self, width: width)
        var svg = SVGWriter()
        let titleID = "\(id)\(idSuffix)-title", descID = "\(id)\(idSuffix)-desc"
        let classes = narrow ? "cm-chart cm-chart-narrow" : "cm-chart cm-chart-wide"
        let (widthText, heightText) = (SVGWriter.number(width), SVGWriter.number(layout.height))
        svg.raw("<svg class=\"\(classes)\" viewBox=\"0 0 \(widthText) \(heightText)\" width=\"\(widthText)\" height=\"\(heightText)\""
                + (narrow ? " display=\"none\"" : "") + " role=\"img\" aria-labelledby=\"\(titleID)\" aria-describedby=\"\(descID)\""
                + " font-family=\"\(ChartStyle.fontFamily)\" font-size=\"12\">\n")
        let data = layout.data
        svg.element("title", [("id", titleID)], content: data.title ?? "Chart of " + data.series.map(\.name).joined(separator: ", "))
        svg.element("desc", [("id", descID)], content: description(data, factor: layout.factor))
        let hatching = ChartHatching(prefix: id + idSuffix, kind: data.kind, seriesCount: data.series.count)
        hatching.writeDefinitions(into: &svg)
        drawAxes(layout, into: &svg)
        drawMarks(layout, hatching: hatching, into: &svg)
        drawRules(layout, into: &svg)
        drawAnnotations(layout, into: &svg)
        drawLegend(layout, hatching: hatching, into: &svg)
        svg.raw("</svg>\n")
        return (svg.text, layout.factor, data)
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
        guard value.isFinite else { return "—" }   // a `first(…)` never reached
        return ValueFormatter.formatScalar(value * factor, dimension: data.dimension, label: data.label, format: nil)
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
        for series in data.series {
            guard let band = series.band,
                  let last = band.p95.indices.last(where: { band.p5[$0].isFinite }) else { continue }
            let at = data.x == nil ? (data.categories.indices.contains(last) ? " (\(data.categories[last]))" : "")
                : " at \(Self.xLabel(data.x![last], dates: data.xDates)) \(data.xUnitName)"
            sentences.append("\(series.name.isEmpty ? "It" : series.name) is uncertain: in 90% of the samples it lies "
                             + "between \(format(band.p5[last])) and \(format(band.p95[last]))\(at).")
        }
        if let note = data.note { sentences.append(note) }
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
        var html = "<details class=\"cm-data\"><summary>Data</summary>\n"
            + "<div class=\"cm-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Data: "
            + HTMLEscaping.escape(data.title ?? "chart of " + data.series.map(\.name).joined(separator: ", "))
            + "\">\n<table>\n<thead><tr><th scope=\"col\">\(HTMLEscaping.escape(data.x == nil || data.xUnitName.isEmpty ? "Point" : data.xUnitName))</th>"
        for series in data.series {
            html += "<th scope=\"col\">\(HTMLEscaping.escape(series.name.isEmpty ? "Value" : series.name))"
                + "\(series.band == nil ? "" : " (median)")</th>"
            if series.band != nil {
                html += "<th scope=\"col\">\(HTMLEscaping.escape(series.name.isEmpty ? "" : series.name + ", "))"
                    + "90% interval</th>"
            }
        }
        html += "</tr></thead>\n<tbody>\n"
        let count = data.x?.count ?? data.categories.count
        for row in 0..<count {
            let heading = data.x.map { Self.xLabel($0[row], dates: data.xDates) } ?? data.categories[row]
            html += "<tr><th scope=\"row\">\(HTMLEscaping.escape(heading))</th>"
            for series in data.series {
                html += "<td>\(HTMLEscaping.escape(format(series.values[row])))</td>"
                if let band = series.band {
                    html += "<td>\(HTMLEscaping.escape(format(band.p5[row]) + "–" + format(band.p95[row])))</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n</details>\n"
    }
}
