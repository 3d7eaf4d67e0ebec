import CCmark

/// Small helpers over cmark's node API for the GFM layer, which rewrites the tree cmark built.
///
/// Every helper works on borrowed pointers; ownership follows cmark's rules: a node linked into
/// the tree is freed with the root, an unlinked one must be freed by whoever unlinked it.
enum CmarkNode {
    static func type(_ node: OpaquePointer) -> cmark_node_type { cmark_node_get_type(node) }

    static func literal(_ node: OpaquePointer) -> String? {
        cmark_node_get_literal(node).map { String(cString: $0) }
    }

    /// The node's children, copied into an array so the caller may relink them while looping.
    static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    static func text(_ literal: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, literal)
        return node
    }

    /// Generated HTML around children: cmark prints custom nodes even in safe mode.
    static func custom(block: Bool, enter: String, exit: String = "") -> OpaquePointer? {
        guard let node = cmark_node_new(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE) else { return nil }
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    /// Moves every child of `source` to the end of `target`'s children.
    static func moveChildren(of source: OpaquePointer, to target: OpaquePointer) {
        for child in children(source) {
            cmark_node_unlink(child)
            cmark_node_append_child(target, child)
        }
    }

    /// Unlinks and frees a node with its subtree.
    static func remove(_ node: OpaquePointer) {
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Whether a NUL-terminated literal holds a byte; a cheap test before making a Swift string.
    static func contains(_ literal: UnsafePointer<CChar>, byte: UInt8) -> Bool {
        var pointer = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
        while pointer.pointee != 0 {
            if pointer.pointee == byte { return true }
            pointer += 1
        }
        return false
    }

    static func isInline(_ type: cmark_node_type) -> Bool {
        type.rawValue >= CMARK_NODE_FIRST_INLINE.rawValue && type.rawValue <= CMARK_NODE_LAST_INLINE.rawValue
    }

    /// The text nodes under `root` in document order, outside links and images (whose text is
    /// already a link), whose literal passes `test`. Collected before the caller changes the tree.
    static func textNodes(in root: OpaquePointer, where test: (UnsafePointer<CChar>) -> Bool) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var result: [OpaquePointer] = []
        var linkDepth = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                linkDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            case CMARK_NODE_TEXT where linkDepth == 0:
                if let literal = cmark_node_get_literal(node), test(literal) { result.append(node) }
            default:
                break
            }
        }
        return result
    }
}
