/// The fixed set of token classes a highlighted block uses. Small on purpose: every class needs
/// a colour in light and dark mode that passes WCAG AA on the code background, and themes that
/// replace the stylesheet should be able to style all of them in a dozen lines.
public enum TokenClass: UInt8, CaseIterable, Sendable {
    case keyword, type, builtin, function, string, number, comment, meta, tag, attribute, variable
    case added, removed, prompt

    /// The CSS class, `hl-` and a short name, as the theme's stylesheet spells it.
    public var cssClass: String {
        switch self {
        case .keyword: return "hl-kw"
        case .type: return "hl-ty"
        case .builtin: return "hl-bi"
        case .function: return "hl-fn"
        case .string: return "hl-str"
        case .number: return "hl-num"
        case .comment: return "hl-com"
        case .meta: return "hl-meta"
        case .tag: return "hl-tag"
        case .attribute: return "hl-attr"
        case .variable: return "hl-var"
        case .added: return "hl-add"
        case .removed: return "hl-del"
        case .prompt: return "hl-pr"
        }
    }

    /// `<span class="hl-kw">` as bytes, built once per class rather than once per token.
    static let openingTags: [[UInt8]] = allCases.map { Array("<span class=\"\($0.cssClass)\">".utf8) }
}
