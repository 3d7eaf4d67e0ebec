import CCmark

/// GFM's block extensions — pipe tables and footnote definitions that run over several
/// paragraphs — over a tree that cmark parsed as plain CommonMark.
///
/// cmark reads a table as one paragraph and a definition's indented second paragraph as code.
/// The layer finds those places by cmark's source positions, then parses the text once more
/// with the pieces appended after the body: each table cell on its own line behind a marker,
/// each continuation between sentinel paragraphs. Appended pieces share the body's link
/// reference definitions and smart punctuation, and a delimiter row never reaches cmark's
/// inline parser. The pieces are then moved into place: cells into table nodes, continuations
/// into a map that the footnote layer reads. Essays with neither feature are parsed once.
struct GFMBlockLayer {
    /// The tree to render, which the caller owns and frees.
    var root: OpaquePointer
    var origins = LineOrigins.identity
    /// Blocks that continue a footnote definition, by the definition's paragraph; unlinked.
    var continuations: [OpaquePointer: [OpaquePointer]] = [:]

    static func parse(_ source: String, flags: Int32, tables: Bool, footnotes: Bool) -> GFMBlockLayer {
        let first = cmarkParse(source, flags: flags)
        guard tables || footnotes else { return GFMBlockLayer(root: first) }
        let lines = SourceLines(source)
        let sites = BlockSites.find(in: first, source: lines, tables: tables, footnotes: footnotes)
        guard !sites.isEmpty else { return GFMBlockLayer(root: first) }

        var appended = AppendedText(source: source, lineCount: lines.count)
        for site in sites.paragraphs {
            for segment in site.segments {
                switch segment {
                case .paragraph(let spans): appended.addPiece(spans)
                case .table(_, let rows): for row in rows { for cell in row { appended.addPiece([cell]) } }
                }
            }
        }
        for (index, site) in sites.continuations.enumerated() { appended.addContinuation(site, index: index) }
        appended.addSentinel(sites.continuations.count)

        // Without link reference definitions in the body, the pieces need not follow the body:
        // blank lines stand in for it, which cmark skips at almost no cost.
        let shared = mayDefineLinks(source)
        let pieces = cmarkParse(shared ? appended.text : appended.afterBlankLines, flags: flags)
        let targets = shared ? BlockSites.find(in: pieces, source: lines, tables: tables, footnotes: footnotes,
                                               lineLimit: lines.count) : sites
        var tail = CmarkNode.children(pieces).filter { Int(cmark_node_get_start_line($0)) > lines.count }[...]
        // Pieces cannot open blocks, so they come back one paragraph each unless the body left a
        // block open (an unclosed fence swallows what follows): then keep the first parse.
        let pieceCount = sites.paragraphs.reduce(0) { $0 + $1.pieceCount }
        guard targets.paragraphs.count == sites.paragraphs.count,
              targets.continuations.count == sites.continuations.count,
              tail.count >= pieceCount, tail.prefix(pieceCount).allSatisfy(isPiece) else {
            cmark_node_free(pieces)
            return GFMBlockLayer(root: first)
        }
        if shared { cmark_node_free(first) }
        var layer = GFMBlockLayer(root: shared ? pieces : first, origins: appended.origins)
        var replaced: [OpaquePointer: OpaquePointer] = [:]
        for site in targets.paragraphs { replaced[site.paragraph] = layer.graft(site, pieces: &tail) }
        layer.attach(targets.continuations, replaced: replaced, tail: &tail, flags: flags)
        for node in tail { CmarkNode.remove(node) }
        if !shared { cmark_node_free(pieces) }
        return layer
    }

    /// Whether the body may hold a link reference definition (`[label]: …`), which pieces
    /// parsed apart from it could not use: a `]:` other than those of marked footnote definitions.
    private static func mayDefineLinks(_ source: String) -> Bool {
        var source = source
        return source.withUTF8 { bytes in
            let colons = ByteText.offsets(of: Array("]:".utf8), in: bytes).count
            return colons > ByteText.offsets(of: GFMMarkers.definitionUTF8, in: bytes).count
        }
    }

