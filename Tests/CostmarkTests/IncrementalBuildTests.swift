import BuildRecord
import Foundation
@testable import Site
import Content
import FileSupport
import Theme
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A rebuild with the manifest updates the output folder in place: only what changed is
/// written, and whatever the manifest cannot vouch for is rebuilt. Each test ends by comparing
/// with a clean build, byte for byte and folder for folder.
@Suite struct IncrementalBuildTests {
    static let site = BuildCacheTests.site

    func cachedBuild(_ site: InlineSite) -> BuildReport {
        site.build { $0.cacheDirectory = site.root.appendingPathComponent(".costmark").path }
    }

    /// A build that trusts every source changed before it started, as sources are between
    /// editing sessions (normally only those changed over two seconds before). For tests that
    /// count what was read or written; they never re-save a file at the same size.
    func settledBuild(_ site: InlineSite) -> BuildReport {
        site.build {
            $0.cacheDirectory = site.root.appendingPathComponent(".costmark").path
            $0.settleTime = 0
        }
    }

    func expectMatchesCleanBuild(_ site: InlineSite, _ change: String) throws {
        #expect(site.build { $0.outputDirectory = site.root.appendingPathComponent("Clean").path }.succeeded)
        let a = try site.snapshot("Output"), b = try site.snapshot("Clean")
        #expect(a.keys.sorted() == b.keys.sorted(), "\(change): different files or folders")
        for (file, bytes) in b where a[file] != bytes { Issue.record("\(change): \(file) differs from a clean build") }
    }

    func inode(_ site: InlineSite, _ path: String) -> UInt64? {
        FileStamp.ofLink(site.root.appendingPathComponent("Output/" + path).path)?.inode
    }

