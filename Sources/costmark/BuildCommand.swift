import ArgumentParser
import Diagnostics
import Foundation
import Site

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site in the content folder into the output folder.",
        discussion: "The output folder changes only when the whole build succeeds; with the cache in .costmark/, only the files whose sources changed are rewritten."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Folder that receives the site.")
    var output = "Output"

    @Flag(name: .shortAndLong, help: "Print only errors and warnings.")
    var quiet = false

    @Flag(name: .customLong("no-cache"), help: "Render every page, ignoring and leaving alone the cache in .costmark/.")
    var noCache = false

    func run() throws {
        var options = site.buildOptions()
        options.outputDirectory = output
        options.cacheDirectory = noCache ? nil : ".costmark"
        let progress = quiet ? nil : Terminal.progressLine()
        options.progress = progress?.update
        let report = SiteBuilder.build(options)
        progress?.finish()
        Terminal.printDiagnostics(report.diagnostics)
        if !report.succeeded {
            Terminal.printError("build failed with \(report.errorCount) error\(report.errorCount == 1 ? "" : "s"); \(output) was left unchanged")
            throw ExitCode(1)
        }
        if !quiet {
            let time = String(format: "%.2f", report.seconds)
            let warnings = report.warningCount == 0 ? "" : ", \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")"
            var cached = report.cachedPages == 0 ? "" : ", \(report.cachedPages) unchanged"
            if report.updatedInPlace { cached += ", \(Terminal.count(report.writtenFiles, "file")) updated" }
            Terminal.printError("Built \(Terminal.count(report.pageCount, "page"))\(cached) (\(Terminal.count(report.essayCount, "essay")), \(Terminal.count(report.copiedFiles, "file")) copied) into \(output) in \(time) s\(warnings)")
        }
    }
}
