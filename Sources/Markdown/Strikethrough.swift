import CCmark

/// GFM strikethrough: text between a matching pair of one or two tildes becomes `<del>`.
///
/// Tilde runs follow the flanking rules of CommonMark's emphasis delimiters: a run can open
/// when it is not followed by white space (and, before punctuation, is itself preceded by
/// white space or punctuation), and can close in the mirror case. An opener matches the
/// nearest closer of the same length among the same parent's children; runs of three or more
/// never match. The delimiters are found in cmark's finished text nodes, so a strikethrough
/// may hold emphasis, code and links, but not cross their edges.
enum Strikethrough {
    /// Applies the rule in every inline container under `root`.
    static func apply(to root: OpaquePointer) {
        var containers: [OpaquePointer] = []
        collect(root, into: &containers)
        for container in containers { apply(in: container) }
    }

    /// Parents whose children include a text node with a tilde.
    private static func collect(_ node: OpaquePointer, into containers: inout [OpaquePointer]) {
        var hasTilde = false
        var child = cmark_node_first_child(node)
        while let current = child {
            if cmark_node_get_type(current) == CMARK_NODE_TEXT {
                if !hasTilde, let literal = cmark_node_get_literal(current),
                   CmarkNode.contains(literal, byte: UInt8(ascii: "~")) { hasTilde = true }
            } else if cmark_node_first_child(current) != nil {
                collect(current, into: &containers)
            }
            child = cmark_node_next(current)
        }
        if hasTilde { containers.append(node) }
    }

    /// A run of tildes split out into its own text node.
    private struct Run {
        var node: OpaquePointer
        var length: Int
        var canOpen: Bool
        var canClose: Bool
    }

    private static func apply(in container: OpaquePointer) {
        let runs = splitRuns(in: container)
        var openers: [Run] = []
        for run in runs {
            if run.canClose, let match = openers.lastIndex(where: { $0.length == run.length }) {
                wrap(from: openers[match].node, to: run.node)
                openers.removeSubrange(match...)
            } else if run.canOpen {
                openers.append(run)
            }
        }
    }

    /// Puts the nodes between an opener and a closer into a `<del>` and drops both runs.
    private static func wrap(from opener: OpaquePointer, to closer: OpaquePointer) {
        guard let del = CmarkNode.custom(block: false, enter: "<del>", exit: "</del>") else { return }
        cmark_node_insert_before(opener, del)
        var node = cmark_node_next(opener)
        while let current = node, current != closer {
            node = cmark_node_next(current)
            cmark_node_unlink(current)
            cmark_node_append_child(del, current)
        }
        CmarkNode.remove(opener)
        CmarkNode.remove(closer)
    }

    /// Splits the container's text nodes so each tilde run of length 1 or 2 is a node of its
    /// own, and says which runs can open and close.
    private static func splitRuns(in container: OpaquePointer) -> [Run] {
        var runs: [Run] = []
        for node in CmarkNode.children(container) where cmark_node_get_type(node) == CMARK_NODE_TEXT {
            guard let literal = CmarkNode.literal(node), literal.utf8.contains(UInt8(ascii: "~")) else { continue }
            let scalars = Array(literal.unicodeScalars)
            let before = neighbour(of: node, previous: true)
            let after = neighbour(of: node, previous: false)
            var pieces: [(text: String, run: Int?)] = []
            var plain = ""
            var index = 0
            var tildeRuns: [(Int, Int)] = [] // (piece index, start offset)
            while index < scalars.count {
                guard scalars[index] == "~" else {
                    plain.unicodeScalars.append(scalars[index])
                    index += 1
                    continue
                }
                var end = index
                while end < scalars.count, scalars[end] == "~" { end += 1 }
                let length = end - index
                if length > 2 {
                    plain += String(repeating: "~", count: length)
                } else {
                    if !plain.isEmpty { pieces.append((plain, nil)); plain = "" }
                    tildeRuns.append((pieces.count, index))
                    pieces.append((String(repeating: "~", count: length), length))
                }
                index = end
            }
            guard !tildeRuns.isEmpty else { continue }
            if !plain.isEmpty { pieces.append((plain, nil)) }
            var made: [OpaquePointer] = []
            for piece in pieces {
                guard let new = CmarkNode.text(piece.text) else { continue }
                cmark_node_insert_before(node, new)
                made.append(new)
            }
            for (pieceIndex, start) in tildeRuns {
                let length = pieces[pieceIndex].run!
                let previous = start > 0 ? Kind(scalars[start - 1]) : before
                let next = start + length < scalars.count ? Kind(scalars[start + length]) : after
                let left = next != .space && (next != .punctuation || previous != .other)
                let right = previous != .space && (previous != .punctuation || next != .other)
                runs.append(Run(node: made[pieceIndex], length: length, canOpen: left, canClose: right))
            }
            CmarkNode.remove(node)
        }
        return runs
    }

    /// What a delimiter run sees next to it, for the flanking rules.
    private enum Kind {
        case space, punctuation, other

        init(_ scalar: Unicode.Scalar) {
            if scalar.properties.isWhitespace {
                self = .space
            } else if scalar.isASCII ? (scalar.properties.generalCategory != .decimalNumber
                                        && !scalar.properties.isAlphabetic && scalar.value > 0x20)
                        : Kind.punctuationCategories.contains(scalar.properties.generalCategory) {
                self = .punctuation
            } else {
                self = .other
            }
        }

        private static let punctuationCategories: Set<Unicode.GeneralCategory> = [
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
        ]
    }

    /// The kind of character just outside a text node: the edge of the container and breaks
    /// read as white space; emphasis, code, links and generated HTML start and end with
    /// punctuation in the source.
    private static func neighbour(of node: OpaquePointer, previous: Bool) -> Kind {
        guard let other = previous ? cmark_node_previous(node) : cmark_node_next(node) else { return .space }
        switch cmark_node_get_type(other) {
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return .space
        case CMARK_NODE_TEXT:
            guard let literal = CmarkNode.literal(other),
                  let scalar = previous ? literal.unicodeScalars.last : literal.unicodeScalars.first
            else { return .space }
            return Kind(scalar)
        default: return .punctuation
        }
    }
}
