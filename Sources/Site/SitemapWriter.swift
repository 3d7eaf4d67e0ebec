import Content

/// `sitemap.xml`: every essay (with its last change) and every list page, for search engines.
struct SitemapWriter {
    let plan: SitePlan
    let listFiles: [String]

    /// Built over bytes: a 10,000-essay site's sitemap is remade on every rebuild, and string
    /// interpolation per address cost more than the rest of the sitemap.
    func xml() -> String {
        var urls: [(path: String, date: SiteDate?)] = plan.essays.map { essay in
            (essay.route.href, essay.frontMatter.updated ?? essay.frontMatter.date)
        }
        urls += listFiles.map { file in (URLPath.encode(String(file.dropLast("index.html".count))), nil) }
        urls.sort { $0.path < $1.path }
        var out: [UInt8] = []
        out.reserveCapacity(urls.count * 100)
        out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8
        let base = Array(Escaping.xml(plan.settings.baseURL).utf8)
        for (path, date) in urls {
            out += "<url><loc>".utf8
            out += base
            out += Escaping.xml(path).utf8
            out += "</loc>".utf8
            if let date { out += "<lastmod>".utf8; out += date.isoDate.utf8; out += "</lastmod>".utf8 }
            out += "</url>\n".utf8
        }
        out += "</urlset>\n".utf8
        return String(decoding: out, as: UTF8.self)
    }
}
