/// Hatching for the bars and areas of series 2 and on, so they stay apart where colour does
/// not: on paper printed in black and white, and for readers who cannot tell the colours
/// apart. Lines already differ by their dashes; a filled shape gets stripes at an angle of its
/// own (series 2 rising, 3 falling, 4 level, 5 upright, 6 crossed; series 1 stays plain).
///
/// Each SVG defines the patterns it uses in its own `<defs>`, so a chart stays whole on its own
/// (a feed, an e-mail). Their ids start with the chart's id and layout (`figure-2-narrow-hatch-3`),
/// which the page keeps unique, so two charts on a page never fill from each other's patterns;
/// should two feed entries share an id, their patterns are the same anyway.
struct ChartHatching {
    /// The chart's id and layout suffix: `figure-2`, `figure-2-narrow`.
    let prefix: String
    let kind: ChartData.Kind
    let seriesCount: Int

    /// Stripes for series 2 to 6 (series 7 and on repeat the palette's cycle): a stripe drawn
    /// upright and turned by `angle` degrees, crossed by a second at right angles.
    private static let stripes: [(angle: Double, crossed: Bool)?] = [nil, (45, false), (-45, false), (90, false),
                                                                      (0, false), (45, true)]
    private static let spacing = 6.0

    /// Bars are striped with the page's background (the stripes cut through the colour);
    /// areas, already a pale tint, with their own colour.
    private var knocksOut: Bool { kind != .area }

    /// The pattern filling series `index` (0-based), or nil when it is not hatched.
    func patternID(series index: Int) -> String? {
        guard [.bar, .stackedBar, .area].contains(kind), seriesCount > 1 else { return nil }
        let slot = index % Self.stripes.count
        return Self.stripes[slot] == nil ? nil : "\(prefix)-hatch-\(slot + 1)"
    }

    /// `<defs>` with one pattern per hatched series of the chart; nothing for lines and dots.
    func writeDefinitions(into svg: inout SVGWriter) {
        let used = (0..<min(seriesCount, Self.stripes.count)).compactMap { index in
            patternID(series: index).map { (index, $0) }
        }
        guard !used.isEmpty else { return }
        let (size, middle) = (Self.spacing, Self.spacing / 2)
        svg.raw("<defs>\n")
        for (index, id) in used {
            guard let stripe = Self.stripes[index] else { continue }
            let side = SVGWriter.number(size)
            svg.raw("<pattern id=\"\(id)\" width=\"\(side)\" height=\"\(side)\" patternUnits=\"userSpaceOnUse\""
                    + " patternTransform=\"rotate(\(SVGWriter.number(stripe.angle)))\">\n")
            // Stripes through the middle of the tile, so none is cut in half at its edge.
            let style = knocksOut ? "hatch-line knockout" : "hatch-line s\(index + 1)"
            svg.line(style, from: (middle, 0), to: (middle, size))
            if stripe.crossed { svg.line(style, from: (0, middle), to: (size, middle)) }
            svg.raw("</pattern>\n")
        }
        svg.raw("</defs>\n")
    }

    /// The stripes over a mark of series `index`: the same shape again, filled with its pattern.
    func overlay(series index: Int, _ element: String, _ geometry: [(String, String)], into svg: inout SVGWriter) {
        guard let id = patternID(series: index) else { return }
        svg.element(element, [("class", "hatch")] + geometry + [("fill", "url(#\(id))")])
    }
}
