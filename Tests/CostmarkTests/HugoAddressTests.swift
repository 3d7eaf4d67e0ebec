import Content
import Diagnostics
import Foundation
import Markdown
import Testing

/// What a blog moving from Hugo keeps: its feed addresses (`index.xml` for the home page, each
/// folder and each tag), the feed length (`feed_limit: 0` for every post), a site-wide contents
/// box setting, and Hugo's names for settings answered with costmark's.
@Suite struct HugoAddressTests {
    static let site = """
    -- site.yml --
    title: Blog
    base_url: https://example.org/
    feed_limit: 0
    toc: false
    -- Content/posts/a.md --
    ---
    title: Alpha
    date: 2026-01-01
    tags: [go]
    ---
    ## One
    ## Two
    ## Three
    Text.
    -- Content/posts/b.md --
    ---
    title: Beta
    date: 2026-01-02
    toc: true
    ---
    ## Only
    Text.
    -- Content/c.md --
    ---
    title: Gamma
    date: 2026-01-03
    tags: [go]
    ---
    Text.
    """

    @Test func hugosFeedAddressesExistAndHoldTheirPosts() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        let home = try site.output("index.xml")
        #expect(home.contains("<atom:link href=\"https://example.org/index.xml\" rel=\"self\""))
        #expect(home.components(separatedBy: "<item>").count == 4, "every post")
        #expect(home.replacingOccurrences(of: "index.xml\" rel", with: "rss.xml\" rel") == (try site.output("rss.xml")),
                "the same feed as rss.xml")
        let folder = try site.output("posts/index.xml")
        #expect(folder.contains("<title>Blog: posts</title>") || folder.contains("<title>Blog: Posts</title>"), "\(folder)")
        #expect(folder.contains("<link>https://example.org/posts/a/</link>") && !folder.contains("/c/</link>"))
        let tag = try site.output("tags/go/index.xml")
        #expect(tag.contains("<title>Blog: go</title>") && tag.contains("/c/</link>") && tag.contains("/posts/a/</link>"))
        #expect(!tag.contains("/posts/b/</link>"))
    }

    @Test func pageOneOfEveryListRedirectsToTheList() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        for (file, target) in [("page/1/index.html", "../../"), ("tags/go/page/1/index.html", "../../../../tags/go/"),
                               ("posts/page/1/index.html", "../../../posts/")] {
            let page = try site.output(file)
            #expect(page.contains("content=\"0; url=\(target)\""), "\(file): \(page)")
        }
        #expect(!(try site.output("sitemap.xml")).contains("page/1/"), "a redirect is not a page of the site")
    }

    @Test func aContentsBoxSettingForTheWholeSite() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        #expect(!(try site.output("posts/a/index.html")).contains("cm-toc"), "toc: false in site.yml")
        #expect(try site.output("posts/b/index.html").contains("cm-toc"), "the essay's own toc: true wins")
    }

    @Test func feedLimitZeroIsEveryPostAndHugosSettingNamesAreAnswered() {
        let file = SourceFile(path: "site.yml", text: "feed_limit: 0\nlanguageCode: en-us\npaginate: 10\nfeed_limit2: 1\n")
        let (settings, diagnostics) = SiteSettings.parse(file)
        #expect(settings?.feedLimit == Int.max)
        #expect(diagnostics.map(\.notes.first?.message) == ["Hugo's `languageCode` is `language` here",
                                                            "Hugo's `paginate` is `page_size` here",
                                                            "did you mean `feed_limit`?"])
        let negative = SiteSettings.parse(SourceFile(path: "site.yml", text: "feed_limit: -1\n"))
        #expect(negative.settings == nil && negative.diagnostics.first?.message.hasPrefix("`feed_limit` must be") == true)
    }
}

