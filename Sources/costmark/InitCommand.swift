import ArgumentParser
import Foundation
import Site

/// Starts a new site.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: site.yml, an example essay with a scenario, chart and table, and the theme's templates."
    )

    @Argument(help: "Folder for the new site.")
    var directory = "."

    @Flag(help: "Only copy the built-in templates into DIRECTORY/Templates, for editing.")
    var templates = false

    @Flag(help: "Overwrite files that already exist.")
    var force = false

    func run() throws {
        let (written, existing) = try SiteScaffold.write(to: directory, templatesOnly: templates, force: force)
        if !existing.isEmpty {
            Terminal.printError("error: these files exist; nothing was written (use --force to overwrite):")
            for path in existing { Terminal.printError("  \(path)") }
            throw ExitCode(1)
        }
        for path in written { print("created \(path)") }
        if !templates {
            let place = directory == "." ? "" : "cd \(directory) && "
            print("\nNext: \(place)costmark build, then open Output/index.html")
        }
    }
}