    private static func cmarkParse(_ text: String, flags: Int32) -> OpaquePointer {
        var text = text
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, flags) }
        }!
    }

    private static func isPiece(_ node: OpaquePointer) -> Bool {
        guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, let text = cmark_node_first_child(node),
              cmark_node_get_type(text) == CMARK_NODE_TEXT else { return false }
        return CmarkNode.literal(text)?.utf8.starts(with: GFMMarkers.partUTF8) ?? false
    }

    /// Replaces a paragraph with its segments: pieces become paragraphs again, tables are built
    /// from their cells' pieces. Returns the last block put in, which a continuation follows.
    private func graft(_ site: ParagraphSite, pieces: inout ArraySlice<OpaquePointer>) -> OpaquePointer? {
        var last: OpaquePointer?
        var anchor = site.paragraph
        for segment in site.segments {
            let block: OpaquePointer?
            switch segment {
            case .paragraph:
                block = pieces.popFirst()
                if let block {
                    cmark_node_unlink(block)
                    GFMBlockLayer.dropMarker(of: block)
                }
            case .table(let alignments, let rows):
                block = PipeTableNodes.table(alignments: alignments,
                                             rows: rows.map { row in row.map { _ in pieces.popFirst()! } })
            }
            guard let block else { continue }
            cmark_node_insert_after(anchor, block)
            anchor = block
            last = block
        }
        CmarkNode.remove(site.paragraph)
        return last
    }

    /// Drops the part marker from the front of a piece's first text.
    private static func dropMarker(of piece: OpaquePointer) {
        guard let first = cmark_node_first_child(piece), let literal = CmarkNode.literal(first) else { return }
        let rest = String(decoding: literal.utf8.dropFirst(GFMMarkers.partUTF8.count), as: UTF8.self)
        if rest.isEmpty { CmarkNode.remove(first) } else { cmark_node_set_literal(first, rest) }
    }

    /// Moves a piece's inlines into `target`, dropping the marker in front, and frees the piece.
    static func takeInlines(from piece: OpaquePointer, into target: OpaquePointer) {
        dropMarker(of: piece)
        CmarkNode.moveChildren(of: piece, to: target)
        CmarkNode.remove(piece)
    }

    /// Moves each continuation's blocks out of the tail, between its sentinels, into the map.
    /// If a continuation left a block open and swallowed the sentinels after it, every
    /// continuation is parsed on its own instead (it then cannot use the body's link references).
    /// - Parameter replaced: paragraphs split into segments, with their last segment.
    private mutating func attach(_ sites: [ContinuationSite], replaced: [OpaquePointer: OpaquePointer],
                                 tail: inout ArraySlice<OpaquePointer>, flags: Int32) {
        guard !sites.isEmpty else { return }
        var groups: [[OpaquePointer]] = []
        var current: [OpaquePointer]?
        var intact = true
        for node in tail {
            if let number = GFMBlockLayer.sentinelNumber(node) {
                if let group = current { groups.append(group) }
                if number != groups.count { intact = false }
                current = []
            } else if current != nil {
                current?.append(node)
            }
        }
        intact = intact && groups.count == sites.count
        for (index, site) in sites.enumerated() {
            let blocks: [OpaquePointer]
            if intact {
                blocks = groups[index]
                for node in blocks { cmark_node_unlink(node) }
            } else {
                // Blank lines in front keep the nodes' line numbers those of the body.
                let padded = String(repeating: "\n", count: max(0, site.line - 1)) + site.text
                let alone = GFMBlockLayer.cmarkParse(padded, flags: flags)
                blocks = CmarkNode.children(alone)
                for node in blocks { cmark_node_unlink(node) }
                cmark_node_free(alone)
            }
            continuations[replaced[site.definition] ?? site.definition] = blocks
            CmarkNode.remove(site.code)
        }
        tail = tail.filter { cmark_node_parent($0) != nil }[...]
    }

    private static func sentinelNumber(_ node: OpaquePointer) -> Int? {
        guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, let text = cmark_node_first_child(node),
              cmark_node_next(text) == nil, let literal = CmarkNode.literal(text),
              literal.first == GFMMarkers.sentinel, literal.last == GFMMarkers.sentinel, literal.count > 2
        else { return nil }
        return Int(literal.dropFirst().dropLast())
    }
}

/// The second parse's text: the body, then the pieces, each line noting where it came from.
private struct AppendedText {
    private let source: String
    private let lineCount: Int
    private var suffix = ""
    var origins: LineOrigins

    init(source: String, lineCount: Int) {
        self.source = source.isEmpty || source.hasSuffix("\n") || source.hasSuffix("\r") ? source : source + "\n"
        self.lineCount = lineCount
        origins = LineOrigins(sourceLineCount: lineCount, appended: [])
        addLine("")
    }

    /// The body, then the pieces.
    var text: String { source + suffix }
    /// The pieces on the same lines, after blank lines in place of the body.
    var afterBlankLines: String { String(repeating: "\n", count: lineCount) + suffix }

    mutating func addLine(_ line: String, from origin: (line: Int, columnShift: Int) = (0, 0)) {
        suffix += line
        suffix += "\n"
        origins.appended.append(origin)
    }

    /// A paragraph of one or more source lines behind the part marker, then a blank line.
    mutating func addPiece(_ spans: [SourceSpan]) {
        for (index, span) in spans.enumerated() {
            let marker = index == 0 ? GFMMarkers.part : ""
            addLine(marker + span.text, from: (span.line, span.column - 1 - marker.utf8.count))
        }
        addLine("")
    }

    mutating func addSentinel(_ number: Int) {
        addLine("\(GFMMarkers.sentinel)\(number)\(GFMMarkers.sentinel)")
        addLine("")
    }

    mutating func addContinuation(_ site: ContinuationSite, index: Int) {
        addSentinel(index)
        var line = site.line
        for piece in site.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            addLine(String(piece), from: (line, site.column - 1))
            line += 1
        }
        addLine("")
    }
}
