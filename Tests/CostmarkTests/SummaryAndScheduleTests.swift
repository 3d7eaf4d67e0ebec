import Content
import Foundation
import Site
import Testing

/// Summaries (`<!--more-->`, never an image's description) and essays dated in the future.
@Suite struct SummaryAndScheduleTests {
    @Test func theMoreMarkerEndsTheSummaryWithRawHTMLOff() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        date: 2026-01-01
        ---
        First paragraph, *short*.

        Second paragraph.
        <!--more-->
        After the break.
        -- Content/b.md --
        ---
        title: B
        date: 2026-01-02
        ---
        ![A photo of a machine room](room.png)

        The real opening. Inline <!--more--> marker.
        -- Content/c.md --
        ---
        title: C
        date: 2026-01-03
        ---
        ![Only a picture](room.png)

        A first paragraph that is the summary.

        Not this one.
        -- Content/room.png --
        png
        """)
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.isEmpty)
        let home = try site.output("index.html")
        #expect(home.contains("<p>First paragraph, short. Second paragraph.</p>"))
        #expect(!home.contains("After the break"))
        #expect(home.contains("<p>The real opening. Inline</p>"))
        #expect(home.contains("<p>A first paragraph that is the summary.</p>"))
        #expect(!home.contains("Only a picture</p>") && !home.contains("A photo of"))
        let page = try site.output("a/index.html")
        #expect(page.contains("After the break.") && !page.contains("raw HTML omitted"))
    }

    static let scheduled = """
    -- site.yml --
    base_url: https://example.org/
    -- Content/posts/now.md --
    ---
    title: Today
    date: 2026-03-14
    ---
    Out now.
    -- Content/posts/later.md --
    ---
    title: Later
    date: 2026-03-14T12:00:01Z
    tags: [soon]
    ---
    Not yet.
    """

    /// 2026-03-14 12:00:00 UTC.
    static let noon = SiteDate(year: 2026, month: 3, day: 14, hour: 12).epochSeconds

    @Test func futureEssaysAreLeftOutOfEveryListUnlessAsked() throws {
        let site = try InlineSite(Self.scheduled)
        defer { site.cleanUp() }
        #expect(site.build { $0.now = Self.noon }.diagnostics.isEmpty)
        #expect(!site.exists("posts/later/index.html") && !site.exists("tags/soon/index.html"))
        for file in ["index.html", "feed.xml", "rss.xml", "sitemap.xml"] {
            #expect(try !site.output(file).contains("later"), "\(file)")
        }
        #expect(site.build { $0.now = Self.noon + 1 }.diagnostics.isEmpty)
        #expect(try site.output("sitemap.xml").contains("posts/later/"), "a second later it is published")
        #expect(try !site.output("posts/later/index.html").contains("Scheduled"))
        site.build { $0.now = Self.noon; $0.includeFuture = true }
        let page = try site.output("posts/later/index.html")
        #expect(page.contains(#"<p class="scheduled"><strong>Scheduled:</strong>"#))
        #expect(try site.output("index.html").contains("posts/later/"))
    }

    @Test func aRebuildAfterTheDateEqualsACleanBuild() throws {
        let site = try InlineSite(Self.scheduled)
        defer { site.cleanUp() }
        func build(_ now: Int) {
            site.build { $0.now = now; $0.cacheDirectory = site.root.appendingPathComponent(".costmark").path; $0.settleTime = 0 }
        }
        build(Self.noon)
        build(Self.noon + 3600)
        let fresh = try InlineSite(Self.scheduled)
        defer { fresh.cleanUp() }
        fresh.build { $0.now = Self.noon + 3600 }
        #expect(try fresh.snapshot() == site.snapshot())
    }
}
