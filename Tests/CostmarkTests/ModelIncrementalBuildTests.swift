import BuildRecord
import FileSupport
import Foundation
@testable import Site
import Testing

/// Model files are inputs of the pages that import them, through nested imports: editing,
/// adding, deleting or renaming one renders exactly those pages again, and the output equals
/// a clean build each time.
@Suite struct ModelIncrementalBuildTests {
    static let site = BuildCacheTests.site + "\n" + """
    -- Content/models/base.scenario --
    hourly = $100/hour
    -- Content/models/team.scenario --
    use "base.scenario"
    team_cost = 4 * hourly * 40 hours
    -- Content/guides/direct.md --
    ---
    title: Direct
    date: 2026-03-01
    ---
    Direct.

    An hour costs {{ hourly }}.

    ```scenario
    use "/models/base.scenario"
    ```
    -- Content/guides/nested.md --
    ---
    title: Nested
    date: 2026-03-02
    ---
    Nested.

    A week costs {{ team_cost }}.

    ```scenario
    use "/models/team.scenario"
    ```
    -- Content/guides/alone.md --
    ---
    title: Alone
    date: 2026-03-03
    ---
    Alone.
    """

    let helper = DataIncrementalBuildTests()

    func build(_ site: InlineSite) -> BuildReport { helper.settledBuild(site) }

    @Test func editingAModelRendersThePagesThatImportItThroughAnyDepth() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(build(site).succeeded)
        var before = try helper.inodes(site)

        try site.write("hourly = $120/hour\n", to: "Content/models/base.scenario")
        #expect(build(site).succeeded)
        #expect(try site.output("guides/direct/index.html").contains(">$120/hour<"))
        #expect(try site.output("guides/nested/index.html").contains(">$19,200<"))
        try helper.expectRewritten(site, since: before, ["guides/direct/index.html", "guides/nested/index.html"])
        try helper.expectMatchesCleanBuild(site, "base model edited")

        before = try helper.inodes(site)
        try site.write("use \"base.scenario\"\nteam_cost = 5 * hourly * 40 hours\n", to: "Content/models/team.scenario")
        #expect(build(site).succeeded)
        try helper.expectRewritten(site, since: before, ["guides/nested/index.html"])
        try helper.expectMatchesCleanBuild(site, "nested model edited")
    }

    @Test func aModelThatBreaksFailsTheBuildAndLeavesTheOutput() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(build(site).succeeded)
        let before = try helper.inodes(site)
        try site.write("hourly = $100/hour + 1 GB\n", to: "Content/models/base.scenario")
        let broken = build(site)
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.filter { $0.message.hasPrefix("cannot add money") }.count == 1, "reported once")
        #expect(try helper.inodes(site) == before, "the output folder is as it was")
        try site.write("hourly = $90/hour\n", to: "Content/models/base.scenario")
        #expect(build(site).succeeded)
        try helper.expectRewritten(site, since: before, ["guides/direct/index.html", "guides/nested/index.html"])
        try helper.expectMatchesCleanBuild(site, "model fixed")
    }

    @Test func deletingAndAddingBackAModel() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(build(site).succeeded)
        let before = try helper.inodes(site)
        try site.remove("Content/models/team.scenario")
        let missing = build(site)
        #expect(!missing.succeeded)
        #expect(missing.diagnostics.contains { $0.message == "no model file `/models/team.scenario` in the content folder" })
        try site.write("use \"base.scenario\"\nteam_cost = 2 * hourly * 40 hours\n", to: "Content/models/team.scenario")
        #expect(build(site).succeeded)
        #expect(try site.output("guides/nested/index.html").contains(">$8,000<"))
        try helper.expectRewritten(site, since: before, ["guides/nested/index.html"])
        try helper.expectMatchesCleanBuild(site, "model added back")
    }

    @Test func renamingAModelWithItsImporters() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(build(site).succeeded)
        let before = try helper.inodes(site)
        try site.remove("Content/models/base.scenario")
        try site.write("hourly = $100/hour\n", to: "Content/shared/rates.scenario")
        try site.write("use \"../shared/rates.scenario\"\nteam_cost = 4 * hourly * 40 hours\n", to: "Content/models/team.scenario")
        try site.write("---\ntitle: Direct\ndate: 2026-03-01\n---\nDirect.\n\nAn hour costs {{ hourly }}.\n\n"
                       + "```scenario\nuse \"/shared/rates.scenario\"\n```\n", to: "Content/guides/direct.md")
        #expect(build(site).succeeded)
        // The direct essay changed (and so the list page that shows it, the second of its folder's);
        // the nested one only through its model.
        try helper.expectRewritten(site, since: before, ["guides/direct/index.html", "guides/nested/index.html",
                                                         "guides/page/2/index.html"])
        try helper.expectMatchesCleanBuild(site, "model renamed")
    }
}
