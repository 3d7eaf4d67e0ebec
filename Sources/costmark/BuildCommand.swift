import ArgumentParser
import Diagnostics
import Foundation
import Site

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site in the content folder into the output folder.",
        discussion: "The output folder is replaced only when the whole build succeeds."
    )

    @Option(help: "Folder of essays and static files.")
    var content = "Content"

    @Option(help: "Folder of templates that replace the built-in theme's.")
    var templates = "Templates"

    @Option(help: "Folder that receives the site.")
    var output = "Output"

    @Option(help: "Site settings file.")
    var config = "site.yml"

    @Flag(help: "Include essays marked `draft: true`.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is served from; replaces base_url from site.yml.")
    var baseURL: String?

    @Flag(name: .shortAndLong, help: "Print only errors and warnings.")
    var quiet = false

    func run() throws {
        var options = BuildOptions()
        options.contentDirectory = content
        options.templatesDirectory = templates
        options.outputDirectory = output
        options.configPath = config
        options.includeDrafts = drafts
        options.baseURL = baseURL
        guard FileManager.default.fileExists(atPath: content) else {
            throw ValidationError("content folder '\(content)' does not exist")
        }
        let report = SiteBuilder.build(options)
        Terminal.printDiagnostics(report.diagnostics)
        if !report.succeeded {
            Terminal.printError("build failed with \(report.errorCount) error\(report.errorCount == 1 ? "" : "s"); \(output) was left unchanged")
            throw ExitCode(1)
        }
        if !quiet {
            let time = String(format: "%.2f", report.seconds)
            let warnings = report.warningCount == 0 ? "" : ", \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")"
            Terminal.printError("Built \(report.pageCount) pages (\(report.essayCount) essays, \(report.copiedFiles) files copied) into \(output) in \(time) s\(warnings)")
        }
    }
}
