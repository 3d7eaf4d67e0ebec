import CCmark

/// Puts GFM's extended autolinks into the tree as cmark link nodes, so cmark escapes their
/// addresses and text like any other link's. Text inside links, code and raw HTML is never
/// scanned: only text nodes are, outside links, and text between an author's `<a …>` and `</a>`
/// is left alone too.
enum AutolinkNodes {
    static func apply(to root: OpaquePointer, smart: Bool) {
        let candidates = CmarkNode.textNodes(in: root, where: mayHoldLink)
        for node in candidates where !insideRawLink(node) {
            guard let literal = CmarkNode.literal(node) else { continue }
            let bytes = Array(literal.utf8)
            let matches = ExtendedAutolink.matches(in: bytes, startsAtBoundary: startsAtBoundary(node), smart: smart)
            guard !matches.isEmpty else { continue }
            var offset = 0
            for match in matches {
                if match.range.lowerBound > offset {
                    insertText(bytes[offset..<match.range.lowerBound], before: node)
                }
                if let link = cmark_node_new(CMARK_NODE_LINK), let text = CmarkNode.text(match.text) {
                    cmark_node_set_url(link, match.url)
                    cmark_node_append_child(link, text)
                    cmark_node_insert_before(node, link)
                }
                offset = match.range.upperBound
            }
            if offset < bytes.count { insertText(bytes[offset...], before: node) }
            CmarkNode.remove(node)
        }
    }

    private static func insertText(_ bytes: ArraySlice<UInt8>, before node: OpaquePointer) {
        if let text = CmarkNode.text(String(decoding: bytes, as: UTF8.self)) { cmark_node_insert_before(node, text) }
    }

    /// A cheap byte test before any Swift string is made: "://" or "www." somewhere.
    private static func mayHoldLink(_ literal: UnsafePointer<CChar>) -> Bool {
        var pointer = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
        while pointer.pointee != 0 {
            switch pointer.pointee {
            case UInt8(ascii: ":"):
                if pointer[1] == UInt8(ascii: "/"), pointer[2] == UInt8(ascii: "/") { return true }
            case UInt8(ascii: "w"):
                if pointer[1] == UInt8(ascii: "w"), pointer[2] == UInt8(ascii: "w"), pointer[3] == UInt8(ascii: ".") {
                    return true
                }
            default: break
            }
            pointer += 1
        }
        return false
    }

    /// Whether what comes before the text node lets a link start at its first character.
    private static func startsAtBoundary(_ node: OpaquePointer) -> Bool {
        guard let previous = cmark_node_previous(node) else { return true }
        switch cmark_node_get_type(previous) {
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_EMPH, CMARK_NODE_STRONG: return true
        case CMARK_NODE_TEXT:
            guard let last = CmarkNode.literal(previous)?.utf8.last else { return true }
            return ExtendedAutolink.isBoundary(last)
        default: return false
        }
    }

    /// Whether an earlier sibling opened a raw `<a` that no later sibling before the node closed.
    private static func insideRawLink(_ node: OpaquePointer) -> Bool {
        var sibling = cmark_node_previous(node)
        while let current = sibling {
            if cmark_node_get_type(current) == CMARK_NODE_HTML_INLINE,
               let html = CmarkNode.literal(current)?.lowercased() {
                if html.hasPrefix("</a") { return false }
                if html.hasPrefix("<a ") || html == "<a>" { return true }
            }
            sibling = cmark_node_previous(current)
        }
        return false
    }
}
