/// Formats diagnostics the way the Swift compiler does:
///
///     Content/posts/x.md:3:7: error: unparseable date "2024-13-01"
///     date: 2024-13-01
///           ^~~~~~~~~~
///
/// Kept apart from `Diagnostic` so other formats (JSON, CI annotations) can sit beside it.
public struct DiagnosticRenderer: Sendable {
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = header(diagnostic.severity, diagnostic.message, diagnostic.location)
        if let location = diagnostic.location { out += snippet(location) }
        for note in diagnostic.notes {
            out += header(.note, note.message, note.location)
            if let location = note.location { out += snippet(location) }
        }
        return out
    }

    private func header(_ severity: Diagnostic.Severity, _ message: String, _ location: SourceLocation?) -> String {
        var prefix = ""
        let message = TerminalSafeText.escaped(message)
        if let location {
            prefix = TerminalSafeText.escaped(location.file)
            if location.hasPosition { prefix += ":\(location.line):\(location.column)" }
            prefix += ": "
        }
        let label = severity.rawValue + ":"
        guard useColor else { return "\(prefix)\(label) \(message)\n" }
        let color = severity == .error ? "\u{1B}[1;31m" : severity == .warning ? "\u{1B}[1;35m" : "\u{1B}[1;30m"
        return "\u{1B}[1m\(prefix)\u{1B}[0m\(color)\(label)\u{1B}[0m\u{1B}[1m \(message)\u{1B}[0m\n"
    }

    /// Characters of a source line shown around the caret; a longer line (a 30 KB template on one
    /// line, a generated model) is cut to a window with `…` at the cut ends.
    public static let lineWindow = 160

    /// The source line and a caret under the column, tabs expanded the same way in both lines
    /// so the caret stays aligned.
    private func snippet(_ location: SourceLocation) -> String {
        guard location.hasPosition, let text = location.lineText else { return "" }
        var column = location.column
        var characters: [Character]
        // `count` walks the line: asked only of lines short enough in bytes to be near the window.
        let bytes = text.utf8.count
        if bytes > Self.lineWindow * 4 || (bytes > Self.lineWindow && text.count > Self.lineWindow) {
            // Only the window is turned into characters: a 30 KB line under each of thousands of
            // messages must not be copied whole each time.
            let start = max(0, column - 1 - Self.lineWindow / 4)
            let window = Array(text.dropFirst(start).prefix(Self.lineWindow + 1))
            let cutEnd = window.count > Self.lineWindow
            characters = (start > 0 ? ["…"] : []) + window.prefix(Self.lineWindow) + (cutEnd ? ["…"] : [])
            column = column - start + (start > 0 ? 1 : 0)
        } else {
            characters = Array(text)
        }
        var line = "", pad = ""
        for (index, character) in characters.enumerated() {
            // Tabs expand; control characters show escaped, and the caret moves over their escape.
            let shown = character == "\t" ? "    " : TerminalSafeText.escaped(String(character))
            line += shown
            if index < column - 1 { pad += String(repeating: " ", count: shown.count) }
        }
        let available = max(1, characters.count - (column - 1))
        let underline = "^" + String(repeating: "~", count: max(0, min(location.length, available) - 1))
        let marker = useColor ? "\u{1B}[1;32m\(underline)\u{1B}[0m" : underline
        return "\(line)\n\(pad)\(marker)\n"
    }
}
