import Markup

/// Builds SVG text with fixed number formatting (two decimals at most, no "-0"), so the same
/// chart always produces the same bytes.
struct SVGWriter {
    private(set) var text = ""

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }   // no position or size is ever infinite; never trap on one
        var rounded = (value * 100).rounded() / 100
        if rounded == 0 { rounded = 0 }
        guard Swift.abs(rounded) < 1e13 else { return String(format: "%.0f", rounded) }
        if rounded == rounded.rounded() { return String(Int64(rounded)) }
        // Two decimals at most, the last not a zero: `fraction` (1…99) is never 0 here.
        let scaled = Int64((Swift.abs(rounded) * 100).rounded())
        let (whole, fraction) = scaled.quotientAndRemainder(dividingBy: 100)
        let decimals = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return (rounded < 0 ? "-" : "") + String(whole) + "." + decimals
    }

    mutating func raw(_ markup: String) { text += markup }

    /// An element; one with a `class` also gets that class's look as attributes (`ChartStyle`).
    mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        text += "<\(name)"
        let classes = attributes.first { $0.0 == "class" }?.1
        for (key, value) in attributes + (classes.map(ChartStyle.attributes(for:)) ?? []) {
            text += " \(key)=\"\(HTMLEscaping.escape(value))\""
        }
        if let content { text += ">\(HTMLEscaping.escape(content))</\(name)>" } else { text += "/>" }
        text += "\n"
    }

    /// A `<line>` of the given classes from one point to another.
    mutating func line(_ classes: String, from start: (Double, Double), to end: (Double, Double)) {
        element("line", [("class", classes), ("x1", SVGWriter.number(start.0)), ("x2", SVGWriter.number(end.0)),
                         ("y1", SVGWriter.number(start.1)), ("y2", SVGWriter.number(end.1))])
    }

    /// A `<text>` of the given classes at a point.
    mutating func text(_ classes: String, at point: (Double, Double), _ content: String) {
        element("text", [("class", classes), ("x", SVGWriter.number(point.0)), ("y", SVGWriter.number(point.1))], content: content)
    }

    /// A `<rect>` of the given classes.
    mutating func rect(_ classes: String, x: Double, y: Double, width: Double, height: Double) {
        element("rect", [("class", classes)] + Self.box(x: x, y: y, width: width, height: height))
    }

    /// A rectangle's position and size as attributes.
    static func box(x: Double, y: Double, width: Double, height: Double) -> [(String, String)] {
        [("x", number(x)), ("y", number(y)), ("width", number(width)), ("height", number(height))]
    }
}
