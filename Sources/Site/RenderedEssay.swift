/// What the list pages and feeds need from an essay once its page has been rendered and written.
struct RenderedEssay: Sendable {
    var summary: String
    var readingTime: Int
    /// The body HTML, kept only for essays that appear in the feeds, so memory stays flat as a site grows.
    var feedHTML: String?
    /// The essay's `summary` partial, rendered once with `ListFragment.rootMarker` in place of
    /// the relative root, and reused on the home page and every tag page it appears on.
    var listFragment: ListFragment
}

/// List pages repeat each essay's summary on the home page and on each of its tags' pages, at
/// different folder depths. The fragment is rendered once with a marker where the relative root
/// goes, and the marker is replaced per page: one template render per essay instead of one per listing.
struct ListFragment: Sendable {
    /// A private-use character pair that Mustache does not escape and prose does not contain.
    static let rootMarker = "\u{E000}root\u{E000}"

    /// The rendered text cut at each marker, so placing it is a join, not a search.
    private let pieces: [Substring]

    init(rendered: String) {
        // The marker is one private-use character, "root", and another: split on the character
        // (a plain scalar comparison, no Foundation search) and drop the word between each pair.
        let parts = rendered.split(separator: "\u{E000}", omittingEmptySubsequences: false)
        var pieces: [Substring] = [parts[0]]
        var index = 1
        while index + 1 < parts.count {
            pieces.append(parts[index + 1])
            index += 2
        }
        self.pieces = pieces
    }

    static let empty = ListFragment(rendered: "")

    /// The text as rendered, marker included, for the build cache.
    var rendered: String { pieces.joined(separator: ListFragment.rootMarker) }

    func placed(at root: String) -> String {
        pieces.joined(separator: root)
    }
}
