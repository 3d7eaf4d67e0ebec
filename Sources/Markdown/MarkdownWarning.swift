import CCmark

/// Something in an essay's Markdown that renders, but probably not as its author meant (a
/// footnote reference without a definition). The Markdown stage has no diagnostics of its own:
/// the site turns these into warnings located in the essay.
public struct MarkdownWarning: Sendable, Hashable {
    public var message: String
    /// 1-based line within the Markdown given to `MarkdownDocument`.
    public var line: Int
    /// 1-based column in characters, as a reader counts them.
    public var column: Int
    /// Characters to underline.
    public var length: Int
}

/// Turns a node of the parsed tree and a piece of its text into a position in the Markdown
/// the author wrote: cmark's line (mapped back through `LineOrigins`), then the column where
/// that text occurs on the author's line.
struct WarningLocator {
    let markdown: String
    let origins: LineOrigins
    /// How many times each (line, text) was located already, so repeats find later columns.
    private var seen: [String: Int] = [:]

    init(markdown: String, origins: LineOrigins) {
        self.markdown = markdown
        self.origins = origins
    }

    mutating func warning(_ message: String, at node: OpaquePointer, text: String) -> MarkdownWarning {
        let line = self.line(of: node)
        let key = "\(line)\u{0}\(text)"
        let occurrence = seen[key, default: 0]
        seen[key] = occurrence + 1
        var column = 1
        if line >= 1, let lineText = markdown.split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst(line - 1).first {
            let matches = lineText.ranges(of: text)
            if let range = matches.dropFirst(min(occurrence, max(0, matches.count - 1))).first {
                column = lineText.distance(from: lineText.startIndex, to: range.lowerBound) + 1
            }
        }
        return MarkdownWarning(message: message, line: max(1, line), column: column, length: text.count)
    }

    /// The author's line of a node, or of its nearest ancestor that has a position.
    private func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return origins.original(line: line, column: 1).line }
            current = cmark_node_parent(candidate)
        }
        return 1
    }
}
