import Diagnostics
import Foundation
import Site
import Testing

/// GitHub-flavoured Markdown through a whole build: live values inside the extensions, and the
/// Markdown stage's warnings located in the essay.
@Suite struct GFMSiteTests {
    static let essay = """
    -- Content/posts/a.md --
    ---
    title: A
    date: 2026-01-01
    ---

    Intro with a note.[^n] And a missing one: [^gone].

    ```scenario
    price = $20/month
    machines = 3
    total = price * machines
    ```

    | what | value |
    |------|------:|
    | total | {{ total }} |
    | code | `{{ total }}` |

    - [x] machines: {{ machines }}
    - plain item with {{ price }}

    [^n]: The note says {{ total }}.
    """

    @Test func inlineValuesWorkInTablesFootnotesAndListItems() throws {
        let site = try InlineSite(Self.essay)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let html = try site.output("posts/a/index.html")
        #expect(html.contains("<td style=\"text-align: right\"><span class=\"cm-value\""))
        #expect(html.contains("<td style=\"text-align: right\"><code>{{ total }}</code></td>"))
        #expect(html.contains(">$60/month</span>"))
        let task = "<li class=\"task-list-item\"><input type=\"checkbox\" disabled checked> machines: <span"
        #expect(html.contains(task))
        #expect(html.contains("<li>plain item with <span class=\"cm-value\""))
        let note = try #require(html.range(of: "<li id=\"fn-1\">"))
        #expect(html[note.upperBound...].contains("The note says <span class=\"cm-value\""))
    }

    @Test func anUndefinedFootnoteIsAWarningLocatedInTheEssay() throws {
        let site = try InlineSite(Self.essay)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded)
        let warnings = report.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.message.contains("[^gone]"))
        #expect(warning.location?.line == 6)
        #expect(warning.location?.column == 43)
        #expect(warning.location?.length == 7)
        #expect(try site.output("posts/a/index.html").contains("And a missing one: [^gone]."))
    }
}
