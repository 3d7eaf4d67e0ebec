import Content
import Diagnostics
import Foundation
import Site
import Testing

/// Redirects at old addresses, and front matter written for Hugo.
@Suite struct AliasAndHugoFrontMatterTests {
    @Test func aliasesWriteRedirectPages() throws {
        let site = try InlineSite("""
        -- site.yml --
        base_url: https://example.org/blog/
        -- Content/posts/new.md --
        ---
        title: New <home>
        aliases: [/old/path/, /2019/01/page.html, legacy]
        ---
        Moved.
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let redirect = try site.output("old/path/index.html")
        #expect(redirect.contains(#"<meta http-equiv="refresh" content="0; url=../../posts/new/">"#))
        #expect(redirect.contains(#"<link rel="canonical" href="https://example.org/blog/posts/new/">"#))
        #expect(redirect.contains(#"<meta name="robots" content="noindex">"#))
        #expect(redirect.contains("<title>New &lt;home&gt;</title>"))
        #expect(try site.output("2019/01/page.html").contains("url=../../posts/new/"))
        #expect(try site.output("legacy/index.html").contains("url=../posts/new/"))
        #expect(try !site.output("sitemap.xml").contains("old/path"))
    }

    @Test func anAliasNeverReplacesAPage() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        aliases:
          - /b/
        ---
        A.
        -- Content/b.md --
        ---
        title: B
        ---
        B.
        -- Content/c.md --
        ---
        title: C
        aliases: [/tags/]
        ---
        C.
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(site.messages(report) == [
            "Content/a.md:4:3: error: the alias /b/index.html of Content/a.md would overwrite Content/b.md",
            "Content/c.md:3:10: error: the alias /tags/index.html of Content/c.md would overwrite the tags index",
        ])
    }

    @Test func hugoKeysAreUnderstood() throws {
        let site = try InlineSite("""
        -- Content/posts/h.md --
        ---
        title: From Hugo
        publishDate: 2026-02-03
        lastmod: 2026-02-10
        description: Said in Hugo's words.
        draft: false
        slug: from-hugo
        cover: cover.png
        ---
        Body.
        -- Templates/page.mustache --
        {{page.title}}|{{page.date.iso}}|{{page.updated.iso}}|{{page.summary}}|{{page.meta.cover}}
        """)
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.isEmpty)
        #expect(try site.output("posts/from-hugo/index.html")
                    == "From Hugo|2026-02-03|2026-02-10|Said in Hugo&#39;s words.|cover.png\n")
    }

    /// TOML front matter was once refused with a hint to convert it; it is read now
    /// (`TOMLFrontMatterTests`), and only an unclosed one is an error.
    @Test func tomlFrontMatterIsReadAndAnUnclosedOneIsLocated() throws {
        let site = try InlineSite("""
        -- Content/t.md --
        +++
        title = "T"
        +++
        Body.
        -- Content/u.md --
        +++
        title = "U"
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(site.messages(report) == ["Content/u.md:1:1: error: this TOML front matter is never closed: "
                                          + "a second `+++` line ends it"])
        #expect(!site.exists("u/index.html"))
    }
}
