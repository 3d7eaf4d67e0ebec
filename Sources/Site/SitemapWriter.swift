import Content

/// `sitemap.xml`: every essay (with its last change) and every list page, for search engines.
struct SitemapWriter {
    let plan: SitePlan
    let listFiles: [String]

    func xml() -> String {
        let base = plan.settings.baseURL
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var urls: [(String, SiteDate?)] = plan.essays.map { essay in
            (essay.route.href, essay.frontMatter.updated ?? essay.frontMatter.date)
        }
        urls += listFiles.map { file in (URLPath.encode(String(file.dropLast("index.html".count))), nil) }
        for (path, date) in urls.sorted(by: { $0.0 < $1.0 }) {
            xml += "<url><loc>\(Escaping.xml(base + path))</loc>"
            if let date { xml += "<lastmod>\(date.isoDate)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
