/// The text a reader sees in a piece of inline HTML: tags dropped, the entities costmark and
/// cmark write decoded, white space collapsed. Heading ids and contents entries are made from
/// the rendered heading, so an inline value shows as its computed number, not as `{{ … }}`.
enum HTMLText {
    static func plain(_ html: String) -> String {
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
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
