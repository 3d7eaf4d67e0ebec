import ArgumentParser
import Foundation
import Site

/// Starts a new site.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: site.yml, an example essay, Templates/README.md and .gitignore.",
        discussion: "`--templates NAME…` copies only the named built-in templates into DIRECTORY/Templates."
    )

    @Argument(help: "Folder for the new site.")
    var directory = "."

    @Option(parsing: .upToNextOption,
            help: "Only copy these built-in templates into DIRECTORY/Templates (e.g. page footer style.css).")
    var templates: [String] = []

    @Flag(help: "Overwrite files that already exist.")
    var force = false

    func run() throws {
        let written: [String], existing: [String]
        do {
            (written, existing) = try SiteScaffold.write(to: directory, templates: templates.isEmpty ? nil : templates,
                                                         force: force)
        } catch let error as SiteScaffold.UnknownTemplate {
            Terminal.printError("error: \(error.description)")
            throw ExitCode(2)
        }
        if !existing.isEmpty {
            Terminal.printError("error: these files exist; nothing was written (use --force to overwrite):")
            for path in existing { Terminal.printError("  \(path)") }
            throw ExitCode(1)
        }
        for path in written { print("created \(path)") }
        if templates.isEmpty {
            let place = directory == "." ? "" : "cd \(directory) && "
            print("\nNext: \(place)costmark build, then open Output/index.html")
        }
    }
}
