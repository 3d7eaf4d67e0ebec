/// The contents of an essay: its section headings nested by level. Only `h2` and `h3` are
/// listed: deeper levels crowd a box meant to be read at a glance, and two fixed levels let a
/// Mustache template (which cannot recurse) show the whole tree.
public struct TableOfContents: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var heading: Heading
        public var children: [Entry]
    }

    public static let levels = 2...3

    public var entries: [Entry]

    /// Section headings (h2 and deeper) on the page, which decides whether a contents box is worth showing.
    public var sectionCount: Int

    public init(_ headings: [Heading]) {
        var entries: [Entry] = []
        for heading in headings where TableOfContents.levels.contains(heading.level) {
            // An h3 before any h2 stands at the top level rather than disappearing.
            if heading.level > TableOfContents.levels.lowerBound, let last = entries.last,
               last.heading.level == TableOfContents.levels.lowerBound {
                entries[entries.count - 1].children.append(Entry(heading: heading, children: []))
            } else {
                entries.append(Entry(heading: heading, children: []))
            }
        }
        self.entries = entries
        sectionCount = headings.count { $0.level >= 2 }
    }
}
