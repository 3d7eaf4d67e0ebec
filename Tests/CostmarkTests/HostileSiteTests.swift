import Diagnostics
import Foundation
import Site
import Testing

/// One essay from each class of input that once crashed or hung costmark (issue 9). The site
/// must report every problem, located in its essay, in one run, and leave Output untouched.
@Suite struct HostileSiteTests {
    static func essay(_ name: String, _ body: String) -> String {
        "-- Content/\(name).md --\n---\ntitle: \(name)\n---\n\(body)\n"
    }

    static func list(_ count: Int) -> String { (1...count).map(String.init).joined(separator: ", ") }

    static let deep = String(repeating: "(", count: 1_000) + "1" + String(repeating: ")", count: 1_000)

    static let hostile: [(file: String, body: String, message: String)] = [
        ("parens", "```scenario\nx = \(deep)\n```", "nested more than 100 levels deep"),
        ("sum", "```scenario\nx = \(Array(repeating: "1", count: 5_000).joined(separator: " + "))\n```",
         "nested more than 100 levels deep"),
        ("minus", "```scenario\nx = \(String(repeating: "-", count: 5_000))1\n```", "nested more than 100 levels deep"),
        ("prose", "Deep {{ \(deep) }}.", "nested more than 100 levels deep"),
        ("timeline", "```scenario\ntimeline = 0..1e20 days\n```", "this timeline has about 1e+20 steps"),
        ("infinite-timeline", "```scenario\ntimeline = 0..1e400 days\n```", "this number is too large"),
        ("at", "```scenario\ntimeline = 0..3 months\ny = t\nz = at(y, 1e300 months)\n```", "is outside the timeline"),
        ("power", "```scenario\nx = 5 months as month^1e30\n```", "a unit's power must be a whole number"),
        ("format", "{{ x | 2 decimals }}\n\n```scenario\nx = 1e308 * 10\n```", "is too large to compute with"),
        ("chart", "```scenario\ntimeline = 0..12 months\ny = exp(1000) * t / 1 month\n```\n\n```chart\ny: [y]\n```",
         "`exp(1000)` is too large to compute with"),
        ("claim", "{{ 1 = 1e400 }}", "this number is too large"),
        ("stray", "{{ 1 = &1 }}", "unexpected character `&`"),
        ("sweep-ambiguous", "```scenario\ngrowth = 1\ntotal = growth * 2\n```\n\n```scenario other\ngrowth = 2\ntotal = growth\n```"
            + "\n\n```sweep\nvary:\n  growth: [1, 2]\nshow: [total]\n```", "`growth` is defined in several scenarios"),
        ("sweep-variants", "```scenario\na = 1\nb = 1\nc = a + b\n```\n\n```sweep\nvary:\n  a: [\(list(30))]\n  b: [\(list(30))]"
            + "\nshow: [c]\n```", "this sweep computes 900 variants of the model; the limit is 400"),
        ("chart-list", "```scenario\ntimeline = 0..3 months\na = t\n```\n\n```chart\ny: [\(Array(repeating: "a", count: 30).joined(separator: ", "))]\n```",
         "`y` lists 30 expressions; the limit is 24"),
    ]

    @Test func everyHostileEssayIsReportedInOneRun() throws {
        let site = try InlineSite(Self.hostile.map { Self.essay($0.file, $0.body) }.joined())
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.succeeded)
        for (file, _, message) in Self.hostile {
            let found = report.diagnostics.contains { diagnostic in
                diagnostic.location?.file.hasSuffix("\(file).md") == true && diagnostic.message.contains(message)
            }
            #expect(found, "no located error containing “\(message)” for \(file).md")
        }
        #expect(!site.exists("index.html"), "nothing is written when the content has errors")
    }

    @Test func hugeButFiniteValuesStillChart() throws {
        let site = try InlineSite(Self.essay("huge", """
        {{ big }} and {{ big | 2 decimals }}.

        ```scenario
        timeline = 0..12 months
        big = 1e300 * t / 1 month
        tiny = 1e-320 * t / 1 month
        ```

        ```chart
        y: [big]
        ```

        ```chart
        y: [tiny]
        ```

        ```table
        title: model
        ```
        """))
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        #expect(try site.output("huge/index.html").contains("<svg"))
    }

    /// The other classes of the campaign beside the engine's: an alias bomb in front matter, an
    /// essay over the size limit, a folder link out of Content/, a template including itself.
    /// With the engine's essays, one site: every problem reported, located, in one run.
    @Test func everyClassOfInputIsReportedInOneSite() throws {
        let bomb = "---\ntitle: Lol\n" + YAMLLimitsTests.aliasBomb() + "---\nBody.\n"
        let site = try InlineSite(Self.hostile.map { Self.essay($0.file, $0.body) }.joined()
                                  + "-- Content/bomb.md --\n\(bomb)"
                                  + "-- Templates/footer.mustache --\n{{> footer}}\n")
        defer { site.cleanUp() }
        try site.write(String(repeating: "x", count: 8 * 1024 * 1024 + 1), to: "Content/huge.md")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/etc").path,
                                                   withDestinationPath: "/etc")
        let report = site.build()
        #expect(!report.succeeded)
        let expected: [(String, String)] = Self.hostile.map { ($0.file + ".md", $0.message) } + [
            ("bomb.md", "expands to more than 10,000 values"),
            ("huge.md", "larger than 8 MiB"),
            ("etc", "symbolic link leads outside"),
            ("footer.mustache", "template includes itself"),
        ]
        for (file, message) in expected {
            let found = report.diagnostics.contains { $0.location?.file.hasSuffix(file) == true && $0.message.contains(message) }
            #expect(found, "no error containing “\(message)” for \(file)")
        }
        #expect(!site.exists("index.html"))
    }
}
