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
        Exits with 1 when there is any error. `--format github` prints annotations for GitHub Actions. \
        Essays unchanged since the last build (as recorded in .costmark/) passed then and are not checked again; \
        `--no-cache` checks every essay.
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

    func run() throws {
        var options = site.buildOptions()
        options.writeOutput = false
        options.cacheDirectory = noCache ? nil : ".costmark"
        let report = SiteBuilder.build(options)
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
}
