import CCmark

/// GFM footnotes over the tree: definitions are taken out of the text, references `[^label]`
/// become numbered links, and the referenced definitions are gathered into a section at the
/// end, numbered in the order of their first reference, each with a link back to every
/// reference. Unreferenced definitions are dropped; a reference without a definition stays
/// text and is reported.
struct FootnoteLayer {
    private struct Note {
        var label: String
        var blocks: [OpaquePointer]
        var number = 0
        var references = 0
    }

    private var notes: [Note] = []
    private var byLabel: [String: Int] = [:]
    /// Indices into `notes`, in the order of their numbers.
    private var numbered: [Int] = []
    private var locator: WarningLocator
    private(set) var warnings: [MarkdownWarning] = []

    /// - Parameters:
    ///   - continuations: blocks that continue a definition, by its paragraph (unlinked).
    ///   - markers: how many definition markers the text was given.
    static func apply(to root: OpaquePointer, continuations: [OpaquePointer: [OpaquePointer]], markers: Int,
                      locator: WarningLocator) -> [MarkdownWarning] {
        var layer = FootnoteLayer(locator: locator)
        var leftover = continuations
        let found = layer.collectDefinitions(in: root, continuations: &leftover)
        for blocks in leftover.values { blocks.forEach { cmark_node_free($0) } }
        // Markers that did not start a definition were an author's `[` after all.
        if found < markers {
            restoreMarkers(in: root)
            for note in layer.notes { for block in note.blocks { restoreMarkers(in: block) } }
        }
        layer.link(in: root)
        var index = 0
        while index < layer.numbered.count {
            for block in layer.notes[layer.numbered[index]].blocks { layer.link(in: block) }
            index += 1
        }
        layer.appendSection(to: root)
        return layer.warnings
    }

    private init(locator: WarningLocator) { self.locator = locator }

    /// Takes every definition's paragraph (and its continuation) out of the tree. The first
    /// definition of a label wins, as with link references.
    /// Returns how many definitions it found, duplicates included.
    private mutating func collectDefinitions(in root: OpaquePointer,
                                             continuations: inout [OpaquePointer: [OpaquePointer]]) -> Int {
        var found: [(OpaquePointer, String, Int)] = []
        func visit(_ parent: OpaquePointer) {
            for node in CmarkNode.children(parent) {
                switch cmark_node_get_type(node) {
                case CMARK_NODE_PARAGRAPH:
                    if let (label, length) = FootnoteDefinition.label(of: node) { found.append((node, label, length)) }
                case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM: visit(node)
                default: break
                }
            }
        }
        visit(root)
        for (paragraph, label, length) in found {
            cmark_node_unlink(paragraph)
            FootnoteLayer.dropPrefix(of: paragraph, bytes: length)
            let blocks = [paragraph] + (continuations.removeValue(forKey: paragraph) ?? [])
            let key = label.lowercased()
            if byLabel[key] != nil {
                blocks.forEach { cmark_node_free($0) }
                continue
            }
            byLabel[key] = notes.count
            notes.append(Note(label: label, blocks: blocks))
        }
        return found.count
    }

    /// Removes `[^label]:` and the white space after it from a definition's first text.
    private static func dropPrefix(of paragraph: OpaquePointer, bytes: Int) {
        guard let text = cmark_node_first_child(paragraph), let literal = CmarkNode.literal(text) else { return }
        let rest = literal.utf8.dropFirst(bytes).drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if rest.isEmpty {
            let next = cmark_node_next(text)
            CmarkNode.remove(text)
            if let next, cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK { CmarkNode.remove(next) }
        } else {
            cmark_node_set_literal(text, String(decoding: rest, as: UTF8.self))
        }
    }

