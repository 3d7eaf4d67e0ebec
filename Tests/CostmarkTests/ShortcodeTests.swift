import Foundation
import Markdown
@testable import Site
import Testing

/// Hugo's shortcodes: read as Hugo reads them, built in or from `Templates/shortcodes/`, and
/// every mistake located.
@Suite struct ShortcodeTests {
    @Test func argumentsPairsAndEscapesAreReadAsHugoWritesThem() throws {
        let text = """
        A {{< figure src="a.png" caption="say \\"hi\\"" width=300 >}} b.
        {{% notice info %}}
        Inner **text** with {{< param "x" >}}.
        {{% /notice %}}
        Escaped {{</* youtube abc */>}} and {{< gist user 123 />}}.
        """
        let scanned = ShortcodeScanner.scan(text)
        #expect(scanned.problems.isEmpty)
        #expect(scanned.calls.map(\.name) == ["figure", "param", "notice", "gist"], "inner ones are found first")
        let figure = scanned.calls[0]
        #expect(figure.argument("src") == "a.png" && figure.argument("caption") == "say \"hi\"")
        #expect(figure.argument("width") == "300" && figure.line == 1 && figure.column == 3)
        let notice = scanned.calls[2]
        #expect(notice.isMarkdown && notice.positional == ["info"] && notice.line == 2)
        #expect(notice.inner?.contains("Inner **text**") == true)
        #expect(scanned.literals.values.contains("{{< youtube abc >}}"))
        #expect(scanned.calls[3].positional == ["user", "123"] && scanned.calls[3].inner == nil)
        // Every line keeps its number: as many newlines as the shortcodes covered.
        #expect(scanned.text.split(separator: "\n", omittingEmptySubsequences: false).count
                == text.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    @Test func refAndHighlightAreRewrittenInTheMarkdown() {
        let scanned = ShortcodeScanner.scan("""
        [a]({{< ref "posts/b.md#part" >}}) [c]({{< relref "c" >}})
        {{< highlight swift >}}
        let x = 1
        {{< /highlight >}}
        """)
        #expect(scanned.calls.isEmpty)
        #expect(scanned.text.hasPrefix("[a](posts/b.md#part) [c](c.md)"))
        #expect(scanned.text.contains("```swift\nlet x = 1\n```"))
    }

    @Test func mistakesAreLocated() {
        let unclosed = ShortcodeScanner.scan("Text\n{{< details >}}\nno end {{< /notice >}}")
        #expect(unclosed.problems.map(\.message) == ["`notice` closes a shortcode that is not open here"])
        #expect(unclosed.problems.first?.line == 3)
        let deep = String(repeating: "{{< box >}}", count: 20) + String(repeating: "{{< /box >}}", count: 20)
        #expect(ShortcodeScanner.scan(deep).problems.first?.message == "shortcodes nest deeper than 16")
        #expect(ShortcodeScanner.scan("{{ total }} and {{< ").calls.isEmpty, "an unfinished tag stays text")
    }

    /// Built-ins, a user template, the escape, code blocks, and an unknown shortcode, on a site.
    @Test func aHugoStylePageBuilds() throws {
        let site = try InlineSite("""
        -- Content/posts/a.md --
        ---
        title: Alpha
        date: 2026-01-01
        mood: calm
        ---
        See [Beta]({{< ref "b.md" >}}).

        {{< figure src="pic.png" caption="A picture" link="https://example.com/" >}}

        {{% notice warning %}}
        Careful: **bold**, and {{< param "mood" >}}.
        {{% /notice %}}

        {{< details summary="More" >}}
        Hidden *text*.
        {{< /details >}}

        {{< youtube dQw4w9WgXcQ >}}

        Escaped: {{</* figure src="x.png" */>}}.

        ```text
        {{< param "mood" >}}
        ```
        -- Content/posts/b.md --
        ---
        title: Beta
        date: 2026-01-02
        ---
        Beta.
        -- Content/posts/pic.png --
        png
        -- Templates/shortcodes/notice.mustache --
        <div class="notice {{arg0}}">{{{innerHTML}}}</div>
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        let page = try site.output("posts/a/index.html")
        #expect(page.contains("<a href=\"../../posts/b/\">Beta</a>"), "ref is a checked, rewritten link")
        #expect(page.contains("<figure><a href=\"https://example.com/\"><img src=\"../../posts/pic.png\""))
        #expect(page.contains("<div class=\"notice warning\"><p>Careful: <strong>bold</strong>, and calm.</p>"))
        #expect(page.contains("<details><summary>More</summary>\n<p>Hidden <em>text</em>.</p>"))
        #expect(page.contains("href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\""))
        #expect(page.contains("Escaped: {{&lt; figure src=&quot;x.png&quot; &gt;}}."))
        #expect(page.contains("<code class=\"language-text\">calm\n</code>"), "expanded in code, as text, as Hugo does")
        #expect(!page.contains("\u{E003}") && !page.contains("<p><figure"), "no placeholder, no figure inside a paragraph")

        try site.write("---\ntitle: Beta\ndate: 2026-01-02\n---\nBeta {{< notic x >}}.\n", to: "Content/posts/b.md")
        let failed = site.build()
        let error = try #require(failed.diagnostics.first)
        #expect(error.message == "unknown shortcode `notic`" && error.location?.line == 5 && error.location?.column == 6)
        #expect(error.notes.map(\.message).contains("costmark looked for Templates/shortcodes/notic.mustache; write one to define it"))
        #expect(error.notes.map(\.message).contains("did you mean `notice`?"), "the site's own templates are suggested too")
    }

    /// Found while fixing the locations: what follows a shortcode on its line was reported at the
    /// column it had once the shortcode was replaced, and a `highlight` moved later lines down.
    @Test func placesAfterAShortcodeAreTheEssays() {
        let scanned = ShortcodeScanner.scan("ab {{< figure src=\"é.png\" >}} cd {{< ref \"x.md\" >}} ef\nnext {{< x >}} g")
        let text = scanned.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func column(of needle: String, line: Int) -> Int {
            text[line - 1].distance(from: text[line - 1].startIndex, to: text[line - 1].range(of: needle)!.lowerBound) + 1
        }
        #expect(scanned.originalColumn(line: 1, column: column(of: "cd", line: 1)) == 31)
        #expect(scanned.originalColumn(line: 1, column: column(of: "ef", line: 1)) == 53)
        #expect(scanned.originalColumn(line: 1, column: 1) == 1)
        #expect(scanned.originalColumn(line: 2, column: column(of: "g", line: 2)) == 16)
        let fenced = ShortcodeScanner.scan("a\n{{< highlight go >}}\nx := 1\n{{< /highlight >}}\nlast")
        #expect(fenced.text == "a\n```go\nx := 1\n```\nlast", "the fence takes the tags' lines")
    }

    @Test func aValueAfterAShortcodeIsLocatedInTheEssay() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        {{< figure src="p.png" >}} and {{ missing }}.
        -- Content/p.png --
        png
        """)
        defer { site.cleanUp() }
        let report = site.build()
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.location?.line == 4 && error.location?.column == 35, "\(String(describing: error.location))")
    }

    /// A shortcode in a link's address: its text, never a placeholder, reaches the page.
    @Test func aShortcodeInALinkAddressBecomesItsText() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        home: https://example.org/x
        ---
        Go [home]({{< param "home" >}}).
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        let page = try site.output("a/index.html")
        #expect(page.contains("<a href=\"https://example.org/x\">home</a>"), "\(page)")
        #expect(!page.contains("%EE%80") && !page.contains("\u{E003}"))
    }
}
