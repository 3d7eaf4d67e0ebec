import Diagnostics
import Foundation
@testable import Figures
import Runtime
import ScenarioSyntax
import Semantics
import Testing

@Suite struct TickTests {
    /// A small deterministic generator, so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    @Test func ticksAlwaysCoverTheDataAndStepIsNice() {
        var random = Generator(state: 42)
        for _ in 0..<2_000 {
            let scale = pow(10, (random.next() * 16).rounded() - 8)
            let a = (random.next() - 0.3) * scale, b = (random.next() - 0.3) * scale
            let count = 2 + Int(random.next() * 10)
            let ticks = NiceTicks(low: min(a, b), high: max(a, b), maximumCount: count)
            #expect(ticks.lower <= min(a, b) + abs(ticks.step) * 1e-9, "low \(min(a, b)) not covered by \(ticks.values)")
            #expect(ticks.upper >= max(a, b) - abs(ticks.step) * 1e-9, "high \(max(a, b)) not covered by \(ticks.values)")
            #expect(ticks.values.count <= max(count, 2) + 1)
            let mantissa = ticks.step / pow(10, floor(log10(ticks.step)))
            #expect([1, 2, 5, 10].contains { abs(mantissa - Double($0)) < 1e-6 }, "step \(ticks.step) is not 1, 2 or 5 × 10^n")
        }
    }

    @Test func xTickLabelsNeverCollide() {
        var random = Generator(state: 7)
        for _ in 0..<500 {
            let high = (random.next() * 1e7).rounded() + 1
            let width = 200 + random.next() * 500
            let ticks = ChartRenderer.xTicks(low: 0, high: high, plotWidth: width, labels: { TickLabel.compact($0) })
            guard ticks.values.count > 2 else { continue }
            let spacing = width / Double(ticks.values.count - 1)
            let widest = ticks.values.map { Double(TickLabel.compact($0).count) * ChartRenderer.characterWidth }.max()!
            #expect(spacing >= widest, "labels overlap for 0…\(high) in \(width)px")
        }
    }

    @Test func degenerateRangesStillHaveAnAxis() {
        #expect(NiceTicks(low: 5, high: 5, maximumCount: 5).values.count >= 2)
        #expect(NiceTicks(low: 0, high: 0, maximumCount: 5).values == [0, 0.5, 1])
    }

    @Test func chromiumConsoleLinesAreRecognised() {
        let log = """
        [1:1:1126/203851.818037:INFO:CONSOLE:1] "Uncaught ReferenceError: nonexistent is not defined", source: file:///x.html (1)
        [1:1:1126/203851.9:INFO:something_else] harmless
        """
        #expect(BrowserTests.consoleErrors(log).count == 1)
    }
}

@Suite struct MathMLTests {
    /// Typesets the expression as parsed; typesetting does not need it to check.
    func math(_ source: String) -> String {
        let fragment = SourceFragment(standalone: "unit machine\nx = " + source, path: "t")
        let (statements, _) = Parser.parseBlock(fragment)
        let (scenario, _) = ScenarioCompiler.compile(name: "main", statements: statements, fragment: fragment)
        guard case .definition(_, let expression)? = statements.last?.kind else { return "" }
        return MathMLRenderer(units: scenario.units).render(expression)
    }

