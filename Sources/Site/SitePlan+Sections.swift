import Content
import Diagnostics
import Markdown

extension SitePlan {
    /// One section per folder holding published essays (at any depth), unless a page already
    /// has the folder's address (`posts/index.md`, a slug, the tags index). Sets the home
    /// page's section when `Content/_index.md` exists; returns the folders' sections in path order.
    static func sections(of plan: SitePlan, indexFiles: [ContentEntry], diagnostics: DiagnosticBag) -> [SiteSection] {
        var members: [String: [Int]] = [:]
        for (index, essay) in plan.essays.enumerated() {
            var parts = essay.entry.relativePath.split(separator: "/").dropLast()
            while !parts.isEmpty {
                members[parts.joined(separator: "/"), default: []].append(index)
                parts = parts.dropLast()
            }
        }
        var indexes: [String: (title: String, intro: String?, description: String?)] = [:]
        for entry in indexFiles where entry.relativePath.contains("/") {
            let folder = entry.relativePath.split(separator: "/").dropLast().joined(separator: "/")
            if let index = sectionIndex(entry, plan: plan, diagnostics: diagnostics) { indexes[folder] = index }
        }
        let taken = Set(plan.essays.map(\.route.path))
        var sections: [SiteSection] = []
        for folder in members.keys.sorted() {
            let route = Route(path: folder + "/")
            let reserved = route.path.hasPrefix("tags/") || route.path.hasPrefix("page/")
            guard !taken.contains(route.path), !reserved else { continue }
            let index = indexes[folder]
            let name = folder.split(separator: "/").last.map(String.init) ?? folder
            sections.append(SiteSection(folder: folder, route: route, title: index?.title ?? name.capitalizedFirst,
                                        introHTML: index?.intro, description: index?.description,
                                        members: members[folder] ?? []))
        }
        return sections
    }

    /// The home page's `_index.md`, if any.
    static func homeSection(of plan: SitePlan, indexFiles: [ContentEntry], diagnostics: DiagnosticBag) -> SiteSection? {
        guard let entry = indexFiles.first(where: { !$0.relativePath.contains("/") }),
              let index = sectionIndex(entry, plan: plan, diagnostics: diagnostics) else { return nil }
        return SiteSection(folder: "", route: .home, title: index.title, introHTML: index.intro,
                           description: index.description, members: plan.listed)
    }

    /// Reads an `_index.md`: its front matter (a `title`, as an essay's) and its body as HTML.
    private static func sectionIndex(_ entry: ContentEntry, plan: SitePlan, diagnostics: DiagnosticBag)
        -> (title: String, intro: String?, description: String?)? {
        let display = plan.contentDisplay + "/" + entry.relativePath
        switch TextDecoding.readEssay(path: entry.absolutePath, displayPath: display) {
        case .failure(let diagnostic):
            diagnostics.report(diagnostic)
            return nil
        case .success(let file):
            let (parsed, problems) = FrontMatterParser.parse(file)
            diagnostics.report(contentsOf: problems)
            guard let parsed else { return nil }
            let options = MarkdownOptions(smartPunctuation: true, allowRawHTML: plan.settings.unsafeHTML,
                                          headingIDs: plan.settings.headingIDScheme)
            let html = MarkdownRenderer.render(String(parsed.body), options: options).html
            let intro = html.allSatisfy(\.isWhitespace) ? nil : html
            return (parsed.frontMatter.title, intro, parsed.frontMatter.summary)
        }
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
