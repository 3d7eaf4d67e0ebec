import BuildRecord
import FileSupport
import Foundation
@testable import Site
import Testing

/// Data files are inputs of the pages that read them, and of nothing else: adding, editing,
/// deleting or renaming one renders exactly those pages again (and the list pages and feeds
/// that show them), and the output equals a clean build each time. Data files are not published
/// unless an essay links to them.
@Suite struct DataIncrementalBuildTests {
    static let site = BuildCacheTests.site + "\n" + """
    -- Content/reports/a.md --
    ---
    title: Report A
    date: 2026-02-01
    ---
    A totals {{ total }}; the [raw numbers](data/a.csv) are published.

    ```scenario
    data = csv("data/a.csv")
    total = sum(data.n)
    ```
    -- Content/reports/b.md --
    ---
    title: Report B
    date: 2026-02-02
    ---
    B body.

    B's largest is {{ largest }}.

    ```scenario
    data = csv("data/b.csv")
    largest = max(data.n)
    ```
    -- Content/reports/data/a.csv --
    n
    1
    2
    -- Content/reports/data/b.csv --
    n
    10
    20
    """

    func settledBuild(_ site: InlineSite) -> BuildReport {
        site.build {
            $0.cacheDirectory = site.root.appendingPathComponent(".costmark").path
            $0.settleTime = 0
        }
    }

    func expectMatchesCleanBuild(_ site: InlineSite, _ change: String) throws {
        let clean = site.build { $0.outputDirectory = site.root.appendingPathComponent("Clean").path }
        #expect(clean.succeeded, "\(change): \(clean.diagnostics.map(\.message))")
        let a = try site.snapshot("Output"), b = try site.snapshot("Clean")
        #expect(a.keys.sorted() == b.keys.sorted(), "\(change): different files or folders")
        for (file, bytes) in b where a[file] != bytes { Issue.record("\(change): \(file) differs from a clean build") }
    }

    /// Every output file with its inode: a written file is a new file (renamed into place).
    func inodes(_ site: InlineSite) throws -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        for file in try site.snapshot("Output").keys {
            result[file] = FileStamp.ofLink(site.root.appendingPathComponent("Output/" + file).path)?.inode
        }
        return result
    }

    /// The pages below a folder (essays and section lists) whose file was replaced.
    func rewrittenPages(_ site: InlineSite, since before: [String: UInt64]) throws -> [String] {
        try inodes(site).filter { file, inode in
            file.hasSuffix("/index.html") && !file.hasPrefix("tags/") && !file.hasPrefix("page/")
                && before[file] != nil && before[file] != inode
        }.keys.sorted()
    }

    func expectRewritten(_ site: InlineSite, since before: [String: UInt64], _ expected: [String],
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = try rewrittenPages(site, since: before)
        #expect(actual == expected, "rewritten: \(actual)", sourceLocation: sourceLocation)
    }

    @Test func anEditedDataFileRendersOnlyThePagesThatReadIt() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let first = settledBuild(site)
        #expect(first.succeeded, "\(first.diagnostics.map(\.message))")
        #expect(try site.output("reports/a/index.html").contains(">3<"))
        var before = try inodes(site)

        try site.write("n\n5\n6\n", to: "Content/reports/data/a.csv")
        #expect(settledBuild(site).succeeded)
        #expect(try site.output("reports/a/index.html").contains(">11<"))
        // Its summary shows the number, so the home page shows the new one too.
        #expect(try site.output("index.html").contains("A totals 11"))
        try expectRewritten(site, since: before, ["reports/a/index.html", "reports/index.html"])
        try expectMatchesCleanBuild(site, "data file edited")

        before = try inodes(site)
        try site.write("n\n10\n30\n", to: "Content/reports/data/b.csv")
        #expect(settledBuild(site).succeeded)
        try expectRewritten(site, since: before, ["reports/b/index.html"])
        // B's summary holds no number: its list entries did not change.
        #expect(before["index.html"] == (try inodes(site))["index.html"], "the home page stays the same file")
        try expectMatchesCleanBuild(site, "second data file edited")

        before = try inodes(site)
        #expect(settledBuild(site).succeeded)
        #expect(try rewrittenPages(site, since: before).isEmpty, "nothing changed, nothing rendered")
    }

    @Test func aDeletedThenAddedDataFileRendersThePageThatReadsIt() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(settledBuild(site).succeeded)
        let before = try inodes(site)

        try site.remove("Content/reports/data/b.csv")
        let missing = settledBuild(site)
        #expect(!missing.succeeded)
        #expect(missing.diagnostics.contains { $0.message.hasPrefix("no data file `data/b.csv`") },
                "\(missing.diagnostics.map(\.message))")
        #expect(try inodes(site) == before, "a failed build leaves the output folder as it was")

        try site.write("n\n4\n", to: "Content/reports/data/b.csv")
        #expect(settledBuild(site).succeeded)
        #expect(try site.output("reports/b/index.html").contains(">4<"))
        try expectRewritten(site, since: before, ["reports/b/index.html"])
        try expectMatchesCleanBuild(site, "data file added back")
    }

    @Test func aRenamedDataFileFollowsTheEssay() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(settledBuild(site).succeeded)
        let before = try inodes(site)
        try site.remove("Content/reports/data/b.csv")
        try site.write("n\n7\n8\n", to: "Content/reports/numbers/b2.csv")
        try site.write("---\ntitle: Report B\ndate: 2026-02-02\n---\nB body.\n\nB's largest is {{ largest }}.\n\n"
                       + "```scenario\ndata = csv(\"/reports/numbers/b2.csv\")\nlargest = max(data.n)\n```\n",
                       to: "Content/reports/b.md")
        #expect(settledBuild(site).succeeded)
        #expect(try site.output("reports/b/index.html").contains(">8<"))
        // The essay was edited, so the folder's list page shows it anew too.
        try expectRewritten(site, since: before, ["reports/b/index.html", "reports/index.html"])
        try expectMatchesCleanBuild(site, "data file renamed")
    }

    @Test func dataFilesArePublishedOnlyWhenLinked() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let report = settledBuild(site)
        #expect(report.succeeded)
        #expect(site.exists("reports/data/a.csv"), "a.csv is linked from report A")
        #expect(!site.exists("reports/data/b.csv"), "b.csv is only read by a scenario")
        #expect(site.exists("data.csv"), "a file no scenario reads is copied as before")

        // Linked later: published, incrementally as in a clean build.
        try site.write("---\ntitle: Report B\ndate: 2026-02-02\n---\nB body, [data](data/b.csv).\n\n"
                       + "B's largest is {{ largest }}.\n\n```scenario\ndata = csv(\"data/b.csv\")\nlargest = max(data.n)\n```\n",
                       to: "Content/reports/b.md")
        #expect(settledBuild(site).succeeded)
        #expect(site.exists("reports/data/b.csv"))
        try expectMatchesCleanBuild(site, "data file linked")

        // No longer read by report A, but still linked: still published.
        try site.write("---\ntitle: Report A\ndate: 2026-02-01\n---\nThe [raw numbers](data/a.csv).\n",
                       to: "Content/reports/a.md")
        #expect(settledBuild(site).succeeded)
        #expect(site.exists("reports/data/a.csv"))
        try expectMatchesCleanBuild(site, "data file no longer read")
    }
}
