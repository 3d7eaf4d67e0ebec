import CCmark

/// A link or image destination as the author wrote it, with where its node starts.
public struct LinkDestination: Sendable, Hashable {
    public var isImage: Bool
    public var destination: String
    /// 1-based line within the Markdown given to `MarkdownDocument.init`.
    public var line: Int
    /// 1-based UTF-8 column of the node's start (`[` or `!`), as cmark reports it.
    public var byteColumn: Int
}

/// Lists and rewrites link and image destinations, so the site stage can check them against the
/// content folder and turn `other.md` into the page's address. Call before `render`.
extension MarkdownDocument {
    /// Every link and image in document order; the position in this list is the key for `rewrite`.
    public var linkDestinations: [LinkDestination] {
        var found: [LinkDestination] = []
        forEachLink { node, isImage in
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            found.append(LinkDestination(isImage: isImage, destination: url, line: Int(cmark_node_get_start_line(node)),
                                         byteColumn: Int(cmark_node_get_start_column(node))))
        }
        return found
    }

    /// Replaces destinations by their position in `linkDestinations`.
    public func rewriteDestinations(_ replacements: [Int: String]) {
        guard !replacements.isEmpty else { return }
        var index = 0
        forEachLink { node, _ in
            if let url = replacements[index] { cmark_node_set_url(node, url) }
            index += 1
        }
    }

    private func forEachLink(_ body: (OpaquePointer, Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { body(node, type == CMARK_NODE_IMAGE) }
        }
    }

    /// The plain text of each heading in document order, with its level: the fallback source of
    /// heading ids until the Markdown stage reports ids itself.
    public var headingTexts: [(level: Int, text: String)] {
        var headings: [(level: Int, text: String)] = []
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var current: (node: OpaquePointer, level: Int, text: String)?
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING {
                if event == CMARK_EVENT_ENTER {
                    current = (node, Int(cmark_node_get_heading_level(node)), "")
                } else if let heading = current {
                    let text = InlineScanner.substitute(heading.text) { self.reference($0).original }
                    headings.append((heading.level, text))
                    current = nil
                }
            } else if event == CMARK_EVENT_ENTER, current != nil, type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE,
                      let literal = cmark_node_get_literal(node) {
                current?.text += String(cString: literal)
            } else if event == CMARK_EVENT_ENTER, current != nil, type == CMARK_NODE_SOFTBREAK {
                current?.text += " "
            }
        }
        return headings
    }
}
