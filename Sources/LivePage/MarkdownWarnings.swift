import Diagnostics
import Markdown

extension Diagnostic {
    /// A warning from the Markdown stage (which has no diagnostics of its own), located in the
    /// essay: the stage counts lines from the start of the body.
    public static func markdown(_ warning: MarkdownWarning, file: SourceFile, bodyFirstLine: Int) -> Diagnostic {
        .warning(warning.message, at: file.location(line: bodyFirstLine + warning.line - 1, column: warning.column,
                                                    length: warning.length))
    }
}
