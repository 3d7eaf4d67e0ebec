import ArgumentParser
import Diagnostics
import Foundation
import Site

/// Everything `build` verifies, without writing anything: for CI and editors.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check front matter, scenarios, units, claims and templates without writing the site.",
        discussion: """
        Exits with 1 when there is any error. `--format github` prints annotations for GitHub Actions, and when \
        GITHUB_STEP_SUMMARY is set appends a table of every claim to that file (checking every essay). \
        Essays unchanged since the last build (as recorded in .costmark/) passed then and are not checked again; \
        `--no-cache` checks every essay. `--accept [FILES…]` rewrites each failing exact (`=`) or approximate (`≈`) \
        claim to the computed value, in the claim's unit and precision, prints the change as a diff and checks \
        again; inequality, range and probability claims are listed, never loosened. `--dry-run` prints the diff only.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @OptionGroup var site: SiteOptions

    @Option(help: "How to print problems: text, json (one object per line) or github (workflow annotations).")
    var format: Format = .text

    @Flag(name: .customLong("no-cache"), help: "Check every essay, ignoring the record of the last build in .costmark/.")
    var noCache = false

    @Flag(help: "Rewrite failing exact and approximate claims to the computed values.")
    var accept = false

    @Flag(name: .customLong("dry-run"), help: "With --accept: print the rewrites, change nothing.")
    var dryRun = false

    @Argument(help: "With --accept: the essays whose claims to rewrite (all, when none are named).")
    var files: [String] = []

    func validate() throws {
        if !accept, dryRun || !files.isEmpty {
            throw ValidationError("--dry-run and file names go with --accept")
        }
    }

    func run() throws {
        var options = site.buildOptions()
        options.writeOutput = false
        options.cacheDirectory = noCache ? nil : ".costmark"
        if accept { return try acceptClaims(options) }
        // A job summary lists every claim, so every essay is checked, none taken on trust.
        let summary = format == .github ? ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"] : nil
        if summary?.isEmpty == false { options.cacheDirectory = nil }
        let report = SiteBuilder.build(options)
        if let summary, !summary.isEmpty { appendSummary(JobSummary.markdown(report), to: summary) }
        switch format {
        case .text:
            Terminal.printDiagnostics(report.diagnostics)
            let unchanged = report.cachedPages == 0 ? "" : " (\(report.cachedPages) unchanged since the last build)"
            let summary = "\(Terminal.count(report.essayCount, "essay")) checked\(unchanged): \(Terminal.count(report.errorCount, "error")), \(Terminal.count(report.warningCount, "warning"))"
            Terminal.printError(summary)
        case .json:
            print(DiagnosticJSONRenderer().render(report.diagnostics), terminator: "")
        case .github:
            print(GitHubAnnotationRenderer().render(report.diagnostics), terminator: "")
        }
        if !report.succeeded { throw ExitCode(1) }
    }

    /// Every essay checked, the failing claims rewritten, then checked again.
    private func acceptClaims(_ options: BuildOptions) throws {
        let report = SiteBuilder.build(options)
        let outcome = ClaimAcceptance.accept(report.diagnostics, files: files, dryRun: dryRun)
        print(ClaimAcceptance.diff(outcome.edits), terminator: "")
        for (file, message) in outcome.failures { Terminal.printError("\(file): error: \(message)") }
        if !outcome.refused.isEmpty {
            Terminal.printError("not rewritten (an inequality, range or probability is never loosened):")
            Terminal.printDiagnostics(outcome.refused)
        }
        let changed = Set(outcome.edits.map(\.file)).count
        let claims = outcome.edits.count == 1 ? "1 line" : "\(outcome.edits.count) lines"
        if dryRun {
            Terminal.printError("would rewrite \(claims) in \(Terminal.count(changed, "file")) (dry run: nothing written)")
            if !outcome.edits.isEmpty || !report.succeeded { throw ExitCode(1) }
            return
        }
        Terminal.printError("rewrote \(claims) in \(Terminal.count(changed, "file"))")
        let after = SiteBuilder.build(options)
        Terminal.printDiagnostics(after.diagnostics)
        Terminal.printError("checked again: \(Terminal.count(after.errorCount, "error")), "
                            + "\(Terminal.count(after.warningCount, "warning"))")
        if !after.succeeded || !outcome.failures.isEmpty { throw ExitCode(1) }
    }

    /// Appended, as GitHub Actions expects of each step that writes to the summary file.
    private func appendSummary(_ markdown: String, to path: String) {
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil
        }() else {
            Terminal.printError("warning: cannot write the job summary to \(path)")
            return
        }
        handle.seekToEndOfFile()
        handle.write(Data(markdown.utf8))
        try? handle.close()
    }
}
