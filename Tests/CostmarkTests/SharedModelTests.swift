import Diagnostics
import Foundation
import LivePage
@testable import Site
import Testing

/// Shared model files (`use`), explicit overrides and references between a page's blocks,
/// through whole builds: values, every error rule with its places, and what is published.
@Suite struct SharedModelTests {
    static let models = """
    -- Content/models/infra.scenario --
    unit machine
    hourly = $100/hour
    machine_price = $20/month/machine
    growth = 5%/week
    weekly_gain = growth * 2
    -- Content/models/team.scenario --
    use "infra.scenario"
    people = 4
    team_cost = people * hourly * 40 hours/week

    """

    static func essay(_ path: String, _ body: String) -> String {
        "-- Content/\(path) --\n---\ntitle: \(path)\n---\n\(body)\n"
    }

    func messages(_ report: BuildReport) -> [String] {
        report.diagnostics.map { diagnostic in
            var file = diagnostic.location?.file ?? ""
            if let range = file.range(of: "/Content/") { file = "Content/" + file[range.upperBound...] }
            return "\(file):\(diagnostic.location?.line ?? 0): \(diagnostic.message)"
        }
    }

    @Test func importsOverridesAndNamespacesGiveTheirValues() throws {
        let site = try InlineSite(Self.models + Self.essay("posts/a.md", """
        Afternoon {{ afternoon }}; team {{ team.team_cost }}; growth {{ growth }}; gain {{ weekly_gain }};
        the team's growth {{ team.growth }}; doubled {{ doubled }}.

        ```scenario
        use "/models/infra.scenario"
        use "../models/team.scenario" as team
        override growth = 7%/week
        afternoon = 4 hours * hourly
        ```

        ```scenario second
        doubled = main.afternoon * 2
        ```

        ```table
        rows: [hourly, afternoon]
        ```
        """))
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(messages(report))")
        let text = try site.output("posts/a/index.html").replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        #expect(text.contains("Afternoon $400; team $16,000/week; growth 7%/week; gain 14%/week;"))
        // The override is this essay's own: the namespaced import keeps the model's rate.
        #expect(text.contains("the team’s growth 5%/week; doubled $800."))
        let html = try site.output("posts/a/index.html")
        #expect(html.contains("from infra.scenario:2</small>"), "the table says where `hourly` comes from")
        #expect(html.contains("inputs: hourly (models/infra.scenario:2)"), "the tooltip names the input's file and line")
        #expect(!site.exists("models/infra.scenario") && !site.exists("models/team.scenario"), "models are not published")
        #expect(!html.contains(site.root.path), "no page shows where the site was built")
    }

