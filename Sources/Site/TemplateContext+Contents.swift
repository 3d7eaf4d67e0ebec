import Content
import Markdown
import Markup

/// `page.toc` and `page.hasToc`: the essay's contents as templates see them.
extension TemplateContext {
    /// Essays with fewer section headings read fine without a contents box.
    static let contentsThreshold = 3

    /// Whether the page shows its contents: `toc: true` or `toc: false` in the front matter
    /// decides; otherwise an essay with at least three section headings (h2 and deeper) does.
    static func showsContents(_ contents: TableOfContents, frontMatter: FrontMatter, site: Bool? = nil) -> Bool {
        guard !contents.entries.isEmpty else { return false }
        switch frontMatter.extra["toc"] {
        case .flag(let flag)?: return flag
        default: return site ?? (contents.sectionCount >= contentsThreshold)
        }
    }

    /// Entries with `title`, `id`, `href` (`#id`), `level`, `children` and `hasChildren`.
    /// `hasChildren` is always set, so a child never picks up its parent's through Mustache's
    /// context stack. As on list pages, the title also comes pre-escaped (`titleHTML`): every
    /// page of a large site shows its contents, and Mustache's own escaping is slow. Ids need no
    /// escaping: slugs and custom ids hold only letters, digits, `-`, `_`, `.` and `:`.
    static func contents(_ entries: [TableOfContents.Entry]) -> [[String: Any]] {
        entries.map { entry in
            [
                "title": entry.heading.text, "titleHTML": HTMLEscaping.escape(entry.heading.text),
                "id": entry.heading.id, "href": "#" + entry.heading.id,
                "level": entry.heading.level, "children": contents(entry.children),
                "hasChildren": !entry.children.isEmpty,
            ]
        }
    }
}
