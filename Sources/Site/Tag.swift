import Markup

/// A tag as shown (`Capacity Planning`) and as addressed (`capacity-planning`). Tags that differ
/// only in case or punctuation share one page.
public struct Tag: Sendable, Hashable {
    public var name: String
    public var slug: String

    public init(name: String) {
        self.name = name
        self.slug = Tag.slug(for: name)
    }

    public static func slug(for name: String) -> String { Slug.make(name, fallback: "tag") }

    public var route: Route { Route(path: "tags/\(slug)/") }
}
