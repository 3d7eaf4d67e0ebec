import ArgumentParser
import Foundation
import Site

/// The command-line front end. Commands only parse flags and call into the `Site` library.
struct Costmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costmark",
        abstract: "Build static sites from essays whose numbers are computed, unit-checked and verified.",
        version: CostmarkVersion.string,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, ExplainCommand.self, InitCommand.self]
    )
}


/// Exit codes the README documents: 0 success, 1 errors in the content, 2 misuse of the command line.
@main
enum Entry {
    static func main() async {
        MemoryTuning.apply()
        do {
            var command = try Costmark.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = Costmark.exitCode(for: error)
            if code == .success {
                print(Costmark.fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = Costmark.fullMessage(for: error)
            FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
