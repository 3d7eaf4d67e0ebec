import Markup

/// A tag as shown (`Capacity Planning`) and as addressed (`capacity-planning`).
///
/// The address is the shared `Slug.make` rule, after `#` is spelled `sharp` and `+` `plus`, so
/// `C`, `C#`, `C++` and `F#` get pages of their own (`c`, `c-sharp`, `c-plus-plus`, `f-sharp`).
/// Names that differ only in case are one tag; two other names on one address are an error
/// (see `SitePlan.tagIndex`), never merged silently.
public struct Tag: Sendable, Hashable {
    public var name: String
    public var slug: String

    public init(name: String) {
        self.name = name
        self.slug = Tag.slug(for: name)
    }

    public static func slug(for name: String) -> String {
        guard name.utf8.contains(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "+") }) else {
            return Slug.make(name, fallback: "tag")
        }
        var spelled = ""
        for character in name {
            switch character {
            case "#": spelled += " sharp "
            case "+": spelled += " plus "
            default: spelled.append(character)
            }
        }
        return Slug.make(spelled, fallback: "tag")
    }

    /// What makes two names the same tag: equal but for case and runs of spaces.
    var identity: String { name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    public var route: Route { Route(path: "tags/\(slug)/") }
}
