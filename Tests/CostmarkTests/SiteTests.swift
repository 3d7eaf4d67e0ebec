import Diagnostics
import Foundation
import Site
import Testing

@Suite struct RouteTests {
    @Test func mapsFilesToPrettyURLs() {
        #expect(Route.forEssay(relativePath: "posts/x.md", slug: nil).path == "posts/x/")
        #expect(Route.forEssay(relativePath: "posts/x.md", slug: "y").path == "posts/y/")
        #expect(Route.forEssay(relativePath: "posts/index.md", slug: nil).path == "posts/")
        #expect(Route.forEssay(relativePath: "about.md", slug: nil).outputFile == "about/index.html")
        #expect(Route(path: "posts/x/").rootPrefix == "../../")
        #expect(Route.home.rootPrefix == "./")
        #expect(Route(path: "a b/é/").href == "a%20b/%C3%A9/")
        // The fast path for plain `folder/name.md` agrees with the general one.
        #expect(Route.forEssay(relativePath: "a/b/c.markdown", slug: nil).path == "a/b/c/")
        #expect(Route.forEssay(relativePath: "index.md", slug: nil).path == "")
        #expect(Route.forEssay(relativePath: "a/indexes.md", slug: nil).path == "a/indexes/")
        #expect(Route.forEssay(relativePath: "v1.2/notes.md", slug: nil).path == "v1.2/notes/")
    }

    @Test func tagsShareAPageAcrossCaseAndPunctuation() {
        #expect(Tag(name: "Capacity Planning").slug == "capacity-planning")
        #expect(Tag(name: "capacity-planning").slug == "capacity-planning")
        #expect(Tag(name: "C++").slug == "c-plus-plus")
        #expect(Tag(name: "C#").slug == "c-sharp")
        #expect(Tag(name: "!!").slug == "tag")
        // ASCII tags take a byte path; others the Character path; both follow one rule.
        #expect(Tag(name: "  Cost/Benefit 2026 ").slug == "cost-benefit-2026")
        #expect(Tag(name: "Über Kosten").slug == "über-kosten")
        #expect(Tag(name: "ÉTÉ").slug == "été")
    }
}

@Suite struct SiteBuildTests {
    static let twoEssays = """
    -- site.yml --
    title: Test site
    base_url: https://example.org/
    -- Content/posts/old.md --
    ---
    title: Old <one>
    date: 2026-01-01
    tags: [Costs]
    ---
    The old essay.
    -- Content/posts/new.md --
    ---
    title: New & shiny
    date: 2026-02-01
    tags: [costs, memory]
    summary: A "summary".
    ---
    The new essay.
    -- Content/data/table.csv --
    a,b
    """

    @Test func buildsEveryPageKind() throws {
        let site = try InlineSite(Self.twoEssays)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        for file in ["index.html", "posts/old/index.html", "posts/new/index.html", "tags/index.html", "tags/costs/index.html",
                     "tags/memory/index.html", "feed.xml", "rss.xml", "sitemap.xml", "404.html", "style.css", "data/table.csv"] {
            #expect(site.exists(file), "missing \(file)")
        }
        let home = try site.output("index.html")
        let newer = try #require(home.range(of: "New &amp; shiny"))
        let older = try #require(home.range(of: "Old &lt;one&gt;"))
        #expect(newer.lowerBound < older.lowerBound, "newest first")
        #expect(home.contains("A &quot;summary&quot;."))
        #expect(try site.output("tags/costs/index.html").contains("Old &lt;one&gt;"))
        #expect(try site.output("data/table.csv") == "a,b\n")
    }

