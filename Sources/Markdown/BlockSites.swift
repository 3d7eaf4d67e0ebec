import CCmark

/// Text read back from the source, with the line and 1-based byte column it starts at.
struct SourceSpan: Equatable {
    var text: String
    var line: Int
    var column: Int
}

/// A paragraph of cmark's tree that GFM reads as several blocks: it holds a pipe table, or a
/// footnote definition that starts on one of its later lines (a definition interrupts a
/// paragraph, so consecutive one-line definitions need no blank lines between them).
struct ParagraphSite {
    enum Segment {
        /// Lines that stay a paragraph, parsed again on their own.
        case paragraph([SourceSpan])
        /// The header row first, then the body rows, each padded or cut to the header's width.
        case table([ColumnAlignment], rows: [[SourceSpan]])
    }

    var paragraph: OpaquePointer
    var segments: [Segment]

    /// How many pieces the segments append for the second parse.
    var pieceCount: Int {
        segments.reduce(0) { count, segment in
            switch segment {
            case .paragraph: return count + 1
            case .table(_, let rows): return count + rows.count * (rows.first?.count ?? 0)
            }
        }
    }

    /// Whether the paragraph's last segment is a footnote definition, which an indented
    /// code block after it continues.
    var endsWithDefinition: Bool {
        guard case .paragraph(let lines) = segments.last, let first = lines.first else { return false }
        return first.text.utf8.starts(with: GFMMarkers.definitionUTF8)
    }
}

/// A footnote definition's paragraph followed by an indented code block that is really the
/// rest of the definition: cmark reads its 4-space-indented later paragraphs as code.
struct ContinuationSite {
    var definition: OpaquePointer
    var code: OpaquePointer
    /// The code block's text: the continuation with its indentation removed.
    var text: String
    var line: Int
    var column: Int
}

/// The places in a plain CommonMark tree where GFM reads the blocks differently.
struct BlockSites {
    var paragraphs: [ParagraphSite] = []
    var continuations: [ContinuationSite] = []

    var isEmpty: Bool { paragraphs.isEmpty && continuations.isEmpty }

    /// Walks the block structure (never the inlines) of `root`, down to `lineLimit`.
    static func find(in root: OpaquePointer, source: SourceLines, tables: Bool, footnotes: Bool,
                     lineLimit: Int = .max) -> BlockSites {
        var finder = Finder(source: source, tables: tables, footnotes: footnotes, lineLimit: lineLimit)
        finder.visit(root, containers: [])
        return finder.sites
    }

    private struct Finder {
        let source: SourceLines
        let tables: Bool
        let footnotes: Bool
        let lineLimit: Int
        var sites = BlockSites()

        mutating func visit(_ parent: OpaquePointer, containers: [SourceLines.Container]) {
            var child = cmark_node_first_child(parent)
            while let node = child {
                child = cmark_node_next(node)
                guard Int(cmark_node_get_start_line(node)) <= lineLimit else { return }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_PARAGRAPH:
                    let site = split(node, containers: containers)
                    if let site { sites.paragraphs.append(site) }
                    if footnotes, site?.endsWithDefinition ?? (FootnoteDefinition.label(of: node) != nil),
                       let continuation = continuation(of: node) {
                        sites.continuations.append(continuation)
                    }
                case CMARK_NODE_BLOCK_QUOTE: visit(node, containers: containers + [.quote])
                case CMARK_NODE_ITEM: visit(node, containers: containers + [.item])
                case CMARK_NODE_LIST: visit(node, containers: containers)
                default: break
                }
            }
        }

