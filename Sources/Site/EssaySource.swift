import BuildRecord
import Content
import Diagnostics

/// An essay after the first pass: its front matter and address are known, its body not yet rendered.
///
/// A class, immutable: the plan sorts, filters and indexes 10,000 of these on every rebuild,
/// and moving a reference is one retain where copying the struct was a dozen.
final class EssaySource: Sendable {
    let entry: ContentEntry
    /// The path shown in messages, e.g. `Content/posts/x.md`.
    let displayPath: String
    let frontMatter: FrontMatter
    let route: Route
    /// The front matter parsed without a single message, so the manifest may keep it.
    let frontMatterIsClean: Bool
    /// The last build's record of this essay, if it had one (whether or not it still holds).
    let previous: BuildManifest.Essay?
    let tags: [Tag]
    /// Publication time in seconds since 1970 (nil when undated), compared when sorting.
    let sortTime: Int?

    init(entry: ContentEntry, displayPath: String, frontMatter: FrontMatter, route: Route,
         frontMatterIsClean: Bool = true, previous: BuildManifest.Essay? = nil) {
        self.entry = entry; self.displayPath = displayPath; self.frontMatter = frontMatter; self.route = route
        self.frontMatterIsClean = frontMatterIsClean; self.previous = previous
        self.tags = frontMatter.tags.map(Tag.init(name:))
        self.sortTime = frontMatter.date?.epochSeconds
    }

    /// True when the last build's record still holds for the file: its front matter was taken
    /// from the record, and the file need not be read unless its page must render again.
    var isVouchedFor: Bool { previous?.vouches(for: entry.stamp) ?? false }

    /// Fingerprint of the file's bytes when the record vouches for them; nil when the page
    /// pass must read and fingerprint the file.
    var contentHash: UInt64? { isVouchedFor ? previous?.contentHash : nil }

    /// Dated after `now`: left out unless `--future`, and marked when shown.
    func isScheduled(_ now: Int) -> Bool { sortTime.map { $0 > now } ?? false }

    /// Essays with a date are listed on the home page, tag pages and feeds; undated ones are standalone pages.
    var isListed: Bool { sortTime != nil }

    /// Newest first; undated essays after dated ones; ties broken by title, then path, so order is stable.
    static func listOrder(_ a: EssaySource, _ b: EssaySource) -> Bool {
        switch (a.sortTime, b.sortTime) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            if a.frontMatter.title != b.frontMatter.title { return a.frontMatter.title < b.frontMatter.title }
            return a.entry.relativePath < b.entry.relativePath
        }
    }
}
