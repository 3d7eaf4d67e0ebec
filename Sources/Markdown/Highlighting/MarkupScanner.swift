/// HTML and XML: tags, attributes and their values, comments, declarations and entities. The
/// contents of `<script>` and `<style>` are handed to the JavaScript and CSS tables.
struct MarkupScanner {
    let source: [UInt8]
    var out: HighlightWriter
    private var index = 0
    private let isHTML: Bool

    static func write(_ source: [UInt8], isHTML: Bool, into out: inout HighlightWriter) {
        var scanner = MarkupScanner(source: source, out: out, isHTML: isHTML)
        out = HighlightWriter(capacity: 0)
        scanner.run()
        out = scanner.out
    }

    private init(source: [UInt8], out: HighlightWriter, isHTML: Bool) {
        self.source = source
        self.out = out
        self.isHTML = isHTML
    }

    private func matches(_ text: String, at offset: Int, ignoringCase: Bool = false) -> Bool {
        let pattern = text.utf8
        guard offset + pattern.count <= source.count else { return false }
        for (position, expected) in pattern.enumerated() {
            let actual = source[offset + position]
            if actual != expected, !(ignoringCase && actual | 0x20 == expected | 0x20) { return false }
        }
        return true
    }

    /// The offset just past the first `terminator` from `offset`, or the end.
    private func after(_ terminator: String, from offset: Int) -> Int {
        var position = offset
        while position < source.count, !matches(terminator, at: position) { position += 1 }
        return min(position + terminator.utf8.count, source.count)
    }

    private mutating func emit(_ kind: TokenClass?, upTo stop: Int) {
        out.token(kind, source, index..<stop)
        index = stop
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        CodeScanner.isLetter(byte) || CodeScanner.isDigit(byte) || byte == 0x2D || byte == 0x3A || byte == 0x2E
    }

    private mutating func run() {
        while index < source.count {
            if matches("<!--", at: index) {
                emit(.comment, upTo: after("-->", from: index + 4))
            } else if matches("<![CDATA[", at: index) {
                emit(.string, upTo: after("]]>", from: index + 9))
            } else if matches("<!", at: index) || matches("<?", at: index) {
                emit(.meta, upTo: after(">", from: index + 2))
            } else if source[index] == 0x3C, index + 1 < source.count,
                      CodeScanner.isLetter(source[index + 1]) || source[index + 1] == 0x2F {
                tag()
            } else if source[index] == 0x26, let stop = entityEnd() {
                emit(.builtin, upTo: stop)
            } else {
                var stop = index + 1
                while stop < source.count, source[stop] != 0x3C, source[stop] != 0x26 { stop += 1 }
                emit(nil, upTo: stop)
            }
        }
    }

    /// `&amp;`, `&#8212;`, `&#x2014;`.
    private func entityEnd() -> Int? {
        var position = index + 1
        while position < source.count, position - index < 12, CodeScanner.isLetter(source[position])
                || CodeScanner.isDigit(source[position]) || source[position] == 0x23 {
            position += 1
        }
        return position < source.count && source[position] == 0x3B && position > index + 1 ? position + 1 : nil
    }

    private mutating func tag() {
        let closing = source[index + 1] == 0x2F
        emit(nil, upTo: index + (closing ? 2 : 1))
        let nameStart = index
        var stop = index
        while stop < source.count, MarkupScanner.isNameByte(source[stop]) { stop += 1 }
        let name = String(decoding: source[nameStart..<stop], as: UTF8.self).lowercased()
        emit(.tag, upTo: stop)
        var selfClosing = false
        while index < source.count, source[index] != 0x3E {
            let byte = source[index]
            if byte == 0x22 || byte == 0x27 {
                var end = index + 1
                while end < source.count, source[end] != byte { end += 1 }
                emit(.string, upTo: min(end + 1, source.count))
            } else if byte == 0x3D {
                emit(nil, upTo: index + 1)
                // An unquoted value runs to white space or `>`.
                var end = index
                while end < source.count, ![0x20, 0x09, 0x0A, 0x3E, 0x22, 0x27].contains(source[end]) { end += 1 }
                if end > index { emit(.string, upTo: end) }
            } else if byte == 0x2F || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x3C {
                selfClosing = byte == 0x2F
                emit(nil, upTo: index + 1)
            } else {
                var end = index + 1
                while end < source.count, ![0x20, 0x09, 0x0A, 0x3D, 0x3E, 0x2F].contains(source[end]) { end += 1 }
                emit(.attribute, upTo: end)
            }
        }
        if index < source.count { emit(nil, upTo: index + 1) }
        guard isHTML, !closing, !selfClosing, name == "script" || name == "style" else { return }
        // The element's text is code in another language, up to its closing tag.
        var closingTag = index
        while closingTag < source.count, !matches("</" + name, at: closingTag, ignoringCase: true) { closingTag += 1 }
        let spec = name == "script" ? LanguageTables.javaScript : LanguageTables.css
        CodeScanner.write(source, index..<closingTag, spec: spec, into: &out)
        index = closingTag
    }
}
