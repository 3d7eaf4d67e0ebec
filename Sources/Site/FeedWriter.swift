import BuildRecord
import Content
import FileSupport

/// Atom and RSS 2.0 feeds of the newest essays, with full content. Feed readers show content
/// away from the site, so each entry carries its own base URL for relative links.
struct FeedWriter {
    let plan: SitePlan
    let rendered: [RenderedFacts]
    /// The site feeds' entries' contents made once for all three (see `sharingSiteContent`):
    /// absolute, and absolute and escaped for XML.
    private var absolute: [Int: String] = [:]
    private var escaped: [Int: String] = [:]

    init(plan: SitePlan, rendered: [RenderedFacts]) {
        self.plan = plan; self.rendered = rendered
    }

    /// An entry's content with absolute addresses.
    static func absoluteContent(_ index: Int, plan: SitePlan, rendered: [RenderedFacts]) -> String {
        FeedHTML.absolutize(rendered[index].essay.feedHTML ?? "",
                            pageURL: plan.settings.baseURL + plan.essays[index].route.href)
    }

    func absoluteContent(_ index: Int) -> String {
        absolute[index] ?? FeedWriter.absoluteContent(index, plan: plan, rendered: rendered)
    }

    private func escapedContent(_ index: Int) -> String {
        escaped[index] ?? Escaping.xml(absoluteContent(index))
    }

    /// The same writer with these entries' contents made once (absolute, and escaped), for a job
    /// that writes several feeds of the same entries.
    func withContent(of members: ArraySlice<Int>) -> FeedWriter {
        var copy = self
        for index in members where copy.escaped[index] == nil {
            let content = copy.absoluteContent(index)
            copy.absolute[index] = content
            copy.escaped[index] = Escaping.xml(content)
        }
        return copy
    }

    /// The same writer with the site feeds' entries made absolute and escaped once, on all
    /// cores: Atom, RSS and JSON Feed hold the same few entries, which may be long.
    func sharingSiteContent() -> FeedWriter {
        var shared = self
        let indices = Array(entries)
        let made = parallelMap(indices.count) { position in
            let content = FeedWriter.absoluteContent(indices[position], plan: plan, rendered: rendered)
            return (content, Escaping.xml(content))
        }
        for (index, (content, xml)) in zip(indices, made) {
            shared.absolute[index] = content
            shared.escaped[index] = xml
        }
        return shared
    }

    var entries: ArraySlice<Int> { plan.listed.prefix(plan.settings.feedLimit) }

    /// One tag's newest essays, for its own Atom feed (`tags/x/feed.xml`).
    static func tagEntries(_ members: [Int], plan: SitePlan) -> ArraySlice<Int> {
        members.filter { plan.listPosition[$0] != nil }.prefix(plan.settings.feedLimit)
    }

    private var siteAuthor: String { plan.settings.author ?? plan.settings.title }

    private func updated(_ essay: EssaySource) -> SiteDate? { essay.frontMatter.updated ?? essay.frontMatter.date }

    /// The site's Atom feed, or with `tag` one tag's (its own title, address and entries).
    func atom(tag: (tag: Tag, essays: [Int])? = nil) -> String {
        let settings = plan.settings
        let entries = tag.map { FeedWriter.tagEntries($0.essays, plan: plan) } ?? self.entries
        let newest = entries.compactMap { updated(plan.essays[$0]) }.max()
        let title = tag.map { "\(settings.title): \($0.tag.name)" } ?? settings.title
        let home = settings.baseURL + (tag?.tag.route.href ?? "")
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escaping.xml(settings.language))">
        <title>\(Escaping.xml(title))</title>

        """
        if !settings.description.isEmpty, tag == nil {
            xml += "<subtitle>\(Escaping.xml(settings.description))</subtitle>\n"
        }
        xml += """
        <link href="\(Escaping.xml(home))feed.xml" rel="self" type="application/atom+xml"/>
        <link href="\(Escaping.xml(home))" rel="alternate" type="text/html"/>
        <id>\(Escaping.xml(home))</id>
        <updated>\(newest?.rfc3339 ?? "1970-01-01T00:00:00Z")</updated>
        <author><name>\(Escaping.xml(siteAuthor))</name></author>
        <generator>costmark</generator>

        """
        for index in entries {
            let essay = plan.essays[index]
            let facts = rendered[index].essay
            let url = Escaping.xml(settings.baseURL + essay.route.href)
            xml += "<entry>\n<title>\(Escaping.xml(essay.frontMatter.title))</title>\n"
            xml += "<link href=\"\(url)\" rel=\"alternate\" type=\"text/html\"/>\n<id>\(url)</id>\n"
            if let date = essay.frontMatter.date { xml += "<published>\(date.rfc3339)</published>\n" }
            if let date = updated(essay) { xml += "<updated>\(date.rfc3339)</updated>\n" }
            if let author = essay.frontMatter.author { xml += "<author><name>\(Escaping.xml(author))</name></author>\n" }
            for tag in essay.tags { xml += "<category term=\"\(Escaping.xml(tag.name))\"/>\n" }
            if !facts.summary.isEmpty { xml += "<summary>\(Escaping.xml(facts.summary))</summary>\n" }
            let content = escapedContent(index)
            xml += "<content type=\"html\" xml:base=\"\(url)\">\(content)</content>\n</entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// The site's RSS feed (`rss.xml`, and `index.xml` where Hugo keeps it).
    func rss(at file: String = "rss.xml") -> String {
        let settings = plan.settings
        return rss(title: settings.title, link: settings.baseURL, file: file, entries: entries)
    }

    /// A tag's or a folder's RSS feed at Hugo's address (`tags/x/index.xml`, `guides/index.xml`),
    /// so that a migrated blog's subscribers keep receiving posts.
    func rss(title: String, href: String, members: [Int]) -> String {
        rss(title: plan.settings.title + ": " + title, link: plan.settings.baseURL + href, file: href + "index.xml",
            entries: FeedWriter.tagEntries(members, plan: plan))
    }

    private func rss(title: String, link: String, file: String, entries: ArraySlice<Int>) -> String {
        let settings = plan.settings
        let description = settings.description.isEmpty ? settings.title : settings.description
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
        <channel>
        <title>\(Escaping.xml(title))</title>
        <link>\(Escaping.xml(link))</link>
        <description>\(Escaping.xml(description))</description>
        <language>\(Escaping.xml(settings.language))</language>
        <generator>costmark</generator>
        <atom:link href="\(Escaping.xml(settings.baseURL + file))" rel="self" type="application/rss+xml"/>

        """
        if let newest = entries.first.flatMap({ plan.essays[$0].frontMatter.date }) {
            xml += "<pubDate>\(newest.rfc822)</pubDate>\n"
        }
        for index in entries {
            let essay = plan.essays[index]
            let url = Escaping.xml(settings.baseURL + essay.route.href)
            xml += "<item>\n<title>\(Escaping.xml(essay.frontMatter.title))</title>\n<link>\(url)</link>\n"
            xml += "<guid isPermaLink=\"true\">\(url)</guid>\n"
            if let date = essay.frontMatter.date { xml += "<pubDate>\(date.rfc822)</pubDate>\n" }
            for tag in essay.tags { xml += "<category>\(Escaping.xml(tag.name))</category>\n" }
            let content = escapedContent(index)
            xml += "<description>\(content)</description>\n</item>\n"
        }
        return xml + "</channel>\n</rss>\n"
    }
}