    /// Words of a conditional keep their spaces (MathML trims those inside `<mtext>`), and sums
    /// show the timeline's bounds.
    @Test func conditionalsAndSumsReadAsWritten() {
        let fragment = SourceFragment(standalone: "timeline = 0..12 months\nm = 3\nx = if m <= 4 then 1 else 2\n"
                                      + "s = sum(m * t / 1 month)\nc = cumsum(m * t / 1 month)", path: "t")
        let (statements, _) = Parser.parseBlock(fragment)
        let (scenario, _) = ScenarioCompiler.compile(name: "main", statements: statements, fragment: fragment)
        let renderer = MathMLRenderer(units: scenario.units, timeline: scenario.timeline)
        let shown = statements.compactMap { statement -> String? in
            guard case .definition(_, let expression) = statement.kind else { return nil }
            return renderer.render(expression)
        }
        let gap = "<mspace width=\"0.5em\"></mspace>"
        #expect(shown[1].hasPrefix("<mrow><mtext>if</mtext>\(gap)") && shown[1].contains("\(gap)<mtext>then</mtext>\(gap)")
                && shown[1].contains("\(gap)<mtext>else</mtext>\(gap)"), "\(shown[1])")
        #expect(shown[2].hasPrefix("<mrow><munderover><mo>∑</mo><mrow><mi>t</mi><mo>=</mo><mn>0</mn></mrow><mn>12</mn></munderover>"))
        #expect(shown[3].hasPrefix("<mrow><munderover><mo>∑</mo><mrow><mi>τ</mi><mo>=</mo><mn>0</mn></mrow><mi>t</mi></munderover>"))
    }

    /// Inputs read as written: a literal over units stays on one line; a computed quotient is a fraction.
    @Test func writtenRatesStayOnOneLine() {
        #expect(math("$20/month/machine") == "<mrow><mrow><mn>$20</mn><mo>/</mo><mtext>month</mtext></mrow><mo>/</mo><mtext>machine</mtext></mrow>")
        #expect(math("m / month").hasPrefix("<mfrac>"), "a definition over a unit is still a fraction")
    }

    @Test func fractionsPowersAndBrackets() {
        // `250 days/year` is an input as written; the rest is arithmetic, in fractions.
        #expect(math("salary / (250 days/year * 8 hours/day)") == "<mfrac><mrow><mi>salary</mi></mrow><mrow><mfrac><mrow><mrow><mrow><mrow><mn>250</mn><mspace width=\"0.2em\"></mspace><mtext>days</mtext></mrow><mo>/</mo><mtext>year</mtext></mrow><mo>×</mo><mrow><mn>8</mn><mspace width=\"0.2em\"></mspace><mtext>hours</mtext></mrow></mrow></mrow><mrow><mtext>day</mtext></mrow></mfrac></mrow></mfrac>")
        #expect(math("floor(1.05 ^ 4) * 1 machine") == "<mrow><mrow><mo stretchy=\"true\" fence=\"true\">⌊</mo><msup><mrow><mn>1.05</mn></mrow><mrow><mn>4</mn></mrow></msup><mo stretchy=\"true\" fence=\"true\">⌋</mo></mrow><mo>×</mo><mrow><mn>1</mn><mspace width=\"0.2em\"></mspace><mtext>machine</mtext></mrow></mrow>")
    }

    @Test func parenthesesFollowPrecedence() {
        #expect(math("(1 + 2) * 3") == "<mrow><mrow><mo>(</mo><mrow><mn>1</mn><mo>+</mo><mn>2</mn></mrow><mo>)</mo></mrow><mo>×</mo><mn>3</mn></mrow>")
        #expect(math("1 - (2 - 3)") == "<mrow><mn>1</mn><mo>−</mo><mrow><mo>(</mo><mrow><mn>2</mn><mo>−</mo><mn>3</mn></mrow><mo>)</mo></mrow></mrow>")
        #expect(math("$100,000 + 5% * 2") == "<mrow><mn>$100,000</mn><mo>+</mo><mrow><mrow><mn>5</mn><mo>%</mo></mrow><mo>×</mo><mn>2</mn></mrow></mrow>")
    }
}

@Suite struct ChartGoldenTests {
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"

    @Test(arguments: ChartData.Kind.allCases)
    func chartMatchesItsGoldenSVG(_ kind: ChartData.Kind) throws {
        let dollars = UnitTable.builtIn.unit(named: "$")!
        let data = ChartData(kind: kind, title: "Spend <&> total", caption: nil, yLabel: nil, yMinimum: nil, logarithmic: false,
                             height: 240, x: [0, 1, 2, 3, 4, 5], xUnitName: "months", categories: [],
                             series: [.init(name: "spend", values: [20, 20, 40, 60, 60, 80]), .init(name: "total", values: [20, 40, 80, 140, 200, 280])],
                             dimension: .currency("USD"), label: UnitLabel(dollars), annotations: [.init(x: 4, label: "break-even")])
        let html = ChartRenderer(data: data, id: "chart").html()
        let golden = Repository.root.appendingPathComponent("Tests/CostmarkTests/Golden/charts/\(kind.rawValue.replacingOccurrences(of: " ", with: "-")).html")
        if Self.recording {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(html.utf8).write(to: golden)
            return
        }
        #expect(html == (try String(contentsOf: golden, encoding: .utf8)), "re-record with RECORD_GOLDEN=1 if intended")
        #expect(html.contains("<desc id=\"chart-desc\">") && html.contains("Marked: break-even at 4 months."))
        #expect(html.contains("Spend &lt;&amp;&gt; total"))
    }
}

/// Charts against another series than time, with rules at named values.
@Suite struct ChartAxesTests {
    static let site = """
    -- Content/a.md --
    ---
    title: Ramp
    ---
    ```chart
    x: in_flight
    y: [memory_used]
    rules: [soft_limit, hard_limit]
    ```

    ```scenario
    unit request
    timeline = 0..12 minutes
    in_flight = 8 request/minute * t
    memory_used = 600 MiB + in_flight * 40 MB/request as GiB
    soft_limit = 3.2 GiB
    hard_limit = 4 GiB
    ```
    """

