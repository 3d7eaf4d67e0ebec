/// One Hugo shortcode in an essay: `{{< figure src="a.png" >}}`, `{{% notice info %}}…{{% /notice %}}`.
public struct ShortcodeCall: Sendable {
    public var name: String
    /// Arguments in order, and those given by name (`src="a.png"`), as written (quotes removed).
    public var positional: [String] = []
    public var named: [(name: String, value: String)] = []
    /// For a paired shortcode, the text between its tags, as written.
    public var inner: String?
    /// `{{% … %}}`: Hugo renders its output (and so its inner text) as Markdown.
    public var isMarkdown: Bool
    /// Where the opening tag starts in the scanned text: 1-based line and column (in
    /// characters), and its length in characters.
    public var line: Int
    public var column: Int
    public var length: Int
    /// Inside a fenced code block: its output is shown as text there, as Hugo shows it.
    public var inCode: Bool

    public func argument(_ name: String, position: Int? = nil) -> String? {
        named.first { $0.name == name }?.value ?? position.flatMap { positional.indices.contains($0) ? positional[$0] : nil }
    }
}

/// Finds Hugo's shortcodes before the Markdown is parsed, as Hugo does. Each is replaced by a
/// placeholder (private-use characters around its number) that the site swaps for its HTML
/// after rendering; a placeholder alone in a paragraph replaces the paragraph. Three are
/// rewritten in the Markdown instead, so the rest of the pipeline treats them as its own: `ref`
/// and `relref` become the path they name (checked and rewritten like any link), `highlight`
/// becomes a fenced code block. `{{</* x */>}}` is Hugo's escape: it stands for `{{< x >}}` as
/// text. A replacement keeps the newlines it covers, so later lines keep their numbers.
public enum ShortcodeScanner {
    static let open: Character = "\u{E003}"
    static let close: Character = "\u{E004}"
    /// Nesting of paired shortcodes, and how many one essay may hold.
    public static let maximumDepth = 16
    public static let maximumCalls = 10_000

    public struct Problem: Sendable, Equatable {
        public var message: String
        public var line: Int
        public var column: Int
        public var length: Int
    }

    public struct Scanned: Sendable {
        public var text: String
        public var calls: [ShortcodeCall]
        /// The text of escaped shortcodes, by placeholder: printed as written.
        public var literals: [Int: String]
        public var problems: [Problem]
        /// Where the replaced text's columns differ from the essay's: from `column` of `line`
        /// (both in the replaced text, 1-based, characters) on, the essay's column is `column + delta`.
        public var columnShifts: [(line: Int, column: Int, delta: Int)] = []

        /// The essay's column for a column of the replaced text (which the Markdown stage saw).
        public func originalColumn(line: Int, column: Int) -> Int {
            guard !columnShifts.isEmpty else { return column }
            var shifted = column
            for shift in columnShifts where shift.line == line && shift.column <= column { shifted = column + shift.delta }
            return Swift.max(1, shifted)
        }
    }

    public static func placeholder(_ index: Int) -> String { "\(open)\(index)\(close)" }

    public static func scan(_ text: String) -> Scanned {
        var scanned = Scanned(text: text, calls: [], literals: [:], problems: [])
        guard ByteText.contains("{{<", in: text) || ByteText.contains("{{%", in: text) else { return scanned }
        var scanner = Scanning(Array(text.utf8))
        scanned.text = scanner.run(depth: 0, until: nil)
        scanned.calls = scanner.calls
        scanned.literals = scanner.literals
        scanned.problems = scanner.problems
        scanned.columnShifts = scanner.columnShifts
        return scanned
    }

    /// Replaces placeholders in rendered HTML: `output(index)` gives a shortcode's HTML; a
    /// placeholder that is a paragraph of its own takes the paragraph's place.
    public static func substitute(_ html: String, _ output: (Int) -> String) -> String {
        let replaced = substitute(html, open: Array(String(open).utf8), close: Array(String(close).utf8), output)
        // In a link's address cmark percent-encodes the placeholder (`[x]({{< param "url" >}})`).
        guard ByteText.contains("%EE%80%83", in: replaced) else { return replaced }
        return substitute(replaced, open: Array("%EE%80%83".utf8), close: Array("%EE%80%84".utf8), output)
    }

    private static func substitute(_ html: String, open openBytes: [UInt8], close closeBytes: [UInt8],
                                   _ output: (Int) -> String) -> String {
        let paragraph = Array("<p>".utf8), paragraphEnd = Array("</p>".utf8)
        return ByteText.edited(html) { bytes in
            var edits: [ByteText.Edit] = []
            var start = 0
            while let mark = ByteText.firstOffset(of: openBytes, in: bytes, from: start) {
                let digits = mark + openBytes.count
                guard let end = ByteText.firstOffset(of: closeBytes, in: bytes, from: digits),
                      end - digits <= 8,
                      let index = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[digits..<end]), as: UTF8.self))
                else { start = digits; continue }
                var from = mark, to = end + closeBytes.count
                if from >= paragraph.count, bytes[(from - paragraph.count)..<from].elementsEqual(paragraph),
                   to + paragraphEnd.count <= bytes.count, bytes[to..<(to + paragraphEnd.count)].elementsEqual(paragraphEnd) {
                    from -= paragraph.count
                    to += paragraphEnd.count
                }
                edits.append((from, to - from, output(index)))
                start = to
            }
            return edits
        }
    }
}
