/// A heading of a rendered essay: its level (1–6), its text as a reader sees it (inline values
/// computed, code and emphasis reduced to their text) and its id, unique on the page. The link
/// checker resolves `#fragment`s against these; the table of contents is built from them.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// Hands out heading ids: the slug of the text, or the author's `{#custom-id}`, with `-1`, `-2`
/// added in document order to an id already taken. Ids other parts of the page use (scenario
/// blocks, figures, the theme's `main`) are taken from the start, so a fragment always leads to
/// the heading a reader expects.
struct HeadingIDs {
    private var taken: Set<String>

    /// Ids the default theme gives its own elements.
    static let themeIDs: Set<String> = ["main"]

    init(reserved: Set<String>) {
        taken = reserved.union(HeadingIDs.themeIDs)
    }

    mutating func unique(_ wanted: String) -> String {
        var id = wanted
        var suffix = 0
        while taken.contains(id) {
            suffix += 1
            id = "\(wanted)-\(suffix)"
        }
        taken.insert(id)
        return id
    }

    /// The id in a trailing `{#id}` and the text before it, or nil. An id is letters, digits
    /// (any script), `-`, `_`, `.` and `:`; anything else leaves the braces as text.
    static func customID(in text: String) -> (id: String, rest: Substring)? {
        var trimmed = text[...]
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        guard trimmed.hasSuffix("}"), let brace = trimmed.lastIndex(of: "{"),
              trimmed[trimmed.index(after: brace)...].hasPrefix("#") else { return nil }
        let id = trimmed[trimmed.index(brace, offsetBy: 2)..<trimmed.index(before: trimmed.endIndex)]
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.:".contains($0) }) else { return nil }
        var rest = trimmed[..<brace]
        while let last = rest.last, last == " " || last == "\t" { rest.removeLast() }
        return (String(id), rest)
    }

    /// Every `id="…"` in HTML that costmark generated (blocks), so headings avoid them.
    static func ids(inHTML html: String) -> Set<String> {
        var found: Set<String> = []
        var rest = html[...]
        while let range = rest.firstRange(of: " id=\"") {
            rest = rest[range.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            found.insert(String(rest[..<close]))
            rest = rest[close...]
        }
        return found
    }
}
