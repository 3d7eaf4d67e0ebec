import Diagnostics
import Foundation

/// Output to the terminal: diagnostics to stderr, coloured only for a terminal and when NO_COLOR is unset.
enum Terminal {
    static var useColor: Bool {
        isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        printError(DiagnosticRenderer(useColor: useColor).render(diagnostics), newline: false)
    }

    static func printError(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
    }
}
