import CCmark

/// How cmark should treat an essay.
public struct MarkdownOptions: Sendable, Hashable {
    /// Curly quotes, en and em dashes, ellipses.
    public var smartPunctuation: Bool
    /// Let the author's raw HTML through; off by default, where cmark replaces it with a comment.
    public var allowRawHTML: Bool
    /// How a heading's id is made from its text.
    public var headingIDs: HeadingIDScheme

    public init(smartPunctuation: Bool = true, allowRawHTML: Bool = false, headingIDs: HeadingIDScheme = .costmark) {
        self.smartPunctuation = smartPunctuation
        self.allowRawHTML = allowRawHTML
        self.headingIDs = headingIDs
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
    /// Every heading with its id, in document order: for `#fragment` checks and the contents.
    public var headings: [Heading] = []
}

/// Markdown to HTML in one call, for text without costmark's blocks or values (`{{ }}` is shown
/// as written). Pages with live parts go through `MarkdownDocument`, which this wraps; together
/// they are the only code that touches libcmark.
public enum MarkdownRenderer {
    public static func render(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
        MarkdownDocument(markdown, options: options).render(blocks: [:]) { _ in nil }
    }

    /// One walk collects the first paragraph's text and the prose word count. Words are counted
    /// straight from cmark's buffers; only the first paragraph becomes a Swift string.
    static func summarize(_ root: OpaquePointer) -> (String, Int) {
        guard let iterator = cmark_iter_new(root) else { return ("", 0) }
        defer { cmark_iter_free(iterator) }
        var paragraph = ""
        var paragraphNode: OpaquePointer?
        var paragraphDone = false
        var words = WordCounter()
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let inFirstParagraph = paragraphNode != nil && !paragraphDone
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_PARAGRAPH, paragraphNode == node { paragraphDone = true }
                // Blocks separate words; inline containers (emphasis, links) do not.
                if type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue { words.endWord() }
                continue
            }
            switch type {
            case CMARK_NODE_PARAGRAPH where paragraphNode == nil:
                paragraphNode = node
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard let literal = cmark_node_get_literal(node) else { continue }
                // Inline nodes join without a break, so `*em*phasis` stays one word.
                words.add(UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self))
                if inFirstParagraph { paragraph += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                words.endWord()
                if inFirstParagraph { paragraph += " " }
            default:
                break
            }
        }
        return (paragraph, words.total)
    }
}

/// Counts words across a stream of text pieces. A word is a run of non-space bytes holding at
/// least one letter or digit, so a lone dash is not one. ASCII is decided by byte; only
/// non-ASCII letters pay for Unicode properties.
struct WordCounter {
    private(set) var count = 0
    private var current = false

    var total: Int { count + (current ? 1 : 0) }

    mutating func endWord() {
        if current { count += 1 }
        current = false
    }

    /// Adds a NUL-terminated UTF-8 string.
    mutating func add(_ text: UnsafePointer<UInt8>) {
        var pointer = text
        var byte = pointer.pointee
        // Read the table once: a static is a lazily initialised global, checked on every access.
        let asciiKind = WordCounter.asciiKind
        while byte != 0 {
            if byte < 0x80 {
                let kind = asciiKind[Int(byte)]
                if kind == 1 { endWord() } else if kind == 2 { current = true }
                pointer += 1
            } else {
                pointer = addScalar(at: pointer)
            }
            byte = pointer.pointee
        }
    }

    /// 1 for ASCII white space, 2 for ASCII letters and digits, 0 for the rest.
    private static let asciiKind: [UInt8] = (0..<128).map { value -> UInt8 in
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D: return 1
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return 2
        default: return 0
        }
    }

    /// Decodes one multi-byte scalar and asks Unicode whether it is a letter or digit.
    private mutating func addScalar(at pointer: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        let lead = pointer.pointee
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        for offset in 1..<max(length, 1) where pointer[offset] & 0xC0 != 0x80 {
            return pointer + 1
        }
        if !current {
            let scalarText = String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
            if let scalar = scalarText.unicodeScalars.first,
               scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current = true
            }
        }
        return pointer + length
    }
}
