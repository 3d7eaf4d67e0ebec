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
    /// Lines end where a `Character` that is a newline ends one (`\n`, `\r\n`, `\r`, U+2028…).
    public static func scan(_ text: String) -> (String, [Reference]) {
        // Most essays have no `{{`: find that out with a byte search before anything else.
        guard ByteText.contains("{{", in: text) else { return (text, []) }
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 64)
            var references: [Reference] = []
            var line = 1, copied = 0, index = 0
            // Characters counted on the current line up to `counted` (a byte offset).
            var counted = 0, column = 1
            func decoded(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                   !(index > 0 && bytes[index - 1] == UInt8(ascii: "\\")),
                   let closing = closingBraces(in: bytes, from: index + 2) {
                    // Columns count Characters, as messages show them: counted only up to each reference.
                    column += decoded(counted..<index).count
                    let original = decoded(index..<closing + 2)
                    references.append(Reference(text: decoded(index + 2..<closing), line: line, column: column + 2,
                                                original: original))
                    column += original.count
                    counted = closing + 2
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                    output.append(contentsOf: placeholder(references.count - 1).utf8)
                    index = closing + 2
                    copied = index
                    continue
                }
                if let length = newlineLength(in: bytes, at: index) {
                    line += 1
                    index += length
                    counted = index
                    column = 1
                } else {
                    index += 1
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return (String(decoding: output, as: UTF8.self), references)
        }
    }

    /// The `}}` that closes an expression on the same line, if any.
    private static func closingBraces(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if newlineLength(in: bytes, at: index) != nil { return nil }
            if bytes[index] == UInt8(ascii: "}"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "}") {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The bytes of the newline starting at `index`, if one does: what `Character.isNewline`
    /// accepts (LF, VT, FF, CR, CR LF as one, NEL, U+2028, U+2029).
    static func newlineLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        switch bytes[index] {
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0x0A, 0x0B, 0x0C: return 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : nil
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80,
                  bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else { return nil }
            return 3
        default: return nil
        }
    }

    /// Replaces placeholders in `text` using `replacement(index)`.
    public static func substitute(_ text: String, _ replacement: (Int) -> String) -> String {
        // On bytes: the marks are fixed three-byte sequences, and a page's HTML is megabytes.
        let openBytes = Array(String(open).utf8), closeBytes = Array(String(close).utf8)
        return ByteText.edited(text) { bytes in
            var edits: [ByteText.Edit] = []
            var start = 0
            while let mark = ByteText.firstOffset(of: openBytes, in: bytes, from: start) {
                let digits = mark + openBytes.count
                guard let end = ByteText.firstOffset(of: closeBytes, in: bytes, from: digits) else { break }
                let inside = String(decoding: UnsafeBufferPointer(rebasing: bytes[digits..<end]), as: UTF8.self)
                if let number = Int(inside) {
                    edits.append((mark, end + closeBytes.count - mark, replacement(number)))
                    start = end + closeBytes.count
                } else {
                    start = digits
                }
            }
            return edits
        }
    }
}
