import Foundation
import Site
import Testing

/// Link previews, the favicon, the JSON feed, per-tag feeds, absolute addresses in feeds, robots.txt.
@Suite struct HeadAndFeedTests {
    static let site = """
    -- site.yml --
    title: Feeds
    base_url: https://example.org/blog/
    -- Content/favicon.png --
    png
    -- Content/posts/a.md --
    ---
    title: A "quoted" essay
    date: 2026-01-02
    tags: [C#, costs]
    ---
    ![A chart](chart.png)

    See [b](b.md#part), [top](#top) and [out](https://example.com/x).
    -- Content/posts/chart.png --
    png
    -- Content/posts/b.md --
    ---
    title: B
    date: 2026-01-01
    tags: [costs]
    image: https://cdn.example.org/b.png
    ---
    ## Part
    -- Content/about.md --
    ---
    title: About
    ---
    About.
    """

    @Test func pagesCarryLinkPreviewsAndTheFavicon() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let a = try site.output("posts/a/index.html")
        #expect(a.contains(#"<meta property="og:title" content="A &quot;quoted&quot; essay">"#))
        #expect(a.contains(#"<meta property="og:type" content="article">"#))
        #expect(a.contains(#"<meta property="og:url" content="https://example.org/blog/posts/a/">"#))
        #expect(a.contains(#"<meta property="og:image" content="https://example.org/blog/posts/chart.png">"#))
        #expect(a.contains(#"<meta name="twitter:card" content="summary_large_image">"#))
        #expect(a.contains(#"<link rel="icon" href="../../favicon.png" type="image/png">"#))
        #expect(try site.output("posts/b/index.html").contains(#"content="https://cdn.example.org/b.png""#))
        let about = try site.output("about/index.html")
        #expect(about.contains(#"<meta name="twitter:card" content="summary">"#) && !about.contains("og:image"))
        #expect(try site.output("index.html").contains(#"<meta property="og:type" content="website">"#))
        #expect(try site.output("404.html").contains(#"<link rel="icon" href="/blog/favicon.png""#))
    }

    @Test func feedsUseAbsoluteAddresses() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        site.build()
        let rss = try site.output("rss.xml")
        #expect(rss.contains("src=&quot;https://example.org/blog/posts/chart.png&quot;"))
        #expect(rss.contains("href=&quot;https://example.org/blog/posts/b/#part&quot;"))
        #expect(rss.contains("href=&quot;https://example.org/blog/posts/a/#top&quot;"))
        #expect(rss.contains("href=&quot;https://example.com/x&quot;"))
        #expect(!rss.contains("../"))
        #expect(try !site.output("feed.xml").contains("../"))
    }

    @Test func aJSONFeedSitsBesideAtomAndRSS() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        site.build()
        let data = try #require(try site.output("feed.json").data(using: .utf8))
        let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["feed_url"] as? String == "https://example.org/blog/feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["https://example.org/blog/posts/a/", "https://example.org/blog/posts/b/"])
        #expect(items[0]["title"] as? String == #"A "quoted" essay"#)
        #expect(items[0]["tags"] as? [String] == ["C#", "costs"])
        #expect(items[0]["date_published"] as? String == "2026-01-02T00:00:00Z")
        #expect((items[0]["content_html"] as? String)?.contains("https://example.org/blog/posts/chart.png") == true)
        #expect(try site.output("index.html").contains(#"type="application/feed+json""#))
    }

    @Test func eachTagHasAnAtomFeed() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        site.build()
        let costs = try site.output("tags/costs/feed.xml")
        #expect(costs.contains("<title>Feeds: costs</title>"))
        #expect(costs.contains(#"<link href="https://example.org/blog/tags/costs/feed.xml" rel="self""#))
        #expect(costs.components(separatedBy: "<entry>").count == 3)
        #expect(try site.output("tags/c-sharp/feed.xml").components(separatedBy: "<entry>").count == 2)
        #expect(try site.output("tags/costs/index.html").contains(#"href="../../tags/costs/feed.xml""#))
    }

    @Test func robotsPointAtTheSitemapUnlessTheSiteHasItsOwn() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        site.build()
        #expect(try site.output("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/blog/sitemap.xml\n")
        try site.write("User-agent: *\nDisallow: /\n", to: "Content/robots.txt")
        #expect(site.build().succeeded)
        #expect(try site.output("robots.txt") == "User-agent: *\nDisallow: /\n")
    }

    /// Feeds carry each chart's desktop layout with its own colours, and not the phone layout
    /// (which only the site's stylesheet shows).
    @Test func feedsCarryOneSelfContainedLayoutOfEachChart() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        date: 2026-01-01
        ---
        ```chart
        y: [spend]
        ```

        ```scenario
        timeline = 0..3 months
        spend = $10 * t / 1 month
        ```
        """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        for feed in ["feed.xml", "rss.xml", "feed.json"] {
            let text = try site.output(feed)
            #expect(text.contains("cm-chart cm-chart-wide"), "\(feed) has the chart")
            #expect(!text.contains("cm-chart-narrow"), "\(feed) has only one layout")
            #expect(text.contains("stroke=") && text.contains("#0072b2"), "\(feed)'s chart carries its colours")
        }
        #expect(try site.output("a/index.html").contains("cm-chart-narrow"), "the page has both")
    }
}
