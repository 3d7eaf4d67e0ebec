import Foundation
import Testing

/// Uncertain values on a page: fans, error bars, distributions, tornadoes, claims, and the same
/// bytes from two clean builds.
@Suite struct UncertainFigureTests {
    /// A site of one essay, `posts/ranges.md`, with this body.
    static func page(_ body: String) -> String {
        "-- Content/posts/ranges.md --\n---\ntitle: Ranges\ndate: 2026-01-01\n---\n" + body
    }

    static let essay = page("""
    The year costs {{ total }}; break-even {{ breakeven }}; {{ total = $240 to $600 }}.
    Dear in {{ prob(total > $1,000) < 5% }} of cases.

    ```chart
    y: [spend]
    ```

    ```chart
    bars: [total, fixed]
    ```

    ```chart
    type: distribution
    y: [total]
    ```

    ```tornado
    of: total
    ```

    ```scenario
    timeline = 0..12 months
    price = $20/month to $50/month
    qty = 1 to 2
    fixed = $300
    spend = price * 1 month * t / 12 months
    total = price * 12 months
    mixed = price * qty * 12 months
    breakeven = first(spend * 12 >= fixed)
    ```
    """)

    /// The essay with its first chart block's spec replaced.
    static func withFirstChart(_ spec: String) -> String {
        essay.replacingOccurrences(of: "```chart\ny: [spend]\n```", with: "```chart\n\(spec)\n```")
    }

    func page(_ files: String = essay) throws -> (String, [String]) {
        let site = try InlineSite(files)
        defer { site.cleanUp() }
        let report = site.build()
        let messages = report.diagnostics.map(\.message)
        return ((try? site.output("posts/ranges/index.html")) ?? "", messages)
    }

    @Test func proseChartsAndTablesShowTheUncertainty() throws {
        let (html, messages) = try page()
        #expect(messages.isEmpty, "\(messages)")
        #expect(html.contains("$379 (90%: $240–$600)"))
        #expect(html.contains("class=\"cm-figure cm-fan\""), "the line chart is a fan")
        #expect(html.contains("class=\"band inner s1\"") && html.contains("class=\"band s1\""), "50% and 90% bands")
        #expect(html.contains("class=\"errorbar\""), "bars of uncertain values get whiskers")
        #expect(html.contains("Lines show medians; the shading holds the middle 50% (darker) and 90% (lighter) of 5,000 simulations."))
        #expect(html.contains("spend (median)</th><th scope=\"col\">spend, 90% interval</th>"))
        #expect(html.contains("The share of 5,000 simulations in each range of total; median $379"))
        #expect(html.contains("cm-tornado"))
    }

    @Test func theTornadoRanksInputsByTheirSwing() throws {
        let files = Self.essay.replacingOccurrences(of: "of: total", with: "of: mixed")
        let (html, messages) = try page(files)
        #expect(messages.isEmpty, "\(messages)")
        let price = try #require(html.range(of: "<th scope=\"row\">price</th>"))
        let qty = try #require(html.range(of: "<th scope=\"row\">qty</th>"))
        #expect(price.lowerBound < qty.lowerBound, "price swings more than qty, so it comes first")
        #expect(html.contains("Tornado chart of mixed: with every input at its median it is"))
    }

