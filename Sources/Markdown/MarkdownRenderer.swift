import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How cmark should treat an essay.
public struct MarkdownOptions: Sendable, Hashable {
    /// Curly quotes, en and em dashes, ellipses.
    public var smartPunctuation: Bool
    /// Let the author's raw HTML through; off by default, where cmark replaces it with a comment.
    public var allowRawHTML: Bool

    public init(smartPunctuation: Bool = true, allowRawHTML: Bool = false) {
        self.smartPunctuation = smartPunctuation
        self.allowRawHTML = allowRawHTML
    }

    var cmarkFlags: Int32 {
        var flags = CMARK_OPT_DEFAULT
        if smartPunctuation { flags |= CMARK_OPT_SMART }
        if allowRawHTML { flags |= CMARK_OPT_UNSAFE }
        return flags
    }
}

/// An essay body as HTML, plus the facts about its text that list pages and feeds need.
public struct RenderedMarkdown: Sendable, Hashable {
    public var html: String
    /// The first paragraph as plain text: the fallback summary.
    public var firstParagraph: String
    /// Words of prose (code blocks excluded), for reading time.
    public var wordCount: Int
}

/// The only place costmark touches libcmark: everything it returns is plain Swift values, and
/// every cmark allocation is freed before returning.
public enum MarkdownRenderer {
    public static func render(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
        let flags = options.cmarkFlags
        var source = markdown
        let root: OpaquePointer = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, flags) }
        }
        defer { cmark_node_free(root) }

        let (firstParagraph, wordCount) = summarize(root)
        guard let rendered = cmark_render_html(root, flags) else {
            return RenderedMarkdown(html: "", firstParagraph: firstParagraph, wordCount: wordCount)
        }
        defer { free(rendered) }
        return RenderedMarkdown(html: String(cString: rendered), firstParagraph: firstParagraph, wordCount: wordCount)
    }

    /// One walk collects the first paragraph's text and the prose word count.
    private static func summarize(_ root: OpaquePointer) -> (String, Int) {
        guard let iterator = cmark_iter_new(root) else { return ("", 0) }
        defer { cmark_iter_free(iterator) }
        var paragraph = ""
        var paragraphNode: OpaquePointer?
        var paragraphDone = false
        // Prose of the whole document; inline nodes are joined without spaces so `*em*phasis` stays one word.
        var prose = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let inFirstParagraph = paragraphNode != nil && !paragraphDone
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_PARAGRAPH, paragraphNode == node { paragraphDone = true }
                prose += " "
                continue
            }
            switch type {
            case CMARK_NODE_PARAGRAPH where paragraphNode == nil:
                paragraphNode = node
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                prose += literal
                if inFirstParagraph { paragraph += literal }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                prose += " "
                if inFirstParagraph { paragraph += " " }
            default:
                break
            }
        }
        return (paragraph, countWords(prose))
    }

    /// Words are runs of non-space text holding at least one letter or digit, so a lone dash is not one.
    private static func countWords(_ text: String) -> Int {
        var count = 0
        var wordHasAlphanumeric = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                if wordHasAlphanumeric { count += 1 }
                wordHasAlphanumeric = false
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                wordHasAlphanumeric = true
            }
        }
        return count + (wordHasAlphanumeric ? 1 : 0)
    }
}
