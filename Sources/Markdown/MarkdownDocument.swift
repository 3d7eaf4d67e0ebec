import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fenced code block with an info string, as costmark's blocks (`scenario`, later `chart`, `table`) are written.
public struct FencedBlock: Sendable, Hashable {
    /// Position among the document's fenced blocks; the key for its replacement.
    public var index: Int
    /// The info string (`scenario growth`).
    public var info: String
    public var literal: String
    /// 1-based line of the opening fence in the Markdown text, and its column.
    public var fenceLine: Int
    public var fenceColumn: Int
}

/// An essay body parsed once and rendered after its blocks and inline values are computed:
/// costmark's HTML goes in as cmark custom nodes, which render even in safe mode, while the
/// author's raw HTML stays blocked unless allowed.
///
/// Owns its cmark tree and frees it on deinit; nothing cmark allocates escapes this type.
public final class MarkdownDocument {
    /// Internal so the document's other files (links, summary, headings) can walk the same tree.
    let root: OpaquePointer
    let options: MarkdownOptions
    private let references: [InlineScanner.Reference]
    public let fencedBlocks: [FencedBlock]
    /// Indices of `{{ }}` references that sit in prose (to evaluate); the rest were in code and are shown as written.
    public let proseReferences: [Int]
    /// `{{ }}` references inside a link's or image's address or title, where no value can stand
    /// (`[x]({{< ref "a.md" >}})`): the site reports each at its place. The address holds the text
    /// as written, so no placeholder reaches a page, a feed or a message.
    public let misplacedReferences: [Int]
    /// What the GFM layer noticed (a footnote reference without a definition), for the site to report.
    public let warnings: [MarkdownWarning]
    private let hasTaskItems: Bool
    /// The source holds `<!--more-->` somewhere: without it the tree need not be searched for one.
    let mentionsSummaryBreak: Bool

