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
            layer.warnings = FootnoteLayer.apply(to: blocks.root, continuations: blocks.continuations,
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

    /// Which extensions the text could use, from one pass over its bytes.
    private struct Uses {
        var tables = false, footnotes = false, autolinks = false, strikethrough = false, taskItems = false

        init(_ text: String) {
            var last: (UInt8, UInt8, UInt8) = (0, 0, 0)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "|"): tables = true
                case UInt8(ascii: "~"): strikethrough = true
                case UInt8(ascii: "^") where last.2 == UInt8(ascii: "["): footnotes = true
                case UInt8(ascii: "/") where last.2 == UInt8(ascii: "/") && last.1 == UInt8(ascii: ":"): autolinks = true
                case UInt8(ascii: ".") where last == (UInt8(ascii: "w"), UInt8(ascii: "w"), UInt8(ascii: "w")):
                    autolinks = true
                case UInt8(ascii: "]") where last.1 == UInt8(ascii: "[")
                    && (last.2 == UInt8(ascii: " ") || last.2 | 0x20 == UInt8(ascii: "x")):
                    taskItems = true
                default: break
                }
                last = (last.1, last.2, byte)
            }
        }
    }
}