    /// Sets a file's modification time, as an editor saving twice within one clock tick would leave it.
    func setModified(_ site: InlineSite, _ path: String, nanoseconds: Int64) {
        var times = [timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000)),
                     timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))]
        #expect(utimensat(AT_FDCWD, site.root.appendingPathComponent(path).path, &times, 0) == 0)
    }

    @Test func anEditRewritesOnlyWhatChanged() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let first = settledBuild(site)
        #expect(first.succeeded && !first.updatedInPlace, "the first build fills a fresh folder")
        let untouched = inode(site, "posts/c/index.html")

        try site.write("---\ntitle: About\n---\nAbout, edited.\n", to: "Content/about.md")
        let update = settledBuild(site)
        #expect(update.succeeded && update.updatedInPlace)
        #expect(update.writtenFiles == 1, "only the unlisted page changed, not \(update.writtenFiles) files")
        #expect(try site.output("about/index.html").contains("About, edited."))
        #expect(inode(site, "posts/c/index.html") == untouched, "an unchanged page stays the same file")
        try expectMatchesCleanBuild(site, "one unlisted essay edited")

        let nothing = settledBuild(site)
        #expect(nothing.updatedInPlace && nothing.writtenFiles == 0)
    }

    /// A template change rewrites the pages that template renders, not the whole site.
    @Test func aTemplateEditRewritesOnlyThePagesItRenders() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(settledBuild(site).succeeded)
        let essayPage = inode(site, "posts/a/index.html")

        // The home page (2 pages of 2), the tags one and two, and the posts/ folder (2 pages): 6 list pages.
        let list = DefaultTheme.templates["list"]!.replacingOccurrences(of: "list-title", with: "list-heading")
        try site.write(list, to: "Templates/list.mustache")
        let listEdit = settledBuild(site)
        #expect(listEdit.updatedInPlace && listEdit.writtenFiles == 6, "\(listEdit.writtenFiles) files written")
        #expect(inode(site, "posts/a/index.html") == essayPage, "essay pages do not use the list template")
        #expect(try site.output("index.html").contains("list-heading"))
        try expectMatchesCleanBuild(site, "list template edited")

        try site.write(DefaultTheme.assets["style.css"]! + "\n.extra { color: red; }\n", to: "Templates/style.css")
        let styleEdit = settledBuild(site)
        #expect(styleEdit.updatedInPlace && styleEdit.writtenFiles == 1, "only the stylesheet: \(styleEdit.writtenFiles)")
        try expectMatchesCleanBuild(site, "stylesheet edited")

        try site.write("<footer class=\"site-footer\"><p>Everywhere</p></footer>\n", to: "Templates/footer.mustache")
        let footerEdit = settledBuild(site)
        #expect(footerEdit.updatedInPlace && footerEdit.writtenFiles > 8, "every page shows the footer")
        #expect(try site.output("posts/a/index.html").contains("Everywhere"))
        try expectMatchesCleanBuild(site, "footer edited")
    }

    @Test func aRemovedEssayTakesItsEmptyFoldersWithIt() throws {
        let site = try InlineSite(Self.site + "\n-- Content/deep/er/page.md --\n---\ntitle: Deep\n---\nDeep.\n")
        defer { site.cleanUp() }
        #expect(cachedBuild(site).succeeded)
        #expect(site.exists("deep/er/page/index.html"))
        try site.remove("Content/deep")
        #expect(cachedBuild(site).updatedInPlace)
        #expect(!site.exists("deep"), "no empty folders are left behind")
        try expectMatchesCleanBuild(site, "a nested essay removed")
    }

    @Test func outputFilesChangedByHandAreRestored() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(settledBuild(site).succeeded)
        try site.remove("Output/posts/a/index.html")
        try site.write("tampered", to: "Output/posts/b/index.html")
        try site.write("tampered", to: "Output/style.css")
        let repair = settledBuild(site)
        #expect(repair.updatedInPlace && repair.writtenFiles == 3)
        try expectMatchesCleanBuild(site, "output files deleted and edited by hand")
    }

    @Test func aReplacedOutputFolderIsBuiltAfresh() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(cachedBuild(site).succeeded)
        try site.remove("Output")
        try site.write("stray", to: "Output/stray.txt")
        let rebuilt = cachedBuild(site)
        #expect(rebuilt.succeeded && !rebuilt.updatedInPlace)
        #expect(!site.exists("stray.txt"))
        try expectMatchesCleanBuild(site, "output folder replaced")
    }

    @Test func anInterruptedUpdateFallsBackToAFreshFolder() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(cachedBuild(site).succeeded)
        // As if a build died while moving files into place: its journal is still there.
        try site.write("", to: ".costmark/" + BuildManifest.journalName)
        try site.write("half-moved", to: "Output/posts/a/index.html")
        let recovered = cachedBuild(site)
        #expect(recovered.succeeded && !recovered.updatedInPlace)
        #expect(!site.exists(".costmark/" + BuildManifest.journalName, in: "."))
        try expectMatchesCleanBuild(site, "interrupted update")
    }

    @Test func aDamagedManifestIsIgnored() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(cachedBuild(site).succeeded)
        let manifest = site.root.appendingPathComponent(".costmark/" + BuildManifest.fileName)
        let bytes = try Data(contentsOf: manifest)
        try bytes.prefix(bytes.count / 2).write(to: manifest)
        try site.write("---\ntitle: Gamma\ndate: 2026-01-03\n---\nGamma, after the damage.\n", to: "Content/posts/c.md")
        let rebuilt = cachedBuild(site)
        #expect(rebuilt.succeeded && !rebuilt.updatedInPlace)
        #expect(try site.output("posts/c/index.html").contains("after the damage"))
        try expectMatchesCleanBuild(site, "damaged manifest")
    }

    /// Two same-size saves within one tick of the file system's clock leave the same stamp. A
    /// file modified that close to the build that read it is not trusted by its stamp next time.
    @Test func aSameSizeEditWithinOneClockTickIsSeen() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(cachedBuild(site).succeeded)
        let path = site.root.appendingPathComponent("Content/posts/c.md").path
        let before = try #require(FileStamp.of(path))
        try site.write("---\ntitle: Gamma\ndate: 2026-01-03\n---\nGamma bodY.\n", to: "Content/posts/c.md")
        setModified(site, "Content/posts/c.md", nanoseconds: before.modified)
        let after = try #require(FileStamp.of(path))
        #expect(after.size == before.size && after.modified == before.modified)
        #expect(cachedBuild(site).succeeded)
        #expect(try site.output("posts/c/index.html").contains("Gamma bodY."))
        try expectMatchesCleanBuild(site, "same-size edit in one tick")
    }

    /// What makes a rebuild fast: an essay whose stamp has not moved since a build that read
    /// it is not opened again.
    @Test func onlyChangedEssaysAreRead() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(settledBuild(site).readEssays == 4)
        #expect(settledBuild(site).readEssays == 0)
        try site.write("---\ntitle: About\n---\nAbout, edited.\n", to: "Content/about.md")
        let edited = settledBuild(site)
        #expect(edited.readEssays == 1 && edited.writtenFiles == 1)
    }

    /// The status-change time cannot be set back: a rewrite that restores the size, inode and
    /// modification time of a settled file is still seen.
    @Test func aForgedModificationTimeIsStillSeen() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let path = site.root.appendingPathComponent("Content/posts/c.md").path
        let hourAgo = FileStamp.now() - 3_600_000_000_000
        setModified(site, "Content/posts/c.md", nanoseconds: hourAgo)
        #expect(settledBuild(site).succeeded)
        let before = try #require(FileStamp.of(path))
        try "---\ntitle: Gamma\ndate: 2026-01-03\n---\nGamma bodY.\n".write(toFile: path, atomically: false, encoding: .utf8)
        setModified(site, "Content/posts/c.md", nanoseconds: hourAgo)
        let after = try #require(FileStamp.of(path))
        #expect(after.size == before.size && after.modified == before.modified && after.inode == before.inode)
        #expect(settledBuild(site).succeeded)
        #expect(try site.output("posts/c/index.html").contains("Gamma bodY."))
    }

    @Test func aChangedStaticFileIsCopiedAgain() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(settledBuild(site).succeeded)
        try site.write("a,b\n1,2\n", to: "Content/notes.txt")
        let update = settledBuild(site)
        #expect(update.updatedInPlace && update.writtenFiles == 1)
        #expect(try site.output("notes.txt") == "a,b\n1,2\n")
        try expectMatchesCleanBuild(site, "static file changed")
    }

    /// A data file read by a scenario: editing, deleting and adding it back renders the pages
    /// again, each time equal to a clean build.
    @Test func anEditedDataFileRendersThePagesAgain() throws {
        let site = try InlineSite(Self.site + "\n" + """
        -- Content/report.md --
        ---
        title: Report
        ---
        Total {{ total }}.

        ```scenario
        data = csv("data.csv")
        total = sum(data.n)
        ```
        -- Content/data.csv --
        n
        1
        2
        """)
        defer { site.cleanUp() }
        let first = settledBuild(site)
        #expect(first.succeeded, "\(first.diagnostics.map(\.message))")
        #expect(try site.output("report/index.html").contains(">3<"))
        try site.write("n\n5\n6\n", to: "Content/data.csv")
        #expect(settledBuild(site).succeeded)
        #expect(try site.output("report/index.html").contains(">11<"))
        try expectMatchesCleanBuild(site, "data file edited")
        try site.remove("Content/data.csv")
        let missing = settledBuild(site)
        #expect(!missing.succeeded)
        #expect(missing.diagnostics.contains { $0.message.hasPrefix("no data file `data.csv`") })
        try site.write("n\n7\n", to: "Content/data.csv")
        #expect(settledBuild(site).succeeded)
        #expect(try site.output("report/index.html").contains(">7<"))
        try expectMatchesCleanBuild(site, "data file added back")
    }

    /// `serve` keeps the record in memory; a `costmark build` run beside it in the meantime
    /// rewrites the record on disk, and the session must notice and start from that one.
    @Test func aSessionNoticesABuildMadeBesideIt() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let session = BuildSession()
        var options = site.options
        options.cacheDirectory = site.root.appendingPathComponent(".costmark").path
        #expect(SiteBuilder.build(options, session: session).succeeded)
        #expect(SiteBuilder.build(options, session: session).updatedInPlace)
        session.flush()
        #expect(!site.exists(".costmark/" + BuildManifest.journalName, in: "."), "the record is complete")

        try site.write("---\ntitle: Gamma\ndate: 2026-01-03\n---\nChanged by the other build.\n", to: "Content/posts/c.md")
        #expect(cachedBuild(site).succeeded)  // another process, no session
        try site.remove("Content/posts/c.md")
        let report = SiteBuilder.build(options, session: session)
        #expect(report.succeeded)
        session.flush()
        #expect(!site.exists("posts/c/index.html"))
        try expectMatchesCleanBuild(site, "session after a build beside it")
    }

    /// Two builds of one output folder at once (serve and a build in another terminal) take
    /// turns: neither clears the other's staging folder or moves files between its moves.
    @Test func buildsOfOneOutputFolderTakeTurns() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(cachedBuild(site).succeeded)
        for round in 0..<3 {
            try site.write("---\ntitle: Gamma\ndate: 2026-01-03\n---\nRound \(round).\n", to: "Content/posts/c.md")
            let reports = LockedReports()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in reports.append(cachedBuild(site)) }
            let failures = reports.all.filter { !$0.succeeded }.flatMap { $0.diagnostics }
            #expect(failures.isEmpty, "\(failures)")
            #expect(reports.all.count == 4)
            #expect(try site.output("posts/c/index.html").contains("Round \(round)."))
            #expect(!site.exists("Output.costmark-staging", in: "."))
        }
        try expectMatchesCleanBuild(site, "concurrent builds")
    }

    @Test func aFailedUpdateLeavesTheOutputAsItWas() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(cachedBuild(site).succeeded)
        let before = try site.snapshot("Output")
        try site.write("---\ntitle: About\n---\nAbout, edited.\n", to: "Content/about.md")
        try site.write("---\ntitle: Alpha\n---\n{{ total = $1 }}\n\n```scenario\ntotal = $2\n```\n", to: "Content/posts/a.md")
        #expect(!cachedBuild(site).succeeded)
        #expect(try site.snapshot("Output") == before, "not even the good edit reached the output folder")
        #expect(!site.exists("Output.costmark-staging", in: "."))
    }
}

