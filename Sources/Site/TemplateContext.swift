import Content
import Markup
import Theme

/// Builds the dictionaries templates see. The keys are the theme's public interface, listed in
/// the README, so overriding templates can rely on them.
enum TemplateContext {
    static func site(_ settings: SiteSettings) -> [String: Any] {
        var site: [String: Any] = [
            "title": settings.title, "language": settings.language, "baseURL": settings.baseURL,
            "description": settings.description,
        ]
        if let author = settings.author { site["author"] = author }
        return site
    }

    /// The keys every page has: the site, the relative root, the document title, and what link
    /// previews show (`og`: `title`, `type`, `image`, `card`; absolute addresses throughout).
    static func common(settings: SiteSettings, route: Route, title: String?, description: String?,
                       image: String? = nil, isEssay: Bool = false) -> [String: Any] {
        var context: [String: Any] = [
            "site": site(settings),
            "root": route.rootPrefix,
            "pageTitle": title.map { "\($0) · \(settings.title)" } ?? settings.title,
            "canonical": settings.baseURL + route.href,
        ]
        let text = description ?? settings.description
        if !text.isEmpty { context["description"] = text }
        var og: [String: Any] = ["title": title ?? settings.title, "type": isEssay ? "article" : "website",
                                 "card": image == nil ? "summary" : "summary_large_image"]
        if let image { og["image"] = image }
        context["og"] = og
        context["words"] = ThemeWords.resolved(settings.language).words
        if let favicon = settings.favicon {
            let type = favicon.hasSuffix(".svg") ? "image/svg+xml"
                : favicon.hasSuffix(".png") ? "image/png" : "image/x-icon"
            context["favicon"] = ["href": route.rootPrefix + favicon, "type": type]
        }
        return context
    }

    /// A date for templates; `readable` in the site's language (`14 March 2026`, `14. März 2026`).
    static func date(_ date: SiteDate, _ words: ThemeWords) -> [String: Any] {
        ["rfc3339": date.rfc3339, "iso": date.isoDate, "readable": words.readable(date)]
    }

    /// An essay as it appears in lists: enough to link to it and say what it is. Title and summary
    /// also come pre-escaped (`titleHTML`, `summaryHTML`) because lists repeat them thousands of times.
    static func summary(of essay: EssaySource, summary: String, readingTime: Int, root: String,
                        words: ThemeWords) -> [String: Any] {
        var item: [String: Any] = [
            "title": essay.frontMatter.title,
            "titleHTML": HTMLEscaping.escape(essay.frontMatter.title),
            "href": root + essay.route.href,
            "readingTime": readingTime,
        ]
        if let published = essay.frontMatter.date { item["date"] = Self.date(published, words) }
        item["words"] = words.words
        if !summary.isEmpty {
            item["summary"] = summary
            item["summaryHTML"] = HTMLEscaping.escape(summary)
        }
        return item
    }
}
