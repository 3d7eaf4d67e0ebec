import BuildRecord
import FileSupport
import Foundation
@testable import Site
import Testing

/// A build that finds nothing changed stops after listing its inputs (`UnchangedRecord`); any
/// change it must notice (content, templates, settings, an output touched, a scheduled essay
/// coming due, a build with warnings) sends it down the full path, which matches a clean build.
@Suite struct UnchangedBuildTests {
    static let site = BuildCacheTests.site

    func settledBuild(_ site: InlineSite, now: Int? = nil) -> BuildReport {
        site.build {
            $0.cacheDirectory = site.root.appendingPathComponent(".costmark").path
            $0.settleTime = 0
            if let now { $0.now = now }
        }
    }

    var record: String { UnchangedRecord.fileName }

    func hasRecord(_ site: InlineSite) -> Bool {
        FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".costmark/" + record).path)
    }

    /// The short path reports every page unchanged, with the counts of the build it vouches for.
    @Test func nothingChangedStopsEarlyWithTheSameCounts() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let first = settledBuild(site)
        #expect(first.succeeded && hasRecord(site))
        let before = try site.snapshot()
        let again = settledBuild(site)
        #expect(again.succeeded && again.writtenFiles == 0 && again.readEssays == 0)
        #expect(again.cachedPages == first.pageCount && again.pageCount == first.pageCount)
        #expect(again.essayCount == first.essayCount && again.changedFiles == [])
        #expect(try site.snapshot() == before)
    }

    @Test func anyInputChangeTakesTheFullPath() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(settledBuild(site).succeeded)
        let edits: [(String, () throws -> Void, String, String)] = [
            ("an essay", { try site.write("---\ntitle: About\n---\nAbout, edited.\n", to: "Content/about.md") },
             "about/index.html", "About, edited."),
            ("a new static file", { try site.write("hello", to: "Content/hello.txt") }, "hello.txt", "hello"),
            ("the settings", { try site.write("title: Renamed\npage_size: 2\n", to: "site.yml") },
             "index.html", "Renamed"),
            ("a template", { try site.write("<footer>Own footer</footer>\n", to: "Templates/footer.mustache") },
             "posts/a/index.html", "Own footer"),
        ]
        for (what, edit, page, expected) in edits {
            try edit()
            let report = settledBuild(site)
            #expect(report.succeeded && report.writtenFiles > 0, "\(what): nothing was written")
            #expect(try site.output(page).contains(expected), "\(what): \(page) does not show the change")
            #expect(settledBuild(site).writtenFiles == 0, "\(what): the build after it changed something")
        }
    }

    /// An output someone edited or deleted is noticed, and made again.
    @Test func aTouchedOutputIsMadeAgain() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(settledBuild(site).succeeded)
        let page = site.root.appendingPathComponent("Output/posts/b/index.html")
        let original = try Data(contentsOf: page)
        try Data("defaced".utf8).write(to: page)
        #expect(settledBuild(site).writtenFiles == 1)
        #expect(try Data(contentsOf: page) == original)
        try FileManager.default.removeItem(at: page)
        #expect(settledBuild(site).writtenFiles == 1)
        #expect(try Data(contentsOf: page) == original)
    }

    /// The record holds until the first scheduled essay is due, then the essay is published.
    @Test func aScheduledEssayComingDueIsPublished() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        try site.write("---\ntitle: Later\ndate: 2026-06-01\n---\nLater body.\n", to: "Content/posts/later.md")
        let june = 1_780_272_000   // 2026-06-01T00:00:00Z
        #expect(settledBuild(site, now: june - 86_400).succeeded)
        #expect((try? site.output("posts/later/index.html")) == nil, "published before its date")
        #expect(settledBuild(site, now: june - 3_600).writtenFiles == 0)
        let due = settledBuild(site, now: june + 60)
        #expect(due.writtenFiles > 0)
        #expect(try site.output("posts/later/index.html").contains("Later body."))
    }

    /// Warnings are printed by every build, so a build with warnings leaves no record.
    @Test func aBuildWithWarningsIsNeverSkipped() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        try site.write("---\ntitle: Odd\nunknown_key: 1\n---\nOdd [link](missing.md).\n", to: "Content/odd.md")
        let first = settledBuild(site)
        #expect(first.succeeded && !first.diagnostics.isEmpty, "the essay was meant to warn")
        #expect(!hasRecord(site))
        #expect(settledBuild(site).diagnostics.count == first.diagnostics.count)
    }

    /// Feeds are made of their entries' pages: kept when none changed, made again when one did.
    @Test func feedsFollowTheirEntries() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(settledBuild(site).succeeded)
        try site.write("---\ntitle: About\n---\nAbout, edited.\n", to: "Content/about.md")
        let unlisted = settledBuild(site)
        #expect(!(unlisted.changedFiles ?? []).contains("feed.xml"), "an unlisted page changed the feed")
        try site.write("---\ntitle: Beta\ndate: 2026-01-02\ntags: [one, two]\n---\nBeta, edited.\n",
                       to: "Content/posts/b.md")
        let listed = settledBuild(site)
        for feed in ["feed.xml", "rss.xml", "feed.json", "tags/one/feed.xml", "tags/two/feed.xml"] {
            #expect((listed.changedFiles ?? []).contains(feed), "\(feed) was not made again")
            #expect(try site.output(feed).contains("Beta, edited."), "\(feed) misses the edit")
        }
    }
}
