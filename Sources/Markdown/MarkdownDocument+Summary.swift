import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text a summary is made of. Call before `render`, which turns `{{ }}` placeholders into
/// custom nodes; the text returned still holds them (substitute with `InlineScanner`).
extension MarkdownDocument {
    /// The author's summary break, written on a line of its own or inside a paragraph.
    public static let summaryBreak = "<!--more-->"

    /// The plain text before `<!--more-->` (paragraphs, headings, lists; not code blocks) and
    /// true, when the essay has the marker; else the first paragraph that has text of its own
    /// and false. Image descriptions are never summary text, so an essay that opens with an
    /// image is summarized by its first real paragraph. Works with raw HTML off: the marker is
    /// found in cmark's tree, not in the rendered HTML.
    public func summarySource() -> (text: String, explicit: Bool) {
        // Nearly every essay has no marker: then only its first paragraph is read, once. The
        // full walk (which gathers every paragraph's text) runs only for an essay with a marker.
        guard hasSummaryBreak else { return (firstParagraphText ?? "", false) }
        return explicitSummary()
    }

    /// Whether the tree holds `<!--more-->` as an HTML node: a type check per node, and a byte
    /// search only in the rare HTML ones.
    var hasSummaryBreak: Bool {
        guard mentionsSummaryBreak, let iterator = cmark_iter_new(root) else { return false }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE,
                  let literal = cmark_node_get_literal(node), strstr(literal, "<!--more-->") != nil else { continue }
            if String(cString: literal).trimmingSpaces == MarkdownDocument.summaryBreak { return true }
        }
        return false
    }

    /// The text of the first paragraph that has text of its own (image descriptions are not),
    /// read as `explicitSummary` reads it, stopping there.
    var firstParagraphText: String? {
        guard let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }
        var paragraph = ""
        var imageDepth = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            switch type {
            case CMARK_NODE_IMAGE:
                imageDepth += entering ? 1 : -1
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard entering, imageDepth == 0, let literal = cmark_node_get_literal(node) else { continue }
                paragraph += String(cString: literal)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if imageDepth == 0 { paragraph += " " }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                guard !entering else { continue }
                if type == CMARK_NODE_PARAGRAPH {
                    let text = paragraph.collapsingSpaces
                    if !text.isEmpty { return text }
                }
                paragraph = ""
            default:
                break
            }
        }
        return nil
    }

    /// The text before the first `<!--more-->`, every paragraph and heading of it.
    private func explicitSummary() -> (text: String, explicit: Bool) {
        guard let iterator = cmark_iter_new(root) else { return ("", false) }
        defer { cmark_iter_free(iterator) }
        var all = ""           // everything so far, for `<!--more-->`
        var firstParagraph: String?
        var paragraph = ""
        var imageDepth = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            switch type {
            case CMARK_NODE_IMAGE:
                imageDepth += entering ? 1 : -1
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                if literal.trimmingSpaces == MarkdownDocument.summaryBreak {
                    return ((all + " " + paragraph).collapsingSpaces, true)
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard entering, imageDepth == 0, let literal = cmark_node_get_literal(node) else { continue }
                paragraph += String(cString: literal)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if imageDepth == 0 { paragraph += " " }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                guard !entering else { continue }
                let text = paragraph.collapsingSpaces
                if firstParagraph == nil, type == CMARK_NODE_PARAGRAPH, !text.isEmpty { firstParagraph = text }
                all += " " + text
                paragraph = ""
            default:
                break
            }
        }
        return (firstParagraph ?? "", false)
    }
}

extension MarkdownDocument {
    /// Takes `<!--more-->` out of the tree, so the page shows no `<!-- raw HTML omitted -->` for it.
    public func removeSummaryBreaks() {
        var found: [OpaquePointer] = []
        if let iterator = cmark_iter_new(root) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE,
                      let literal = cmark_node_get_literal(node),
                      String(cString: literal).trimmingSpaces == MarkdownDocument.summaryBreak else { continue }
                found.append(node)
            }
            cmark_iter_free(iterator)
        }
        // Changed after the walk, as cmark requires.
        for node in found {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }
}

private extension String {
    var trimmingSpaces: Substring {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }

    var collapsingSpaces: String {
        split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