/// Reports collected from several threads.
final class LockedReports: @unchecked Sendable {
    private var reports: [BuildReport] = []
    private let lock = NSLock()
    func append(_ report: BuildReport) { lock.lock(); reports.append(report); lock.unlock() }
    var all: [BuildReport] { lock.lock(); defer { lock.unlock() }; return reports }
}

@Suite struct BuildManifestTests {
    @Test func frontMatterSurvivesTheRoundTrip() throws {
        let date = try #require(SiteDate(parsing: "2026-03-14T09:30:00+01:00"))
        let front = FrontMatter(title: "Ünïcode & <title>", date: date, updated: SiteDate(parsing: "2026-04-01"),
                                tags: ["a", "b c"], summary: "Short.", draft: true, slug: "x-y", author: "Ann",
                                extra: ["cover": .text("c.png"), "flags": .list([.flag(true), .flag(false)]),
                                        "nested": .table(["k": .text("v"), "deeper": .table([:])])],
                                slugLocation: .init(file: "Content/x.md", line: 4, column: 7, length: 3, lineText: "slug: x-y"))
        var writer = ManifestWriter()
        writer.add(front)
        writer.add(RenderedEssay(summary: "S", readingTime: 3, feedHTML: "<p>F</p>",
                                 listFragment: ListFragment(rendered: "<a href=\"\(ListFragment.rootMarker)x/\">x</a>")))
        var reader = ManifestReader(writer.bytes)
        #expect(try reader.frontMatter() == front)
        let start = reader.offset
        try reader.skipRenderedEssay()
        #expect(reader.isAtEnd)
        let facts = RenderedFacts.stored(ManifestBytes(writer.bytes), start..<reader.offset).essay
        #expect(facts.summary == "S" && facts.readingTime == 3 && facts.feedHTML == "<p>F</p>")
        #expect(facts.listFragment == nil, "left out of the manifest: rendered again when a list page needs it")
    }

