import Foundation
@testable import Figures
import Runtime
import Semantics
import Testing

/// Issue 20, finding 9: charts a reader could not read. 14 weekly dates on a bar chart overlapped,
/// series were labelled by identifier only, a YAML list split `at(machines, 24 months)` at its
/// comma, a histogram of whole months had every third bin empty, and one axis mixed `$5,000` and
/// `$10k`.
@Suite struct ChartReadabilityTests {
    static func essay(_ body: String) -> String { "-- Content/a.md --\n---\ntitle: A\n---\n\(body)\n" }

    static func build(_ body: String) throws -> (html: String, messages: [String]) {
        let site = try InlineSite(essay(body))
        defer { site.cleanUp() }
        let report = site.build()
        let messages = report.diagnostics.map(\.message)
        return ((try? site.output("a/index.html")) ?? "", messages)
    }

    /// The x tick labels of the wide layout, left to right.
    static func xTicks(_ html: String) -> [String] {
        let wide = html.components(separatedBy: "cm-chart-narrow")[0]
        return wide.matches(of: /<text class="tick x"[^>]*>([^<]*)<\/text>/).map { String($0.1) }
    }

    @Test func weeklyDatesOnABarChartAreThinnedSoTheyDoNotTouch() throws {
        let dates = ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16",
                     "2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30", "2026-04-06"]
        var csv = "week,spend ($)\n"
        for (index, date) in dates.enumerated() { csv += "\(date),\(100 + index * 10)\n" }
        let site = try InlineSite(Self.essay("""
        ```scenario
        weekly = csv("data/w.csv")
        timeline = weekly.week
        spend = weekly.spend
        ```

        ```chart
        type: bar
        y: [spend]
        ```
        """) + "-- Content/data/w.csv --\n" + csv)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let ticks = Self.xTicks(try site.output("a/index.html"))
        #expect(ticks.count >= 3 && ticks.count <= 7, "\(ticks)")
        // Each label takes about 7 px a character at 12 px: those shown fit their share of the axis.
        let longest = ticks.map(\.count).max() ?? 0
        #expect(Double(ticks.count * (longest + 1)) * ChartRenderer.characterWidth <= 640, "\(ticks)")
    }

    @Test func labelsNameTheSeries() throws {
        let (html, messages) = try Self.build("""
        ```scenario
        timeline = 0..6 months
        rust_memory = 40 MB * (1 + t / 1 month)
        go_memory = 60 MB * (1 + t / 1 month)
        ```

        ```chart
        y: [rust_memory, go_memory]
        labels: [Rust, Go]
        ```
        """)
        #expect(messages.isEmpty, "\(messages)")
        #expect(html.contains(">Rust</text>") && html.contains(">Go</text>"), "the legend reads the labels")
        #expect(html.contains("<th scope=\"col\">Rust</th>"), "the data table too")
        #expect(!html.contains(">rust_memory</text>"))
        let (_, wrong) = try Self.build("""
        ```scenario
        timeline = 0..6 months
        a = t
        ```

        ```chart
        y: [a]
        labels: [One, Two]
        ```
        """)
        #expect(wrong.contains("`labels` names 2 items, but the chart draws 1"), "\(wrong)")
    }

    @Test func aCallWithCommasInAFlowListIsOneItem() throws {
        let (html, messages) = try Self.build("""
        ```scenario
        unit machine
        timeline = 0..24 months
        growth = 5%/month
        machines = 2 machines * compound(growth, t)
        over_quota = machines > 4 machines
        total = sum(machines) * $10/machine
        ```

        ```sweep
        vary:
          growth: [3%/month, 5%/month]
        show: [total, at(machines, 24 months)]
        ```
        """)
        #expect(messages.isEmpty, "\(messages)")
        #expect(html.contains("at(machines, 24 months)"), "the column is headed as written")
        #expect(!html.contains("expected `)`"))
    }

    @Test func histogramBinsFollowAWholeNumberOutcome() {
        // Months from 3 to 9, as `first(…)` on a monthly timeline gives: bins centred on each month.
        let months = (0..<1_000).map { Double(3 + $0 % 7) * 2_629_746 }.sorted()
        let grid = try? #require(ChartBlock.grid(of: months, low: months.first!, high: months.last!))
        #expect(grid?.count == 7)
        #expect(abs((grid?.width ?? 0) - 2_629_746) < 1e-3)
        #expect(abs((grid?.low ?? 0) - 2.5 * 2_629_746) < 1e-3)
        // Many values: a few whole steps per bin, never a fraction of one.
        let many = (0..<5_000).map { Double($0 % 100) }.sorted()
        let grouped = try? #require(ChartBlock.grid(of: many, low: 0, high: 99))
        #expect(grouped.map { $0.width.rounded() == $0.width && $0.count <= ChartBlock.distributionBins } == true)
        // A continuous outcome keeps the 24 even bins.
        #expect(ChartBlock.grid(of: (0..<1_000).map { Double($0) * 1.000_37 + sin(Double($0)) }.sorted(),
                                low: 0, high: 999) == nil)
    }

    @Test func oneAxisTakesOneSuffix() {
        let dollars = UnitLabel(UnitTable.builtIn.unit(named: "$")!)
        let ticks = [0.0, 5_000, 10_000, 15_000].map {
            TickLabel.text($0, unit: ShownUnit(magnitude: 15_000, dimension: dollars.dimension, label: dollars),
                           reference: 15_000)
        }
        #expect(ticks == ["$0", "$5k", "$10k", "$15k"])
        #expect(TickLabel.compact(500_000, reference: 1_500_000) == "0.5M")
    }
}
