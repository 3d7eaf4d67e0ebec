import Foundation
@testable import Site
import Testing

/// `bench()` on Criterion.rs's result folders (Tests/Fixtures/bench-outputs/criterion, in the
/// layout Criterion writes): one row per `NAME/new/`, runs from `sample.json`, ids from
/// `benchmark.json`, errors in the file that holds them, and edits that rebuild the page.
@Suite struct CriterionTests {
    static let fixture = Repository.path("Tests/Fixtures/bench-outputs/criterion")

    func site(_ scenario: String, prose: String = "") throws -> InlineSite {
        let site = try InlineSite("""
        -- Content/r.md --
        ---
        title: R
        ---
        \(prose)

        ```scenario
        \(scenario)
        ```
        """)
        try FileManager.default.copyItem(atPath: Self.fixture,
                                         toPath: site.root.appendingPathComponent("Content/data/criterion").path)
        return site
    }

    @Test func aFolderIsATableOfItsBenchmarks() throws {
        let site = try site("""
        c = bench("data/criterion")
        level6 = c.median["gzip/level 6"]
        runs6 = c.runs["gzip/level 6"]
        """, prose: "Level 6: {{ level6 as ms }}; runs {{ median(runs6) as ms }}; {{ count(c.mean) }} benchmarks.")
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        let page = try site.output("r/index.html")
        // estimates.json's median point estimate, 3,823,338 ns; the runs' median is the same
        // samples' (sample.json times / iters); `base/` and `report/` are not benchmarks.
        #expect(page.contains("Level 6: 3.823 ms"), "\(page)")
        #expect(page.contains("runs 3.823 ms"))
        #expect(page.contains("2 benchmarks"))
    }

    @Test func oneBenchmarkByItsEstimatesFile() throws {
        let site = try site("""
        one = bench("data/criterion/gzip/level 1/new/estimates.json")
        m = one.mean["gzip/level 1"]
        """, prose: "{{ m as ms }} and {{ m = 1.196 ms }}")
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        let page = try site.output("r/index.html")
        #expect(page.contains(">1.196 ms<"), "\(page)")
    }

    @Test func mistakesAreLocatedInTheirFile() throws {
        let site = try site("c = bench(\"data/criterion\")")
        defer { site.cleanUp() }
        try site.write("{\"iters\": [1, 2], \"times\": [5]}", to: "Content/data/criterion/gzip/level 6/new/sample.json")
        var report = site.build()
        var error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.message == "`iters` has 2 numbers and `times` 1; they go in pairs")
        #expect(error.location?.file.hasSuffix("data/criterion/gzip/level 6/new/sample.json") == true)

        try site.write("{\"mean\": {\"point_estimate\": 1},\n \"median\": 2}",
                       to: "Content/data/criterion/gzip/level 6/new/estimates.json")
        report = site.build()
        error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.message.hasPrefix("Criterion's estimates.json has `mean` and `median`"), "\(error.message)")
        #expect(error.location?.line == 1 && error.location?.file.hasSuffix("level 6/new/estimates.json") == true)

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/data/criterion/gzip"))
        report = site.build()
        error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("holds no Criterion results"), "\(error.message)")
    }

    /// An edit to one benchmark's sample rebuilds the page that reads the folder.
    @Test func editingAResultRebuildsThePage() throws {
        let site = try site("c = bench(\"data/criterion\")\nm = c.mean[\"gzip/level 1\"]", prose: "{{ median(c.runs[\"gzip/level 1\"]) as ms }}")
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let before = try site.output("r/index.html")
        try site.write("{\"sampling_mode\": \"Flat\", \"iters\": [1, 1, 1], \"times\": [5000000, 5000000, 5000000]}",
                       to: "Content/data/criterion/gzip/level 1/new/sample.json")
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        let after = try site.output("r/index.html")
        #expect(before.contains(">1.199 ms<") && after.contains(">5 ms<"), "\(after)")
    }
}
