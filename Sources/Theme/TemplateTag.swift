/// One Mustache tag as costmark's checks see it: what it does, what it names, and where it is.
///
/// Every check that looks at a template's structure before Mustache renders it (missing partials,
/// cache keys, include cycles, expansion limits) reads these, so they all agree on what a
/// template pulls in. The scanner follows the parser's reading of tags closely enough that no
/// partial or parent the renderer would follow is missed: it honours `{{=<% %>=}}` delimiter
/// changes and skips comments and triple mustaches the way the parser does.
struct TemplateTag: Equatable {
    enum Kind: Equatable {
        /// `{{> name}}`
        case partial
        /// `{{< name}}`, opening the overrides that close with `{{/name}}`.
        case parent
        /// `{{#name}}` or `{{^name}}`: everything up to the matching close renders inside it.
        case section
        /// `{{$name}}`: a block a child template may override.
        case block
        /// `{{/name}}`
        case close
        /// `{{name}}`, `{{{name}}}`, `{{&name}}`: only when scanned with `variables: true`.
        case variable
    }

    var kind: Kind
    /// The partial's, parent's or section's name as written, without the `*` of a dynamic one.
    var name: String
    /// `{{> *name}}` or `{{< *name}}`: the template is named by a value at render time.
    var isDynamic = false
    /// `{{^name}}`: renders when the value is missing or empty, with no new context.
    var isInverted = false
    /// UTF-8 offset of the tag's opening delimiter.
    var offset: Int
    /// UTF-8 offset of the name, for messages that underline it.
    var nameOffset: Int
    /// UTF-8 offset just past the tag's closing delimiter.
    var end: Int

    /// Opens a region that a close tag ends.
    var opens: Bool { kind == .section || kind == .block || kind == .parent }

    /// Every structural tag of `text`, in order. Variables, comments and settings are skipped.
    static func scan(_ text: String, variables: Bool = false) -> [TemplateTag] {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.includesVariables = variables
        return scanner.run()
    }

    /// The first offset at or after `start` where `needle` stands in `bytes`; shared by the scanners
    /// of template text.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var position = start
        while position + needle.count <= bytes.count {
            if bytes[position] == first, bytes[position..<position + needle.count].elementsEqual(needle) {
                return position
            }
            position += 1
        }
        return nil
    }

    private struct Scanner {
        let bytes: [UInt8]
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var index = 0
        var tags: [TemplateTag] = []
        var includesVariables = false

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() -> [TemplateTag] {
            while let start = find(open, from: index) {
                index = start + open.count
                guard index < bytes.count else { break }
                let sigil = bytes[index]
                switch sigil {
                case UInt8(ascii: ">"): named(start, .partial)
                case UInt8(ascii: "<"): named(start, .parent)
                case UInt8(ascii: "#"), UInt8(ascii: "^"):
                    named(start, .section)
                    if sigil == UInt8(ascii: "^"), tags.last?.offset == start { tags[tags.count - 1].isInverted = true }
                case UInt8(ascii: "$"): named(start, .block)
                case UInt8(ascii: "/"): named(start, .close)
                case UInt8(ascii: "="): setDelimiters()
                case UInt8(ascii: "{"):
                    // `{{{name}}}`: the name ends at `}` followed by the closing delimiter.
                    if includesVariables, let end = find([UInt8(ascii: "}")] + close, from: index) {
                        variable(start, from: index + 1, to: end, past: end + 1 + close.count)
                    } else {
                        skip(past: [UInt8(ascii: "}")] + close)
                    }
                case UInt8(ascii: "!"), UInt8(ascii: "%"): skip(past: close)
                default:
                    if includesVariables, let end = find(close, from: index) {
                        let from = sigil == UInt8(ascii: "&") ? index + 1 : index
                        variable(start, from: from, to: end, past: end + close.count)
                    } else {
                        skip(past: close)
                    }
                }
            }
            return tags
        }

        /// Reads the name after a sigil and records the tag; a tag left open ends the scan.
        mutating func named(_ start: Int, _ kind: Kind) {
            index += 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            let nameStart = index
            guard let closing = find(close, from: index) else {
                index = bytes.count
                return
            }
            var nameEnd = closing
            while nameEnd > nameStart, isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
            var tag = TemplateTag(kind: kind, name: String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self),
                                  offset: start, nameOffset: nameStart, end: closing + close.count)
            if kind == .partial || kind == .parent, tag.name.hasPrefix("*") {
                tag.isDynamic = true
                tag.name = String(tag.name.dropFirst().drop(while: { $0 == " " || $0 == "\t" }))
            }
            index = tag.end
            tags.append(tag)
        }

        /// A variable's name between `from` and `to`, spaces trimmed.
        mutating func variable(_ start: Int, from: Int, to: Int, past end: Int) {
            var nameStart = from, nameEnd = to
            while nameStart < nameEnd, isSpace(bytes[nameStart]) { nameStart += 1 }
            while nameEnd > nameStart, isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
            tags.append(TemplateTag(kind: .variable, name: String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self),
                                    offset: start, nameOffset: nameStart, end: end))
            index = end
        }

        /// `{{=<% %>=}}`: later tags use the new pair, as they do for the parser.
        mutating func setDelimiters() {
            index += 1
            guard let closing = find([UInt8(ascii: "=")] + close, from: index) else {
                index = bytes.count
                return
            }
            let words = bytes[index..<closing].split(whereSeparator: isSpace)
            index = closing + 1 + close.count
            if words.count == 2 {
                open = Array(words[0])
                close = Array(words[1])
            }
        }

        mutating func skip(past end: [UInt8]) {
            index = find(end, from: index).map { $0 + end.count } ?? bytes.count
        }

        func find(_ needle: [UInt8], from start: Int) -> Int? { TemplateTag.find(needle, in: bytes, from: start) }

        func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r") || byte == 0x0B || byte == 0x0C
        }
    }
}
