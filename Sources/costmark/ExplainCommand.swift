import ArgumentParser
import Foundation
import LivePage
import Runtime
import Site

/// Prints a page's scenarios in the terminal, or exports them in full.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print an essay's scenario definitions and values as a table, or export them as JSON or CSV."
    )

    @Argument(help: "The essay (a Markdown file) or a model file (.scenario).")
    var file: String

    @Argument(help: "Only this scenario (default: all on the page).")
    var name: String?

    @Flag(help: "Print every value in full as JSON.")
    var json = false

    @Flag(help: "Print every value in full as CSV (one row per value, one per step of a series).")
    var csv = false

    /// nil when not given: then `Content` is used when it holds the file, as `build` would.
    @Option(help: "Folder of essays, as for `build`: data files and models resolve from it (default: Content).")
    var content: String?

    func validate() throws {
        if json && csv { throw ValidationError("choose one of --json and --csv") }
        if !FileManager.default.fileExists(atPath: file) { throw ValidationError("no such file: '\(file)'") }
        if let content {
            if !FileManagerCheck.isDirectory(content) { throw ValidationError("content folder '\(content)' does not exist") }
            if !ScenarioReport.isInside(file, folder: content) {
                throw ValidationError("'\(file)' is not inside the content folder '\(content)'")
            }
        }
    }

    /// The folder `build` reads: `--content`, else `Content` when it holds the file; a file
    /// elsewhere resolves from its nearest `Content` folder or its own folder, and says so.
    private func contentRoot() -> String? {
        if let content { return content }
        if FileManagerCheck.isDirectory("Content"), ScenarioReport.isInside(file, folder: "Content") { return "Content" }
        Terminal.printError("note: '\(file)' is outside ./Content; data and models resolve from its nearest Content "
                            + "folder or its own folder (name the folder with --content)")
        return nil
    }

    func run() throws {
        var (results, diagnostics) = ScenarioReport.load(path: file, displayPath: file, contentRoot: contentRoot())
        Terminal.printDiagnostics(diagnostics)
        if let name {
            results = results.filter { $0.scenario.name == name }
            if results.isEmpty {
                Terminal.printError("error: no scenario named '\(name)' in \(file)")
                throw ExitCode(1)
            }
        }
        if results.isEmpty {
            Terminal.printError("\(file) has no scenario block")
            throw ExitCode(diagnostics.isEmpty ? 0 : 1)
        }
        print(json ? ExplainReport.json(results, file: file) : csv ? ExplainReport.csv(results) : ExplainReport.table(results), terminator: "")
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