    public init(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
        mentionsSummaryBreak = ByteText.contains(MarkdownDocument.summaryBreak, in: markdown)
        let (scanned, references) = InlineScanner.scan(markdown)
        self.references = references
        let layer = GFMLayer.parse(scanned, markdown: markdown, options: options)
        root = layer.root
        warnings = layer.warnings
        hasTaskItems = layer.hasTaskItems
        var blocks: [FencedBlock] = []
        var prose: [Int] = []
        var misplaced: [Int] = []
        if let iterator = cmark_iter_new(root) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_CODE_BLOCK, let info = MarkdownDocument.info(node) {
                    let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    let fence = layer.origins.original(line: Int(cmark_node_get_start_line(node)),
                                                       column: Int(cmark_node_get_start_column(node)))
                    blocks.append(FencedBlock(index: blocks.count, info: info,
                                              literal: InlineScanner.substitute(literal) { references[$0].original },
                                              fenceLine: fence.line, fenceColumn: fence.column))
                } else if type == CMARK_NODE_TEXT, !references.isEmpty, let literal = cmark_node_get_literal(node),
                          strchr(literal, 0xEE) != nil {
                    // Only text holding a placeholder (its first UTF-8 byte is 0xEE) is decoded.
                    let text = String(cString: literal)
                    _ = InlineScanner.substitute(text) { index in prose.append(index); return "" }
                } else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE), !references.isEmpty {
                    MarkdownDocument.restoreReferences(inLink: node, references) { misplaced.append($0) }
                }
            }
            cmark_iter_free(iterator)
        }
        fencedBlocks = blocks
        proseReferences = prose
        misplacedReferences = misplaced
    }

    /// `%EE%80%81` → its bytes; other text as it is (a `%` not followed by two hex digits stays).
    static func percentDecoded(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: return byte - 0x30
            case 0x41...0x46: return byte - 0x37
            case 0x61...0x66: return byte - 0x57
            default: return nil
            }
        }
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count,
               let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Puts a link's or image's `{{ }}` back as written in its address and title, calling `found`
    /// with each one's index. cmark percent-encodes what it keeps of an address: the placeholder's
    /// bytes appear as `%EE%80%81` there, and as themselves in a title.
    private static func restoreReferences(inLink node: OpaquePointer, _ references: [InlineScanner.Reference],
                                          found: (Int) -> Void) {
        for (get, set) in [(cmark_node_get_url, cmark_node_set_url), (cmark_node_get_title, cmark_node_set_title)] {
            guard let raw = get(node) else { continue }
            let text = String(cString: raw)
            let decoded = text.contains("%EE%80%81") ? percentDecoded(text) : text
            guard decoded.contains(InlineScanner.open) else { continue }
            let restored = InlineScanner.substitute(decoded) { index in
                guard references.indices.contains(index) else { return "" }
                found(index)
                return references[index].original
            }
            _ = set(node, restored)
        }
    }

    deinit { cmark_node_free(root) }

    /// The info string of a fenced block, or nil for blocks without one (indented code, bare
    /// fences), which costmark never interprets.
    private static func info(_ node: OpaquePointer) -> String? {
        guard let raw = cmark_node_get_fence_info(node) else { return nil }
        let info = String(cString: raw)
        return info.isEmpty ? nil : info
    }

    /// The `{{ }}` in prose, with their text and position in the Markdown given to `init`.
    public func reference(_ index: Int) -> InlineScanner.Reference { references[index] }

    /// Renders to HTML. `blocks` replaces fenced blocks by index; `inline` gives each prose
    /// reference's HTML, or nil to show it as the author wrote it (as text, escaped by cmark).
    /// Placeholders found in code are put back as the author wrote them.
    public func render(blocks: [Int: String], inline: (Int) -> String?) -> RenderedMarkdown {
        var replacements: [(OpaquePointer, OpaquePointer)] = []
        var textNodes: [OpaquePointer] = []
        var codeNodes: [OpaquePointer] = []
        if let iterator = cmark_iter_new(root) {
            var fenced = 0
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_CODE_BLOCK, MarkdownDocument.info(node) != nil {
                    if let html = blocks[fenced], let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) {
                        cmark_node_set_on_enter(custom, html)
                        replacements.append((node, custom))
                    } else {
                        codeNodes.append(node)
                    }
                    fenced += 1
                } else if type == CMARK_NODE_TEXT {
                    if let literal = cmark_node_get_literal(node), strchr(literal, 0xEE) != nil { textNodes.append(node) }
                } else if type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                    codeNodes.append(node)
                }
            }
            cmark_iter_free(iterator)
        }
        // Change the tree only after the walk, as cmark requires.
        for (old, new) in replacements {
            cmark_node_replace(old, new)
            cmark_node_free(old)
        }
        for node in codeNodes where !references.isEmpty {
            guard let literal = cmark_node_get_literal(node), strchr(literal, 0xEE) != nil else { continue }
            let text = String(cString: literal)
            let restored = InlineScanner.substitute(text) { self.references[$0].original }
            if restored != text { cmark_node_set_literal(node, restored) }
        }
        for node in textNodes {
            split(node, inline: inline)
        }
        let (firstParagraph, wordCount) = MarkdownRenderer.summarize(root)
        // After the words are counted: decorated headings are custom blocks, which count none.
        let headings = decorate(reserved: blocks.values.reduce(into: []) { $0.formUnion(HeadingIDs.ids(inHTML: $1)) })
        guard let rendered = cmark_render_html(root, options.cmarkFlags) else {
            return RenderedMarkdown(html: "", firstParagraph: firstParagraph, wordCount: wordCount, headings: headings)
        }
        defer { free(rendered) }
        var html = String(cString: rendered)
        // Code cmark renders itself (no language, or one the highlighter lacks) scrolls too: it is
        // made reachable from the keyboard like highlighted code.
        if strstr(rendered, "<pre><code") != nil {
            html = html.replacing("<pre><code", with: "<pre tabindex=\"0\"><code")
        }
        return RenderedMarkdown(html: hasTaskItems ? TaskListItems.classify(html) : html,
                                firstParagraph: firstParagraph, wordCount: wordCount, headings: headings)
    }

    /// Splits a text node around its placeholders into text and custom inline nodes.
    private func split(_ node: OpaquePointer, inline: (Int) -> String?) {
        let text = String(cString: cmark_node_get_literal(node))
        var pieces: [(isHTML: Bool, text: String)] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == InlineScanner.open, let end = text[index...].firstIndex(of: InlineScanner.close),
               let number = Int(text[text.index(after: index)..<end]) {
                if let html = inline(number) {
                    if !current.isEmpty { pieces.append((false, current)); current = "" }
                    pieces.append((true, html))
                } else {
                    current += references[number].original
                }
                index = text.index(after: end)
            } else {
                current.append(text[index])
                index = text.index(after: index)
            }
        }
        if !current.isEmpty { pieces.append((false, current)) }
        for piece in pieces {
            guard let new = cmark_node_new(piece.isHTML ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_TEXT) else { continue }
            if piece.isHTML { cmark_node_set_on_enter(new, piece.text) } else { cmark_node_set_literal(new, piece.text) }
            cmark_node_insert_before(node, new)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
