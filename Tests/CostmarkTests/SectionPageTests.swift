import Foundation
import Site
import Testing

/// A folder under Content/ is a list page at its address; `_index.md` gives it a title and intro.
@Suite struct SectionPageTests {
    static let site = """
    -- Content/guides/_index.md --
    ---
    title: All the guides
    description: How to do things.
    ---
    Start *here*.
    -- Content/guides/setup.md --
    ---
    title: Setup
    date: 2026-01-02
    ---
    Set up. Back to [the guides](_index.md) or [the folder](./).
    -- Content/guides/deep/tuning.md --
    ---
    title: Tuning
    ---
    Tune.
    -- Content/posts/a.md --
    ---
    title: A
    date: 2026-01-01
    ---
    See [the guides](../guides/).
    -- Content/notes/index.md --
    ---
    title: Notes are an essay
    ---
    Notes.
    -- Content/images/x.png --
    png
    """

    @Test func foldersGetListPages() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.diagnostics.isEmpty, "\(site.messages(report))")
        let guides = try site.output("guides/index.html")
        #expect(guides.contains(#"<h1 class="list-title">All the guides</h1>"#))
        #expect(guides.contains("<div class=\"lede\">\n<p>Start <em>here</em>.</p>\n</div>"))
        #expect(guides.contains("<title>All the guides · "))
        #expect(guides.contains(#"<meta name="description" content="How to do things.">"#))
        #expect(guides.contains("../guides/setup/") && guides.contains("../guides/deep/tuning/"))
        #expect(!site.exists("guides/_index/index.html") && !site.exists("guides/index/index.html"))
        #expect(try site.output("guides/deep/index.html").contains(#"<h1 class="list-title">Deep</h1>"#))
        #expect(try site.output("posts/index.html").contains("../posts/a/"))
        #expect(try site.output("notes/index.html").contains("Notes are an essay"), "an index.md essay keeps its address")
        #expect(!site.exists("images/index.html"), "a folder without essays has no list page")
        #expect(try site.output("sitemap.xml").contains("/guides/deep/"))
    }

    @Test func anIndexFileRetitlesTheHomePage() throws {
        let site = try InlineSite("""
        -- Content/_index.md --
        ---
        title: Welcome
        ---
        Hello, *reader*.
        -- Content/a.md --
        ---
        title: A
        date: 2026-01-01
        ---
        A.
        """)
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.isEmpty)
        let home = try site.output("index.html")
        #expect(home.contains(#"<h1 class="list-title">Welcome</h1>"#) && home.contains("<em>reader</em>"))
    }

    @Test func editingTheIndexFileRebuildsItsPageAsACleanBuildWould() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let cache = site.root.appendingPathComponent(".costmark").path
        site.build { $0.cacheDirectory = cache; $0.settleTime = 0 }
        try site.write("---\ntitle: Renamed guides\n---\nNew intro.\n", to: "Content/guides/_index.md")
        site.build { $0.cacheDirectory = cache; $0.settleTime = 0 }
        #expect(try site.output("guides/index.html").contains("Renamed guides"))
        let fresh = try InlineSite(Self.site)
        defer { fresh.cleanUp() }
        try fresh.write("---\ntitle: Renamed guides\n---\nNew intro.\n", to: "Content/guides/_index.md")
        fresh.build()
        #expect(try fresh.snapshot() == site.snapshot())
    }
}
