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
        if let slug = asciiSlug(for: name) { return slug }
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

    /// The same rule over bytes, for the common all-ASCII tag: Character-by-Character lowercasing
    /// costs more than the rest of planning a 10,000-essay site.
    private static func asciiSlug(for name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingDash = false
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingDash, !bytes.isEmpty { bytes.append(0x2D) }
                pendingDash = false
                bytes.append(lower)
            } else {
                pendingDash = true
            }
        }
        return bytes.isEmpty ? "tag" : String(decoding: bytes, as: UTF8.self)
    }

    public var route: Route { Route(path: "tags/\(slug)/") }
}
