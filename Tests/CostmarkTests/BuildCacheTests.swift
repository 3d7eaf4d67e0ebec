import Foundation
import Site
import Testing

/// After every kind of change, a build that reuses cached pages must produce exactly the bytes
/// of a clean build: a wrong cache must never show a stale page.
@Suite struct BuildCacheTests {
    static let site = """
    -- site.yml --
    title: Cached
    page_size: 2
    -- Content/posts/a.md --
    ---
    title: Alpha
    date: 2026-01-01
    tags: [one]
    ---
    Alpha costs {{ total }}.

    ```scenario
    total = $10 * 3
    ```
    -- Content/posts/b.md --
    ---
    title: Beta
    date: 2026-01-02
    tags: [one, two]
    ---
    Beta body.
    -- Content/posts/c.md --
    ---
    title: Gamma
    date: 2026-01-03
    ---
    Gamma body.
    -- Content/about.md --
    ---
    title: About
    ---
    About body.
    -- Content/data.csv --
    a,b
    """

    /// Builds with the cache into Output, and without it into Clean; both must be identical.
    func assertMatchesCleanBuild(_ site: InlineSite, _ change: String) throws {
        let cached = site.build { $0.cacheDirectory = site.root.appendingPathComponent(".costmark").path }
        #expect(cached.succeeded, "\(change): \(cached.diagnostics)")
        let clean = site.build { $0.outputDirectory = site.root.appendingPathComponent("Clean").path }
        #expect(clean.succeeded)
        let a = try site.snapshot("Output"), b = try site.snapshot("Clean")
        #expect(a.keys.sorted() == b.keys.sorted(), "\(change): different files")
        for (file, bytes) in b where a[file] != bytes {
            Issue.record("\(change): \(file) differs from a clean build")
        }
    }

    @Test func everyChangeMatchesACleanBuild() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        try assertMatchesCleanBuild(site, "first build")
        try assertMatchesCleanBuild(site, "no change")

        try site.write("---\ntitle: Alpha\ndate: 2026-01-01\ntags: [one]\n---\nAlpha costs {{ total }}.\n\n```scenario\ntotal = $10 * 4\n```\n", to: "Content/posts/a.md")
        try assertMatchesCleanBuild(site, "edited model")
        #expect(try site.output("posts/a/index.html").contains("$40"))

        try site.write("---\ntitle: Beta renamed\ndate: 2026-01-02\ntags: [one, two]\n---\nBeta body.\n", to: "Content/posts/b.md")
        try assertMatchesCleanBuild(site, "edited title (shown on neighbours and lists)")
        #expect(try site.output("posts/a/index.html").contains("Beta renamed"), "neighbour link follows the title")

        try site.write("<footer class=\"site-footer\"><p>New footer</p></footer>\n", to: "Templates/footer.mustache")
        try assertMatchesCleanBuild(site, "new template")
        #expect(try site.output("posts/c/index.html").contains("New footer"))

        try site.write("title: Renamed site\npage_size: 1\n", to: "site.yml")
        try assertMatchesCleanBuild(site, "edited settings")
        #expect(try site.output("posts/c/index.html").contains("Renamed site"))

        try site.remove("Content/posts/c.md")
        try assertMatchesCleanBuild(site, "deleted essay")
        #expect(!site.exists("posts/c/index.html"))

        try site.write(try String(contentsOf: site.root.appendingPathComponent("Content/posts/b.md"), encoding: .utf8), to: "Content/posts/b2.md")
        try site.remove("Content/posts/b.md")
        try assertMatchesCleanBuild(site, "renamed essay")
        #expect(site.exists("posts/b2/index.html") && !site.exists("posts/b/index.html"))

        try site.remove("Templates/footer.mustache")
        try assertMatchesCleanBuild(site, "template removed")
    }

    @Test func aBrokenBuildLeavesTheCacheUsable() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        try assertMatchesCleanBuild(site, "first build")
        try site.write("---\ntitle: Alpha\n---\n{{ total = $1 }}\n\n```scenario\ntotal = $2\n```\n", to: "Content/posts/a.md")
        let failed = site.build { $0.cacheDirectory = site.root.appendingPathComponent(".costmark").path }
        #expect(!failed.succeeded)
        try site.write("---\ntitle: Alpha\n---\nFixed {{ total = $2 }}\n\n```scenario\ntotal = $2\n```\n", to: "Content/posts/a.md")
        try assertMatchesCleanBuild(site, "fixed after a failed build")
    }

    @Test func unchangedPagesComeFromTheCache() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let cache = site.root.appendingPathComponent(".costmark").path
        #expect(site.build { $0.cacheDirectory = cache }.cachedPages == 0)
        let again = site.build { $0.cacheDirectory = cache }
        // 4 essays, and the list pages: home (2 pages of 2), tag one (1), tag two (1), posts/ (2 pages of 2).
        #expect(again.cachedPages == 10)
        try site.write("---\ntitle: About\n---\nAbout, edited.\n", to: "Content/about.md")
        #expect(site.build { $0.cacheDirectory = cache }.cachedPages == 9, "only the edited, unlisted page is rendered")
    }

    @Test func theRecordDoesNotGrowWithEdits() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let cache = site.root.appendingPathComponent(".costmark").path
        // What an older costmark kept there is cleared.
        try site.write("old page", to: ".costmark/pages-v1/0123.html")
        site.build { $0.cacheDirectory = cache }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache) == ["manifest"])
        let before = try #require(FileManager.default.attributesOfItem(atPath: cache + "/manifest")[.size] as? Int)
        for index in 0..<5 {
            try site.write("---\ntitle: Gamma \(index)\ndate: 2026-01-03\n---\nGamma body.\n", to: "Content/posts/c.md")
            site.build { $0.cacheDirectory = cache }
        }
        let after = try #require(FileManager.default.attributesOfItem(atPath: cache + "/manifest")[.size] as? Int)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache) == ["manifest"])
        #expect(abs(after - before) < 64, "one site's record, not every version: \(before) → \(after) bytes")
    }
}
