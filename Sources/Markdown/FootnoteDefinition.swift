import CCmark

/// How footnote definitions (`[^label]: text`) are recognised.
///
/// cmark would read a definition with a single word (`[^1]: Knuth`) as a link reference
/// definition and drop it, so before cmark sees the text, the `[` of every `[^label]:` that
/// starts a line (after block quote markers and indentation) becomes a marker. A paragraph that
/// starts with the marker is a definition; a marker anywhere else is put back as `[`.
enum FootnoteDefinition {
    /// The text with definitions marked; the same text when it has no `[^` at all.
    static func mark(_ text: String) -> String {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            var edits: [(offset: Int, length: Int, text: String)] = []
            // Only a `[` that follows a line's opening blanks and `>`s can start a definition.
            for open in ByteText.offsets(of: Array("[^".utf8), in: bytes) {
                var start = open
                while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t")
                        || bytes[start - 1] == UInt8(ascii: ">") { start -= 1 }
                guard start == 0 || bytes[start - 1] == UInt8(ascii: "\n") || bytes[start - 1] == UInt8(ascii: "\r"),
                      labelLength(bytes, at: open) != nil else { continue }
                edits.append((open, 1, String(GFMMarkers.definition)))
            }
            return edits.isEmpty ? text : ByteText.splice(bytes, at: edits)
        }
    }

    /// For `[^label]:` (or the marked form's tail, `^label]:`), the byte length up to and
    /// including the colon. A label is one or more characters other than white space and brackets.
    private static func labelLength<Bytes: RandomAccessCollection>(_ bytes: Bytes, at start: Int) -> Int?
        where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = start + 1
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "^") else { return nil }
        index += 1
        let labelStart = index
        while index < bytes.endIndex, !isLabelStop(bytes[index]) { index += 1 }
        guard index > labelStart, index + 1 < bytes.endIndex, bytes[index] == UInt8(ascii: "]"),
              bytes[index + 1] == UInt8(ascii: ":") else { return nil }
        return index + 2 - start
    }

    static func isLabelStop(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "]") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: " ")
            || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// The label of a definition's paragraph and the length in bytes of its `[^label]:` prefix
    /// (marker included), or nil for any other paragraph.
    static func label(of paragraph: OpaquePointer) -> (label: String, prefixLength: Int)? {
        guard let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT,
              let raw = cmark_node_get_literal(text), UInt8(bitPattern: raw.pointee) == GFMMarkers.definitionUTF8[0]
        else { return nil }
        let literal = String(cString: raw)
        let bytes = Array(literal.utf8)
        let marker = GFMMarkers.definitionUTF8
        guard bytes.starts(with: marker) else { return nil }
        // Measure as if the marker were the one-byte `[` it replaced.
        guard let length = labelLength([UInt8(ascii: "[")] + bytes[marker.count...], at: 0) else { return nil }
        // In the marked bytes the label runs from after `^` to before `]:`.
        let label = String(decoding: bytes[(marker.count + 1)..<(marker.count + length - 3)], as: UTF8.self)
        return (label, length - 1 + marker.count)
    }
}
