import Markdown
import Testing

/// Heading ids, custom ids, duplicates, anchors and the contents tree, as exact HTML.
@Suite struct HeadingTests {
    static func anchor(_ id: String) -> String {
        "<a class=\"cm-anchor\" href=\"#\(id)\" aria-label=\"Link to this section\"></a>"
    }

    @Test func headingsGetSlugIDsAndAnchors() {
        let rendered = MarkdownRenderer.render("# Capacity Planning\n\n## Über *Größe* & `code`\n")
        #expect(rendered.html == """
            <h1 id="capacity-planning">Capacity Planning\(Self.anchor("capacity-planning"))</h1>
            <h2 id="über-größe-code">Über <em>Größe</em> &amp; <code>code</code>\
            \(Self.anchor("über-größe-code"))</h2>

            """)
        #expect(rendered.headings == [Heading(level: 1, text: "Capacity Planning", id: "capacity-planning"),
                                      Heading(level: 2, text: "Über Größe & code", id: "über-größe-code")])
    }

    @Test func duplicatesAreNumberedInDocumentOrder() {
        let rendered = MarkdownRenderer.render("## Costs\n\n## Costs\n\n### Costs\n\n## Costs-1\n")
        #expect(rendered.headings.map(\.id) == ["costs", "costs-1", "costs-2", "costs-1-1"])
    }

    @Test func customIDsAreTakenAndRemovedFromTheText() {
        let rendered = MarkdownRenderer.render("""
            ## The long-winded title {#short-id}

            ## Short id

            ## Bad {#not valid}
            """)
        #expect(rendered.html.hasPrefix("<h2 id=\"short-id\">The long-winded title\(Self.anchor("short-id"))</h2>"))
        // The slug of "Short id" would be `short-id`, which the author asked for further up.
        #expect(rendered.headings.map(\.id) == ["short-id", "short-id-1", "bad-not-valid"])
        #expect(rendered.headings[2].text == "Bad {#not valid}")
    }

    @Test func idsUsedByBlocksAndTheThemeAreAvoided() {
        let document = MarkdownDocument("## Figure 1\n\n```chart\nx\n```\n\n## Main\n")
        let rendered = document.render(blocks: [0: "<figure id=\"figure-1\"></figure>"]) { _ in nil }
        #expect(rendered.headings.map(\.id) == ["figure-1-1", "main-1"])
    }

    @Test func inlineValuesAreSluggedAsRendered() {
        let document = MarkdownDocument("## Spend reaches {{ total }} a year\n")
        let rendered = document.render(blocks: [:]) { _ in "<span class=\"cm-value\">$960</span>" }
        let id = "spend-reaches-960-a-year"
        #expect(rendered.headings == [Heading(level: 2, text: "Spend reaches $960 a year", id: id)])
        #expect(rendered.html.contains("<h2 id=\"\(id)\">Spend reaches <span class=\"cm-value\">$960</span> a year"))
    }

    @Test func headingsStillCountAsWords() {
        #expect(MarkdownRenderer.render("## Two words\n\nand three more\n").wordCount == 5)
    }

    @Test func emptyHeadingsFallBackToSection() {
        #expect(MarkdownRenderer.render("## ***\n\n##\n").headings.map(\.id) == ["section", "section-1"])
    }

    @Test func contentsNestH3UnderH2() {
        let headings = MarkdownRenderer.render("""
            # Title
            ### Early
            ## One
            ### One.a
            #### Deep
            ### One.b
            ## Two
            """).headings
        let contents = TableOfContents(headings)
        #expect(contents.sectionCount == 6)
        #expect(contents.entries.map(\.heading.text) == ["Early", "One", "Two"])
        #expect(contents.entries[1].children.map(\.heading.id) == ["one-a", "one-b"])
        #expect(contents.entries[0].children.isEmpty)
    }
}