    /// Puts `[` back for every definition marker left in text, code and raw HTML under `node`.
    private static func restoreMarkers(in node: OpaquePointer) {
        guard let iterator = cmark_iter_new(node) else { return }
        var nodes: [OpaquePointer] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator),
                  let literal = cmark_node_get_literal(current),
                  CmarkNode.contains(literal, byte: GFMMarkers.definitionUTF8[0]) else { continue }
            nodes.append(current)
        }
        cmark_iter_free(iterator)
        for current in nodes {
            guard let literal = CmarkNode.literal(current) else { continue }
            let restored = ByteText.replacing(String(GFMMarkers.definition), with: "[", in: literal)
            if restored != literal { cmark_node_set_literal(current, restored) }
        }
    }

    /// Replaces references in the text under `node` (outside links) with numbered links.
    private mutating func link(in node: OpaquePointer) {
        let candidates = CmarkNode.textNodes(in: node, where: { CmarkNode.contains($0, byte: UInt8(ascii: "[")) })
        for text in candidates {
            guard let literal = CmarkNode.literal(text), ByteText.contains("[^", in: literal) else { continue }
            split(text, literal)
        }
    }

    private mutating func split(_ node: OpaquePointer, _ literal: String) {
        var pieces: [(html: Bool, text: String)] = []
        var plain = ""
        var rest = Substring(literal)
        while let open = rest.firstRange(of: "[^") {
            plain += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            let label = rest.prefix { $0 != "]" && $0 != "[" && !$0.isWhitespace }
            let after = rest[label.endIndex...]
            guard !label.isEmpty, after.first == "]" else {
                plain += "[^"
                continue
            }
            rest = after.dropFirst()
            guard let index = byLabel[label.lowercased()] else {
                let written = "[^\(label)]"
                let message = "footnote `\(written)` has no definition (write one as `\(written): text`)"
                warnings.append(locator.warning(message,
                                                at: node, text: written))
                plain += written
                continue
            }
            if !plain.isEmpty { pieces.append((false, plain)); plain = "" }
            pieces.append((true, reference(to: index)))
        }
        plain += rest
        guard pieces.contains(where: \.html) else { return }
        if !plain.isEmpty { pieces.append((false, plain)) }
        for piece in pieces {
            let new = piece.html ? CmarkNode.custom(block: false, enter: piece.text) : CmarkNode.text(piece.text)
            if let new { cmark_node_insert_before(node, new) }
        }
        CmarkNode.remove(node)
    }

    /// The HTML of one more reference to a note, numbering the note on its first reference.
    private mutating func reference(to index: Int) -> String {
        if notes[index].number == 0 {
            numbered.append(index)
            notes[index].number = numbered.count
        }
        notes[index].references += 1
        let number = notes[index].number
        let id = FootnoteLayer.referenceID(number, notes[index].references)
        return "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"\(id)\">\(number)</a></sup>"
    }

    private static func referenceID(_ number: Int, _ occurrence: Int) -> String {
        occurrence == 1 ? "fnref-\(number)" : "fnref-\(number)-\(occurrence)"
    }

    /// The notes section, in number order; unreferenced notes are freed.
    private mutating func appendSection(to root: OpaquePointer) {
        for note in notes where note.number == 0 { note.blocks.forEach { cmark_node_free($0) } }
        guard !numbered.isEmpty, let section = CmarkNode.custom(
            block: true, enter: "<section class=\"footnotes\" aria-label=\"Footnotes\">\n<ol>",
            exit: "</ol>\n</section>") else { return }
        for index in numbered {
            let note = notes[index]
            guard let item = CmarkNode.custom(block: true, enter: "<li id=\"fn-\(note.number)\">", exit: "</li>")
            else { continue }
            for block in note.blocks { cmark_node_append_child(item, block) }
            FootnoteLayer.appendBackLinks(note, to: item)
            cmark_node_append_child(section, item)
        }
        cmark_node_append_child(root, section)
    }

    /// One link back per reference, at the end of the note's last paragraph (or in a paragraph
    /// of their own when the note ends with another block).
    private static func appendBackLinks(_ note: Note, to item: OpaquePointer) {
        var paragraph = cmark_node_last_child(item)
        if paragraph == nil || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH {
            paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)
            if let paragraph { cmark_node_append_child(item, paragraph) }
        }
        guard let paragraph else { return }
        for occurrence in 1...max(1, note.references) {
            let id = referenceID(note.number, occurrence)
            let suffix = occurrence == 1 ? "" : "<sup>\(occurrence)</sup>"
            let label = occurrence == 1 ? "\(note.number)" : "\(note.number), use \(occurrence)"
            let html = "<a href=\"#\(id)\" class=\"footnote-backref\" aria-label=\"Back to reference \(label)\">"
                + "\u{21A9}\u{FE0E}\(suffix)</a>"
            if cmark_node_first_child(paragraph) != nil, let space = CmarkNode.text(" ") {
                cmark_node_append_child(paragraph, space)
            }
            if let link = CmarkNode.custom(block: false, enter: html) { cmark_node_append_child(paragraph, link) }
        }
    }
}