        /// The paragraph's segments if GFM reads it as more than one paragraph: a delimiter row
        /// under a header row with as many cells starts a table (every later line is a body
        /// row), and a line starting a footnote definition starts a new paragraph.
        func split(_ paragraph: OpaquePointer, containers: [SourceLines.Container]) -> ParagraphSite? {
            let first = Int(cmark_node_get_start_line(paragraph))
            let last = Int(cmark_node_get_end_line(paragraph))
            guard tables || footnotes, last > first, last <= source.count else { return nil }
            let startColumn = Int(cmark_node_get_start_column(paragraph))
            let lines = (first...last).map { number -> ArraySlice<UInt8> in
                number == first ? source.line(number).dropFirst(max(0, startColumn - 1))
                    : source.content(ofLine: number, in: containers)
            }
            var segments: [ParagraphSite.Segment] = []
            var current: [SourceSpan] = []
            var index = 0
            func startsDefinition(_ line: Int) -> Bool {
                footnotes && line > 0 && lines[line].starts(with: GFMMarkers.definitionUTF8)
            }
            while index < lines.count {
                if startsDefinition(index), !current.isEmpty {
                    segments.append(.paragraph(current))
                    current = []
                }
                if tables, index + 1 < lines.count, let table = pipeTable(lines, at: index, firstLine: first,
                                                                       until: startsDefinition) {
                    if !current.isEmpty { segments.append(.paragraph(current)) }
                    current = []
                    segments.append(.table(table.alignments, rows: table.rows))
                    index = table.end
                    continue
                }
                current.append(SourceSpan(text: String(decoding: lines[index], as: UTF8.self), line: first + index,
                                          column: column(of: lines[index].startIndex, line: first + index)))
                index += 1
            }
            if !current.isEmpty { segments.append(.paragraph(current)) }
            guard segments.count > 1 || segments.contains(where: { if case .table = $0 { true } else { false } })
            else { return nil }
            return ParagraphSite(paragraph: paragraph, segments: segments)
        }

        /// A table whose header row is `lines[start]`, running to the end of the lines or to the
        /// first line where `stop` holds.
        private func pipeTable(_ lines: [ArraySlice<UInt8>], at start: Int, firstLine: Int, until stop: (Int) -> Bool)
            -> (alignments: [ColumnAlignment], rows: [[SourceSpan]], end: Int)? {
            guard let alignments = PipeTableSyntax.alignments(lines[start + 1]) else { return nil }
            let header = PipeTableSyntax.cells(lines[start])
            guard header.count == alignments.count,
                  PipeTableSyntax.hasPipe(lines[start + 1]) || PipeTableSyntax.hasPipe(lines[start]) else { return nil }
            var rows = [spans(header, in: lines[start], line: firstLine + start)]
            var end = start + 2
            while end < lines.count, !stop(end) {
                let line = firstLine + end
                var cells = spans(PipeTableSyntax.cells(lines[end]), in: lines[end], line: line)
                if cells.count > header.count { cells.removeLast(cells.count - header.count) }
                while cells.count < header.count { cells.append(SourceSpan(text: "", line: line, column: 1)) }
                rows.append(cells)
                end += 1
            }
            return (alignments, rows, end)
        }

        private func spans(_ cells: [PipeTableSyntax.Cell], in row: ArraySlice<UInt8>, line: Int) -> [SourceSpan] {
            cells.map {
                SourceSpan(text: $0.text, line: line, column: column(of: row.startIndex + $0.offset, line: line))
            }
        }

        private func column(of offset: Int, line: Int) -> Int { offset - source.line(line).startIndex + 1 }

        /// A footnote definition's paragraph and the indented code block right after it.
        func continuation(of paragraph: OpaquePointer) -> ContinuationSite? {
            guard let code = cmark_node_next(paragraph),
                  cmark_node_get_type(code) == CMARK_NODE_CODE_BLOCK,
                  let info = cmark_node_get_fence_info(code), info.pointee == 0,
                  let literal = CmarkNode.literal(code) else { return nil }
            // Indented, not fenced: its text starts with its own first line (a fence's does not).
            let line = Int(cmark_node_get_start_line(code))
            let column = Int(cmark_node_get_start_column(code))
            let firstLine = source.line(line).dropFirst(max(0, column - 1))
            guard literal.utf8.starts(with: firstLine) else { return nil }
            return ContinuationSite(definition: paragraph, code: code, text: literal, line: line, column: column)
        }
    }
}
