import DataFiles
import Diagnostics
import Foundation
import Runtime
import ScenarioSyntax
import Semantics
@testable import Site
import Testing

/// `sql()` over a page's tables and over SQLite files: units carried from the source columns or
/// named by an alias, results usable as tables, and every refusal located in the essay.
@Suite struct SQLTests {
    static let weekly = """
    week,requests,p99 (ms),service
    2026-09-07,1500,212,api
    2026-09-14,1580,219,api
    2026-09-21,1655,231,db
    2026-09-28,1731,244,db

    """

    func run(_ block: String) -> (values: [String: String], errors: [String]) {
        let data = InMemoryData(["data/weekly.csv": Self.weekly])
        let fragment = SourceFragment(standalone: block, path: "e.md")
        let (scenario, problems) = ScenarioCompiler.compile(name: "main", fragment: fragment, data: data)
        let result = Evaluator.run(scenario)
        var values: [String: String] = [:]
        for (name, value) in result.values { values[name] = ValueFormatter.format(value) }
        let errors = (problems + result.diagnostics).map { d in
            "\(d.location?.line ?? 0):\(d.location?.column ?? 0): \(d.message)"
        }
        return (values, errors)
    }

    @Test func queriesThePageTablesInTheirSourceUnits() {
        let (values, errors) = run("""
        weekly = csv("data/weekly.csv")
        slow = sql("SELECT week, p99 FROM weekly WHERE p99 > 220 ORDER BY week")
        worst = max(slow.p99)
        n = count(slow.p99)
        by_service = sql("SELECT service, avg(p99) AS \\"p99 (s)\\" FROM weekly GROUP BY service")
        db = by_service.p99["db"] as ms
        later = sql("SELECT count(*) AS weeks FROM slow")
        weeks = sum(later.weeks)
        """)
        #expect(errors.isEmpty, "\(errors)")
        #expect(values["worst"] == "244 ms" && values["n"] == "2", "the source's milliseconds: \(values)")
        // The alias names seconds: 237.5 of them, shown in ms as 237,500.
        #expect(values["db"] == "237,500 ms")
        #expect(values["weeks"] == "2", "a query reads an earlier query's result")
    }

    @Test func aResultOfDatesMakesATimeline() {
        let (values, errors) = run("""
        weekly = csv("data/weekly.csv")
        recent = sql("SELECT week, requests FROM weekly WHERE week >= '2026-09-14'")
        timeline = recent.week
        growth = fit_growth(recent.requests)
        """)
        #expect(errors.isEmpty, "\(errors)")
        #expect(values["growth"]?.hasSuffix("%/week") == true, "\(values)")
    }

    @Test func everyRefusalIsLocatedInTheQuery() {
        let block = """
        weekly = csv("data/weekly.csv")
        a = sql("SELECT p9 FROM weekly")
        b = sql("SELECT week FROM weeky")
        c = sql("DELETE FROM weekly")
        d = sql("SELECT max(p99) AS m FROM weekly WHERE p99 > 1000")
        e = sql("SELECT 1; SELECT 2")
        f = sql("SELECT week, week FROM weekly")
        """
        let errors = run(block).errors
        #expect(errors.contains("2:17: SQL: no such column: p9"), "\(errors)")
        #expect(errors.contains("3:9: SQL: no such table: weeky"))
        #expect(errors.contains("4:10: a query only reads: this statement would change the database"))
        #expect(errors.contains { $0.hasPrefix("5:10: `m` has no value (NULL) in row 1") })
        #expect(errors.contains("6:9: SQL: a query is one statement; this text holds more"))
        #expect(errors.contains { $0.hasPrefix("7:10: two columns of the result are named `week`") })
    }

    @Test func aRunawayQueryStopsAtItsBudget() {
        let start = Date()
        let errors = run("""
        x = sql("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT count(*) FROM c")
        """).errors
        #expect(errors == ["1:9: the query ran longer than 2 s, the limit"])
        #expect(Date().timeIntervalSince(start) < 30, "the budget did not stop it")
        let rows = run("""
        y = sql("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c LIMIT 1000001) SELECT n FROM c")
        """).errors
        #expect(rows == ["1:10: the query returns more than 1000000 rows, the limit for a table"])
    }

    /// A database file inside Content/ is read like a data file: errors in the query point into
    /// the essay, and editing the file rebuilds the page that queries it.
    @Test func aDatabaseFileIsQueriedAndTracked() throws {
        let site = try InlineSite("""
        -- Content/r/data/placeholder.txt --
        x
        -- Content/r/q.md --
        ---
        title: Q
        ---
        Downtime {{ sum(d.minutes) }}.

        ```scenario
        d = sql("data/incidents.sqlite", "SELECT week, sum(minutes) AS \\"minutes (min)\\" FROM incidents GROUP BY week")
        ```
        """)
        defer { site.cleanUp() }
        let fixture = Repository.path("Tests/Fixtures/sql/incidents.sqlite")
        let database = site.root.appendingPathComponent("Content/r/data/incidents.sqlite")
        try FileManager.default.copyItem(atPath: fixture, toPath: database.path)
        let options: (inout BuildOptions) -> Void = {
            $0.cacheDirectory = site.root.appendingPathComponent(".costmark").path
            $0.settleTime = 0
        }
        let first = site.build(options)
        #expect(first.succeeded, "\(first.diagnostics.map(\.message))")
        #expect(try site.output("r/q/index.html").contains("80 min"))
        // Another database in its place: the page follows it.
        try Data("not a database, not at all".utf8).write(to: database)
        let broken = site.build(options)
        #expect(broken.diagnostics.map(\.message) == ["`data/incidents.sqlite` is not a SQLite database"])
        try FileManager.default.removeItem(at: database)
        try FileManager.default.copyItem(atPath: fixture, toPath: database.path)
        try site.write("---\ntitle: Q\n---\n```scenario\nd = sql(\"data/incidents.sqlite\", \"SELECT dayz FROM incidents\")\n```\n",
                       to: "Content/r/q.md")
        let located = site.build(options).diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" }
        #expect(located == ["5:42: SQL: no such column: dayz"])
    }
}
