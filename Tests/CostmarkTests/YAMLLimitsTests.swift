import Content
import Diagnostics
import Foundation
import Testing

/// Front matter, `site.yml` and figure blocks go through one YAML reader; these check that it
/// refuses hostile YAML (alias bombs, absurd nesting) quickly and with a located message.
/// Each test is bounded by a time limit, not timed: a check that expanded the bomb would hang it.
@Suite(.timeLimit(.minutes(1))) struct YAMLLimitsTests {
    /// "Billion laughs": nine aliases per level over eight levels stand for 9^8 (43 million) values.
    static func aliasBomb(levels: Int = 8) -> String {
        var lines = ["a0: &a0 [" + Array(repeating: "lol", count: 9).joined(separator: ", ") + "]"]
        for level in 1...levels {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func nested(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    func parseEssay(_ header: String) -> (ParsedEssay?, [Diagnostic], Duration) {
        let file = SourceFile(path: "bomb.md", text: "---\ntitle: Lol\n" + header + "---\nBody.\n")
        let clock = ContinuousClock()
        var result: (ParsedEssay?, [Diagnostic]) = (nil, [])
        let elapsed = clock.measure { result = FrontMatterParser.parse(file) }
        return (result.0, result.1, elapsed)
    }

    @Test func refusesAnAliasBombBeforeExpandingIt() throws {
        let (essay, diagnostics, _) = parseEssay(Self.aliasBomb())
        #expect(essay == nil)
        let error = try #require(diagnostics.first)
        #expect(error.message == "front matter expands to more than 10,000 values (YAML aliases); refusing to read it")
        // Level 4 is the first whose expansion (9^5 values with its siblings) passes the limit.
        #expect(error.location?.line == 7)
        #expect(error.location?.column == 10)
    }

    @Test func refusesAnAliasBombUsedAsAKey() {
        // Yams hashes mapping keys to find duplicates: a key standing for millions of values
        // would take that long to hash, so it must be refused before composing too.
        let (essay, diagnostics, _) = parseEssay(Self.aliasBomb(levels: 6) + "? *a6\n: x\n")
        #expect(essay == nil)
        #expect(diagnostics.first?.message.contains("expands to more than 10,000 values") == true)
    }

    @Test func acceptsOrdinaryAliases() throws {
        let (essay, diagnostics, _) = parseEssay("defaults: &d {cover: a.png, wide: true}\nhero: *d\nthumb: *d\n")
        #expect(diagnostics.isEmpty)
        let extra = try #require(essay).frontMatter.extra
        #expect(extra["hero"] == extra["defaults"])
    }

    @Test func countsValuesWithoutAliasesToo() {
        let list = "big: [" + (0...10_000).map(String.init).joined(separator: ", ") + "]\n"
        let (_, diagnostics, _) = parseEssay(list)
        #expect(diagnostics.first?.message == "front matter holds more than 10,000 values; refusing to read it")
    }

    @Test(arguments: [65, 100_000])
    func refusesDeepNesting(depth: Int) throws {
        let (essay, diagnostics, _) = parseEssay("x: " + Self.nested(depth) + "\n")
        #expect(essay == nil)
        let error = try #require(diagnostics.first)
        #expect(error.message == "front matter nests lists and mappings more than 64 levels deep; refusing to read it")
        #expect(error.location?.line == 3)
        // The caret line is cut short: 100,000 brackets under a message help nobody.
        #expect((error.location?.lineText?.count ?? 0) < 200)
    }

    @Test func refusesDeepBlockNesting() {
        var yaml = ""
        for level in 0..<70 { yaml += String(repeating: "  ", count: level) + "k\(level):\n" }
        let (_, diagnostics, _) = parseEssay(yaml + String(repeating: "  ", count: 70) + "leaf: 1\n")
        #expect(diagnostics.first?.message.contains("more than 64 levels deep") == true)
    }

    @Test func acceptsNestingWithinTheLimit() {
        let (essay, diagnostics, _) = parseEssay("x: " + Self.nested(60) + "\n")
        #expect(diagnostics.isEmpty)
        #expect(essay != nil)
    }

    @Test func siteSettingsHaveTheSameLimits() {
        let bomb = SiteSettings.parse(SourceFile(path: "site.yml", text: "title: T\n" + Self.aliasBomb()))
        #expect(bomb.settings == nil)
        #expect(bomb.diagnostics.first?.message == "site.yml expands to more than 10,000 values (YAML aliases); refusing to read it")
        #expect(bomb.diagnostics.first?.location?.file == "site.yml")
        let deep = SiteSettings.parse(SourceFile(path: "site.yml", text: "title: " + Self.nested(100_000) + "\n"))
        #expect(deep.settings == nil)
        #expect(deep.diagnostics.first?.message.contains("more than 64 levels deep") == true)
    }
}
