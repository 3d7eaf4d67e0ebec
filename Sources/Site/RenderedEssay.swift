/// What the list pages and feeds need from an essay once its page has been rendered and written.
struct RenderedEssay: Sendable {
    var summary: String
    var readingTime: Int
    /// The body HTML, kept only for essays that appear in the feeds, so memory stays flat as a site grows.
    var feedHTML: String?
    /// The essay's `summary` partial, rendered once with `ListFragment.rootMarker` in place of
    /// the relative root, and reused on the home page and every tag page it appears on.
    var listFragment: String
}

/// List pages repeat each essay's summary on the home page and on each of its tags' pages, at
/// different folder depths. The fragment is rendered once with a marker where the relative root
/// goes, and the marker is replaced per page: one template render per essay instead of one per listing.
enum ListFragment {
    /// A private-use character pair that Mustache does not escape and prose does not contain.
    static let rootMarker = "\u{E000}root\u{E000}"

    static func place(_ fragment: String, root: String) -> String {
        fragment.replacingOccurrences(of: rootMarker, with: root)
    }
}
