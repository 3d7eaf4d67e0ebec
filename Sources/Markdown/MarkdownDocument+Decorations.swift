import CCmark
import Markup
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What costmark adds to cmark's HTML once the text is final: ids and anchor links on headings,
/// and highlighted code. Each heading and known-language code block becomes a custom block
/// holding the finished HTML, which cmark writes out as it is.
extension MarkdownDocument {
    /// The anchor after each heading's text. It has no text of its own (the stylesheet draws the
    /// `#`), so feed readers, which show essays without the site's CSS, show nothing extra.
    static func anchor(_ id: String) -> String {
        "<a class=\"cm-anchor\" href=\"#\(HTMLEscaping.escape(id))\" aria-label=\"Link to this section\"></a>"
    }

    /// Rewrites headings and code blocks; returns the headings in document order.
    /// - Parameter reserved: ids already on the page (in the blocks' HTML), which headings avoid.
    func decorate(reserved: Set<String>) -> [Heading] {
        var headingNodes: [OpaquePointer] = []
        var codeBlocks: [(OpaquePointer, String)] = []
        if let iterator = cmark_iter_new(root) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HEADING {
                    headingNodes.append(node)
                } else if type == CMARK_NODE_CODE_BLOCK, let raw = cmark_node_get_fence_info(node), raw.pointee != 0 {
                    let language = String(cString: raw).split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
                    if CodeHighlighter.knows(language) { codeBlocks.append((node, language)) }
                }
            }
            cmark_iter_free(iterator)
        }
        for (node, language) in codeBlocks {
            let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            if let html = CodeHighlighter.html(code, language: language) { replace(node, with: html) }
        }
        return headings(headingNodes, reserved: reserved)
    }

    private func headings(_ nodes: [OpaquePointer], reserved: Set<String>) -> [Heading] {
        guard !nodes.isEmpty else { return [] }
        // Custom ids first, so a slug never takes an id the author asked for further down.
        let custom = nodes.map(takeCustomID)
        var ids = HeadingIDs(reserved: reserved)
        var assigned = custom.map { $0.map { ids.unique($0) } }
        var headings: [Heading] = []
        for (offset, node) in nodes.enumerated() {
            let level = Int(cmark_node_get_heading_level(node))
            let inner = innerHTML(node, level: level)
            let text = HTMLText.plain(inner)
            let id = assigned[offset] ?? ids.unique(options.headingIDs.id(for: text))
            assigned[offset] = id
            headings.append(Heading(level: level, text: text, id: id))
            let open = "<h\(level) id=\"\(HTMLEscaping.escape(id))\">"
            replace(node, with: open + inner + MarkdownDocument.anchor(id) + "</h\(level)>")
        }
        return headings
    }

    /// Removes a trailing `{#id}` from the heading's text and returns the id. cmark may split the
    /// text into several nodes (smart punctuation makes `-` its own), so the trailing run of text
    /// nodes is read as one and written back as one.
    private func takeCustomID(_ heading: OpaquePointer) -> String? {
        // Nearly every heading ends in anything but `}`: find that out without making strings.
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(last), strchr(literal, 0x7D) != nil else { return nil }
        var run: [OpaquePointer] = []
        var node = cmark_node_last_child(heading)
        while let current = node, cmark_node_get_type(current) == CMARK_NODE_TEXT {
            run.insert(current, at: 0)
            node = cmark_node_previous(current)
        }
        guard let first = run.first else { return nil }
        let text = run.map { String(cString: cmark_node_get_literal($0)) }.joined()
        guard let (id, rest) = HeadingIDs.customID(in: text) else { return nil }
        cmark_node_set_literal(first, String(rest))
        for extra in run.dropFirst() {
            cmark_node_unlink(extra)
            cmark_node_free(extra)
        }
        return id
    }

    /// The heading's contents as cmark renders them, without the `<hN>` tags.
    private func innerHTML(_ heading: OpaquePointer, level: Int) -> String {
        guard let rendered = cmark_render_html(heading, options.cmarkFlags) else { return "" }
        defer { free(rendered) }
        var html = String(cString: rendered)
        let open = "<h\(level)>", close = "</h\(level)>\n"
        if html.hasPrefix(open), html.hasSuffix(close) {
            html = String(html.dropFirst(open.count).dropLast(close.count))
        }
        return html
    }

    private func replace(_ node: OpaquePointer, with html: String) {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(custom, html)
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }
}
