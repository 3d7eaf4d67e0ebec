import Diagnostics
import Foundation
@testable import Figures
import Testing

/// Charts drawn against an input of the model (`x: {limit: 16..96 requests}`): the model is
/// evaluated again for each value, as a sweep does, and y is drawn against the input.
@Suite struct ChartAgainstInputTests {
    static let model = """
    ```scenario
    unit request
    unit instance
    timeline = 0..3 months
    limit = 64 requests
    latency = 120 ms
    throughput = limit / latency as requests/s
    peak = 2000 requests/s
    instances = ceil(peak / throughput * 1 instance, instance)
    fleet = instances + 1 instance
    spend = $100/month * t
    budget = 12 instances
    ```
    """

    /// A page whose chart block body is `chart`, before the model; the block's first body line
    /// is line 5 of the essay.
    static func page(_ chart: String) -> String {
        "-- Content/a.md --\n---\ntitle: A\n---\n```chart\n\(chart)\n```\n\n\(model)\n"
    }

    static func build(_ chart: String) throws -> (page: String?, diagnostics: [Diagnostic]) {
        let site = try InlineSite(page(chart))
        defer { site.cleanUp() }
        let report = site.build()
        return (try? site.output("a/index.html"), report.diagnostics)
    }

    /// The wide layout's figure, from `<figure` to `</figure>`.
    static func figure(_ page: String) -> String {
        guard let start = page.range(of: "<figure"), let end = page.range(of: "</figure>\n") else { return "" }
        return String(page[start.lowerBound..<end.upperBound])
    }

    @Test func aRangeOfTheInputIsDrawnAlongX() throws {
        let (page, diagnostics) = try Self.build("x:\n  limit: 16..96 requests\ny: [instances, fleet]\ntype: step\n"
                                                 + "rules: [budget]\ntitle: Instances by concurrency limit")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let html = try #require(page)
        #expect(html.contains(">limit (requests)</text>"), "the x axis is the input, with its unit")
        #expect(html.contains("Step chart over 16 to 96 limit (requests)."))
        // peak / (limit / latency): 2000 / (16 / 0.12 s) = 15 instances at 16; 3 at 96.
        #expect(html.contains("instances ranges from 3 instances to 15 instances, ending at 3 instances."))
        #expect(html.contains("budget is marked at 12 instances."))
        let rows = html.components(separatedBy: "<tr><th scope=\"row\">").count - 1
        #expect(rows == 81, "one row of data per value of the input")
        #expect(html.contains("<tr><th scope=\"row\">16</th><td>15 instances</td><td>16 instances</td></tr>"))
    }

    /// The same chart, recorded: a golden SVG of a chart against an input.
    @Test func matchesItsGoldenSVG() throws {
        let values = [16, 24, 32, 48, 64, 96, 128].map { "\($0) requests" }.joined(separator: ", ")
        let (page, diagnostics) = try Self.build("x:\n  limit: [\(values)]\ny: [instances, fleet]\nrules: [budget]\n"
                                                 + "title: Instances by limit")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let figure = Self.figure(try #require(page))
        let golden = Repository.root.appendingPathComponent("Tests/CostmarkTests/Golden/charts/against-input.html")
        if ChartGoldenTests.recording {
            try Data(figure.utf8).write(to: golden)
            return
        }
        #expect(figure == (try String(contentsOf: golden, encoding: .utf8)),
                "re-record with RECORD_GOLDEN=1 if intended")
    }

    /// A list is drawn in the order of the input's values, whatever order it is written in.
    @Test func valuesAreDrawnInIncreasingOrder() throws {
        let (page, diagnostics) = try Self.build("x: {limit: [64 requests, 16 requests, 32 requests]}\ny: [instances]")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let html = try #require(page)
        let heads = html.components(separatedBy: "<tr><th scope=\"row\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(heads == ["16", "32", "64"])
    }

    /// A `first(…)` never reached for some values is a gap in the line, and "—" in the table.
    @Test func neverReachedIsAGap() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        ```chart
        x: {rate: 1..6}
        y: [reached]
        ```

        ```scenario
        timeline = 0..12 months
        rate = 3
        total = rate * t / 1 month
        reached = first(total >= 20)
        ```
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        let figure = Self.figure(try site.output("a/index.html"))
        #expect(figure.contains("<tr><th scope=\"row\">1</th><td>—</td></tr>"), "rate 1 reaches 20 after 20 months")
        #expect(figure.contains("<tr><th scope=\"row\">2</th><td>10 months</td></tr>"))
        let line = try #require(figure.range(of: "<polyline class=\"line s1\" points=\""))
        let points = figure[line.upperBound...].prefix { $0 != "\"" }.split(separator: " ")
        #expect(points.count == 5, "rates 2 to 6 are drawn, rate 1 is left out: \(points)")
    }

