import Diagnostics

extension SitePlan {
    /// Tags in address order, each with its essays in list order. A tag is shown as first
    /// written in list order; names equal but for case share its page. Two different names
    /// on one address (`C+` and `C plus`) are an error at the second one's `tags`, naming both.
    static func tagIndex(_ essays: [EssaySource], diagnostics: DiagnosticBag) -> [(tag: Tag, essays: [Int])] {
        var index: [String: (tag: Tag, essays: [Int], first: EssaySource)] = [:]
        var reported: Set<String> = []
        for (position, essay) in essays.enumerated() {
            for tag in essay.tags {
                guard let existing = index[tag.slug] else {
                    index[tag.slug] = (tag, [position], essay)
                    continue
                }
                // Most essays spell a tag as the first did: the same text needs no comparison of identities.
                if existing.tag.name != tag.name, existing.tag.identity != tag.identity,
                   reported.insert(existing.tag.identity + "\u{0}" + tag.identity).inserted {
                    let here = essay.frontMatter.tagsLocation ?? .file(essay.displayPath)
                    let there = existing.first.frontMatter.tagsLocation ?? .file(existing.first.displayPath)
                    diagnostics.report(.error("tags `\(tag.name)` and `\(existing.tag.name)` would share the address "
                                              + "/\(tag.route.path); costmark does not merge different names",
                                              at: here,
                                              notes: [.init("`\(existing.tag.name)` is used here", at: there),
                                                      .init("write the tag the same way everywhere, or rename one")]))
                }
                if existing.essays.last != position { index[tag.slug]?.essays.append(position) }
            }
        }
        return index.values.map { ($0.tag, $0.essays) }.sorted { $0.tag.slug < $1.tag.slug }
    }
}
