import Foundation
import Testing

/// Issue 20, finding 12, as the HTML must carry it (axe-core 4.10 measured the pages; this holds
/// the markup it checked): every box that may scroll sideways is a keyboard region with a name
/// of its own, a chart's description is read once, and data tables have no empty header cells.
@Suite struct AccessibilityMarkupTests {
    static let site = """
    -- Content/a.md --
    ---
    title: A
    ---
    | a | b |
    |---|---|
    | 1 | 2 |

    ```swift
    let x = 1
    ```

        indented code

    ```scenario
    timeline = 0..6 months
    spend = $10/month * t
    total = sum(spend)
    ```

    ```chart
    y: [spend]
    title: Spend
    ```

    ```chart
    bars: [total]
    ```

    ```table
    title: The model
    ```
    """

    @Test func scrollBoxesAreNamedKeyboardRegions() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let html = try site.output("a/index.html")
        let wraps = html.matches(of: /<div class="cm-table-wrap"([^>]*)>/).map { String($0.1) }
        #expect(wraps.count >= 4, "\(wraps)")
        var names: [String] = []
        for attributes in wraps {
            #expect(attributes.contains("tabindex=\"0\"") && attributes.contains("role=\"region\""), "\(attributes)")
            let name = try #require(attributes.firstMatch(of: /aria-label="([^"]+)"/)).1
            names.append(String(name))
        }
        #expect(Set(names).count == names.count, "region names repeat: \(names)")
        let pres = html.matches(of: /<pre([^>]*)>/).map { String($0.1) }
        #expect(pres.count >= 3 && pres.allSatisfy { $0.contains("tabindex=\"0\"") }, "\(pres)")
        // The description is the description, not a second half of the name.
        for svg in html.matches(of: /<svg class="cm-chart[^>]*>/).map({ String($0.0) }) {
            #expect(svg.contains("aria-describedby=\""), "\(svg)")
            #expect(try #require(svg.firstMatch(of: /aria-labelledby="([^"]*)"/)).1.split(separator: " ").count == 1)
        }
        #expect(!html.contains("<th scope=\"col\"></th>"), "an empty header cell")
    }
}
