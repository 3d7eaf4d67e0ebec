import Foundation
import Site
import Testing

/// Runs the `costmark` executable that ships: the release build `make site` makes (and `make test`
/// makes first), since an optimizer can change behaviour a debug build hides.
@Suite struct CommandLineTests {
    static let binary = Repository.path(".build/release/costmark")

    static func costmark(_ arguments: [String], in directory: URL) throws -> ProcessRunner.Run {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        return try ProcessRunner.run(binary, arguments, in: directory, environment: environment)
    }

    static let stale = """
    -- Content/a.md --
    ---
    title: Stale
    ---
    It costs {{ total = $1,140 }}.

    ```scenario
    total = $960
    ```
    """

    @Test func theBinaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "run `swift build -c release --product costmark` (make test does) before the tests")
    }

    @Test func buildExitCodes() throws {
        let site = try InlineSite("-- Content/a.md --\n---\ntitle: A\n---\nHello.\n")
        defer { site.cleanUp() }
        let ok = try Self.costmark(["build"], in: site.root)
        #expect(ok.status == 0)
        #expect(ok.stderr.contains("Built 4 pages (1 essay, 0 files copied) into Output"))
        try site.write(Self.stale.components(separatedBy: "-- Content/a.md --\n")[1], to: "Content/a.md")
        let failed = try Self.costmark(["build"], in: site.root)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("Content/a.md:4:21: error: claim does not hold: total is $960, the text says $1,140\nIt costs {{ total = $1,140 }}.\n                    ^~~~~~"))
        #expect(failed.stderr.contains("Output was left unchanged"))
        let usage = try Self.costmark(["build", "--no-such-flag"], in: site.root)
        #expect(usage.status == 2)
        let missing = try Self.costmark(["build", "--content", "Nowhere"], in: site.root)
        #expect(missing.status == 2)
    }

    @Test func checkFormats() throws {
        let site = try InlineSite(Self.stale)
        defer { site.cleanUp() }
        let github = try Self.costmark(["check", "--format", "github"], in: site.root)
        #expect(github.status == 1)
        #expect(github.stdout == "::error file=Content/a.md,line=4,col=21::claim does not hold: total is $960, the text says $1,140%0Acomputed from total = $960\n")
        let json = try Self.costmark(["check", "--format", "json"], in: site.root)
        #expect(json.stdout == "{\"severity\":\"error\",\"message\":\"claim does not hold: total is $960, the text says $1,140\",\"code\":\"claim-does-not-hold\",\"file\":\"Content/a.md\",\"line\":4,\"column\":21,\"notes\":[{\"message\":\"computed from total = $960\"}]}\n")
        #expect(!site.exists("index.html"), "check writes nothing")
        try site.write("---\ntitle: Fine\n---\n{{ total = $960 }}\n\n```scenario\ntotal = $960\n```\n", to: "Content/a.md")
        let text = try Self.costmark(["check"], in: site.root)
        #expect(text.status == 0)
        #expect(text.stderr.contains("1 essay checked: 0 errors, 0 warnings"))
    }

    /// After a build, `check` takes the essays the build recorded as unchanged and clean on
    /// trust, and still finds the problem in the one that changed.
    @Test func checkReusesTheLastBuildsRecord() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        {{ total = $960 }}

        ```scenario
        total = $960
        ```
        -- Content/b.md --
        ---
        title: B
        ---
        B.
        """)
        defer { site.cleanUp() }
        #expect(try Self.costmark(["check"], in: site.root).status == 0)
        #expect(!site.exists(".costmark", in: "."), "check writes nothing, not even a record")
        #expect(try Self.costmark(["build"], in: site.root).status == 0)
        let unchanged = try Self.costmark(["check"], in: site.root)
        #expect(unchanged.stderr.contains("2 essays checked (2 unchanged since the last build): 0 errors"), "\(unchanged.stderr)")
        try site.write("---\ntitle: B\n---\n{{ total = $1 }}\n\n```scenario\ntotal = $2\n```\n", to: "Content/b.md")
        let broken = try Self.costmark(["check"], in: site.root)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("1 unchanged since the last build"))
        #expect(broken.stderr.contains("claim does not hold: total is $2, the text says $1"))
        let everything = try Self.costmark(["check", "--no-cache"], in: site.root)
        #expect(everything.status == 1 && everything.stderr.contains("2 essays checked: 1 error"), "\(everything.stderr)")
    }

    @Test func explainFormats() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        ```scenario growth
        timeline = 0..2 months
        price = $20/month
        spend = price * t
        ```
        """)
        defer { site.cleanUp() }
        let table = try Self.costmark(["explain", "Content/a.md"], in: site.root)
        #expect(table.status == 0)
        #expect(table.stdout.contains("scenario growth (timeline 0..2 months)"))
        #expect(table.stdout.contains("  spend  $0, $20, $40  price * t"))
        let csv = try Self.costmark(["explain", "Content/a.md", "--csv"], in: site.root)
        #expect(csv.stdout == "scenario,name,t,value,unit\ngrowth,price,,20.0,$/month\ngrowth,spend,0,0.0,$\ngrowth,spend,1,20.0,$\ngrowth,spend,2,40.0,$\n")
        let json = try Self.costmark(["explain", "Content/a.md", "growth", "--json"], in: site.root)
        #expect(json.stdout.contains("\"name\":\"spend\",\"formula\":\"price * t\",\"dimension\":\"money (USD)\",\"unit\":\"$\",\"text\":\"$0, $20, $40\",\"value\":[0,20,40]"))
        let missing = try Self.costmark(["explain", "Content/a.md", "nope"], in: site.root)
        #expect(missing.status == 1)
    }

    @Test func initMakesASiteThatBuilds() throws {
        let site = try InlineSite("")
        defer { site.cleanUp() }
        let created = try Self.costmark(["init", "new"], in: site.root)
        #expect(created.status == 0)
        #expect(created.stdout.contains("created new/Content/posts/does-the-cache-pay.md"))
        let built = try Self.costmark(["build"], in: site.root.appendingPathComponent("new"))
        #expect(built.status == 0, "\(built.stderr)")
        let again = try Self.costmark(["init", "new"], in: site.root)
        #expect(again.status == 1, "init never overwrites without --force")
        let readme = try String(contentsOf: site.root.appendingPathComponent("new/Templates/README.md"), encoding: .utf8)
        #expect(readme.contains("| `page.mustache` | one essay |") && readme.contains("costmark init --templates"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("new/Templates/page.mustache").path))
        #expect(try String(contentsOf: site.root.appendingPathComponent("new/.gitignore"), encoding: .utf8)
                    == "Output/\n.costmark/\n")
        let templates = try Self.costmark(["init", "only", "--templates", "page", "style.css"], in: site.root)
        #expect(templates.status == 0, "\(templates.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("only/Templates/page.mustache").path))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("only/Templates/style.css").path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("only/Templates/list.mustache").path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("only/site.yml").path))
        let unknown = try Self.costmark(["init", "only", "--templates", "pgae"], in: site.root)
        #expect(unknown.status == 2 && unknown.stderr.contains("the theme has no template `pgae`; it has: 404, base"))
    }
}

/// `init`'s files without a process: an existing `.gitignore` is added to, never replaced.
@Suite struct ScaffoldTests {
    @Test func gitignoreLinesAreAddedToAnExistingFile() throws {
        let site = try InlineSite("""
        -- new/.gitignore --
        node_modules/
        Output
        """)
        defer { site.cleanUp() }
        let directory = site.root.appendingPathComponent("new").path
        let (written, existing) = try SiteScaffold.write(to: directory, templates: nil, force: false)
        #expect(existing.isEmpty && written.contains(directory + "/.gitignore"))
        #expect(try String(contentsOfFile: directory + "/.gitignore", encoding: .utf8) == "node_modules/\nOutput\n.costmark/\n")
    }
}
