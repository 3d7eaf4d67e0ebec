import Markup

/// Where a page lives in the output: `posts/machines/` is written to `posts/machines/index.html`
/// and linked as `posts/machines/`. Pretty URLs keep links stable if the file type ever changes.
public struct Route: Sendable, Hashable, Comparable {
    /// Path below the site root, empty for the home page, else ending in `/`.
    public var path: String

    public init(path: String) { self.path = path }

    public static let home = Route(path: "")

    /// `Content/posts/x.md` → `posts/x/`; a slug replaces the last part; `posts/index.md` → `posts/`.
    /// The file name becomes a slug by the shared rule (`Über Größe.md` → `über-größe/`); folder
    /// names are kept as written, so files copied beside an essay stay beside it.
    public static func forEssay(relativePath: String, slug: String?) -> Route {
        // The common case, `folder/name.md` with a name that is a slug already, without
        // splitting into arrays. Paths from `ContentInventory` have no empty parts, which the
        // general case would drop.
        let utf8 = relativePath.utf8
        if slug == nil, let dot = utf8.lastIndex(of: UInt8(ascii: ".")), utf8.first != UInt8(ascii: "/") {
            let slash = utf8.lastIndex(of: UInt8(ascii: "/"))
            let stemStart = slash.map { utf8.index(after: $0) } ?? utf8.startIndex
            if stemStart < dot {
                let stem = relativePath[stemStart..<dot]
                let isSlug = Slug.make(String(stem), fallback: "").utf8.elementsEqual(stem.utf8)
                if isSlug, !stem.utf8.elementsEqual("index".utf8) {
                    return Route(path: String(relativePath[..<dot]) + "/")
                }
            }
        }
        var parts = relativePath.split(separator: "/").map(String.init)
        let file = parts.removeLast()
        let stem = String(file[..<(file.lastIndex(of: ".") ?? file.endIndex)])
        if let slug { parts.append(slug) } else if stem != "index" { parts.append(Slug.make(stem, fallback: stem)) }
        return Route(path: parts.isEmpty ? "" : parts.joined(separator: "/") + "/")
    }

    /// The file this route is written to, relative to the output root.
    public var outputFile: String { path + "index.html" }

    /// How many folders deep the page sits; links to the root climb this many levels.
    public var depth: Int { path.split(separator: "/").count }

    /// The relative prefix from this page to the site root (`./` on the home page), so the site
    /// works from any base path and straight from the file system.
    public var rootPrefix: String { depth == 0 ? "./" : String(repeating: "../", count: depth) }

    /// The path percent-encoded for use in an `href`.
    public var href: String { URLPath.encode(path) }

    public static func < (a: Route, b: Route) -> Bool { a.path < b.path }
}

/// Percent-encoding for paths built from file names and tags.
public enum URLPath {
    public static func encode(_ path: String) -> String {
        // Most paths need nothing: return them as they are, without building a copy.
        guard !path.utf8.allSatisfy(isSafe) else { return path }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count + 16)
        let digits = Array("0123456789ABCDEF".utf8)
        for byte in path.utf8 {
            if isSafe(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
             UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}
