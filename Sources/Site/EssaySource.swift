import Content
import Diagnostics

/// An essay after the first pass: its front matter and address are known, its body not yet rendered.
struct EssaySource: Sendable {
    var entry: ContentEntry
    /// The path shown in messages, e.g. `Content/posts/x.md`.
    var displayPath: String
    var frontMatter: FrontMatter
    var route: Route
    /// Essays with a date are listed on the home page, tag pages and feeds; undated ones are standalone pages.
    var isListed: Bool { frontMatter.date != nil }
    var tags: [Tag] { frontMatter.tags.map(Tag.init(name:)) }

    /// Newest first; undated essays after dated ones; ties broken by title, then path, so order is stable.
    static func listOrder(_ a: EssaySource, _ b: EssaySource) -> Bool {
        switch (a.frontMatter.date, b.frontMatter.date) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            if a.frontMatter.title != b.frontMatter.title { return a.frontMatter.title < b.frontMatter.title }
            return a.entry.relativePath < b.entry.relativePath
        }
    }
}
