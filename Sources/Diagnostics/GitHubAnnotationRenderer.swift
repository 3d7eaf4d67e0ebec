/// GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`), so a CI run
/// marks each problem on the line of the essay in the pull request. Notes are folded into the
/// message, since an annotation is one line.
public struct GitHubAnnotationRenderer: Sendable {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { render($0) + "\n" }.joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let command = diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "notice"
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=" + escapeProperty(TerminalSafeText.escaped(location.file)))
            if location.hasPosition {
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
        }
        let message = ([diagnostic.message] + diagnostic.notes.map(\.message))
            .map { TerminalSafeText.escaped($0) }.joined(separator: "\n")
        return "::\(command)" + (properties.isEmpty ? "" : " " + properties.joined(separator: ",")) + "::" + escapeData(message)
    }

    /// GitHub's escaping for a command's message.
    private func escapeData(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// GitHub's escaping for a property value, which also reserves `:` and `,`.
    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