    @Test func figureErrorsAreLocated() throws {
        let certain = Self.essay.replacingOccurrences(of: "of: total", with: "of: fixed")
        #expect(try page(certain).1.contains { $0.hasPrefix("`fixed` is certain: a tornado ranks the uncertain inputs") })
        let series = Self.essay.replacingOccurrences(of: "of: total", with: "of: spend")
        #expect(try page(series).1.contains { $0.hasPrefix("`spend` is a series; a tornado needs one value") })
        let distribution = Self.essay.replacingOccurrences(of: "type: distribution\ny: [total]",
                                                           with: "type: distribution\ny: [fixed]")
        #expect(try page(distribution).1.contains { $0.hasPrefix("`fixed` is certain; a distribution chart shows one") })
        let claim = Self.essay.replacingOccurrences(of: "{{ total = $240 to $600 }}", with: "{{ total = $250 to $600 }}")
        #expect(try page(claim).1.contains {
            $0 == "claim does not hold: the 90% interval of total is $240 to $600, the text says $250 to $600"
        })
    }

    @Test func twoCleanBuildsAreByteIdentical() throws {
        let site = try InlineSite(Self.essay)
        defer { site.cleanUp() }
        site.build { $0.cacheDirectory = nil }
        let first = try site.snapshot()
        try FileManager.default.removeItem(atPath: site.root.appendingPathComponent("Output").path)
        try? FileManager.default.removeItem(atPath: site.root.appendingPathComponent(".costmark").path)
        site.build { $0.cacheDirectory = nil }
        #expect(try site.snapshot() == first)
        #expect(first.keys.contains { $0.hasSuffix("posts/ranges/index.html") })
    }

    /// Findings of a hostile probe of the first version, each once wrong or silent.
    @Test func uncertainValuesWhereFiguresNeedOneAreLocatedErrors() throws {
        let annotate = Self.withFirstChart("y: [spend]\nannotate: {at: breakeven}")
        #expect(try page(annotate).1.contains { $0.hasPrefix("an annotation marks one time; `breakeven` is uncertain") })
        let against = Self.withFirstChart("x: {fixed: [$100, $200]}\ny: [total]")
        #expect(try page(against).1.contains { $0.hasPrefix("`total` is uncertain; a chart against `fixed` draws single") })
        let rangeOnX = Self.withFirstChart("x: {fixed: [$1 to $2, $3]}\ny: [fixed]")
        let rangeMessages = try page(rangeOnX).1
        #expect(rangeMessages.contains { $0.hasPrefix("`fixed` is uncertain; a chart against `fixed` draws single") },
                "\(rangeMessages)")
        let rule = Self.withFirstChart("y: [spend]\nrules: [total]")
        #expect(try page(rule).1.contains { $0.contains("`total` is uncertain (draw `median(total)`)") })
    }

    @Test func aValueReadFromAnotherBlockIsTheSameSamples() throws {
        let files = Self.page("""
        Here {{ main.y }}, there {{ other.z }}.

        ```scenario
        samples = 100
        x = 1 to 2
        y = x * 10
        ```

        ```scenario other
        z = main.y
        ```
        """)
        let (html, messages) = try page(files)
        #expect(messages.isEmpty, "\(messages)")
        let shown = html.components(separatedBy: "\">").compactMap { $0.split(separator: "<").first.map(String.init) }
            .filter { $0.contains("(90%:") }
        #expect(shown.count == 2 && shown[0] == shown[1], "\(shown)")
    }

    @Test func stacksOfUncertainSeriesShowMediansAndSaySo() throws {
        let files = Self.withFirstChart("type: stacked bar\ny: [spend, spend]")
        let (html, _) = try page(files)
        #expect(html.contains("Stacks show medians; the uncertainty of a sum is not drawn"))
    }

    @Test func aPageCannotMultiplyItsMonteCarloWorkWithoutLimit() throws {
        let files = Self.page("""
        ```chart
        x: {k: 1..200}
        y: [m]
        ```

        ```scenario
        timeline = 0..799 days
        samples = 5000
        rate = 6 to 20
        k = 1
        total = rate * k * t / 1 day
        m = median(max(cumsum(total)))
        ```
        """)
        let (_, messages) = try page(files)
        #expect(messages.contains { $0.contains("this page computes more than 100000000 sample numbers") }, "\(messages)")
    }

    /// Found by the probe: an override that changed what an input measures printed "$400 hours".
    @Test func anOverrideMustMeasureWhatTheModelDefines() throws {
        func messages(_ override: String) throws -> [String] {
            let site = try InlineSite("""
            -- Content/models/m.scenario --
            hourly = $100/hour
            team = hourly * 40 hours
            -- Content/posts/ranges.md --
            ---
            title: Ranges
            date: 2026-01-01
            ---
            {{ c }}

            ```scenario
            use "/models/m.scenario"
            \(override)
            c = team * 2
            ```
            """)
            defer { site.cleanUp() }
            return site.build().diagnostics.map(\.message)
        }
        #expect(try messages("override hourly = $5")
                == ["`override hourly` makes it money (USD), but the model's `hourly` is money (USD) per duration"])
        #expect(try messages("override hourly = $1/hour to $2/hour").isEmpty)
    }
}
