import Diagnostics
import Foundation
import Site
import Testing

/// An essay whose front matter fails is not published, but its body is still checked, so one
/// run reports every error of the file.
@Suite struct EveryErrorInOneRunTests {
    static let essay = """
    ---
    title: A
    date: 2026-13-01
    ---
    It costs {{ total = $1,140 }}.

    ```scenario
    total = $960
    oops = $1 + 3 hours
    ```
    """

    @Test func aBadDateDoesNotHideTheBodysErrors() throws {
        let site = try InlineSite("-- Content/a.md --\n" + Self.essay + "\n-- Content/b.md --\n---\ntitle: B\n---\nFine.\n")
        defer { site.cleanUp() }
        for write in [true, false] {
            let report = site.build { $0.writeOutput = write }
            let errors = report.diagnostics.filter { $0.severity == .error }
            #expect(errors.map { $0.location?.line ?? 0 } == [3, 5, 9], "\(errors.map(\.message))")
            #expect(errors[0].message.hasPrefix("unparseable date \"2026-13-01\""))
            #expect(errors[1].message == "claim does not hold: total is $960, the text says $1,140")
            #expect(!site.exists("a/index.html") && !site.exists("index.html"), "a failed build writes nothing")
        }
    }

    @Test func bodiesPastTheFirstReadAreCheckedToo() throws {
        // The plan reads only an essay's first 16 KiB for its header; the body check reads the rest.
        let filler = String(repeating: "Words and more words.\n\n", count: 1_500)
        let site = try InlineSite("-- Content/a.md --\n---\ntitle: [broken\n---\n" + filler + "{{ missing }}\n")
        defer { site.cleanUp() }
        let report = site.build()
        let messages = report.diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("invalid YAML") })
        #expect(messages.contains("unknown name `missing`"), "\(messages)")
    }
}
