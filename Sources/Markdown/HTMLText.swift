/// The text a reader sees in a piece of inline HTML: tags dropped, the entities costmark and
/// cmark write decoded, white space collapsed. Heading ids and contents entries are made from
/// the rendered heading, so an inline value shows as its computed number, not as `{{ … }}`.
enum HTMLText {
    static func plain(_ html: String) -> String {
        // Most headings are plain words: no tags, entities or runs of white space to undo.
        var simple = true
        var previousSpace = true
        for byte in html.utf8 {
            let space = byte == 0x20
            if byte == 0x3C || byte == 0x26 || byte == 0x0A || byte == 0x09 || (space && previousSpace) {
                simple = false
                break
            }
            previousSpace = space
        }
        if simple, !previousSpace { return html }
        var text = ""
        var index = html.startIndex
        var pendingSpace = false
        func append(_ character: Character) {
            if character == " " || character == "\n" || character == "\t" {
                pendingSpace = !text.isEmpty
                return
            }
            if pendingSpace { text.append(" "); pendingSpace = false }
            text.append(character)
        }
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                index = html.index(after: close)
            } else if character == "&", let semicolon = html[index...].prefix(12).firstIndex(of: ";"),
                      let decoded = decode(html[html.index(after: index)..<semicolon]) {
                append(decoded)
                index = html.index(after: semicolon)
            } else {
                append(character)
                index = html.index(after: index)
            }
        }
        return text
    }

    private static func decode(_ entity: Substring) -> Character? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            guard entity.hasPrefix("#") else { return nil }
            let digits = entity.dropFirst()
            let hex = digits.first == "x" || digits.first == "X"
            let value = hex ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