    @Test(arguments: [
        // (block body, message, line, column)
        ("x: {limt: [1 request]}\ny: [instances]", "`limt` is not defined in scenario `main`", 5, 5),
        ("x: {spend: [$1/month]}\ny: [instances]", "`spend` is a series over the timeline; `x` varies a single value "
            + "of the model", 5, 5),
        ("x:\n  limit: 1..500 requests\ny: [instances]", "`limit` ranges over 500 values; a chart tries at most 200",
            6, 10),
        ("x:\n  limit: 96..16 requests\ny: [instances]", "a range runs from its first value up to its last, "
            + "e.g. `limit: 1..64`", 6, 10),
        ("x:\n  limit: [16 requests, 5 hours]\ny: [instances]", "with limit = 5 hours, the model fails: ", 6, 24),
        ("x: {limit: [16 requests]}\ny: [spend]", "`spend` is a series over the timeline; against `limit` "
            + "each `y` is one value per variant of the model", 6, 5),
        ("x: {limit: [16 requests], peak: [1 request/s]}\ny: [instances]",
            "`x` varies one input, written as in a sweep: `x: {limit: [16, 32, 64]}` or `x: {limit: 16..96 requests}`",
            5, 4),
        ("x: {limit: [0 requests]}\ny: [instances]", "with limit = 0 requests, the model fails: division by zero",
            5, 13),
        ("x: {limit: [16 requests]}\nbars: [instances]", "`bars` names single values of one model; against `limit`, "
            + "draw `y` with `type: bar`", 6, 1),
        ("x: {limit: [16 requests]}\ny: [instances]\nannotate: {at: 1 month}",
            "`annotate` marks times; a chart against `limit` cannot have it (use `rules` for values)", 7, 1),
        ("x: {limit: 16}\ny: [instances]", "list the values to try, e.g. `limit: [3%/week, 5%/week]`", 5, 12),
        ("x: {budget: [3 hours]}\ny: [instances]", "`budget` measures instances; this value does not", 5, 14),
    ])
    func mistakesAreLocated(_ body: String, _ message: String, _ line: Int, _ column: Int) throws {
        let (_, diagnostics) = try Self.build(body)
        let found = diagnostics.first { $0.message.hasPrefix(message) }
        #expect(found != nil, "\(diagnostics.map(\.message))")
        #expect(found?.location?.line == line && found?.location?.column == column,
                "\(message) at \(found?.location.map { "\($0.line):\($0.column)" } ?? "nowhere")")
    }

    @Test func rangesAreReadAsATimelineIs() {
        let read = { (text: String) in VariedInput.WholeRange(text).map { "\($0.first) \($0.last) [\($0.unit)]" } }
        #expect(read("1..64 requests") == "1 64 [ requests]")
        #expect(read("0 .. 50%") == "0 50 [%]")
        #expect(read("-5..5") == "-5 5 []")
        #expect(read("1.5..3") == nil && read("1..6.5") == nil && read("a..b") == nil && read("64") == nil)
    }

    /// A sweep reads its inputs the same way, ranges included.
    @Test func aSweepTakesARangeToo() throws {
        let site = try InlineSite(Self.page("x: {limit: 16..18 requests}\ny: [instances]")
            .replacingOccurrences(of: "```chart\nx: {limit: 16..18 requests}\ny: [instances]\n```",
                                  with: "```sweep\nvary:\n  limit: 16..18 requests\nshow: [instances]\n```"))
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        let page = try site.output("a/index.html")
        #expect(page.contains("<tr><th scope=\"row\">17 requests</th><td>15 instances</td></tr>"), "\(page)")
    }

    /// Only the varied scenario is evaluated again, so y is read from it alone.
    @Test func yComesFromTheVariedScenario() throws {
        let site = try InlineSite(Self.page("x: {limit: [16 requests]}\ny: [other.spare]")
                                  + "\n```scenario other\nspare = 3\n```\n")
        defer { site.cleanUp() }
        let found = site.build().diagnostics.first { $0.message.contains("is computed in scenario") }
        #expect(found?.message == "`other.spare` is computed in scenario `other`; a chart against `limit` draws values "
                + "of scenario `main`, which it varies")
        #expect(found?.location?.line == 6 && found?.location?.column == 5)
    }

    @Test func aMisspeltInputGetsASuggestion() throws {
        let (_, diagnostics) = try Self.build("x: {limt: [1 request]}\ny: [instances]")
        #expect(diagnostics.first?.notes.map(\.message) == ["did you mean `limit`?"])
    }

    /// `x: limit` (a single value, not a series) says how to vary it instead.
    @Test func aSingleValueOnXPointsAtTheVariedSpelling() throws {
        let (_, diagnostics) = try Self.build("x: limit\ny: [spend]")
        let found = try #require(diagnostics.first { $0.message.hasPrefix("`x` is `t` or a series") })
        #expect(found.notes.map(\.message).contains { $0.contains("`x: {limit: [1, 2, 4]}`") })
    }
}
