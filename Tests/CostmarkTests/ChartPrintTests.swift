import Foundation
@testable import Figures
import Runtime
import Semantics
@testable import Theme
import Testing

/// Charts on paper: bars and areas of series 2 and on are hatched as well as coloured, with
/// patterns each SVG defines for itself; the print stylesheet keeps figures whole and light.
@Suite struct ChartPrintTests {
    static func chart(_ kind: ChartData.Kind, series: Int, id: String = "chart") -> String {
        let dollars = UnitTable.builtIn.unit(named: "$")!
        let data = ChartData(kind: kind, title: nil, caption: nil, yLabel: nil, yMinimum: nil, logarithmic: false,
                             height: 240, x: [0, 1, 2, 3], xUnitName: "months", categories: [],
                             series: (0..<series).map { .init(name: "s\($0)", values: [1, 2, 3, 4].map { $0 * 10 }) },
                             dimension: .currency("USD"), label: UnitLabel(dollars), annotations: [])
        return ChartRenderer(data: data, id: id).html()
    }

    /// Each `<svg>…</svg>` of some HTML.
    static func svgs(_ html: String) -> [Substring] {
        var found: [Substring] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest[start.lowerBound...].range(of: "</svg>") {
            found.append(rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
        }
        return found
    }

    static func matches(_ text: Substring, _ pattern: Regex<(Substring, Substring)>) -> [String] {
        text.matches(of: pattern).map { String($0.output.1) }
    }

    @Test(arguments: [ChartData.Kind.bar, .stackedBar, .area])
    func filledSeriesAfterTheFirstAreHatched(_ kind: ChartData.Kind) throws {
        let html = Self.chart(kind, series: 7)
        let layouts = Self.svgs(html)
        #expect(layouts.count == 2)
        for (svg, prefix) in zip(layouts, ["chart", "chart-narrow"]) {
            let defined = Self.matches(svg, /<pattern id="([^"]+)"/)
            #expect(defined == (2...6).map { "\(prefix)-hatch-\($0)" },
                    "series 2 to 6 each have a pattern; 1 and 7 none")
            // Every fill from a pattern names one this SVG defines: it stands alone.
            let used = Set(Self.matches(svg, /fill="url\(#([^)]+)\)"/))
            #expect(used == Set(defined))
            let marks = kind == .area ? "class=\"area s" : "class=\"bar s"
            let hatched = svg.components(separatedBy: "class=\"hatch\"").count - 1
            let perSeries = kind == .area ? 1 : 4
            // Five hatched series: their marks and their legend samples.
            #expect(hatched == 5 * perSeries + 5, "\(svg.components(separatedBy: marks).count - 1) marks")
        }
    }

    @Test func barsAreStripedInThePagesColourAreasInTheirOwn() {
        let stripe = "x1=\"3\" x2=\"3\" y1=\"0\" y2=\"6\""
        #expect(Self.chart(.bar, series: 2).contains(
            "<line class=\"hatch-line knockout\" \(stripe) stroke=\"#fdfdfc\" stroke-width=\"2\"/>"))
        #expect(Self.chart(.area, series: 2).contains(
            "<line class=\"hatch-line s2\" \(stripe) stroke=\"#d55e00\" stroke-width=\"1.5\"/>"))
    }

    /// Lines have dashes, dots and a single series need nothing: no patterns at all.
    @Test func linesDotsAndSingleSeriesHaveNoPatterns() {
        for (kind, series) in [(ChartData.Kind.line, 3), (.step, 3), (.scatter, 3), (.bar, 1), (.area, 1)] {
            #expect(!Self.chart(kind, series: series).contains("<pattern"), "\(kind) with \(series)")
        }
    }

    /// Two charts on one page never fill from each other's patterns: every id is unique.
    @Test func twoChartsOnAPageKeepTheirOwnPatterns() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        ```chart
        type: bar
        y: [a, b, c]
        ```

        ```chart
        type: stacked bar
        y: [c, b, a]
        ```

        ```scenario
        timeline = 0..3 months
        a = $10 * t / 1 month
        b = $5
        c = $2 * t / 1 month
        ```
        """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let page = try site.output("a/index.html")
        let ids = Self.matches(page[...], /id="([^"]+)"/)
        #expect(ids.count == Set(ids).count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
        let svgs = Self.svgs(page)
        #expect(svgs.count == 4)
        for svg in svgs {
            let defined = Set(Self.matches(svg, /<pattern id="([^"]+)"/))
            #expect(defined.count == 2 && Set(Self.matches(svg, /fill="url\(#([^)]+)\)"/)) == defined)
        }
    }

    /// The print stylesheet: figures, tables and what-if blocks are not split across pages; the
    /// dark palette is for screens only, so paper gets the light one; bars' stripes follow the
    /// page's colour on screen.
    @Test func printKeepsFiguresWholeAndLight() throws {
        let css = DefaultTheme.stylesheet
        let blocks = css.ranges(of: "@media print {").map { start in
            css[start.upperBound..<(css[start.upperBound...].range(of: "\n}\n")?.lowerBound ?? css.endIndex)]
        }
        let print = try #require(blocks.first { $0.contains("break-inside") })
        for selector in [".cm-figure", ".cm-table-wrap", "table", "svg.cm-chart"] {
            #expect(print.contains(selector), "\(selector) may split across printed pages")
        }
        #expect(print.contains("break-inside: avoid"))
        #expect(css.contains("@media print {\n  :root { color-scheme: light; }"))
        let dark = css.ranges(of: "(prefers-color-scheme: dark)")
        #expect(dark.count >= 2)
        for range in dark {
            #expect(css[..<range.lowerBound].hasSuffix("@media screen and "), "a dark palette also applies in print")
        }
        #expect(css.contains(".cm-chart .hatch-line.knockout { stroke: var(--bg); }"))
    }
}
