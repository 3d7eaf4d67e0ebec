import Foundation
import Markdown

/// Feed readers show an entry away from the site, and RSS has no `xml:base`: every relative
/// `href` and `src` in an entry's HTML is made absolute against the page's address.
enum FeedHTML {
    static func absolutize(_ html: String, pageURL: String) -> String {
        let html = withoutPhoneLayouts(html)
        guard let base = URL(string: pageURL) else { return html }
        // On UTF-8 bytes: a chart's paths hold hundreds of spaces, and testing each for an
        // attribute name as `Character`s made feeds of uncertain essays three times as slow.
        return ByteText.edited(html) { bytes in
            let starts = attributeNames.flatMap { name in
                ByteText.offsets(of: name, in: bytes).map { $0 + name.count }
            }.sorted()
            var edits: [ByteText.Edit] = []
            var position = 0
            for start in starts where start >= position {
                guard let end = ByteText.firstOffset(of: quote, in: bytes, from: start) else { break }
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                let absolute = absolute(value, base: base, pageURL: pageURL)
                if absolute != value { edits.append((start, end - start, absolute)) }
                position = end
            }
            return edits
        }
    }

    private static let quote = Array("\"".utf8)
    /// Where an attribute whose value may be a relative address begins.
    private static let attributeNames = [Array(" href=\"".utf8), Array(" src=\"".utf8)]

    /// A feed reader applies no stylesheet: of a chart's two layouts it gets the first only (the
    /// phone's is hidden by an attribute, which some readers' sanitizers drop).
    static func withoutPhoneLayouts(_ html: String) -> String {
        ByteText.edited(html) { bytes in
            var edits: [ByteText.Edit] = []
            var position = 0
            while let start = ByteText.firstOffset(of: phoneLayout, in: bytes, from: position),
                  let end = ByteText.firstOffset(of: svgEnd, in: bytes, from: start + phoneLayout.count) {
                edits.append((start, end + svgEnd.count - start, ""))
                position = end + svgEnd.count
            }
            return edits
        }
    }

    private static let phoneLayout = Array("<svg class=\"cm-chart cm-chart-narrow\"".utf8)
    private static let svgEnd = Array("</svg>\n".utf8)

    private static func absolute(_ value: String, base: URL, pageURL: String) -> String {
        // Values come HTML-escaped from cmark; `&amp;` in a query stays as it is.
        if value.isEmpty || LinkResolver.isExternal(value) { return value }
        if value.hasPrefix("#") { return pageURL + value }
        return URL(string: value, relativeTo: base)?.absoluteString ?? value
    }
}
