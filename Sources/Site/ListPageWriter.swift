import BuildRecord
import Content
import Diagnostics
import Foundation
import Theme

/// The home page, tag pages (both paginated) and the tags index.
struct ListPageWriter {
    let plan: SitePlan
    let rendered: [RenderedFacts]
    let templates: TemplateSet
    /// Where a page the data makes too big to render is reported (it then renders as nothing).
    let diagnostics: DiagnosticBag
    private let site: Any
    private let decoded = DecodedEntries()

    init(plan: SitePlan, rendered: [RenderedFacts], templates: TemplateSet, diagnostics: DiagnosticBag) {
        self.plan = plan
        self.rendered = rendered
        self.templates = templates
        self.diagnostics = diagnostics
        self.site = TemplateContext.site(plan.settings)
    }

    /// An essay's facts with its summary fragment. Facts kept from the last build are decoded,
    /// and their fragment rendered, once however many list pages show the essay.
    private func entry(_ index: Int) -> RenderedEssay {
        if case .value(let essay) = rendered[index], essay.listFragment != nil { return essay }
        return decoded.value(for: index) {
            var essay = rendered[index].essay
            guard essay.listFragment == nil else { return essay }
            do throws(TemplateRenderError) {
                essay.listFragment = try EssayPageWriter.listFragment(of: plan.essays[index], summary: essay.summary,
                                                                      readingTime: essay.readingTime, site: site,
                                                                      language: plan.settings.language,
                                                                      templates: templates)
            } catch {
                diagnostics.report(.error(error.message, at: .file(plan.essays[index].displayPath),
                                          notes: [.init(TemplateRenderError.hint)]))
                essay.listFragment = .empty
            }
            return essay
        }
    }

    private func render(_ template: String, _ context: [String: Any]) -> String {
        do {
            return try templates.render(template, context: context)
        } catch {
            // Lists are made of site data, not one essay's: the template is the place to look.
            let path = templates.sources[template]?.displayPath ?? template
            diagnostics.report(.error(error.message, at: .file(path), notes: [.init(TemplateRenderError.hint)]))
            return ""
        }
    }

    /// One page of a list, described before rendering so all pages of all lists can render in parallel.
    struct Job: Sendable {
        var members: [Int]
        var base: Route
        var heading: String
        var title: String?
        /// A tag's own feed (`tags/x/feed.xml`), linked from its pages' heads.
        var feedTitle: String?
        var intro: String?
        /// An `_index.md` body, shown instead of `intro`.
        var introHTML: String?
        var number: Int
    }

    /// Every page of the home list and of each tag's list.
    func jobs() -> [Job] {
        let home = plan.homeSection
        var jobs = paginate(plan.listed, at: .home, heading: home?.title ?? plan.settings.title, title: home?.title,
                            intro: home?.description ?? plan.settings.description, introHTML: home?.introHTML)
        for (tag, members) in plan.tags {
            let heading = ThemeWords.resolved(plan.settings.language).tagged(tag.name)
            jobs += paginate(members, at: tag.route, heading: heading, title: heading, intro: nil)
                .map { var job = $0; job.feedTitle = "\(plan.settings.title): \(tag.name)"; return job }
        }
        for section in plan.sections {
            jobs += paginate(section.members, at: section.route, heading: section.title, title: section.title,
                             intro: section.description, introHTML: section.introHTML)
        }
        return jobs
    }

    private func paginate(_ members: [Int], at base: Route, heading: String, title: String?, intro: String?,
                          introHTML: String? = nil) -> [Job] {
        let count = Swift.max(1, (members.count + plan.settings.pageSize - 1) / plan.settings.pageSize)
        return (1...count).map {
            Job(members: members, base: base, heading: heading, title: title, intro: intro, introHTML: introHTML,
                number: $0)
        }
    }

    /// The output file of one page of a list.
    func file(for job: Job) -> String {
        (job.number == 1 ? job.base : Route(path: job.base.path + "page/\(job.number)/")).outputFile
    }

    /// Returns (output file, HTML) for one page of a paginated list.
    func render(_ job: Job) -> (String, String) {
        let (members, base, heading, title, intro, number) = (job.members, job.base, job.heading, job.title, job.intro, job.number)
        let size = plan.settings.pageSize
        let count = Swift.max(1, (members.count + size - 1) / size)
        do {
            let route = number == 1 ? base : Route(path: base.path + "page/\(number)/")
            let slice = members.dropFirst((number - 1) * size).prefix(size)
            var context = TemplateContext.common(settings: plan.settings, route: route,
                                                 title: number == 1 ? title : "\(title ?? heading), page \(number)",
                                                 description: intro)
            context["heading"] = heading
            if let feedTitle = job.feedTitle {
                context["tagFeed"] = ["title": feedTitle, "href": route.rootPrefix + base.href + "feed.xml"]
            }
            if let introHTML = job.introHTML, number == 1 {
                context["introHTML"] = introHTML
            } else if let intro, number == 1, !intro.isEmpty {
                context["intro"] = intro
            }
            context["essays"] = slice.map { index -> [String: Any] in
                let essay = entry(index)
                var item = TemplateContext.summary(of: plan.essays[index], summary: essay.summary,
                                                   readingTime: essay.readingTime, root: route.rootPrefix,
                                                   words: ThemeWords.resolved(plan.settings.language))
                item["html"] = (essay.listFragment ?? .empty).placed(at: route.rootPrefix)
                return item
            }
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

    func tagsIndex() -> (String, String) {
        let route = Route(path: "tags/")
        let title = ThemeWords.resolved(plan.settings.language).words["tags"]
        var context = TemplateContext.common(settings: plan.settings, route: route, title: title, description: nil)
        context["tags"] = plan.tags.map { tag, members in
            ["name": tag.name, "href": route.rootPrefix + tag.route.href, "count": members.count] as [String: Any]
        }
        context["hasTags"] = !plan.tags.isEmpty
        return (route.outputFile, render("tags", context))
    }

    /// The 404 page is served at any depth, so its links are rooted at the site's base path instead of relative.
    func notFound() -> (String, String) {
        let title = ThemeWords.resolved(plan.settings.language).words["notFound"]
        var context = TemplateContext.common(settings: plan.settings, route: .home, title: title, description: nil)
        context["root"] = plan.settings.basePath
        if let favicon = plan.settings.favicon, var icon = context["favicon"] as? [String: String] {
            icon["href"] = plan.settings.basePath + favicon
            context["favicon"] = icon
        }
        context.removeValue(forKey: "canonical")
        return ("404.html", render("404", context))
    }
}

/// Entries made once and shared by the threads rendering list pages.
private final class DecodedEntries: @unchecked Sendable {
    private var entries: [Int: RenderedEssay] = [:]
    private let lock = NSLock()

    func value(for index: Int, _ make: () -> RenderedEssay) -> RenderedEssay {
        lock.lock()
        if let entry = entries[index] { lock.unlock(); return entry }
        lock.unlock()
        // Made outside the lock (two threads may both make it; the results are the same).
        let entry = make()
        lock.lock(); entries[index] = entry; lock.unlock()
        return entry
    }
}
