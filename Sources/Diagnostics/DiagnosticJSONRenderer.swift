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
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
