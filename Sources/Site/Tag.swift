/// A tag as shown (`Capacity Planning`) and as addressed (`capacity-planning`). Tags that differ
/// only in case or punctuation share one page.
public struct Tag: Sendable, Hashable {
    public var name: String
    public var slug: String

    public init(name: String) {
        self.name = name
        self.slug = Tag.slug(for: name)
    }

    public static func slug(for name: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash, !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.append(character)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "tag" : slug
    }

    public var route: Route { Route(path: "tags/\(slug)/") }
}
