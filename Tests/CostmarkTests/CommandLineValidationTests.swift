import Content
import Diagnostics
import Foundation
import LivePage
@testable import Site
import Testing

/// Mistakes on the command line exit with 2 before anything is built; mistakes in `site.yml`
/// are located warnings with a "did you mean"; `explain` abbreviates long series honestly.
@Suite struct CommandLineValidationTests {
    static let site = "-- Content/a.md --\n---\ntitle: A\n---\nHello.\n"

    @Test func aConfigFileNamedOnTheCommandLineMustExist() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        for command in ["build", "check"] {
            let run = try CommandLineTests.costmark([command, "--config", "nope.yml"], in: site.root)
            #expect(run.status == 2, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("config file 'nope.yml' does not exist"))
        }
        #expect(!site.exists("index.html"))
        // Without --config a missing site.yml still means the default settings.
        #expect(try CommandLineTests.costmark(["build"], in: site.root).status == 0)
        try site.write("title: Named\n", to: "other.yml")
        let named = try CommandLineTests.costmark(["build", "--config", "other.yml"], in: site.root)
        #expect(named.status == 0)
        #expect(try site.output("index.html").contains("Named"))
    }

    @Test func aBadBaseURLIsACommandLineError() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        for command in ["build", "check"] {
            let run = try CommandLineTests.costmark([command, "--base-url", "example.org"], in: site.root)
            #expect(run.status == 2, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("--base-url must be an absolute http(s) URL"))
        }
        #expect(try CommandLineTests.costmark(["build", "--base-url", "https://example.org/x"], in: site.root).status == 0)
        #expect(try site.output("sitemap.xml").contains("https://example.org/x/"))
    }

    @Test(arguments: [("titel", "title"), ("langauge", "language"), ("baseURL", "base_url"), ("page-size", "page_size"),
                      ("feedlimit", "feed_limit"), ("authr", "author"), ("zzz", nil), ("ab", nil)] as [(String, String?)])
    func unknownSettingsSuggestTheKnownOne(key: String, expected: String?) throws {
        let (_, diagnostics) = SiteSettings.parse(SourceFile(path: "site.yml", text: "\(key): x\n"))
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "unknown setting `\(key)` is ignored")
        #expect(warning.notes.first?.message == expected.map { "did you mean `\($0)`?" })
    }

    @Test func explainShowsTheFirstAndLastStepsOfALongSeries() throws {
        let steps = (0...24).map { "$\($0 * 1_234_568)" }
        let text = ExplainReport.abbreviated(steps, width: 48)
        #expect(text == "$0, $1234568, $2469136, …, $28395064, $29629632")
        #expect(ExplainReport.abbreviated(["a", "b", "c"], width: 48) == "a, b, c")
        #expect(ExplainReport.abbreviated(["first-long-value", "x", "last-long-value"], width: 10) == "first-long-value, …, last-long-value")

        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        ```scenario growth
        timeline = 0..24 months
        price = $1,234,567.89/month
        spend = price * t
        ```
        """)
        defer { site.cleanUp() }
        let table = try CommandLineTests.costmark(["explain", "Content/a.md"], in: site.root)
        #expect(table.status == 0)
        #expect(table.stdout.contains("  spend  $0, $1,234,568, …, $28,395,061, $29,629,629"), "\(table.stdout)")
    }
}