    @Test func aTruncatedManifestThrowsInsteadOfMisreading() {
        var writer = ManifestWriter()
        writer.add(FrontMatter(title: "T", tags: ["one"]))
        for length in 0..<writer.bytes.count {
            var reader = ManifestReader(Array(writer.bytes.prefix(length)))
            #expect(throws: ManifestReader.Damaged.self) { try reader.frontMatter() }
        }
    }

    @Test func fingerprintsSeparateTheirPiecesAndStayPut() {
        func hex(_ pieces: [String]) -> String {
            var fingerprint = Fingerprint()
            for piece in pieces { fingerprint.add(piece) }
            return fingerprint.hex
        }
        #expect(hex(["ab", "c"]) != hex(["a", "bc"]))
        #expect(hex([""]) != hex([]) && hex(["", ""]) != hex([""]))
        #expect(hex(["\0"]) != hex(["\0\0"]), "trailing zero bytes count")
        #expect(hex(["0123456789abcdef"]) != hex(["0123456789abcdeF"]))
        // Keys name files on disk and must not change between runs or machines.
        #expect(hex(["costmark"]) == hex(["costmark"]) && hex(["costmark"]).count == 16)
        #expect(hex(["costmark", "fingerprint"]) == "\(Self.pinned)")
    }

    static let pinned = "0d3a5ea7e823175b"

    @Test func xmlEscapingDropsWhatXMLForbids() {
        #expect(Escaping.xml("a & b < c > \"d\" 'e'") == "a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;")
        #expect(Escaping.xml("tab\there\nnew\u{1}bell\u{7}") == "tab\there\nnewbell")
        #expect(Escaping.xml("ünï €") == "ünï €")
    }
}
