import Content
import Diagnostics

/// `feed.json`, JSON Feed 1.1 (https://jsonfeed.org/version/1.1), beside the Atom and RSS
/// feeds and with the same entries. Written by hand, keys in a fixed order, so the bytes are
/// the same on every build.
struct JSONFeedWriter {
    let feeds: FeedWriter

    func json() -> String {
        let plan = feeds.plan
        let settings = plan.settings
        var lines = ["{", "  \"version\": \"https://jsonfeed.org/version/1.1\",",
                     "  \"title\": \(quote(settings.title)),",
                     "  \"home_page_url\": \(quote(settings.baseURL)),",
                     "  \"feed_url\": \(quote(settings.baseURL + "feed.json")),"]
        if !settings.description.isEmpty { lines.append("  \"description\": \(quote(settings.description)),") }
        lines.append("  \"language\": \(quote(settings.language)),")
        lines.append("  \"authors\": [{\"name\": \(quote(settings.author ?? settings.title))}],")
        lines.append("  \"items\": [")
        var items: [String] = []
        for index in feeds.entries {
            let essay = plan.essays[index]
            let facts = feeds.rendered[index].essay
            let url = settings.baseURL + essay.route.href
            var fields = ["\"id\": \(quote(url))", "\"url\": \(quote(url))",
                          "\"title\": \(quote(essay.frontMatter.title))",
                          "\"content_html\": \(quote(feeds.absoluteContent(index)))"]
            if !facts.summary.isEmpty { fields.append("\"summary\": \(quote(facts.summary))") }
            if let date = essay.frontMatter.date { fields.append("\"date_published\": \(quote(date.rfc3339))") }
            if let updated = essay.frontMatter.updated { fields.append("\"date_modified\": \(quote(updated.rfc3339))") }
            if !essay.tags.isEmpty {
                fields.append("\"tags\": [\(essay.tags.map { quote($0.name) }.joined(separator: ", "))]")
            }
            if let author = essay.frontMatter.author { fields.append("\"authors\": [{\"name\": \(quote(author))}]") }
            items.append("    {\n      " + fields.joined(separator: ",\n      ") + "\n    }")
        }
        lines.append(items.joined(separator: ",\n"))
        lines.append("  ]")
        lines.append("}")
        return lines.filter { !$0.isEmpty }.joined(separator: "\n") + "\n"
    }

    /// A JSON string literal.
    func quote(_ text: String) -> String { DiagnosticJSONRenderer.quoteForJSON(text) }
}
