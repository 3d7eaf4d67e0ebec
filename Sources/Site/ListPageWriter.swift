import Content

/// The home page, tag pages (both paginated) and the tags index.
struct ListPageWriter {
    let plan: SitePlan
    let rendered: [RenderedEssay]
    let render: (_ template: String, _ context: [String: Any]) -> String

    /// Returns (output file, HTML) for every page of a paginated list.
    func pages(of members: [Int], at base: Route, heading: String, title: String?, intro: String?) -> [(String, String)] {
        let size = plan.settings.pageSize
        let count = Swift.max(1, (members.count + size - 1) / size)
        return (1...count).map { number in
            let route = number == 1 ? base : Route(path: base.path + "page/\(number)/")
            let slice = members.dropFirst((number - 1) * size).prefix(size)
            var context = TemplateContext.common(settings: plan.settings, route: route,
                                                 title: number == 1 ? title : "\(title ?? heading), page \(number)",
                                                 description: intro)
            context["heading"] = heading
            if let intro, number == 1, !intro.isEmpty { context["intro"] = intro }
            context["essays"] = slice.map { TemplateContext.summary(of: plan.essays[$0], rendered: rendered[$0], from: route) }
            context["hasEssays"] = !slice.isEmpty
            if count > 1 {
                var pagination: [String: Any] = ["current": number, "total": count]
                func href(_ page: Int) -> String {
                    route.rootPrefix + (page == 1 ? base.href : Route(path: base.path + "page/\(page)/").href)
                }
                if number > 1 { pagination["newer"] = href(number - 1) }
                if number < count { pagination["older"] = href(number + 1) }
                context["pagination"] = pagination
            }
            return (route.outputFile, render("list", context))
        }
    }

    func home() -> [(String, String)] {
        pages(of: plan.listed, at: .home, heading: plan.settings.title, title: nil, intro: plan.settings.description)
    }

    func tagPages() -> [(String, String)] {
        plan.tags.flatMap { tag, members in
            pages(of: members, at: tag.route, heading: "Tagged “\(tag.name)”", title: "Tagged “\(tag.name)”", intro: nil)
        }
    }

    func tagsIndex() -> (String, String) {
        let route = Route(path: "tags/")
        var context = TemplateContext.common(settings: plan.settings, route: route, title: "Tags", description: nil)
        context["tags"] = plan.tags.map { tag, members in
            ["name": tag.name, "href": route.rootPrefix + tag.route.href, "count": members.count] as [String: Any]
        }
        context["hasTags"] = !plan.tags.isEmpty
        return (route.outputFile, render("tags", context))
    }

    /// The 404 page is served at any depth, so its links are rooted at the site's base path instead of relative.
    func notFound() -> (String, String) {
        var context = TemplateContext.common(settings: plan.settings, route: .home, title: "Page not found", description: nil)
        context["root"] = plan.settings.basePath
        context.removeValue(forKey: "canonical")
        return ("404.html", render("404", context))
    }
}