    @Test func escapesTitlesEverywhere() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: <script>alert(1)</script>
        date: 2026-01-01
        tags: ["<b>"]
        ---
        x
        """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        for file in ["a/index.html", "index.html", "tags/index.html", "feed.xml", "rss.xml"] {
            let text = try site.output(file)
            #expect(!text.contains("<script>alert"), "unescaped in \(file)")
            #expect(!text.contains("<b>"), "unescaped tag in \(file)")
        }
    }

    @Test func feedsCarryFullContentOfTheNewestEssays() throws {
        let site = try InlineSite(Self.twoEssays)
        defer { site.cleanUp() }
        site.build()
        let atom = try site.output("feed.xml")
        #expect(atom.contains("<content type=\"html\" xml:base=\"https://example.org/posts/new/\">&lt;p&gt;The new essay.&lt;/p&gt;"))
        #expect(atom.contains("<updated>2026-02-01T00:00:00Z</updated>"))
        let rss = try site.output("rss.xml")
        #expect(rss.contains("<pubDate>Sun, 01 Feb 2026 00:00:00 +0000</pubDate>"))
        #expect(rss.contains("&lt;p&gt;The old essay.&lt;/p&gt;"))
        let sitemap = try site.output("sitemap.xml")
        #expect(sitemap.contains("<url><loc>https://example.org/posts/new/</loc><lastmod>2026-02-01</lastmod></url>"))
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let site = try InlineSite("""
        -- Content/d.md --
        ---
        title: Draft
        date: 2026-01-01
        draft: true
        ---
        x
        """)
        defer { site.cleanUp() }
        site.build()
        #expect(!site.exists("d/index.html"))
        #expect(!(try site.output("feed.xml")).contains("Draft"))
        site.build { $0.includeDrafts = true }
        #expect(site.exists("d/index.html"))
    }

    @Test func twoEssaysClaimingOneURLAreBothNamed() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        -- Content/b.md --
        ---
        title: B
        slug: a
        ---
        -- Content/tags.md --
        ---
        title: Clashes with the tags index
        ---
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.succeeded)
        let clash = try #require(report.diagnostics.first { $0.message.contains("/a/") })
        #expect(clash.location?.line == 3)
        #expect(clash.message.hasSuffix("already taken by \(site.options.contentDirectory)/a.md"))
        #expect(report.diagnostics.contains { $0.message.contains("already taken by the tags index") })
    }

    @Test func anErrorLeavesTheOldOutputUntouched() throws {
        let site = try InlineSite(Self.twoEssays)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let before = try site.snapshot()
        try site.write("---\ntitle: broken\ndate: someday\n---\n", to: "Content/posts/broken.md")
        try site.write("---\n- not a mapping\n---\n", to: "Content/posts/broken2.md")
        let report = site.build()
        #expect(report.errorCount == 2, "every error of the build is reported")
        #expect(try site.snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: site.options.outputDirectory + ".costmark-staging"))
    }

    @Test func rebuildsAreByteIdentical() throws {
        let site = try InlineSite(Self.twoEssays)
        defer { site.cleanUp() }
        site.build()
        let first = try site.snapshot()
        site.build()
        #expect(try site.snapshot() == first)
        #expect(first.keys.filter { !$0.hasSuffix("/") }.count == 25,
                "and the posts/ folder's list page, robots.txt, feed.json, an Atom feed per tag, RSS at Hugo's addresses (index.xml, posts/index.xml, one per tag) and Hugo's page/1/ redirects (home, posts/, each tag): \(first.keys.sorted())")
    }

    @Test func aSuccessfulBuildRemovesStaleFiles() throws {
        let site = try InlineSite(Self.twoEssays)
        defer { site.cleanUp() }
        site.build()
        try site.remove("Content/posts/old.md")
        site.build()
        #expect(!site.exists("posts/old/index.html"))
        #expect(site.exists("posts/new/index.html"))
    }

    @Test func paginatesTheHomePage() throws {
        var files = "-- site.yml --\npage_size: 2\n"
        for day in 1...5 { files += "-- Content/p\(day).md --\n---\ntitle: P\(day)\ndate: 2026-01-0\(day)\n---\nx\n" }
        let site = try InlineSite(files)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        #expect(try site.output("index.html").contains("Page 1 of 3"))
        let last = try site.output("page/3/index.html")
        #expect(last.contains("P1"))
        #expect(last.contains("href=\"../../page/2/\""))
        #expect(!site.exists("page/4/index.html"))
    }

    /// Regression: list pages written in parallel raced to create their shared parent folders.
    @Test func manyPagesInOneFolderAreWrittenInParallel() throws {
        var files = "-- site.yml --\npage_size: 1\n"
        for index in 0..<300 { files += "-- Content/p\(index).md --\n---\ntitle: P\(index)\ndate: 2026-01-01\ntags: [shared, other]\n---\nx\n" }
        let site = try InlineSite(files)
        defer { site.cleanUp() }
        for _ in 0..<3 {
            let report = site.build()
            #expect(report.succeeded, "\(report.diagnostics.prefix(3))")
        }
        #expect(site.exists("tags/shared/page/300/index.html"))
        #expect(site.exists("page/300/index.html"))
    }

    /// The first pass reads only a file's first 16 KB; a problem further down must still fail the build.
    @Test func invalidUTF8PastTheHeaderChunkIsStillAnError() throws {
        let site = try InlineSite("-- Content/ok.md --\n---\ntitle: OK\n---\nfine\n")
        defer { site.cleanUp() }
        var bytes = Array("---\ntitle: Long\n---\n".utf8)
        bytes += Array(repeating: UInt8(ascii: "a"), count: 20_000) + [0x0A, 0xFF, 0x0A]
        try Data(bytes).write(to: site.root.appendingPathComponent("Content/long.md"))
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.first?.message.contains("not valid UTF-8") == true)
        #expect(report.diagnostics.first?.location?.line == 5)
    }

    @Test func aHeaderLongerThanTheFirstChunkIsReadWhole() throws {
        let long = String(repeating: "x", count: 20_000)
        let site = try InlineSite("-- Content/a.md --\n---\ntitle: A\nnotes: \(long)\n---\nBody text.\n")
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        #expect(try site.output("a/index.html").contains("<p>Body text.</p>"))
    }

    @Test func liveValuesInProseHeadingsAndNotCode() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: Live
        ---
        # Spend: {{ total }}

        We spend {{ total = $960 }} and `{{ total }}` stays code, as does \\{{ this }}.

        ```scenario
        total = $20 * 48
        ```
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = try site.output("a/index.html")
        // The heading's id is made from the value as rendered, not from `{{ total }}`.
        #expect(page.contains("<h1 id=\"spend-960\">Spend: <span class=\"cm-value\" title=\"total = $20 * 48\""))
        #expect(page.contains("cm-claim"))
        #expect(page.contains("<code>{{ total }}</code>"))
        #expect(page.contains("<details class=\"scenario\" id=\"scenario-main\">"))
    }

    @Test func figuresRenderAndValuesLinkToTheirRows() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: Figures
        ---
        Total {{ total }}, and at month 2 {{ at(running, 2 months) }}.

        ```chart
        y: [spend, running]
        annotate: {at: 2 months, label: two}
        ```

        ```table
        rows: [spend, running]
        ```

        ```scenario
        timeline = 0..3 months
        spend = $10 + $0 * t / 1 month
        running = cumsum(spend)
        total = sum(spend)
        ```
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = try site.output("a/index.html")
        #expect(page.contains("<svg class=\"cm-chart cm-chart-wide\"") && page.contains("<svg class=\"cm-chart cm-chart-narrow\""))
        #expect(page.contains("<tr id=\"cm-main-running\">"))
        #expect(!page.contains("<tr id=\"cm-main-total\">"), "rows: limits the table")
        // The tooltip names the inputs the value depends on, with their lines.
        #expect(page.contains("<a class=\"cm-value\" title=\"at(running, 2 months)\ninputs: spend (a.md:17)\" data-scenario=\"main\" href=\"#cm-main-running\">$30</a>"))
        #expect(page.contains("<span class=\"cm-value\" title=\"total = sum(spend)\ninputs: spend (a.md:17)\""), "no row, no link")
    }

    @Test func figureBlockErrorsAreLocatedInTheirYAML() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: Figures
        ---
        ```chart
        y: [spnd]
        colour: red
        ```

        ```table
        rows: [totl]
        ```

        ```scenario
        timeline = 0..3 months
        spend = $10 * t / 1 month
        total = sum(spend)
        ```
        """)
        defer { site.cleanUp() }
        let messages = site.build().diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }
        #expect(messages.contains("5:5 unknown name `spnd`"))
        #expect(messages.contains("6:1 unknown key `colour` in a chart block"))
        #expect(messages.contains("10:8 `totl` is not defined in scenario `main`"))
    }

    @Test func aClaimThatDoesNotHoldFailsTheBuildAtItsLine() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: Stale
        ---
        Intro.

        It costs {{ total = $1,140 }}.

        ```scenario
        total = $960
        ```
        """)
        defer { site.cleanUp() }
        let report = site.build()
        let diagnostic = try #require(report.diagnostics.first)
        #expect(diagnostic.message == "claim does not hold: total is $960, the text says $1,140")
        #expect(diagnostic.location?.line == 6)
        #expect(diagnostic.location?.column == 21)
        #expect(!site.exists("a/index.html"))
    }

    @Test func rawHTMLNeedsTheSetting() throws {
        let site = try InlineSite("-- Content/a.md --\n---\ntitle: A\n---\n<div class=\"x\">raw</div>\n")
        defer { site.cleanUp() }
        site.build()
        #expect(!(try site.output("a/index.html")).contains("<div class=\"x\">"))
        try site.write("unsafe_html: true\n", to: "site.yml")
        site.build()
        #expect(try site.output("a/index.html").contains("<div class=\"x\">raw</div>"))
    }

    @Test func unknownFrontMatterKeysReachTemplates() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        cover: pic.png
        ---
        x
        -- Templates/page.mustache --
        {{<base}}{{$main}}<p id="cover">{{page.meta.cover}}</p>{{/main}}{{/base}}
        """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        #expect(try site.output("a/index.html").contains("<p id=\"cover\">pic.png</p>"))
    }

    @Test func the404PageLinksFromTheBasePath() throws {
        let site = try InlineSite("-- site.yml --\nbase_url: https://example.org/blog/\n-- Content/a.md --\n---\ntitle: A\n---\n")
        defer { site.cleanUp() }
        site.build()
        let page = try site.output("404.html")
        #expect(page.contains("href=\"/blog/style.css\""))
    }

    @Test func refusesAnOutputFolderThatHoldsTheSources() throws {
        let site = try InlineSite("-- Content/a.md --\n---\ntitle: A\n---\n")
        defer { site.cleanUp() }
        let report = site.build { $0.outputDirectory = site.root.path }
        #expect(report.diagnostics.first?.message.hasPrefix("refusing to use") == true)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/a.md").path))
    }
}
