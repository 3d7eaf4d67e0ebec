import Foundation

/// Feed readers show an entry away from the site, and RSS has no `xml:base`: every relative
/// `href` and `src` in an entry's HTML is made absolute against the page's address.
enum FeedHTML {
    static func absolutize(_ html: String, pageURL: String) -> String {
        let html = withoutPhoneLayouts(html)
        guard let base = URL(string: pageURL) else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var rest = Substring(html)
        while let match = nextAttribute(in: rest) {
            out += rest[..<match.valueStart]
            let value = String(rest[match.valueStart..<match.valueEnd])
            out += absolute(value, base: base, pageURL: pageURL)
            rest = rest[match.valueEnd...]
        }
        out += rest
        return out
    }

    /// A feed reader applies no stylesheet: of a chart's two layouts it gets the first only (the
    /// phone's is hidden by an attribute, which some readers' sanitizers drop).
    static func withoutPhoneLayouts(_ html: String) -> String {
        guard html.contains("<svg class=\"cm-chart cm-chart-narrow\"") else { return html }
        var out = ""
        var rest = Substring(html)
        while let start = rest.range(of: "<svg class=\"cm-chart cm-chart-narrow\""),
              let end = rest[start.upperBound...].range(of: "</svg>\n") {
            out += rest[..<start.lowerBound]
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    /// The next ` href="…"` or ` src="…"` value's bounds.
    private static func nextAttribute(in text: Substring) -> (valueStart: String.Index, valueEnd: String.Index)? {
        var search = text.startIndex
        while let space = text[search...].firstIndex(of: " ") {
            let after = text.index(after: space)
            for name in ["href=\"", "src=\""] where text[after...].hasPrefix(name) {
                let start = text.index(after, offsetBy: name.count)
                guard let end = text[start...].firstIndex(of: "\"") else { return nil }
                return (start, end)
            }
            search = after
        }
        return nil
    }

    private static func absolute(_ value: String, base: URL, pageURL: String) -> String {
        // Values come HTML-escaped from cmark; `&amp;` in a query stays as it is.
        if value.isEmpty || LinkResolver.isExternal(value) { return value }
        if value.hasPrefix("#") { return pageURL + value }
        return URL(string: value, relativeTo: base)?.absoluteString ?? value
    }
}
