import CCmark

/// Builds a pipe table out of custom nodes: cmark has no table node, and custom nodes render
/// in safe mode. Cells are inline custom nodes holding the cell's own inlines, separated by
/// soft breaks so words in neighbouring cells are not counted as one.
///
/// The table sits in a wrapper that scrolls sideways on its own, so a wide table never
/// widens the page.
enum PipeTableNodes {
    /// - Parameter rows: per row, per cell, the paragraph cmark parsed from the cell's text;
    ///   each is emptied into its cell and freed.
    static func table(alignments: [ColumnAlignment], rows: [[OpaquePointer]]) -> OpaquePointer? {
        let open = "<div class=\"cm-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">"
            + "<table class=\"cm-gfm-table\">"
        guard let table = CmarkNode.custom(block: true, enter: open,
                                           exit: "</table></div>") else { return nil }
        guard let header = rows.first else { return table }
        section("thead", [header], header: true, alignments: alignments, in: table)
        if rows.count > 1 {
            section("tbody", Array(rows.dropFirst()), header: false, alignments: alignments, in: table)
        }
        return table
    }

    private static func section(_ tag: String, _ rows: [[OpaquePointer]], header: Bool,
                                alignments: [ColumnAlignment], in table: OpaquePointer) {
        guard let section = CmarkNode.custom(block: true, enter: "<\(tag)>", exit: "</\(tag)>") else { return }
        cmark_node_append_child(table, section)
        for row in rows { append(row, header: header, alignments: alignments, to: section) }
    }

    private static func append(_ cells: [OpaquePointer], header: Bool, alignments: [ColumnAlignment],
                               to section: OpaquePointer) {
        guard let row = CmarkNode.custom(block: true, enter: "<tr>", exit: "</tr>") else { return }
        cmark_node_append_child(section, row)
        let tag = header ? "th" : "td"
        for (column, piece) in cells.enumerated() {
            if column > 0, let separator = cmark_node_new(CMARK_NODE_SOFTBREAK) {
                cmark_node_append_child(row, separator)
            }
            let alignment = column < alignments.count ? alignments[column] : .none
            guard let cell = CmarkNode.custom(block: false, enter: "<\(tag)\(alignment.styleAttribute)>",
                                              exit: "</\(tag)>") else { continue }
            cmark_node_append_child(row, cell)
            GFMBlockLayer.takeInlines(from: piece, into: cell)
        }
    }
}
