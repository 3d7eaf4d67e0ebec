import Markup

/// How headings get their ids (`heading_ids:` in site.yml). `costmark`: words of letters and
/// digits joined by single hyphens (`What's next?` → `what-s-next`). `github`, which is also
/// Hugo's (goldmark's default `autoHeadingIDType`), so a migrated blog's anchors keep working:
/// lowercased, every letter, digit, `-` and `_` kept, each space a hyphen, the rest dropped
/// (`What's next?` → `whats-next`, `v1.2 notes` → `v12-notes`, `a_b` → `a_b`).
public enum HeadingIDScheme: String, Sendable, Hashable, CaseIterable {
    case costmark, github

    public func id(for text: String) -> String {
        switch self {
        case .costmark: return Slug.make(text, fallback: "section")
        case .github:
            var id = ""
            for character in text.lowercased() {
                if character.isLetter || character.isNumber || character == "-" || character == "_" {
                    id.append(character)
                } else if character == " " {
                    id.append("-")
                }
            }
            return id.isEmpty ? "section" : id
        }
    }
}
