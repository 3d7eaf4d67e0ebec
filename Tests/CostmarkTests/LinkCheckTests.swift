import Diagnostics
import Foundation
import Site
import Testing

/// Links between essays: written as files, published as addresses, and checked.
@Suite struct LinkCheckTests {
    static let site = """
    -- Content/posts/x.md --
    ---
    title: X
    date: 2026-01-02
    ---
    ## Getting started

    See [the other one](other.md), [its setup](../guide/setup.md#install-it) and [the top](#getting-started).
    ![A chart](chart.png) and ![old style](../../images/pixel.png) and [home](/about.md).

    Broken: [gone](missing.md), [no such part](../guide/setup.md#nowhere) and [here](#nope).
    ![Missing](missing.png) and [external](https://example.org/missing.md) and [mail](mailto:a@b.c).
    -- Content/posts/other.md --
    ---
    title: Other
    date: 2026-01-01
    slug: the-other
    ---
    Back to [x](x.md#getting-started).
    -- Content/posts/chart.png --
    png
    -- Content/images/pixel.png --
    png
    -- Content/guide/setup.md --
    ---
    title: Setup
    ---
    # Install it
    -- Content/about.md --
    ---
    title: About
    ---
    Hi.
    """

    @Test func linksToEssayFilesBecomeAddressesWithTheirFragment() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded)
        let page = try site.output("posts/x/index.html")
        #expect(page.contains(#"<a href="../../posts/the-other/">the other one</a>"#))
        #expect(page.contains(##"<a href="../../guide/setup/#install-it">its setup</a>"##))
        #expect(page.contains(##"<a href="#getting-started">the top</a>"##))
        #expect(page.contains(#"<img src="../../posts/chart.png" alt="A chart" />"#))
        #expect(page.contains(#"<img src="../../images/pixel.png" alt="old style" />"#), "output-relative links stay")
        #expect(page.contains(#"<a href="../../about/">home</a>"#))
        #expect(page.contains(#"<a href="https://example.org/missing.md">external</a>"#))
        #expect(try site.output("posts/the-other/index.html").contains(##"href="../../posts/x/#getting-started""##))
    }

    @Test func brokenLinksImagesAndFragmentsAreLocatedWarnings() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded)
        #expect(site.messages(report) == [
            "Content/posts/x.md:10:16: warning: link to missing.md, which is not in Content/",
            "Content/posts/x.md:10:44: warning: link to ../guide/setup.md#nowhere: no heading or element of "
                + "Content/guide/setup.md has the id `nowhere`",
            "Content/posts/x.md:10:82: warning: link to #nope: no heading or element on this page has the id `nope`",
            "Content/posts/x.md:11:12: warning: image missing.png, which is not in Content/",
        ])
    }

    @Test func strictMakesThemErrors() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let report = site.build { $0.strict = true }
        #expect(!report.succeeded && report.errorCount == 4)
        #expect(!site.exists("index.html"), "nothing is written when strict links fail")
        try site.write("strict: true\n", to: "site.yml")
        #expect(site.build().errorCount == 4)
    }

    @Test func aLinkBrokenByAnotherEssayIsReportedAndRewrittenOnRebuild() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        func build() -> BuildReport {
            site.build { $0.cacheDirectory = site.root.appendingPathComponent(".costmark").path; $0.settleTime = 0 }
        }
        #expect(build().warningCount == 4)
        let again = build()
        #expect(again.warningCount == 4, "kept pages are checked again")
        // The target's slug changes: the linking page, unchanged itself, follows.
        try site.write("---\ntitle: Other\ndate: 2026-01-01\nslug: renamed\n---\nBack.\n", to: "Content/posts/other.md")
        let renamed = build()
        #expect(renamed.warningCount == 4)
        #expect(try site.output("posts/x/index.html").contains(#"href="../../posts/renamed/""#))
        try site.remove("Content/posts/other.md")
        let removed = build()
        #expect(site.messages(removed).contains("Content/posts/x.md:7:21: warning: link to other.md, which is not in Content/"))
        #expect(try site.output("posts/x/index.html").contains(#"href="other.md""#))
        let fresh = try InlineSite(Self.site)
        defer { fresh.cleanUp() }
        try fresh.remove("Content/posts/other.md")
        fresh.build()
        #expect(try fresh.snapshot() == site.snapshot(), "the rebuild equals a clean build")
    }

    @Test func draftsAreNamedAsUnpublished() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        See [b](b.md).
        -- Content/b.md --
        ---
        title: B
        draft: true
        ---
        Draft.
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(site.messages(report) == ["Content/a.md:4:9: warning: link to b.md, which is not published in this "
                                          + "build (Content/b.md is a draft or dated in the future)"])
        #expect(site.build { $0.includeDrafts = true }.diagnostics.isEmpty)
        #expect(try site.output("a/index.html").contains(#"href="../b/""#))
    }
}
