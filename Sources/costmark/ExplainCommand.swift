import ArgumentParser
import Foundation
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

    func validate() throws {
        if json && csv { throw ValidationError("choose one of --json and --csv") }
        if !FileManager.default.fileExists(atPath: file) { throw ValidationError("no such file: '\(file)'") }
    }

    func run() throws {
        var (results, diagnostics) = ScenarioReport.load(path: file, displayPath: file)
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
        print(json ? ScenarioReport.json(results, file: file) : csv ? ScenarioReport.csv(results) : ScenarioReport.table(results), terminator: "")
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
