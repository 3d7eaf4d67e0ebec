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

    /// A single live line of progress on a terminal; nothing when stderr is a file or pipe.
    static func progressLine() -> ProgressLine? {
        isatty(STDERR_FILENO) != 0 ? ProgressLine() : nil
    }

    /// "1 essay", "2 essays".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    static func printError(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
    }
}

/// "Rendering 1,234/10,000 pages, 1.2 s", redrawn at most ten times a second.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    func update(done: Int, total: Int) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || done == total else { return }
        lastDraw = now
        drawn = true
        let elapsed = String(format: "%.1f", now.timeIntervalSince(start))
        FileHandle.standardError.write(Data("\r\u{1B}[2KRendering \(done)/\(total) pages, \(elapsed) s".utf8))
    }

    /// Clears the line so the summary or errors start on a clean line.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
