/// Hugo's JSON front matter: a JSON object at the very start of the file, the body after the
/// line that closes it. JSON is YAML's flow style, so the object is read by the YAML reader with
/// its own lines and columns; this only finds where it ends (strings and escapes skipped).
enum JSONFrontMatter {
    /// Nesting beyond this is refused (the YAML reader would refuse it too).
    static let maximumDepth = 64

    /// The file starts with `{` followed by a quote, a line break or `}`: not a costmark value
    /// (`{{ total }}`).
    static func opens(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.first == UInt8(ascii: "{") else { return false }
        let next = bytes.dropFirst().first { $0 != 0x20 && $0 != 0x09 }
        return next == UInt8(ascii: "\"") || next == 0x0A || next == 0x0D || next == UInt8(ascii: "}")
    }

    /// The object, the body after the closing line, and the body's first line; nil when the file
    /// does not start with one or it is not closed.
    static func split(_ text: String) -> (Substring, Substring, Int)? {
        guard opens(text) else { return nil }
        let bytes = text.utf8
        var depth = 0, line = 1
        var inString = false, escaped = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
                guard depth <= maximumDepth else { return nil }
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 {
                    let end = bytes.index(after: index)
                    // The body starts on the line after the closing brace.
                    let lineEnd = bytes[end...].firstIndex(of: 0x0A)
                    let bodyStart = lineEnd.map { bytes.index(after: $0) } ?? bytes.endIndex
                    return (text[text.startIndex..<end], text[bodyStart...], line + 1)
                }
            }
            index = bytes.index(after: index)
        }
        return nil
    }
}
