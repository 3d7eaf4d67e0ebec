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

    /// Gives the `<li>` before each mark its class, and removes the marks.
    static func classify(_ html: String) -> String {
        html.replacing("<li>" + GFMMarkers.taskItem, with: "<li class=\"task-list-item\">")
            .replacing("<li>\n<p>" + GFMMarkers.taskItem, with: "<li class=\"task-list-item\">\n<p>")
            .replacing(GFMMarkers.taskItem, with: "")
    }
}
