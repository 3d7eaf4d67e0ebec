/// GitHub-flavoured Markdown as a layer over libcmark, which parses plain CommonMark: pipe
/// tables, footnotes, extended autolinks, strikethrough and task list items, each following
/// the GFM spec's rules, worked out on cmark's tree and its source positions.
///
/// One byte pass over the text decides which extensions can apply at all; an essay that uses
/// none pays for that pass only.
struct GFMLayer {
    /// The tree to render; the caller owns and frees it.
    var root: OpaquePointer
    var origins: LineOrigins
    var warnings: [MarkdownWarning] = []
    /// Whether the rendered HTML needs `TaskListItems.classify`.
    var hasTaskItems = false

    /// - Parameters:
    ///   - scanned: the Markdown with `{{ }}` already replaced by placeholders.
    ///   - markdown: the Markdown as written, to locate warnings.
    static func parse(_ scanned: String, markdown: String, options: MarkdownOptions) -> GFMLayer {
        let uses = Uses(scanned)
        let unescaped = uses.strikethrough ? EscapedTilde.hide(scanned) : scanned
        let marked = uses.footnotes ? FootnoteDefinition.mark(unescaped) : unescaped
        let definitions = marked.utf8.count != unescaped.utf8.count
        let blocks = GFMBlockLayer.parse(marked, flags: options.cmarkFlags, tables: uses.tables, footnotes: definitions)
        var layer = GFMLayer(root: blocks.root, origins: blocks.origins)
        if uses.footnotes {
            let markers = (marked.utf8.count - unescaped.utf8.count) / 2
            layer.warnings = FootnoteLayer.apply(to: blocks.root, continuations: blocks.continuations, markers: markers,
                                                 locator: WarningLocator(markdown: markdown, origins: blocks.origins))
        }
        // Autolinks first, as GFM finds them while parsing: `~` inside an address is not strikethrough.
        if uses.autolinks { AutolinkNodes.apply(to: blocks.root, smart: options.smartPunctuation) }
        if uses.strikethrough {
            Strikethrough.apply(to: blocks.root)
            if unescaped.utf8.count != scanned.utf8.count { EscapedTilde.restore(in: blocks.root) }
        }
        if uses.taskItems { layer.hasTaskItems = TaskListItems.apply(to: blocks.root) }
        return layer
    }

    /// Which extensions the text could use, from one pass over its bytes. Only a handful of
    /// byte values need a second look, so the pass costs little more than reading the text.
    /// An address counts only where an autolink could start: one in a link's destination
    /// (`](https://…`) or in angle brackets is cmark's already.
    private struct Uses {
        var tables = false, footnotes = false, autolinks = false, strikethrough = false, taskItems = false

        init(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                let interesting = Uses.interesting
                for index in bytes.indices where interesting[Int(bytes[index])] {
                    switch bytes[index] {
                    case UInt8(ascii: "|"): tables = true
                    case UInt8(ascii: "~"): strikethrough = true
                    case UInt8(ascii: "^") where index > 0 && bytes[index - 1] == UInt8(ascii: "["): footnotes = true
                    case UInt8(ascii: "]") where index > 1 && bytes[index - 2] == UInt8(ascii: "["):
                        let mark = bytes[index - 1] | 0x20
                        if mark == UInt8(ascii: " ") || mark == UInt8(ascii: "x") { taskItems = true }
                    case UInt8(ascii: "/") where !autolinks && index > 5 && bytes[index - 1] == UInt8(ascii: "/")
                        && bytes[index - 2] == UInt8(ascii: ":"):
                        var start = index - 2
                        while start > 0, index - start < 8, bytes[start - 1] | 0x20 >= UInt8(ascii: "a"),
                              bytes[start - 1] | 0x20 <= UInt8(ascii: "z") { start -= 1 }
                        autolinks = Uses.canStartLink(bytes, at: start)
                    case UInt8(ascii: ".") where !autolinks && index > 2 && bytes[index - 1] == UInt8(ascii: "w")
                        && bytes[index - 2] == UInt8(ascii: "w") && bytes[index - 3] == UInt8(ascii: "w"):
                        autolinks = Uses.canStartLink(bytes, at: index - 3)
                    default: break
                    }
                }
            }
        }

        /// The bytes that need a second look; a table read once per text, not a switch per byte.
        private static let interesting: [Bool] = (0..<256).map { "|~^]/.".utf8.contains(UInt8($0)) }

        /// Whether a link could start at `start`: after white space, `*`, `_`, `~`, or a `(`
        /// that does not open a link destination.
        private static func canStartLink(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
            guard start > 0 else { return true }
            let before = bytes[start - 1]
            if before == UInt8(ascii: "(") { return start < 2 || bytes[start - 2] != UInt8(ascii: "]") }
            return ExtendedAutolink.isBoundary(before)
        }
    }
}
