import CCmark

/// Keeps an escaped tilde (`\~`) from acting as strikethrough.
///
/// cmark resolves the escape into a plain `~` in its text nodes, where the strikethrough pass
/// could no longer tell it apart. So before parsing, each `\~` (after an even run of other
/// backslashes) becomes a private-use mark, and afterwards the mark turns back into `~` in text
/// and into `\~` in code and raw HTML, where the author's backslash is kept.
enum EscapedTilde {
    static let mark = "\u{E008}"

    static func hide(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var backslashes = 0
        for character in text {
            if character == "~", backslashes % 2 == 1 {
                output.removeLast()
                output += mark
            } else {
                output.append(character)
            }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return output
    }

    static func restore(in root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        var nodes: [OpaquePointer] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  let literal = cmark_node_get_literal(node), CmarkNode.contains(literal, byte: 0xEE) else { continue }
            nodes.append(node)
        }
        cmark_iter_free(iterator)
        for node in nodes {
            guard let literal = CmarkNode.literal(node) else { continue }
            let tilde = cmark_node_get_type(node) == CMARK_NODE_TEXT ? "~" : "\\~"
            let restored = ByteText.replacing(mark, with: tilde, in: literal)
            if restored != literal { cmark_node_set_literal(node, restored) }
        }
    }
}