    @Test func aSeriesOnXAndRulesAtNamedValues() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        let page = try site.output("a/index.html")
        #expect(page.contains(">in_flight (requests)</text>"), "the x axis is the series, with its unit")
        #expect(page.components(separatedBy: "<line class=\"rule\"").count == 5, "two rules in each of the two layouts")
        #expect(page.contains(">hard_limit</text>") && page.contains("hard_limit is marked at 4 GiB."))
        // The description says where the line crosses each rule, for readers who cannot see it.
        #expect(page.contains("memory_used rises past soft_limit at 72 in_flight (requests)."))
        // The line ends near the hard limit on the right: its label moves to the left end.
        #expect(page.contains("<text class=\"rule-label start\""))
    }

    /// An annotation's label moves above the axis when a line passes where it would sit.
    @Test func annotationLabelsKeepOffTheLines() throws {
        let dollars = UnitTable.builtIn.unit(named: "$")!
        func labelY(_ high: [Double], _ middle: [Double]) -> Double? {
            let data = ChartData(kind: .line, title: nil, caption: nil, yLabel: nil, yMinimum: nil, logarithmic: false, height: 240,
                                 x: [0, 1, 2, 3, 4, 5], xUnitName: "months", categories: [],
                                 series: [.init(name: "high", values: high), .init(name: "middle", values: middle)],
                                 dimension: .currency("USD"), label: UnitLabel(dollars), annotations: [.init(x: 2, label: "here")])
            let html = ChartRenderer(data: data, id: "c").html()
            guard let range = html.range(of: "<text class=\"annotation-label\" x=\"") else { return nil }
            let rest = html[range.upperBound...]
            guard let y = rest.range(of: "y=\"") else { return nil }
            return Double(rest[y.upperBound...].prefix { $0 != "\"" })
        }
        let clear = try #require(labelY([21, 21, 21, 21, 21, 21], [10, 11, 12, 13, 14, 15]))
        let crowded = try #require(labelY([100, 100, 100, 100, 100, 100], [40, 42, 44, 46, 48, 50]))
        #expect(clear < 60, "with room at the top the label is there (\(clear))")
        #expect(crowded > 150, "a line along the top sends the label down (\(crowded))")
    }

    /// Lines whose ends are apart are named at their ends; lines ending together get a legend.
    @Test func linesAreLabelledDirectlyWhereThereIsRoom() {
        let dollars = UnitTable.builtIn.unit(named: "$")!
        func html(_ second: [Double]) -> String {
            let data = ChartData(kind: .line, title: nil, caption: nil, yLabel: nil, yMinimum: nil, logarithmic: false, height: 240,
                                 x: [0, 1, 2, 3], xUnitName: "months", categories: [],
                                 series: [.init(name: "spend", values: [10, 20, 30, 40]), .init(name: "work", values: second)],
                                 dimension: .currency("USD"), label: UnitLabel(dollars), annotations: [])
            return ChartRenderer(data: data, id: "c").html()
        }
        let apart = html([100, 100, 100, 100])
        #expect(apart.contains("<text class=\"legend direct\"") && !apart.contains("class=\"line s1\" x1="), "direct labels, no legend")
        let together = html([40, 40, 40, 40])
        #expect(!together.contains("legend direct") && together.contains("<line class=\"line s2\" x1="), "a legend with line samples")
    }

    @Test func rulesAndXAreChecked() throws {
        let site = try InlineSite(Self.site.replacingOccurrences(of: "rules: [soft_limit, hard_limit]", with: "rules: [in_flight, 3 hours]")
            .replacingOccurrences(of: "x: in_flight", with: "x: hard_limit"))
        defer { site.cleanUp() }
        let messages = site.build().diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("`x` is `t` or a series over the chart's timeline (13 steps); `hard_limit` is not") },
                "\(messages)")
        let rules = try InlineSite(Self.site.replacingOccurrences(of: "rules: [soft_limit, hard_limit]", with: "rules: [in_flight, 3 hours]"))
        defer { rules.cleanUp() }
        let ruleMessages = rules.build().diagnostics.map(\.message)
        #expect(ruleMessages.contains("a rule is a single value measuring data size, as the y axis does; `in_flight` is a series"),
                "\(ruleMessages)")
        #expect(ruleMessages.contains("a rule is a single value measuring data size, as the y axis does; `3 hours` is duration"),
                "\(ruleMessages)")
    }
}
