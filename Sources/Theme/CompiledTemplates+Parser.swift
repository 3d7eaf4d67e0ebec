extension CompiledTemplates {
    /// Mustache's reading of a template, for the tags `CompiledTemplates` renders: tags found,
    /// standalone lines taken out as the spec says (a line holding only a section, close,
    /// partial, parent, block or comment tag and blanks disappears, its newline too), then the
    /// tags nested into a tree. Nil for anything it does not render exactly as Mustache does.
    struct Parser {
        enum Kind: Equatable { case variable, raw, open, inverted, close, partial, parent, block, comment }

        struct Tag {
            var kind: Kind
            var name: String
            var start: Int
            var end: Int
            var standaloneRange: Range<Int>?
        }

        let bytes: [UInt8]
        init(text: String) { bytes = Array(text.utf8) }

        func parse() -> [Node]? {
            guard var tags = scan() else { return nil }
            markStandalone(&tags)
            var position = 0
            var index = 0
            return nest(&tags, &index, &position, closing: nil)
        }

        /// Every `{{…}}` in order; nil for a tag it does not render (`{{=`, `{{%`, transforms, `*`).
        func scan() -> [Tag]? {
            var tags: [Tag] = []
            var index = 0
            while let open = find([0x7B, 0x7B], from: index) {
                var cursor = open + 2
                guard cursor < bytes.count else { return nil }
                var kind = Kind.variable
                var closer: [UInt8] = [0x7D, 0x7D]
                switch bytes[cursor] {
                case UInt8(ascii: "#"): kind = .open
                case UInt8(ascii: "^"): kind = .inverted
                case UInt8(ascii: "/"): kind = .close
                case UInt8(ascii: ">"): kind = .partial
                case UInt8(ascii: "<"): kind = .parent
                case UInt8(ascii: "$"): kind = .block
                case UInt8(ascii: "!"): kind = .comment
                case UInt8(ascii: "&"): kind = .raw
                case UInt8(ascii: "{"): kind = .raw; closer = [0x7D, 0x7D, 0x7D]
                case UInt8(ascii: "="), UInt8(ascii: "%"): return nil
                default: cursor -= 1
                }
                cursor += 1
                guard let close = find(closer, from: cursor) else { return nil }
                let name = String(decoding: bytes[cursor..<close], as: UTF8.self).trimmingBlanks
                if kind != .comment, name.isEmpty || name.contains(where: { "(*) \t\n".contains($0) })
                    || (name.hasPrefix(".") && name != ".") { return nil }
                tags.append(Tag(kind: kind, name: name, start: open, end: close + closer.count))
                index = close + closer.count
            }
            return tags
        }

        func markStandalone(_ tags: inout [Tag]) {
            for i in tags.indices where ![.variable, .raw].contains(tags[i].kind) {
                let lineStart = (bytes[..<tags[i].start].lastIndex(of: 0x0A) ?? -1) + 1
                var lineEnd = bytes[tags[i].end...].firstIndex(of: 0x0A) ?? bytes.count
                let before = bytes[lineStart..<tags[i].start], after = bytes[tags[i].end..<lineEnd]
                guard before.allSatisfy(Self.isBlank), after.allSatisfy({ Self.isBlank($0) || $0 == 0x0D }),
                      (i == 0 || tags[i - 1].end <= lineStart),
                      (i + 1 == tags.count || tags[i + 1].start >= lineEnd) else { continue }
                if lineEnd < bytes.count { lineEnd += 1 }
                tags[i].standaloneRange = lineStart..<lineEnd
            }
        }

        /// Text and tags from `index` until the close named `closing`.
        func nest(_ tags: inout [Tag], _ index: inout Int, _ position: inout Int, closing: String?) -> [Node]? {
            var nodes: [Node] = []
            while index < tags.count {
                let tag = tags[index]
                let tagStart = tag.standaloneRange?.lowerBound ?? tag.start
                if tagStart > position { nodes.append(.text(String(decoding: bytes[position..<tagStart], as: UTF8.self))) }
                position = tag.standaloneRange?.upperBound ?? tag.end
                index += 1
                switch tag.kind {
                case .variable: nodes.append(.variable(Self.path(tag.name), escaped: true))
                case .raw: nodes.append(.variable(Self.path(tag.name), escaped: false))
                case .comment: continue
                case .partial:
                    // An indented standalone partial indents every line it renders: not done here.
                    if let range = tag.standaloneRange, range.lowerBound != tag.start { return nil }
                    nodes.append(.partial(tag.name))
                case .close:
                    return tag.name == closing ? nodes : nil
                case .open, .inverted:
                    guard let inner = nest(&tags, &index, &position, closing: tag.name) else { return nil }
                    nodes.append(.section(Self.path(tag.name), inverted: tag.kind == .inverted, inner))
                case .block:
                    guard let inner = nest(&tags, &index, &position, closing: tag.name) else { return nil }
                    nodes.append(.block(tag.name, inner))
                case .parent:
                    guard let inner = nest(&tags, &index, &position, closing: tag.name) else { return nil }
                    var blocks: [String: [Node]] = [:]
                    for node in inner {
                        switch node {
                        case .block(let name, let body): blocks[name] = body
                        case .text(let text) where text.allSatisfy(\.isWhitespace): continue
                        default: return nil   // only blocks stand directly inside a parent
                        }
                    }
                    nodes.append(.parent(tag.name, blocks: blocks))
                }
            }
            guard closing == nil else { return nil }
            if position < bytes.count { nodes.append(.text(String(decoding: bytes[position...], as: UTF8.self))) }
            return nodes
        }

        static func path(_ name: String) -> [String] {
            name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        }

        static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

        func find(_ needle: [UInt8], from start: Int) -> Int? { TemplateTag.find(needle, in: bytes, from: start) }
    }
}

private extension String {
    var trimmingBlanks: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
