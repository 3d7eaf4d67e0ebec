/// What the list pages and feeds need from an essay once its page has been rendered and written.
public struct RenderedEssay: Sendable {
    public var summary: String
    public var readingTime: Int
    /// The body HTML, kept only for essays that appear in the feeds, so memory stays flat as a site grows.
    public var feedHTML: String?
    /// The essay's `summary` partial, rendered once with `ListFragment.rootMarker` in place of
    /// the relative root, and reused on the home page and every tag page it appears on. Nil
    /// when the facts come from the build manifest, which leaves it out (it is most of an
    /// essay's record, and cheap to render again for the few list pages a rebuild redoes).
    public var listFragment: ListFragment?
    /// Links and images that point inside the site, checked on every build (a kept page's too).
    public var links: [PageLink] = []
    /// The ids the page defines (headings, figures, the theme's), sorted: what `#fragment`s may name.
    public var anchors: [String] = []
    /// The files besides the essay that the page was made from (data files its scenarios read),
    /// relative to the content folder and sorted: a kept page's key is checked against them.
    public var inputFiles: [String] = []

    public init(summary: String, readingTime: Int, feedHTML: String?, listFragment: ListFragment?) {
        self.summary = summary; self.readingTime = readingTime; self.feedHTML = feedHTML; self.listFragment = listFragment
    }
}

/// An essay's rendered facts as the list pages and feeds receive them: in hand when the page
/// was rendered, or still encoded in the last build's manifest when it was kept. A rebuild
/// after a one-essay edit decodes only the few that a re-rendered list page or a feed shows.
public enum RenderedFacts: Sendable {
    case value(RenderedEssay)
    case stored(ManifestBytes, Range<Int>)

    public var essay: RenderedEssay {
        switch self {
        case .value(let essay): return essay
        case .stored(let storage, let range):
            var reader = ManifestReader(storage.bytes, at: range.lowerBound)
            // The range was stepped over once when the manifest loaded, so it decodes.
            return (try? reader.renderedEssay()) ?? RenderedEssay(summary: "", readingTime: 0, feedHTML: nil, listFragment: .empty)
        }
    }
}

/// A loaded manifest's bytes, shared by every record that still points into them.
public final class ManifestBytes: Sendable {
    public let bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// List pages repeat each essay's summary on the home page and on each of its tags' pages, at
/// different folder depths. The fragment is rendered once with a marker where the relative root
/// goes, and the marker is replaced per page: one template render per essay instead of one per listing.
public struct ListFragment: Sendable {
    /// A private-use character pair that Mustache does not escape and prose does not contain.
    public static let rootMarker = "\u{E000}root\u{E000}"

    /// The rendered text cut at each marker, so placing it is a join, not a search.
    private let pieces: [Substring]

    public init(rendered: String) {
        // The marker is U+E000 ("EE 80 80" in UTF-8), "root", U+E000. Search bytes, not
        // Characters: this runs for every cached essay on every build.
        let utf8 = rendered.utf8
        var pieces: [Substring] = []
        var pieceStart = utf8.startIndex
        var index = utf8.startIndex
        let markerLength = ListFragment.rootMarker.utf8.count
        while index < utf8.endIndex {
            if utf8[index] == 0xEE, rendered[index...].utf8.starts(with: ListFragment.rootMarker.utf8) {
                pieces.append(rendered[pieceStart..<index])
                index = utf8.index(index, offsetBy: markerLength)
                pieceStart = index
            } else {
                index = utf8.index(after: index)
            }
        }
        pieces.append(rendered[pieceStart...])
        self.pieces = pieces
    }

    public static let empty = ListFragment(rendered: "")

    /// The text as rendered, marker included, for the build cache.
    public var rendered: String { pieces.joined(separator: ListFragment.rootMarker) }

    public func placed(at root: String) -> String {
        pieces.joined(separator: root)
    }
}