    @Test func everyRuleIsAnErrorNamingItsPlaces() throws {
        let site = try InlineSite(Self.models + """
        -- Content/models/other.scenario --
        growth = 9%/week
        unit month = 30 days
        -- Content/models/weeks.scenario --
        unit month = 4 weeks

        """ + Self.essay("posts/b.md", """
        Text.

        ```scenario
        use "/models/infra.scenario"
        use "/models/infr.scenario"
        use "/models/other.scenario"
        use "/models/weeks.scenario"
        growth = 3%/week
        override nothing = 4
        ```
        """))
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.succeeded)
        let found = messages(report)
        #expect(found.contains("Content/posts/b.md:8: no model file `/models/infr.scenario` in the content folder"))
        #expect(report.diagnostics.contains { $0.notes.contains { $0.message == "did you mean `infra.scenario`?" } })
        #expect(found.contains("Content/posts/b.md:9: `growth` is defined by two imports"))
        #expect(found.contains("Content/posts/b.md:10: the unit `month` is declared twice with different meanings"))
        let shadow = try #require(report.diagnostics.first { $0.message == "`growth` is already defined by an imported model" })
        #expect(shadow.location?.line == 11)
        #expect(shadow.notes.contains { $0.location?.file.hasSuffix("Content/models/infra.scenario") == true && $0.location?.line == 4 },
                "the error names the model's line too")
        #expect(found.contains("Content/posts/b.md:12: `override nothing`: no model this block imports defines `nothing`"))
    }

    /// A broken model is reported once, in its file, however many essays import it; each
    /// importer gets one line pointing at it.
    @Test func aBrokenModelIsReportedOnceInItsFile() throws {
        let site = try InlineSite("""
        -- Content/models/bad.scenario --
        price = $5
        oops = price + 3 GB
        """ + "\n" + Self.essay("a.md", "```scenario\nuse \"models/bad.scenario\"\n```")
            + Self.essay("b.md", "```scenario\nuse \"/models/bad.scenario\"\n```"))
        defer { site.cleanUp() }
        let found = messages(site.build())
        #expect(found.filter { $0.hasPrefix("Content/models/bad.scenario:2: cannot add money (USD) and data size") }.count == 1,
                "\(found)")
        #expect(found.contains("Content/a.md:5: the model `models/bad.scenario` has 1 error, so this page cannot use it yet"))
        #expect(found.contains("Content/b.md:5: the model `models/bad.scenario` has 1 error, so this page cannot use it yet"))
        #expect(found.count == 3, "\(found)")
    }

    /// One swapped range in a model gave 23 errors over three pages, the real cause last: unknown
    /// units, overrides of names that vanished, a sweep and a chart failing, claims. Now the model
    /// reports its error and each importer one line, with a note at the model's error.
    @Test func aBrokenModelDoesNotFloodItsImporters() throws {
        let body = """
        It costs {{ total = $960 }} for {{ fleet }}.

        ```scenario
        use "/models/infra.scenario"
        use "/models/infra.scenario" as shared
        override growth = 6%/week
        timeline = 0..12 months
        fleet = 3 machines * compound(growth, t)
        total = price * fleet * 1 month
        ```

        ```chart
        y: [fleet]
        ```

        ```sweep
        vary:
          growth: [3%/week, 5%/week]
        show: [total]
        ```
        """
        let site = try InlineSite("""
        -- Content/models/infra.scenario --
        unit machine
        price = $20/month/machine
        growth = 7%/week to 5%/week
        """ + "\n" + Self.essay("a.md", body) + Self.essay("b.md", body) + Self.essay("c.md", body))
        defer { site.cleanUp() }
        let report = site.build()
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 4, "\(messages(report))")
        #expect(errors.filter { $0.location?.file.hasSuffix("infra.scenario") == true }.count == 1)
        for page in ["a", "b", "c"] {
            let own = errors.filter { $0.location?.file.hasSuffix("\(page).md") == true }
            #expect(own.count == 1, "\(page).md: \(own.map(\.message))")
            #expect(own.first?.code == .importFailed)
            #expect(own.first?.notes.first?.location?.file.hasSuffix("infra.scenario") == true)
            #expect(own.first?.notes.first?.location?.line == 3)
        }
    }

    @Test func cyclesAreNamedWhole() throws {
        let site = try InlineSite("""
        -- Content/models/a.scenario --
        use "b.scenario"
        x = 1
        -- Content/models/b.scenario --
        use "c.scenario"
        y = 2
        -- Content/models/c.scenario --
        use "a.scenario"
        z = 3
        """ + "\n" + Self.essay("p.md", """
        {{ second.w }}

        ```scenario first
        v = second.w + 1
        ```

        ```scenario second
        w = first.v + 1
        ```
        """))
        defer { site.cleanUp() }
        let found = messages(site.build())
        #expect(found.contains("Content/models/b.scenario:1: models import each other in a cycle: "
                               + "models/c.scenario → models/a.scenario → models/b.scenario → models/c.scenario"), "\(found)")
        let cycles = found.filter { $0.contains("definitions depend on each other in a cycle") }
        #expect(cycles.count == 1, "one cycle, one message: \(found)")
        #expect(cycles.first?.contains("second.w") == true && cycles.first?.contains(" v ") == true, "\(cycles)")
    }

    /// `main` reads `optimized.b` and `optimized` reads `main.a`, and no definition depends on
    /// itself: this was called "cycle main → optimized → main". Cycles are between definitions.
    @Test func blocksMayReadEachOtherWhenNoDefinitionReadsItself() throws {
        let site = try InlineSite(Self.essay("p.md", """
        Saved {{ optimized.saving }} of {{ main.cost }}; {{ main.both }}; {{ third.total }}.

        ```scenario
        hours = 4 hours
        cost = hours * $50/hour
        both = optimized.saving + cost
        ```

        ```scenario optimized
        saving = main.cost * 25%
        ```

        ```scenario third
        total = main.both + optimized.saving
        ```
        """))
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(messages(report))")
        let html = try site.output("p/index.html")
        for shown in [">$50</", ">$200</", ">$250</", ">$300</"] { #expect(html.contains(shown), "\(shown)") }
    }

    /// `unknown name `work`` said nothing of the `main.work` the page defines.
    @Test func anUnknownNameNamesTheBlockThatDefinesIt() throws {
        let site = try InlineSite(Self.essay("p.md", """
        ```scenario
        work = 4 hours
        ```

        ```scenario other
        cost = work * $50/hour
        ```
        """))
        defer { site.cleanUp() }
        let report = site.build()
        let error = try #require(report.diagnostics.first { $0.code == .unknownName })
        #expect(error.notes.map(\.message).contains("`work` is defined in scenario `main`: write `main.work`"),
                "\(error.notes.map(\.message))")
    }

    @Test func aModelsDataPathsAreItsOwn() throws {
        let site = try InlineSite("""
        -- Content/models/numbers.scenario --
        d = csv("data/n.csv")
        total = sum(d.n)
        -- Content/models/data/n.csv --
        n
        2
        3
        """ + "\n" + Self.essay("deep/er/p.md", "Total {{ total }}.\n\n```scenario\nuse \"/models/numbers.scenario\"\n```"))
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(messages(report))")
        #expect(try site.output("deep/er/p/index.html").contains(">5<"))
    }

    /// Figures read namespaced names as prose does; a sweep varies an imported input; a block
    /// without a timeline runs on its import's.
    @Test func figuresReadNamespacedNames() throws {
        let site = try InlineSite((Self.models + Self.essay("f.md", """
        ```chart
        y: [team.load]
        ```

        ```sweep
        vary: {team.growth: [5%/week, 10%/week]}
        show: [team.total_load]
        ```

        ```table
        rows: [team.growth, team.total_load]
        ```

        ```scenario
        use "/models/infra.scenario" as team
        ```
        """)).replacingOccurrences(of: "weekly_gain = growth * 2", with: """
        weekly_gain = growth * 2
        timeline = 0..4 weeks
        load = compound(growth, t)
        total_load = sum(load)
        """))
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(messages(report))")
        let html = try site.output("f/index.html")
        #expect(html.contains("<svg class=\"cm-chart cm-chart-wide\""))
        #expect(html.contains("<tr id=\"cm-main-team-total-load\">"), "the table has the namespaced row")
    }

    @Test func anUnknownNamespaceOrMemberIsOneError() throws {
        let site = try InlineSite(Self.models + Self.essay("u.md", """
        ```scenario
        use "/models/infra.scenario" as infra
        a = infra.hourli * 1 hour
        b = nowhere.hourly * 1 hour
        ```
        """))
        defer { site.cleanUp() }
        let found = messages(site.build())
        #expect(found == ["Content/u.md:6: model `models/infra.scenario` defines no `hourli`",
                          "Content/u.md:7: `nowhere` is not a data table, a scenario of this page, or a model this block imports `as nowhere`"],
                "\(found)")
    }

    /// A `use` that fails is one message: the names it would have brought are not reported
    /// again as unknown, in the block or in prose.
    @Test func aFailedImportIsOneMessage() throws {
        let site = try InlineSite(Self.essay("a.md", "Cost {{ hourly }} and {{ afternoon }}.\n\n```scenario\n"
                                             + "use \"/models/nowhere.scenario\"\nafternoon = 4 hours * hourly\n```"))
        defer { site.cleanUp() }
        let found = messages(site.build())
        #expect(found == ["Content/a.md:7: no model file `/models/nowhere.scenario` in the content folder"], "\(found)")
    }

    @Test func explainReadsAModelFile() throws {
        let site = try InlineSite(Self.models)
        defer { site.cleanUp() }
        let path = site.root.appendingPathComponent("Content/models/team.scenario").path
        let (results, problems) = ScenarioReport.load(path: path, displayPath: "team.scenario")
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        #expect(results.map(\.scenario.name) == ["team"])
        let table = ExplainReport.table(results)
        #expect(table.contains("team_cost") && table.contains("$16,000/week"))
        #expect(table.contains("from models/infra.scenario:2"), "\(table)")
    }

    // MARK: Found by review and probing (each once hung a build, gave a wrong number or a false message)

    /// Twenty levels of diamonds (each model imports both of the level below): the joined
    /// fragments are shared, not doubled per path (it took > 60 s and 1.3 GB).
    @Test(.timeLimit(.minutes(1))) func aLatticeOfImportsStaysLinear() throws {
        var files = "-- Content/models/l00a.scenario --\na00 = 1\n-- Content/models/l00b.scenario --\nb00 = 1\n"
        for level in 1...20 {
            let (p, n) = (String(format: "%02d", level - 1), String(format: "%02d", level))
            files += "-- Content/models/l\(n)a.scenario --\nuse \"l\(p)a.scenario\"\nuse \"l\(p)b.scenario\"\na\(n) = a\(p) + b\(p)\n"
            files += "-- Content/models/l\(n)b.scenario --\nuse \"l\(p)a.scenario\"\nuse \"l\(p)b.scenario\"\nb\(n) = a\(p) + 1\n"
        }
        let site = try InlineSite(files + Self.essay("a.md", "{{ a20 }}\n\n```scenario\nuse \"/models/l20a.scenario\"\n```"))
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(messages(report))")
    }

    /// Thirty blocks, each reading the two before it: each block is joined once (this hung).
    @Test func blocksReadingBlocksStayLinear() throws {
        var body = "{{ b29.x }}\n\n```scenario b0\nx = 1\n```\n\n```scenario b1\nx = b0.x + 1\n```\n"
        for index in 2..<30 { body += "\n```scenario b\(index)\nx = b\(index - 1).x + b\(index - 2).x\n```\n" }
        let site = try InlineSite(Self.essay("a.md", body))
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(messages(report))")
        #expect(try site.output("a/index.html").contains(">1,346,269<"))
    }

    @Test func aliasesAndBlockNamesDoNotMixUp() throws {
        let site = try InlineSite(Self.models + Self.essay("a.md", """
        {{ main.y }} {{ other.z }}

        ```scenario main
        use "/models/infra.scenario" as main
        growth = 1%/week
        y = main.growth
        ```

        ```scenario other
        use "/models/infra.scenario" as main
        z = main.growth * 3
        ```
        """))
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "no false cycle between main and other: \(messages(report))")
        let text = try site.output("a/index.html")
        #expect(text.contains(">5%/week<") && text.contains(">15%/week<"), "`main.growth` is the import's 5%/week, not the block's 1%")
    }

    @Test func oneAliasForTwoModelsAndACycleOfBlocksAreOneErrorEach() throws {
        let site = try InlineSite(Self.models + Self.essay("a.md", """
        Text.

        ```scenario
        use "/models/infra.scenario" as k
        use "/models/team.scenario" as k
        ```

        ```scenario c1
        x = c2.x
        ```

        ```scenario c2
        x = c3.x
        ```

        ```scenario c3
        x = c1.x
        ```
        """))
        defer { site.cleanUp() }
        let found = messages(site.build())
        #expect(found.contains("Content/a.md:8: `k` already names model `models/infra.scenario`; give this import another name"),
                "\(found)")
        #expect(found.filter { $0.contains("in a cycle") }.count == 1, "\(found)")
        #expect(found.contains { $0.contains("definitions depend on each other in a cycle: c3.x → x → c2.x → c3.x") },
                "\(found)")
    }

    /// An override that breaks the model is located in the model, with a note naming the essay.
    @Test func anOverrideThatBreaksTheModelPointsBackAtTheEssay() throws {
        let site = try InlineSite("""
        -- Content/models/m.scenario --
        rate = 2
        per = 10 / rate
        """ + "\n" + Self.essay("a.md", "```scenario\nuse \"/models/m.scenario\"\noverride rate = 0\n```"))
        defer { site.cleanUp() }
        let report = site.build()
        let problem = try #require(report.diagnostics.first { $0.message.hasPrefix("division by zero") })
        #expect(problem.location?.file.hasSuffix("Content/models/m.scenario") == true)
        #expect(problem.notes.contains { $0.location?.file.hasSuffix("Content/a.md") == true })
    }
}
