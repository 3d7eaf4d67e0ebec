/// Finds `{{ … }}` in an essay body and swaps each for a placeholder that cmark treats as plain
/// text, so expressions survive Markdown parsing whole (`*` in `a * b` cannot start emphasis).
/// Whether a placeholder ended up in prose or in code is decided by cmark afterwards.
public struct InlineScanner {
    /// One `{{ … }}` found in the source.
    public struct Reference: Sendable, Hashable {
        /// The text between the braces.
        public var text: String
        /// 1-based line within the scanned text, and the column where `text` starts.
        public var line: Int
        public var column: Int
        /// The whole `{{ … }}` as written, to put back where it turns out to be code.
        public var original: String
    }

    static let open: Character = "\u{E001}"
    static let close: Character = "\u{E002}"

    public static func placeholder(_ index: Int) -> String { "\(open)\(index)\(close)" }

    /// Returns the text with placeholders, and the references in order. `\{{` is left alone.
    public static func scan(_ text: String) -> (String, [Reference]) {
        // Most essays have no `{{`: find that out with a byte search before walking Characters.
        guard ByteText.contains("{{", in: text) else { return (text, []) }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var references: [Reference] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "{", text[index...].hasPrefix("{{"), !(index > text.startIndex && text[text.index(before: index)] == "\\") {
                let innerStart = text.index(index, offsetBy: 2)
                if let closing = closingBraces(in: text, from: innerStart) {
                    let inner = String(text[innerStart..<closing])
                    let afterClosing = text.index(closing, offsetBy: 2)
                    let original = String(text[index..<afterClosing])
                    references.append(Reference(text: inner, line: line, column: column + 2, original: original))
                    output += placeholder(references.count - 1)
                    column += original.count
                    index = afterClosing
                    continue
                }
            }
            output.append(character)
            if character.isNewline { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return (output, references)
    }

    /// The `}}` that closes an expression on the same line, if any.
    private static func closingBraces(in text: String, from start: String.Index) -> String.Index? {
        var index = start
        while index < text.endIndex {
            let character = text[index]
            if character.isNewline { return nil }
            let next = text.index(after: index)
            if character == "}", next < text.endIndex, text[next] == "}" { return index }
            index = next
        }
        return nil
    }

    /// Replaces placeholders in `text` using `replacement(index)`.
    public static func substitute(_ text: String, _ replacement: (Int) -> String) -> String {
        guard text.contains(open) else { return text }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == open, let end = text[index...].firstIndex(of: close),
               let number = Int(text[text.index(after: index)..<end]) {
                output += replacement(number)
                index = text.index(after: end)
            } else {
                output.append(text[index])
                index = text.index(after: index)
            }
        }
        return output
    }
}
