import Markdown
import Testing

@Suite struct MarkdownTests {
    @Test func rendersWithSmartPunctuation() {
        let rendered = MarkdownRenderer.render("\"Quoted\" -- and...")
        #expect(rendered.html == "<p>“Quoted” – and…</p>\n")
    }

    @Test func dropsRawHTMLUnlessAllowed() {
        let source = "<script>alert(1)</script>\n\nText <b>bold</b>\n"
        let safe = MarkdownRenderer.render(source)
        #expect(!safe.html.contains("<script>"))
        #expect(!safe.html.contains("<b>"))
        #expect(safe.html.contains("raw HTML omitted"))
        let unsafe = MarkdownRenderer.render(source, options: MarkdownOptions(allowRawHTML: true))
        #expect(unsafe.html.contains("<script>alert(1)</script>"))
    }

    @Test func escapesTextAndCode() {
        let rendered = MarkdownRenderer.render("a < b & `x<y`\n\n```\n<tag>\n```\n")
        #expect(rendered.html == "<p>a &lt; b &amp; <code>x&lt;y</code></p>\n<pre tabindex=\"0\"><code>&lt;tag&gt;\n</code></pre>\n")
    }

    @Test func findsTheFirstParagraphAndCountsProseWords() {
        let rendered = MarkdownRenderer.render("# Title here\n\nFirst *para* with\n`code`.\n\nSecond one.\n\n```\nnot counted at all\n```\n")
        #expect(rendered.firstParagraph == "First para with code.")
        #expect(rendered.wordCount == 2 + 4 + 2)
    }

    @Test func countsNonASCIIWordsAndSkipsLonePunctuation() {
        #expect(MarkdownRenderer.render("naïve café — 3 élan; *em*phasis - 東京\n").wordCount == 6)
    }
}
