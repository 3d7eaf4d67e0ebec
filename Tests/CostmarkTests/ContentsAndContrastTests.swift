import Foundation
import Markdown
import Testing
@testable import Theme

/// The contents box as a site shows it, the feeds without it, and the highlighting palette's
/// contrast read from the stylesheet the theme ships.
@Suite struct ContentsAndContrastTests {
    static func essay(_ frontMatter: String, headings: Int) -> String {
        let body = (1...headings).map { "## Part \($0)\n\nText \($0).\n" }.joined(separator: "\n")
        return "---\ntitle: T\ndate: 2026-01-01\n\(frontMatter)---\n\nIntro.\n\n\(body)"
    }

    @Test func contentsShowFromThreeSectionHeadingsUnlessTurnedOff() throws {
        let site = try InlineSite("""
            -- Content/posts/three.md --
            \(Self.essay("", headings: 3))
            -- Content/posts/two.md --
            \(Self.essay("", headings: 2))
            -- Content/posts/off.md --
            \(Self.essay("toc: false\n", headings: 5))
            -- Content/posts/on.md --
            \(Self.essay("toc: true\n", headings: 1))
            """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let three = try site.output("posts/three/index.html")
        #expect(three.contains("<nav class=\"cm-toc\" aria-label=\"Contents\">"))
        #expect(three.contains("<li><a href=\"#part-3\">Part 3</a></li>"))
        #expect(!(try site.output("posts/two/index.html")).contains("cm-toc"))
        #expect(!(try site.output("posts/off/index.html")).contains("cm-toc"))
        #expect((try site.output("posts/off/index.html")).contains("<h2 id=\"part-5\">"))
        #expect((try site.output("posts/on/index.html")).contains("cm-toc"))
        // Feeds carry the body, anchors included, but an anchor has no text a feed reader could show.
        let feed = try site.output("feed.xml")
        #expect(feed.contains("cm-anchor"))
        #expect(!feed.contains("&gt;#&lt;/a&gt;"))
        #expect(!feed.contains("cm-toc"))
    }

    // MARK: - Contrast

    /// WCAG 2 relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// Every `--name: #rrggbb` in a block of CSS.
    static func colours(in css: Substring) -> [String: String] {
        var found: [String: String] = [:]
        for match in css.matches(of: /--([a-z0-9-]+):\s*(#[0-9a-fA-F]{6})/) {
            found[String(match.output.1)] = String(match.output.2)
        }
        return found
    }

    @Test func everyTokenColourPassesAAOnTheCodeBackground() throws {
        let css = DefaultTheme.stylesheet
        // The light palette comes first; the dark one sits in the media query that follows each `:root`.
        let darkStarts = css.ranges(of: "@media screen and (prefers-color-scheme: dark)").map(\.lowerBound)
        #expect(darkStarts.count >= 2)
        let section = try #require(css.firstRange(of: "/* Headings, contents, code highlighting */"))
        let themeLight = Self.colours(in: css[..<darkStarts[0]])
        let themeDark = Self.colours(in: css[darkStarts[0]..<section.lowerBound])
        let ownDark = try #require(darkStarts.first { $0 > section.lowerBound })
        let light = Self.colours(in: css[section.lowerBound..<ownDark])
        let dark = Self.colours(in: css[ownDark...])
        let classes = TokenClass.allCases.map { String($0.cssClass.dropFirst(3)) }
        for (palette, background) in [(light, themeLight["code-bg"]), (dark, themeDark["code-bg"])] {
            let background = try #require(background)
            for name in classes {
                let colour = try #require(palette["hl-" + name], "no colour for hl-\(name)")
                let ratio = Self.contrast(colour, background)
                #expect(ratio >= 4.5, "hl-\(name) \(colour) on \(background): \(ratio)")
            }
            #expect(css.contains(".hl-\(classes[0]) { color: var(--hl-\(classes[0])); }"))
        }
    }
}
