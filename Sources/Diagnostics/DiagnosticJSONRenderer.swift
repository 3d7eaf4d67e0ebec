/// One JSON object per line per diagnostic, for tools: severity, message, file, line, column,
/// and notes. Keys are written in a fixed order so output is stable.
public struct DiagnosticJSONRenderer: Sendable {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { render($0) + "\n" }.joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var fields = ["\"severity\":\(quote(diagnostic.severity.rawValue))", "\"message\":\(quote(diagnostic.message))"]
        if diagnostic.code != .general { fields.append("\"code\":\(quote(diagnostic.code.rawValue))") }
        fields += location(diagnostic.location)
        let notes = diagnostic.notes.map { note in
            "{" + (["\"message\":\(quote(note.message))"] + location(note.location)).joined(separator: ",") + "}"
        }
        fields.append("\"notes\":[\(notes.joined(separator: ","))]")
        return "{" + fields.joined(separator: ",") + "}"
    }

    private func location(_ location: SourceLocation?) -> [String] {
        guard let location else { return [] }
        var fields = ["\"file\":\(quote(location.file))"]
        if location.hasPosition { fields += ["\"line\":\(location.line)", "\"column\":\(location.column)"] }
        return fields
    }

    private func quote(_ text: String) -> String { Self.quoteForJSON(text) }

    /// A JSON string literal for `text`. U+2028 and U+2029 are escaped too: valid in JSON, they
    /// end a line in JavaScript, where a feed's JSON may be pasted.
    public static func quoteForJSON(_ text: String) -> String {
        // On bytes, copying runs that need nothing: feeds quote whole pages.
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = [UInt8(ascii: "\"")]
            out.reserveCapacity(bytes.count + bytes.count / 16 + 2)
            var copied = 0
            func escape(at index: Int, length: Int, _ replacement: String) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                out.append(contentsOf: replacement.utf8)
                copied = index + length
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): escape(at: index, length: 1, "\\\"")
                case UInt8(ascii: "\\"): escape(at: index, length: 1, "\\\\")
                case UInt8(ascii: "\n"): escape(at: index, length: 1, "\\n")
                case UInt8(ascii: "\r"): escape(at: index, length: 1, "\\r")
                case UInt8(ascii: "\t"): escape(at: index, length: 1, "\\t")
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    escape(at: index, length: 1, "\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end a line in JavaScript.
                    escape(at: index, length: 3, bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                default:
                    break
                }
                index += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
