import Foundation
@testable import Runtime
@testable import Site
import Testing

/// `at:` and `versions:` read committed versions through git (never the work tree), with
/// located errors outside a checkout, in a shallow clone and for a revision that does not exist;
/// `regression` and `change` compare measurements with their noise.
@Suite struct HistoryTests {
    /// Runs git in `folder` with fixed names and dates, so commits are the same on every machine.
    @discardableResult
    static func git(_ arguments: [String], in folder: URL, date: String = "2026-03-02T12:00:00Z") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                             "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
                             "GIT_CONFIG_NOSYSTEM": "1", "HOME": folder.path] {
            environment[key] = value
        }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "git \(arguments) failed"])
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A site whose `data/w.csv` has three committed versions (p99 last 120, 150, 180) and a
    /// fourth, uncommitted, in the work tree (999).
    static func siteWithHistory(_ scenario: String, prose: String) throws -> InlineSite {
        let site = try InlineSite("""
        -- Content/r.md --
        ---
        title: R
        ---
        \(prose)

        ```scenario
        \(scenario)
        ```
        """)
        try git(["init", "-q", "-b", "main"], in: site.root)
        for (index, p99) in [120, 150, 180].enumerated() {
            try site.write("week,p99 (ms)\n2026-01-05,100\n2026-01-12,\(p99)\n", to: "Content/data/w.csv")
            try git(["add", "-A"], in: site.root)
            try git(["commit", "-qm", "v\(index)"], in: site.root, date: "2026-03-0\(index + 2)T12:00:00Z")
        }
        try site.write("week,p99 (ms)\n2026-01-05,100\n2026-01-12,999\n", to: "Content/data/w.csv")
        return site
    }

    @Test func atReadsTheCommittedBytesAndVersionsMakeATableOverCommits() throws {
        let site = try Self.siteWithHistory("""
        now = csv("data/w.csv")
        base = csv("data/w.csv", at: "HEAD~1")
        head = csv("data/w.csv", at: "HEAD")
        past = csv("data/w.csv", versions: 5)
        """, prose: "Now {{ last(now.p99) }}, HEAD {{ last(head.p99) }}, before {{ last(base.p99) }}; "
                  + "{{ count(past.version) }} versions, the oldest {{ oldest }}, newest {{ newest }}.\n\n"
                  + "{{ last(base.p99) = 150 ms }}")
        defer { site.cleanUp() }
        try site.write(try site.output("r.md", in: "Content").replacingOccurrences(
            of: "past = csv(\"data/w.csv\", versions: 5)",
            with: "past = csv(\"data/w.csv\", versions: 5)\noldest = min(past.p99)\nnewest = max(past.p99)"),
                       to: "Content/r.md")
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        let page = try site.output("r/index.html")
        #expect(page.contains("Now <span") && page.contains(">999 ms<"), "the work tree")
        #expect(page.contains(">180 ms<") && page.contains(">150 ms<"), "HEAD and HEAD~1 as committed")
        #expect(page.contains(">3<"), "three committed versions, the work tree's is not one")
        #expect(page.contains("the oldest <span") && page.contains(">120 ms<"))
    }

    @Test func aPageReadingARevisionRebuildsWhenTheRevisionMoves() throws {
        let site = try Self.siteWithHistory("base = csv(\"data/w.csv\", at: \"HEAD\")", prose: "{{ last(base.p99) }}")
        defer { site.cleanUp() }
        // Cached and settled, as a CI job's or a writer's builds are: the "nothing changed"
        // shortcut would apply if a committed read did not rule it out.
        func build() -> BuildReport {
            site.build {
                $0.cacheDirectory = site.root.appendingPathComponent(".costmark").path
                $0.settleTime = 0
            }
        }
        #expect(build().succeeded)
        #expect(try site.output("r/index.html").contains(">180 ms<"))
        let first = try site.output("r/index.html")
        #expect(build().cachedPages > 0, "nothing moved: the page is kept")
        #expect(try site.output("r/index.html") == first, "the same commit gives the same bytes")
        // The work tree's 999 is committed: HEAD moves, no file changes.
        try Self.git(["commit", "-qam", "v3"], in: site.root, date: "2026-03-05T12:00:00Z")
        let report = build()
        #expect(report.succeeded)
        #expect(try site.output("r/index.html").contains(">999 ms<"), "rebuilt when HEAD moved")
    }

    @Test func outsideACheckoutInAShallowCloneAndForAMissingRevisionTheErrorSaysWhatToDo() throws {
        let outside = try InlineSite("""
        -- Content/r.md --
        ---
        title: R
        ---
        ```scenario
        base = csv("data/w.csv", at: "HEAD~1")
        ```
        -- Content/data/w.csv --
        week,p99 (ms)
        2026-01-05,100
        """)
        defer { outside.cleanUp() }
        var error = try #require(outside.build().diagnostics.first { $0.severity == .error })
        #expect(error.message == "the content folder is not in a git checkout, so it has no committed versions")
        #expect(error.location?.line == 5 && error.location?.column == 26, "at the `at:` option")

        let site = try Self.siteWithHistory("base = csv(\"data/w.csv\", at: \"HEAD~9\")", prose: "")
        defer { site.cleanUp() }
        error = try #require(site.build().diagnostics.first { $0.severity == .error })
        #expect(error.message == "no revision `HEAD~9` in this repository")
        try site.write(try site.output("r.md", in: "Content").replacingOccurrences(of: "HEAD~9", with: "--output=x"),
                       to: "Content/r.md")
        error = try #require(site.build().diagnostics.first { $0.severity == .error })
        #expect(error.message == "`--output=x` is not a revision git names")

        // A shallow clone (as GitHub Actions makes by default) holds HEAD only.
        try site.write(try site.output("r.md", in: "Content").replacingOccurrences(of: "--output=x", with: "HEAD~1"),
                       to: "Content/r.md")
        try Self.git(["commit", "-qam", "essay"], in: site.root)
        let clone = site.root.deletingLastPathComponent().appendingPathComponent(site.root.lastPathComponent + "-shallow")
        defer { try? FileManager.default.removeItem(at: clone) }
        try Self.git(["clone", "-q", "--depth", "1", "file://" + site.root.path, clone.path], in: site.root)
        var options = site.options
        options.contentDirectory = clone.appendingPathComponent("Content").path
        options.outputDirectory = clone.appendingPathComponent("Output").path
        let report = SiteBuilder.build(options)
        error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.message.hasPrefix("`HEAD~1` is not in this clone: it is shallow"), "\(error.message)")
        #expect(error.notes.first?.message.contains("fetch-depth: 0") == true)
    }

    @Test func regressionHoldsOnNoiseAndFindsARealSlowdown() {
        let old = [1.02, 0.97, 1.05, 0.99, 1.01, 0.96, 1.03, 1.00, 0.98, 1.04]
        let noisy = [0.99, 1.04, 0.97, 1.02, 1.00, 1.05, 0.96, 1.01, 1.03, 0.98]
        #expect(MeasuredChange.regression(noisy, old) == 0, "the same spread, reordered: no change")
        let slower = old.map { $0 * 1.12 }
        #expect(abs(MeasuredChange.regression(slower, old) - 0.12) < 1e-9, "the median's change, 12%")
        #expect(MeasuredChange.regression(old, slower) < -0.1, "a speed-up is a negative change")
        #expect(MeasuredChange.pValue(slower, old) < 0.001)
        #expect(MeasuredChange.pValue([1, 2, 3], [1, 2, 3]) == 1, "no difference at all")
        let draws = MeasuredChange.bootstrap(slower, old, count: 2_000, seed: 7)
        let sorted = draws.sorted()
        #expect(sorted[100] > 0.05 && sorted[1_900] < 0.2, "the 90% interval holds 12%: \(sorted[100])…\(sorted[1_900])")
        #expect(draws == MeasuredChange.bootstrap(slower, old, count: 2_000, seed: 7), "seeded")
    }

    /// The figures docs/history.md quotes, over fewer pairs (the bench runs 10,000).
    @Test func theTestsErrorRatesOnSyntheticRuns() {
        var generator = Sampling.Generator(seed: 99)
        func run(_ scale: Double) -> Double {
            scale * (1 + 0.15 * (-2 * log(generator.unit())).squareRoot() * cos(2 * Double.pi * generator.unit()))
        }
        var falseAlarms = 0, detected = 0
        for _ in 0..<400 {
            let old = (0..<10).map { _ in run(1) }
            if MeasuredChange.regression((0..<10).map { _ in run(1) }, old) >= 0.05 { falseAlarms += 1 }
            if MeasuredChange.regression((0..<10).map { _ in run(1.2) }, old) >= 0.05 { detected += 1 }
        }
        // Over 400 pairs the rates are within about 2.5 points of the 10,000-pair figures (4.7%, 82.2%).
        #expect(falseAlarms <= 32, "\(falseAlarms) false alarms in 400")
        #expect(detected >= 300, "\(detected) of 400 slowdowns found")
    }

    @Test func regressionAndChangeOnABenchmarksRuns() throws {
        let site = try InlineSite("""
        -- Content/r.md --
        ---
        title: R
        ---
        {{ slower }}, {{ change6 }}, {{ slower < 5% }}

        ```scenario
        now = bench("data/now.json")
        base = bench("data/base.json")
        slower = regression(now.runs["gzip"], base.runs["gzip"])
        change6 = change(now.runs["gzip"], base.runs["gzip"])
        bad = regression(now.mean["gzip"], base.runs["gzip"])
        ```
        -- Content/data/now.json --
        {"results": [{"command": "gzip", "times": [1.20, 1.26, 1.18, 1.23, 1.21, 1.25, 1.19, 1.22]}]}
        -- Content/data/base.json --
        {"results": [{"command": "gzip", "times": [1.01, 0.99, 1.03, 0.98, 1.00, 1.02, 0.97, 1.04]}]}
        """)
        defer { site.cleanUp() }
        var messages = site.build().diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("`regression` compares measurements") }, "\(messages)")
        let essay = try site.output("r.md", in: "Content")
        try site.write(essay.replacingOccurrences(of: "bad = regression(now.mean[\"gzip\"], base.runs[\"gzip\"])\n",
                                                  with: ""), to: "Content/r.md")
        messages = site.build().diagnostics.map(\.message)
        // Medians 1.215 s and 1.005 s: 20.9% slower, far outside the runs' noise.
        #expect(messages == ["claim does not hold: slower is 20.9%, the text says < 5%"], "\(messages)")
        try site.write(essay.replacingOccurrences(of: "bad = regression(now.mean[\"gzip\"], base.runs[\"gzip\"])\n",
                                                  with: "").replacingOccurrences(of: ", {{ slower < 5% }}", with: ""),
                       to: "Content/r.md")
        #expect(site.build().succeeded)
        let page = try site.output("r/index.html")
        #expect(page.contains(">20.9%<"), "\(page)")
        #expect(page.contains("20.9% (90%: "), "change() is shown with its interval")
    }

    /// A failing claim over a data file names the rows it read that changed since the file's
    /// previous committed version: here the work tree's 999 against HEAD's 180.
    @Test func aFailingClaimNamesTheRowsThatChanged() throws {
        let site = try Self.siteWithHistory("w = csv(\"data/w.csv\")", prose: "Worst {{ max(w.p99) = 180 ms }}.")
        defer { site.cleanUp() }
        let error = try #require(site.build().diagnostics.first { $0.code == .claimDoesNotHold })
        let head = try Self.git(["rev-parse", "--short=7", "HEAD"], in: site.root)
        #expect(error.notes.map(\.message).contains { $0.hasSuffix("data/w.csv:3: p99 180 → 999 (since \(head))") },
                "\(error.notes.map(\.message))")
        #expect(!error.notes.contains { $0.message.contains(":2: p99") }, "the unchanged row is not named")
        // Committed: HEAD's 999 against the version before it, 180.
        try Self.git(["commit", "-qam", "v3"], in: site.root, date: "2026-03-05T12:00:00Z")
        let again = try #require(site.build().diagnostics.first { $0.code == .claimDoesNotHold })
        #expect(again.notes.map(\.message).contains { $0.hasSuffix("data/w.csv:3: p99 180 → 999 (since \(head))") })
    }

    @Test func aGitHubJobSummaryListsEveryClaim() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        It costs {{ total = $960 }}, under {{ total < $500 }} | and {{ total > $5 }}.

        ```scenario
        total = $960
        ```
        """)
        defer { site.cleanUp() }
        let summary = site.root.appendingPathComponent("summary.md")
        try "earlier step\n".write(to: summary, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["GITHUB_STEP_SUMMARY"] = summary.path
        let run = try ProcessRunner.run(CommandLineTests.binary, ["check", "--format", "github"], in: site.root,
                                        environment: environment)
        #expect(run.status == 1 && run.stdout.hasPrefix("::error file=Content/a.md,line=4"))
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text.hasPrefix("earlier step\n## costmark check\n"), "appended, as GitHub expects")
        #expect(text.contains("1 essay checked: 1 error, 0 warnings. 3 claims: 2 hold, 1 fails."))
        #expect(text.contains("| <code>Content/a.md</code> | 4 | <code>total &lt; $500</code> | claim does not hold: "
                              + "total is $960, the text says &lt; $500 | **fails** |"), "\(text)")
        #expect(text.contains("| <code>total = $960</code> | $960 | holds |"))
    }
}
