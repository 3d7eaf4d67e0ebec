import Markup

/// Builds SVG text with fixed number formatting (two decimals at most, no "-0"), so the same
/// chart always produces the same bytes.
struct SVGWriter {
    private(set) var text = ""

    static func number(_ value: Double) -> String {
        var rounded = (value * 100).rounded() / 100
        if rounded == 0 { rounded = 0 }
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format2(rounded))
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    private static func format2(_ value: Double) -> String {
        let negative = value < 0
        let scaled = Int((abs(value) * 100).rounded())
        let fraction = scaled % 100
        return (negative ? "-" : "") + "\(scaled / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    mutating func raw(_ markup: String) { text += markup }

    mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        text += "<\(name)"
        for (key, value) in attributes { text += " \(key)=\"\(HTMLEscaping.escape(value))\"" }
        if let content { text += ">\(HTMLEscaping.escape(content))</\(name)>" } else { text += "/>" }
        text += "\n"
    }
}
