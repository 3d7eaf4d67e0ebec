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
        // Nearly every essay has no marker: then the walk stops at its first paragraph. Only an
        // essay with a marker is walked up to it, gathering every paragraph's text.
        let hasBreak = hasSummaryBreak
        let read = summaryWalk(toTheBreak: hasBreak)
        if let beforeBreak = read.beforeBreak { return (beforeBreak, true) }
        return (read.firstParagraph ?? "", false)
    }

    /// Whether the tree holds `<!--more-->` as an HTML node: a type check per node, and a byte
    /// search only in the rare HTML ones; none at all when the source never mentions it.
    var hasSummaryBreak: Bool {
        guard mentionsSummaryBreak, let iterator = cmark_iter_new(root) else { return false }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if MarkdownDocument.isSummaryBreak(node) { return true }
        }
        return false
    }

    /// How much of a first paragraph a summary reads: far more than the 280 characters shown,
    /// so spaces that collapse and values that replace placeholders never make it fall short.
    static let firstParagraphBytes = 64 * 1024

    /// At most `limit` bytes of a C string, cut where a character starts.
    private static func prefix(of literal: UnsafePointer<CChar>, bytes limit: Int) -> String {
        var length = strnlen(literal, limit + 1)
        guard length > limit else { return String(cString: literal) }
        length = limit
        literal.withMemoryRebound(to: UInt8.self, capacity: limit + 1) { bytes in
            while length > 0, bytes[length] & 0xC0 == 0x80 { length -= 1 }
        }
        return literal.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    private static func isSummaryBreak(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        guard type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE,
              let literal = cmark_node_get_literal(node), strstr(literal, "<!--more-->") != nil else { return false }
        return String(cString: literal).trimmingSpaces == MarkdownDocument.summaryBreak
    }

    /// The plain text of paragraphs and headings in order (not code blocks, not image
    /// descriptions). `toTheBreak`: up to the first `<!--more-->`, every paragraph gathered;
    /// else it stops at the first paragraph that has text of its own, of which the first
    /// `firstParagraphBytes` are read: a summary shows a few hundred characters, and a
    /// megabyte-long paragraph must not be copied and split whole for them.
    private func summaryWalk(toTheBreak: Bool) -> (firstParagraph: String?, beforeBreak: String?) {
        guard let iterator = cmark_iter_new(root) else { return (nil, nil) }
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
                if toTheBreak, MarkdownDocument.isSummaryBreak(node) {
                    return (firstParagraph, (all + " " + paragraph).collapsingSpaces)
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard entering, imageDepth == 0, let literal = cmark_node_get_literal(node) else { continue }
                if toTheBreak {
                    paragraph += String(cString: literal)
                } else if paragraph.utf8.count < Self.firstParagraphBytes {
                    paragraph += Self.prefix(of: literal, bytes: Self.firstParagraphBytes - paragraph.utf8.count)
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if imageDepth == 0 { paragraph += " " }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                guard !entering else { continue }
                let text = paragraph.collapsingSpaces
                if firstParagraph == nil, type == CMARK_NODE_PARAGRAPH, !text.isEmpty {
                    firstParagraph = text
                    if !toTheBreak { return (text, nil) }
                }
                if toTheBreak { all += " " + text }
                paragraph = ""
            default:
                break
            }
        }
        return (firstParagraph, nil)
    }
}

extension MarkdownDocument {
    /// Takes `<!--more-->` out of the tree, so the page shows no `<!-- raw HTML omitted -->` for it.
    public func removeSummaryBreaks() {
        var found: [OpaquePointer] = []
        if let iterator = cmark_iter_new(root) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                      MarkdownDocument.isSummaryBreak(node) else { continue }
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
