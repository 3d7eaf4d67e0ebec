import Diagnostics
import Foundation
import LivePage
import Site
import Testing

/// Data files read by essays, through a whole build: values, claims, charts over dates, and
/// errors located in the data file or at the use.
@Suite struct DataSiteTests {
    static let csv = """
    week,requests,p99 (ms)
    2026-09-07,"1,000",200
    2026-09-14,"1,100",210
    2026-09-21,"1,210",220
    """

    static func essay(_ body: String) -> String {
        "-- Content/r/report.md --\n---\ntitle: R\n---\n\(body)\n-- Content/r/data/w.csv --\n\(csv)\n"
    }

    static let model = """
    ```scenario
    w = csv("data/w.csv")
    timeline = w.week
    requests = w.requests
    p99 = w.p99
    growth = fit_growth(requests)
    ```
    """

    @Test func aReportReadsItsDataAndChartsItOverDates() throws {
        let site = try InlineSite(Self.essay("""
        {{ sum(requests) = 3,310 }} {{ max(p99) < 250 ms }} {{ growth ≈ 10%/week }} {{ median(p99) in 200 ms..215 ms }}

        ```chart
        y: [p99]
        ```

        \(Self.model)
        """))
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        let page = try site.output("r/report/index.html")
        #expect(page.contains(">3,310<") && page.contains(">220 ms<") && page.contains(">10%/week<"))
        #expect(page.contains(">7 Sep 2026</text>"), "the x axis is labelled with dates")
    }

    /// A reader (tooltip) and an author (`explain`) can tell which file, column and rows a
    /// number was computed from, through the definitions between.
    @Test func valuesNameTheDataTheyCameFrom() throws {
        let site = try InlineSite(Self.essay("""
        Growth {{ growth }}, worst {{ max(p99) }}, typed {{ 2 * 3 }}.

        \(Self.model)
        """))
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let page = try site.output("r/report/index.html")
        #expect(page.contains("title=\"growth = fit_growth(requests)\nfrom w.csv, column requests, rows 1–3 (lines 2–4)\""))
        #expect(page.contains("title=\"max(p99)\nfrom w.csv, column p99, rows 1–3 (lines 2–4)\""))
        #expect(page.contains("title=\"2 * 3\""), "a typed number names no file")

        let path = site.root.appendingPathComponent("Content/r/report.md").path
        let (results, problems) = ScenarioReport.load(path: path, displayPath: "report.md")
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        let table = ExplainReport.table(results)
        #expect(table.contains("fit_growth(requests)\n") && table.contains("from w.csv, column requests, rows 1–3 (lines 2–4)\n"))
        #expect(ExplainReport.json(results, file: "report.md")
            .contains("\"from\":[\"w.csv, column p99, rows 1–3 (lines 2–4)\"]"))
    }

    /// The file-level errors of the data issue's list that other tests do not reach: a table over
    /// the limits, a file that is not UTF-8, and "did you mean" over the files beside a missing one.
    @Test func limitsEncodingAndMissingFilesAreLocated() throws {
        let wide = (0...256).map { "c\($0)" }.joined(separator: ",") + "\n" + (0...256).map { _ in "1" }.joined(separator: ",") + "\n"
        let site = try InlineSite("""
        -- Content/r.md --
        ---
        title: R
        ---
        ```scenario
        a = csv("wide.csv")
        b = csv("latin1.csv")
        c = csv("weekley.csv")
        d = csv("long.csv")
        ```
        -- Content/wide.csv --
        \(wide)
        -- Content/weekly.csv --
        n
        1
        """)
        defer { site.cleanUp() }
        try Data([0x6E, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: site.root.appendingPathComponent("Content/latin1.csv"))
        try Data(("n\n" + String(repeating: "1\n", count: 1_000_001)).utf8).write(to: site.root.appendingPathComponent("Content/long.csv"))
        let report = site.build()
        #expect(!report.succeeded)
        let found = report.diagnostics.map { "\($0.location.map { ($0.file as NSString).lastPathComponent + ":\($0.line)" } ?? ""): \($0.message)" }
        #expect(found.contains { $0.hasPrefix("wide.csv:1: ") && $0.contains("256") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("latin1.csv:2: ") && $0.contains("UTF-8") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("long.csv:1000002: ") && $0.contains("1000000 rows") }, "\(found)")
        let missing = try #require(report.diagnostics.first { $0.message.hasPrefix("no data file `weekley.csv`") })
        #expect(missing.notes.contains { $0.message == "did you mean `weekly.csv`?" })
    }

    @Test func dataErrorsAreLocatedWhereTheyAre() throws {
        let site = try InlineSite(Self.essay("""
        {{ max(p99) < 210 ms }} {{ w.p98 }}

        \(Self.model)
        """).replacingOccurrences(of: "2026-09-14,\"1,100\",210", with: "2026-09-14,\"1,100\",n/a"))
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.succeeded)
        let messages = report.diagnostics.map { "\($0.location?.file ?? ""):\($0.location?.line ?? 0): \($0.message)" }
        #expect(messages.contains { $0.hasSuffix("r/data/w.csv:3: \"n/a\" is not a number (column p99, which holds numbers)") },
                "\(messages)")
    }

    @Test func claimsAndMissingFilesAndColumnsAreReportedAtTheirUse() throws {
        let site = try InlineSite(Self.essay("""
        {{ max(p99) < 210 ms }} {{ w.p98 }}

        \(Self.model)

        ```scenario other
        x = csv("data/v.csv")
        ```
        """))
        defer { site.cleanUp() }
        let report = site.build()
        let messages = report.diagnostics.map(\.message)
        #expect(messages.contains("claim does not hold: max(p99) is 220 ms, the text says < 210 ms"), "\(messages)")
        #expect(messages.contains("w.csv has no column `p98`"))
        #expect(messages.contains("no data file `data/v.csv` in the content folder"))
    }
}
