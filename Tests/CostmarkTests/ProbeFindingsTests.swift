import Diagnostics
import Foundation
import Markdown
import Site
import Testing

/// Findings of the hostile probe of the release binary (issue 20, finding 11) and the content
/// folder `explain` resolves from (finding 10). Each failed before its fix.
@Suite struct ProbeFindingsTests {
    /// A CSV cell that retitles and recolours a terminal: the message shows its bytes escaped,
    /// in the Swift compiler's format and in GitHub annotations alike.
    @Test func controlCharactersInMessagesAreEscaped() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        {{ total }}

        ```scenario
        weekly = csv("data/w.csv")
        total = sum(weekly.cost)
        ```
        -- Content/data/w.csv --
        week,cost ($)
        2024-01-01,4
        2024-01-08,4\u{1B}]0;PWNED\u{07}\u{1B}[31m
        """)
        defer { site.cleanUp() }
        for arguments in [["build"], ["check", "--format", "github"]] {
            let run = try CommandLineTests.costmark(arguments, in: site.root)
            let printed = run.stderr + run.stdout
            #expect(run.status == 1)
            #expect(!printed.contains("\u{1B}") && !printed.contains("\u{07}"), "raw control bytes: \(printed)")
            #expect(printed.contains("4\\u{1B}]0;PWNED\\u{7}\\u{1B}[31m"), "\(arguments): \(printed)")
        }
    }

    @Test func theCaretStaysUnderTheColumnPastAnEscapedCharacter() {
        let file = SourceFile(path: "t.md", text: "a\u{1B}b = oops")
        let diagnostic = Diagnostic.error("bad \u{1B}[2J", at: file.location(ofUTF8Offset: 6, length: 4))
        let text = DiagnosticRenderer().render(diagnostic)
        #expect(text == "t.md:1:7: error: bad \\u{1B}[2J\na\\u{1B}b = oops\n           ^~~~\n", "\(text)")
        #expect(TerminalSafeText.escaped("tab\there", keepTabs: true) == "tab\there")
        #expect(TerminalSafeText.escaped("\u{202E}gnp.exe\u{E001}") == "\\u{202E}gnp.exe\\u{E001}")
        #expect(TerminalSafeText.escaped("plain ≈ $5") == "plain ≈ $5")
    }

    /// `image: "javascript:alert(1)"` was published as the page's og:image.
    @Test func previewImagesGetTheLinkRuleForSchemes() throws {
        let essays = ["javascript:alert(1)", " JavaScript:alert(1)", "vbscript:x", "file:///etc/passwd",
                      "data:text/html;base64,PHNjcmlwdD4="].enumerated().map { index, image in
            "-- Content/p\(index).md --\n---\ntitle: P\(index)\nimage: \"\(image)\"\n---\nHello.\n"
        }
        let site = try InlineSite(essays.joined() + "-- site.yml --\nbase_url: https://example.org/\n")
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded)
        for index in 0..<5 {
            let html = try site.output("p\(index)/index.html")
            #expect(!html.contains("og:image"), "p\(index): \(html.prefix(600))")
        }
        let warnings = report.diagnostics.filter { $0.message.contains("is not published: its scheme could run code") }
        #expect(warnings.count == 5)
        let safe = try InlineSite("-- Content/a.md --\n---\ntitle: A\nimage: \"https://cdn.example.org/a.png\"\n---\nHi.\n")
        defer { safe.cleanUp() }
        #expect(safe.build().succeeded)
        #expect(try safe.output("a/index.html").contains("content=\"https://cdn.example.org/a.png\""))
    }

    @Test func aReaderNamingAFolderSaysSo() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        ```scenario
        weekly = csv("data")
        ```
        -- Content/data/w.csv --
        week,cost ($)
        2024-01-01,4
        """)
        defer { site.cleanUp() }
        let messages = site.build().diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("`data` is a folder; name a data file in it") }, "\(messages)")
        #expect(!messages.contains { $0.contains("empty") }, "\(messages)")
    }

    /// 100,000 keys built with exit 0 and kept 256 columns without a word.
    @Test func jsonKeysPastTheColumnLimitAreALocatedError() throws {
        let keys = (0..<300).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        ```scenario
        rows = json("data/wide.json")
        ```
        -- Content/data/wide.json --
        [{\(keys)}]
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.succeeded)
        let error = try #require(report.diagnostics.first { $0.message.contains("the limit is 256 columns") })
        #expect(error.message.hasPrefix("`k256` would be column 257"))
        #expect(error.location?.file.hasSuffix("wide.json") == true && error.location?.line == 1)
    }

    /// `explain` walked up to a folder literally named `Content`; `build --content Essays` used
    /// `Essays`, so a model at its top resolved in one and not the other.
    @Test func explainResolvesFromTheContentFolderBuildUses() throws {
        let site = try InlineSite("""
        -- Essays/team.scenario --
        rate = $50/hour
        -- Essays/posts/a.md --
        ---
        title: A
        ---
        {{ cost }}

        ```scenario
        use "/team.scenario"
        cost = 4 hours * rate
        ```
        """)
        defer { site.cleanUp() }
        let build = try CommandLineTests.costmark(["build", "--content", "Essays"], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
        let explain = try CommandLineTests.costmark(["explain", "--content", "Essays", "Essays/posts/a.md"], in: site.root)
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("$200"), "\(explain.stdout)")
        let outside = try CommandLineTests.costmark(["explain", "--content", "Essays", "team.md"], in: site.root)
        #expect(outside.status != 0)
    }
}

/// Issue 20, finding 8: `[x]({{< ref "a.md" >}})` published `href="%EE%80%810%EE%80%82…"` with
/// no error, and the warning showed invisible characters.
@Suite struct PlaceholderTests {
    @Test func aValueInALinkAddressIsALocatedError() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        See [the other]({{< ref "b.md" >}}), ![a chart]({{ chart_path }}) and [x](https://e.org "{{ total }}").

        ```scenario
        total = $5
        ```
        -- Content/b.md --
        ---
        title: B
        ---
        Hello.
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.succeeded)
        let misplaced = report.diagnostics.filter { $0.code == .misplacedValue }
        // The `ref` shortcode is expanded before values are placed, so only the two `{{ }}` values are misplaced.
        #expect(misplaced.map(\.location?.line) == [4, 4], "\(report.diagnostics.map(\.message))")
        #expect(misplaced.map(\.location?.column) == [49, 90], "\(misplaced.map(\.location))")
        #expect(!report.diagnostics.contains { $0.message.contains("ref") }, "\(report.diagnostics.map(\.message))")
        let rendered = DiagnosticRenderer().render(report.diagnostics)
        #expect(!rendered.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) }, "\(rendered)")
        #expect(!rendered.contains("%EE%80"), "\(rendered)")
    }

    @Test func noPlaceholderReachesTheHTML() {
        let document = MarkdownDocument("[x]({{ a }}) ![y]({{ b }} \"{{ c }}\") and {{ d }}\n\n[r]: {{ e }}\n\n[z][r]\n")
        #expect(document.misplacedReferences.count == 4)
        let html = document.render(blocks: [:]) { _ in "<b>v</b>" }.html
        #expect(!html.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) }, "\(html)")
        #expect(!html.contains("%EE%80"), "\(html)")
        #expect(html.contains("<b>v</b>"), "the prose value still renders")
    }
}
