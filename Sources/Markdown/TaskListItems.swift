import CCmark

/// GFM task list items: a list item whose first paragraph starts with `[ ]`, `[x]` or `[X]` and
/// white space shows a disabled checkbox instead, ticked for `x`.
///
/// cmark prints `<li>` with no attributes and offers no hook for one, so the checkbox's HTML
/// starts with a private-use mark; after rendering, `classify` gives each `<li>` right before
/// a mark the class `task-list-item` (the theme drops its bullet) and removes the marks.
enum TaskListItems {
    /// Returns whether any item became a task.
    static func apply(to root: OpaquePointer) -> Bool {
        var found = false
        guard let iterator = cmark_iter_new(root) else { return false }
        var paragraphs: [OpaquePointer] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_ITEM, let first = cmark_node_first_child(node),
                  cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH else { continue }
            paragraphs.append(first)
        }
        cmark_iter_free(iterator)
        for paragraph in paragraphs {
            guard let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT,
                  let literal = CmarkNode.literal(text) else { continue }
            let marker = Array(literal.prefix(4))
            guard marker.count == 4, marker[0] == "[", marker[2] == "]", marker[3] == " " || marker[3] == "\t",
                  marker[1] == " " || marker[1] == "x" || marker[1] == "X" else { continue }
            let checked = marker[1] != " "
            let html = GFMMarkers.taskItem + "<input type=\"checkbox\" disabled" + (checked ? " checked" : "") + "> "
            guard let box = CmarkNode.custom(block: false, enter: html) else { continue }
            cmark_node_insert_before(text, box)
            let rest = literal.dropFirst(4).drop { $0 == " " || $0 == "\t" }
            if rest.isEmpty { CmarkNode.remove(text) } else { cmark_node_set_literal(text, String(rest)) }
            found = true
        }
        return found
    }

    /// Gives the `<li>` right before each mark (or before the `<p>` holding it) its class, and
    /// removes the marks, in one pass over the bytes.
    static func classify(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            let marks = ByteText.offsets(of: Array(GFMMarkers.taskItem.utf8), in: bytes)
            let length = GFMMarkers.taskItem.utf8.count
            let edits = marks.map { mark -> (offset: Int, length: Int, text: String) in
                for opening in ["<li>", "<li>\n<p>"] {
                    let start = mark - opening.utf8.count
                    guard start >= 0, bytes[start..<mark].elementsEqual(opening.utf8) else { continue }
                    let rest = opening.dropFirst(4)
                    return (start, opening.utf8.count + length, "<li class=\"task-list-item\">" + rest)
                }
                return (mark, length, "")
            }
            return ByteText.splice(bytes, at: edits)
        }
    }
}