/// Hugo's front-matter keys for what is published: `expiryDate` takes an essay down, `headless`
/// never publishes a page, `images:` gives the preview image.
@Suite struct HugoFrontMatterKeyTests {
    @Test func expiredAndHeadlessPagesAreNotPublishedAndImagesGiveThePreview() throws {
        let site = try InlineSite("""
        -- site.yml --
        base_url: https://example.org/
        -- Content/old.md --
        ---
        title: Old offer
        date: 2026-01-01
        expiryDate: 2026-02-01
        ---
        Gone.
        -- Content/later.md --
        ---
        title: Later offer
        date: 2026-01-01
        expiryDate: 2027-02-01
        images: [cover.png]
        ---
        Still here.
        -- Content/bundle/index.md --
        ---
        title: Headless
        headless: true
        ---
        Resources only.
        -- Content/cover.png --
        png
        """)
        defer { site.cleanUp() }
        let report = site.build { $0.now = 1_767_225_600 + 60 * 86_400 }   // 2026-03-02
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        #expect(!site.exists("old/index.html"), "expired")
        #expect(site.exists("later/index.html"))
        #expect(!site.exists("bundle/index.html"), "headless")
        #expect(!(try site.output("index.html")).contains("Old offer"))
        #expect(try site.output("later/index.html").contains("<meta property=\"og:image\" content=\"https://example.org/cover.png\""))
        let reread = site.build { $0.now = 1_767_225_600 + 60 * 86_400; $0.cacheDirectory = site.root.appendingPathComponent(".c").path; $0.settleTime = 0 }
        #expect(reread.succeeded && reread.diagnostics.isEmpty, "\(reread.diagnostics.map(\.message))")
        // Nothing changed, and the "nothing changed" record is written: it must end at the expiry.
        #expect(site.build { $0.now = 1_767_225_600 + 61 * 86_400
                             $0.cacheDirectory = site.root.appendingPathComponent(".c").path; $0.settleTime = 0 }.succeeded)
        let afterExpiry = site.build { $0.now = 1_802_000_000; $0.cacheDirectory = site.root.appendingPathComponent(".c").path; $0.settleTime = 0 }
        #expect(afterExpiry.succeeded && !site.exists("later/index.html"), "a cached essay expires too")
    }
}

/// Hugo's JSON front matter, read with the YAML reader's locations, and its date forms.
@Suite struct JSONFrontMatterTests {
    @Test func aJSONHeaderIsFrontMatterWithLocatedErrors() throws {
        let file = SourceFile(path: "a.md", text: """
        {
          "title": "JSON post",
          "date": "2019-03-01T8:09:26-07:00",
          "tags": ["go", "json"],
          "params": {"x": 1}
        }
        Body {{ 2 + 2 }}.
        """)
        let (essay, diagnostics) = FrontMatterParser.parse(file)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(essay?.frontMatter.title == "JSON post" && essay?.frontMatter.tags == ["go", "json"])
        #expect(essay?.frontMatter.date?.hour == 8 && essay?.frontMatter.date?.offsetMinutes == -420)
        #expect(essay?.body == "Body {{ 2 + 2 }}." && essay?.bodyFirstLine == 7)

        let bad = FrontMatterParser.parse(SourceFile(path: "b.md", text: "{\n  \"title\": \"B\",\n  \"date\": \"2026-13-05\"\n}\nx\n"))
        #expect(bad.diagnostics.first?.location?.line == 3 && bad.diagnostics.first?.location?.column == 11)
        let open = FrontMatterParser.parse(SourceFile(path: "c.md", text: "{\n  \"title\": \"Open\",\n"))
        #expect(open.diagnostics.first?.message == "this JSON front matter is never closed: its `{` has no matching `}`")
        let value = FrontMatterParser.parse(SourceFile(path: "d.md", text: "{{ total }}\n"))
        #expect(value.diagnostics.first?.message.hasPrefix("missing front matter") == true, "a value is not JSON")
    }
}

/// Hugo's TOML front matter (`+++`), parsed by TOMLKit and checked by the YAML reader line for line.
@Suite struct TOMLFrontMatterTests {
    @Test func tomlIsFrontMatterWithItsOwnLinesInMessages() throws {
        let file = SourceFile(path: "a.md", text: """
        +++
        title = "TOML post"
        date = 2019-03-01T08:09:26-07:00
        tags = ["go",
          "toml"]
        description = 'It says "hi"'

        [params]
        x = 1
        +++
        Body {{ 2 + 2 }}.
        """)
        let (essay, diagnostics) = FrontMatterParser.parse(file)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let front = try #require(essay?.frontMatter)
        #expect(front.title == "TOML post" && front.tags == ["go", "toml"] && front.summary == "It says \"hi\"")
        #expect(front.date?.hour == 8 && front.date?.offsetMinutes == -420)
        #expect(front.extra["params"] != nil, "a table stays for templates")
        #expect(essay?.body == "Body {{ 2 + 2 }}." && essay?.bodyFirstLine == 11)
        #expect(FrontMatterParser.split(file.text)?.2 == 11, "the body's line, for every later stage")

        let badDate = FrontMatterParser.parse(SourceFile(path: "b.md", text: "+++\ntitle = \"B\"\ndate = \"2026-13-05\"\n+++\nx\n"))
        #expect(badDate.diagnostics.first?.location?.line == 3 && badDate.diagnostics.first?.location?.column == 8)
        let syntax = FrontMatterParser.parse(SourceFile(path: "c.md", text: "+++\ntitle = \"Broken\n+++\nx\n"))
        #expect(syntax.diagnostics.first?.message.hasPrefix("TOML: ") == true && syntax.diagnostics.first?.location?.line == 2)
        let open = FrontMatterParser.parse(SourceFile(path: "d.md", text: "+++\ntitle = \"Open\"\n"))
        #expect(open.diagnostics.first?.message == "this TOML front matter is never closed: a second `+++` line ends it")
    }

