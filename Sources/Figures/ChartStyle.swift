/// The look of each part of a chart, written on the SVG elements themselves as presentation
/// attributes, so a chart shown without the site's stylesheet (a feed reader, an e-mail, a
/// chart saved on its own) keeps its colours, line patterns and type. The theme's stylesheet
/// still wins where it has a rule (CSS beats presentation attributes): that is how dark mode
/// recolours the same SVG.
enum ChartStyle {
    /// The light theme's colours (the stylesheet's `--series-N`, `--fg`, `--muted`, `--rule`):
    /// the Okabe–Ito palette, which colour-blind readers can tell apart.
    static let series = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9"]
    static let foreground = "#1d1f21"
    static let muted = "#5c6166"
    static let rule = "#d9dcdf"
    static let background = "#fdfdfc"
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

    /// Series 2 and 3 are dashed and dotted, in the lines and in their legend samples alike.
    static func dashes(series index: Int) -> String? {
        switch index % series.count {
        case 1: return "6 3"
        case 2: return "2 3"
        default: return nil
        }
    }

    /// Presentation attributes for an element of the given classes (`line s2`, `tick y`, …).
    static func attributes(for classes: String) -> [(String, String)] {
        let parts = classes.split(separator: " ").map(String.init)
        guard let kind = parts.first else { return [] }
        let seriesIndex = parts.dropFirst().first { $0.hasPrefix("s") }.flatMap { Int($0.dropFirst()) }.map { $0 - 1 }
        let colour = seriesIndex.map { series[$0 % series.count] } ?? foreground
        switch kind {
        case "grid": return [("stroke", rule), ("stroke-width", "1")]
        case "axis": return [("stroke", muted), ("stroke-width", "1")]
        case "tick", "axis-title":
            let anchor = parts.contains("y") ? (kind == "tick" ? "end" : "start") : "middle"
            return [("fill", muted), ("text-anchor", anchor)]
        case "line":
            var style = [("fill", "none"), ("stroke", colour), ("stroke-width", "2.5"), ("stroke-linejoin", "round")]
            if let index = seriesIndex, let dashes = dashes(series: index) { style.append(("stroke-dasharray", dashes)) }
            return style
        case "area": return [("fill", colour), ("fill-opacity", "0.18"), ("stroke", "none")]
        case "band":
            return [("fill", colour), ("fill-opacity", parts.contains("inner") ? "0.3" : "0.15"), ("stroke", "none")]
        case "errorbar": return [("stroke", foreground), ("stroke-width", "1.5"), ("fill", "none")]
        case "dot", "bar", "swatch": return [("fill", colour), ("stroke", "none")]
        case "hatch-line":   // stripes of a bar (the page's colour) or of an area (its own)
            return seriesIndex == nil ? [("stroke", background), ("stroke-width", "2")]
                : [("stroke", colour), ("stroke-width", "1.5")]
        case "hatch": return [("stroke", "none")]
        case "annotation": return [("stroke", foreground), ("stroke-width", "1"), ("stroke-dasharray", "4 3")]
        case "annotation-label":
            return [("fill", foreground), ("font-weight", "600")] + (parts.contains("end") ? [("text-anchor", "end")] : [])
        case "legend": return [("fill", foreground)]
        case "rule": return [("stroke", foreground), ("stroke-width", "1.5"), ("stroke-dasharray", "8 4")]
        case "rule-label": return [("fill", foreground), ("font-weight", "600"), ("text-anchor", parts.contains("start") ? "start" : "end")]
        default: return []
        }
    }
}
