import Foundation
import Site
import Testing

/// `costmark check --accept`: failing `=` and `≈` claims rewritten to the computed values in
/// their own unit and precision, only the literal touched; inequality, range and probability
/// claims listed and never loosened; `--dry-run` writes nothing; a check after it passes.
@Suite struct AcceptTests {
    static let essay = """
    ---
    title: Weekly
    ---
    It costs {{ total = $1,140 }} a month, about {{ total ≈ $900 }}, within {{ total < $500 }}.
    Latency is {{ latency = 21.55% }} of the budget, {{ weeks = 6 months }} to pay back.
    Kept: {{ kept = $5 }}.

    ```scenario
    total = $960
    latency = 0.2371
    weeks = 8 months
    kept = $5
    ```
    """

    @Test func exactAndApproximateClaimsAreRewrittenInTheirUnitAndPrecision() throws {
        let site = try InlineSite("-- Content/a.md --\n" + Self.essay)
        defer { site.cleanUp() }
        let before = try site.output("a.md", in: "Content")
        let report = site.build { $0.writeOutput = false }
        #expect(!report.succeeded)

        let dry = ClaimAcceptance.accept(report.diagnostics, files: [], dryRun: true)
        #expect(dry.edits.count == 2, "two lines change")
        #expect(try site.output("a.md", in: "Content") == before, "a dry run writes nothing")

        let outcome = ClaimAcceptance.accept(report.diagnostics, files: [], dryRun: false)
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        #expect(outcome.refused.map(\.message) == ["claim does not hold: total is $960, the text says < $500"])
        let after = try site.output("a.md", in: "Content")
        let expected = before
            .replacingOccurrences(of: "{{ total = $1,140 }}", with: "{{ total = $960 }}")
            .replacingOccurrences(of: "{{ total ≈ $900 }}", with: "{{ total ≈ $960 }}")
            .replacingOccurrences(of: "{{ latency = 21.55% }}", with: "{{ latency = 23.71% }}")
            .replacingOccurrences(of: "{{ weeks = 6 months }}", with: "{{ weeks = 8 months }}")
        #expect(after == expected, "only the literals change:\n\(after)")
        #expect(ClaimAcceptance.diff(outcome.edits).contains("-It costs {{ total = $1,140 }}"))

        // The refused claim is all that still fails.
        let again = site.build { $0.writeOutput = false }
        #expect(again.diagnostics.map(\.message) == ["claim does not hold: total is $960, the text says < $500"])
    }

    @Test func onlyTheNamedFilesAreRewrittenAndAnEditedLineIsLeftAlone() throws {
        let site = try InlineSite("-- Content/a.md --\n" + Self.essay + "\n-- Content/b.md --\n"
                                  + "---\ntitle: B\n---\n{{ x = 3 }}\n\n```scenario\nx = 4\n```\n")
        defer { site.cleanUp() }
        let report = site.build { $0.writeOutput = false }
        let onlyB = site.root.appendingPathComponent("Content/b.md").path
        let outcome = ClaimAcceptance.accept(report.diagnostics, files: [onlyB], dryRun: false)
        #expect(outcome.edits.map(\.line) == [4] && outcome.edits.allSatisfy { $0.file.hasSuffix("b.md") })
        #expect(try site.output("b.md", in: "Content").contains("{{ x = 4 }}"))
        #expect(try site.output("a.md", in: "Content").contains("{{ total = $1,140 }}"))

        // An essay edited between the check and the rewrite is not overwritten.
        try site.write((try site.output("a.md", in: "Content")).replacingOccurrences(of: "It costs", with: "It cost"),
                       to: "Content/a.md")
        let stale = ClaimAcceptance.accept(report.diagnostics, files: [], dryRun: false)
        #expect(stale.failures.contains { $0.file.hasSuffix("a.md") && $0.message.contains("changed since") })
        #expect(try site.output("a.md", in: "Content").contains("It cost {{ total = $1,140 }}"))
    }

    @Test func theCommandRewritesPrintsTheDiffAndChecksAgain() throws {
        let site = try InlineSite("-- Content/a.md --\n" + Self.essay.replacingOccurrences(of: ", within {{ total < $500 }}", with: ""))
        defer { site.cleanUp() }
        let dry = try CommandLineTests.costmark(["check", "--accept", "--dry-run"], in: site.root)
        #expect(dry.status == 1 && dry.stdout.contains("+It costs {{ total = $960 }}"), "\(dry.stdout)\(dry.stderr)")
        #expect(try site.output("a.md", in: "Content").contains("$1,140"))
        let run = try CommandLineTests.costmark(["check", "--accept"], in: site.root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("rewrote 2 lines in 1 file") && run.stderr.contains("checked again: 0 errors"))
        #expect(try CommandLineTests.costmark(["check"], in: site.root).status == 0)
    }
}