    @Test func aTOMLEssayBuilds() throws {
        let site = try InlineSite("""
        -- Content/posts/a.md --
        +++
        title = "From Hugo"
        date = 2026-01-05
        tags = ["migration"]
        slug = "from-hugo"
        +++
        It costs {{ total = $960 }}.

        ```scenario
        total = $960
        ```
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        #expect(try site.output("posts/from-hugo/index.html").contains("<h1>From Hugo</h1>"))
        #expect(site.exists("tags/migration/index.html"))
    }
}

/// `heading_ids: hugo` (or `github`): the ids Hugo's goldmark gives, so deep links into a
/// migrated blog keep working; `costmark` stays the default.
@Suite struct HeadingIDSchemeTests {
    @Test func githubAndHugoIDs() {
        let scheme = HeadingIDScheme.github
        #expect(scheme.id(for: "What’s next?") == "whats-next")
        #expect(scheme.id(for: "What's next?") == "whats-next")
        #expect(scheme.id(for: "v1.2 notes") == "v12-notes")
        #expect(scheme.id(for: "snake_case and kebab-case") == "snake_case-and-kebab-case")
        #expect(scheme.id(for: "Über Größe") == "über-größe")
        #expect(scheme.id(for: "Spaces  two") == "spaces--two")
        // Each of these is what Hugo 0.111 (goldmark) wrote for the same heading, checked by hand.
        #expect(scheme.id(for: "?!") == "section")
        #expect(HeadingIDScheme.costmark.id(for: "What's next?") == "what-s-next")
    }

    @Test func aSiteWithHugosHeadingIDs() throws {
        let site = try InlineSite("""
        -- site.yml --
        heading_ids: hugo
        strict: true
        -- Content/a.md --
        ---
        title: A
        ---
        See [below](#whats-next) and [the other](b.md#v12-notes).

        ## What's next?

        ## What's next?
        -- Content/b.md --
        ---
        title: B
        ---
        ## v1.2 notes
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        let page = try site.output("a/index.html")
        #expect(page.contains("<h2 id=\"whats-next\">") && page.contains("<h2 id=\"whats-next-1\">"))
        try site.write("heading_ids: hugo\nstrict: true\n".replacingOccurrences(of: "hugo", with: "goldmark"), to: "site.yml")
        let bad = site.build()
        #expect(bad.diagnostics.first?.message == "`heading_ids` is costmark, github or hugo (the same as github)")
    }
}

/// Hugo's `url:` in front matter: the essay's own address, linked to and checked like any other.
@Suite struct FrontMatterURLTests {
    @Test func urlGivesTheEssaysAddress() throws {
        let site = try InlineSite("""
        -- Content/posts/2019/a.md --
        ---
        title: A
        date: 2026-01-01
        url: /guides/setup
        ---
        See [B](../../b.md).
        -- Content/b.md --
        ---
        title: B
        ---
        Back to [A](posts/2019/a.md).
        -- Content/c.md --
        ---
        title: C
        url: /x/../y/
        ---
        C.
        """)
        defer { site.cleanUp() }
        var report = site.build()
        #expect(report.diagnostics.map(\.message)
                == ["`url` may hold only letters, digits, '-', '_', '.' and '~' between its slashes"])
        #expect(report.diagnostics.first?.location?.line == 3)
        try site.write("---\ntitle: C\nurl: /b/\n---\nC.\n", to: "Content/c.md")
        report = site.build()
        #expect(report.diagnostics.contains { $0.message.contains("claims the URL /b/") }, "\(report.diagnostics.map(\.message))")
        try site.remove("Content/c.md")
        report = site.build()
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        #expect(site.exists("guides/setup/index.html") && !site.exists("posts/2019/a/index.html"))
        #expect(try site.output("b/index.html").contains("href=\"../guides/setup/\""))
        #expect(try site.output("guides/setup/index.html").contains("href=\"../../b/\""))
    }
}
