import BuildRecord
import Content
import DataFiles
import Diagnostics
import LivePage
import Foundation
import Markdown
import Semantics
import Theme

/// Renders one essay: Markdown body through cmark, then the `page` template, then to disk.
struct EssayPageWriter: Sendable {
    let plan: SitePlan
    let templates: TemplateSet
    let options: MarkdownOptions

    /// Words per minute for "N min read".
    static let readingSpeed = 230.0

    /// - Parameter bytes: the essay's file when the caller has read it already (to fingerprint it).
    func render(_ index: Int, keepHTML: Bool, bytes: [UInt8]? = nil, diagnostics: DiagnosticBag) -> (html: String, essay: RenderedEssay)? {
        let essay = plan.essays[index]
        let file: SourceFile
        let decoded = bytes.map { TextDecoding.decode($0, displayPath: essay.displayPath) }
            ?? TextDecoding.readEssay(path: essay.entry.absolutePath, displayPath: essay.displayPath)
        switch decoded {
        case .success(let decoded): file = decoded
        case .failure(let diagnostic):
            diagnostics.report(diagnostic)
            return nil
        }
        // The front matter was parsed in the first pass; only the body is needed now.
        guard let (_, markdown, bodyFirstLine) = FrontMatterParser.split(file.text) else {
            diagnostics.report(.error("file changed during the build", at: .file(essay.displayPath)))
            return nil
        }
        // Hugo's shortcodes first, as Hugo reads them: before the Markdown.
        let shortcodes = ShortcodeScanner.scan(String(markdown))
        let document = MarkdownDocument(shortcodes.text, options: options)
        let folder = (essay.entry.relativePath as NSString).deletingLastPathComponent
        let reads = FileReads()
        let data: DataSource = plan.data.map { EssayData(catalog: $0, folder: folder, reads: reads) } ?? NoData()
        let models: ModelSource = plan.models.map { EssayModels(catalog: $0, reads: reads) } ?? NoModels()
        let live = LivePage(document: document, file: file, bodyFirstLine: bodyFirstLine, data: data, models: models,
                                folder: folder)
        plan.claims.add(live.claims, of: essay.displayPath)
        if !live.diagnostics.isEmpty {
            let located = shortcodes.relocated(live.diagnostics, file: file, bodyFirstLine: bodyFirstLine)
            diagnostics.report(contentsOf: located)
            if located.contains(where: { $0.severity == .error }) { return nil }
        }
        let image = previewImage(of: essay, firstImage: document.linkDestinations.first(where: \.isImage)?.destination,
                                 diagnostics: diagnostics)
        let links = EssayPageWriter.rewriteLinks(in: document, of: essay, file: file, bodyFirstLine: bodyFirstLine,
                                                 resolver: resolver)
        let headings = document.headingTexts
        let summarySource = document.summarySource()
        if summarySource.explicit { document.removeSummaryBreaks() }
        var body = document.render(blocks: live.blockHTML) { live.inlineHTML[$0] }
        if !shortcodes.calls.isEmpty || !shortcodes.literals.isEmpty || !shortcodes.problems.isEmpty {
            let made = ShortcodeRenderer(templates: templates, essay: essay, resolver: resolver, options: options, file: file,
                                         bodyFirstLine: bodyFirstLine).render(shortcodes)
            diagnostics.report(contentsOf: made.diagnostics)
            if made.diagnostics.contains(where: { $0.severity == .error }) { return nil }
            body.html = ShortcodeScanner.substitute(body.html) { made.outputs[$0] ?? "" }
        }
        // The author's `<!--more-->` is kept whole; a first paragraph is cut near 280 characters.
        let summaryText = ShortcodeScanner.substitute(InlineScanner.substitute(summarySource.text) { live.inlineText[$0] ?? "" }) {
            shortcodes.literals[$0] ?? ""
        }
        let summary = essay.frontMatter.summary
            ?? EssayPageWriter.shorten(summaryText, limit: summarySource.explicit ? Int.max : 280)
        let readingTime = Swift.max(1, Int((Double(body.wordCount) / EssayPageWriter.readingSpeed).rounded()))

        let route = essay.route
        let words = ThemeWords.resolved(plan.settings.language)
        var page: [String: Any] = [
            "title": essay.frontMatter.title,
            "href": route.rootPrefix + route.href,
            "url": plan.settings.baseURL + route.href,
            "content": body.html,
            "readingTime": readingTime,
            "words": body.wordCount,
            "summary": summary,
            "meta": essay.frontMatter.extra.mapValues(\.templateValue),
            "tags": essay.tags.map { ["name": $0.name, "href": route.rootPrefix + $0.route.href] },
            "hasTags": !essay.tags.isEmpty,
            "draft": essay.frontMatter.draft,
        ]
        let contents = TableOfContents(body.headings)
        page["toc"] = TemplateContext.contents(contents.entries)
        page["hasToc"] = TemplateContext.showsContents(contents, frontMatter: essay.frontMatter,
                                                       site: plan.settings.contentsBox)
        if essay.isScheduled(plan.now), let date = essay.frontMatter.date {
            page["scheduled"] = TemplateContext.date(date, words)
        }
        if let date = essay.frontMatter.date { page["date"] = TemplateContext.date(date, words) }
        if let updated = essay.frontMatter.updated { page["updated"] = TemplateContext.date(updated, words) }
        if let author = essay.frontMatter.author ?? plan.settings.author { page["author"] = author }

        var context = TemplateContext.common(settings: plan.settings, route: route, title: essay.frontMatter.title,
                                             description: summary.isEmpty ? nil : summary, image: image, isEssay: true)
        context["page"] = page
        if let position = plan.listPosition[index] {
            func link(_ other: Int) -> [String: Any] {
                ["title": plan.essays[other].frontMatter.title, "href": route.rootPrefix + plan.essays[other].route.href]
            }
            if position > 0 { context["newer"] = link(plan.listed[position - 1]) }
            if position + 1 < plan.listed.count { context["older"] = link(plan.listed[position + 1]) }
            context["hasNeighbours"] = context["newer"] != nil || context["older"] != nil
        }
        let html: String
        let fragment: ListFragment
        do {
            html = try templates.render("page", context: context)
            fragment = try EssayPageWriter.listFragment(of: essay, summary: summary, readingTime: readingTime,
                                                        site: context["site"] as Any, language: plan.settings.language,
                                                        templates: templates)
        } catch {
            // The essay's front matter is the data that varies from page to page.
            diagnostics.report(.error(error.message, at: .file(essay.displayPath),
                                      notes: [.init(TemplateRenderError.hint)]))
            return nil
        }
        var rendered = RenderedEssay(summary: summary, readingTime: readingTime, feedHTML: keepHTML ? body.html : nil,
                                     listFragment: fragment)
        rendered.links = links
        rendered.anchors = PageAnchors.collect(html: html, headings: headings, scheme: plan.settings.headingIDScheme)
        rendered.inputFiles = reads.sorted
        return (html, rendered)
    }

    /// The absolute address of the image link previews show: `image:` from the front matter,
    /// else the essay's first image; nil when neither leads anywhere.
    func previewImage(of essay: EssaySource, firstImage: String?, diagnostics: DiagnosticBag) -> String? {
        var chosen = firstImage
        // Hugo's OpenGraph key is `images:` (a list; its first is the preview).
        if case .list(let images)? = essay.frontMatter.extra["images"], case .text(let first)? = images.first,
           !first.isEmpty { chosen = first }
        if case .text(let text)? = essay.frontMatter.extra["images"], !text.isEmpty { chosen = text }
        if case .text(let text)? = essay.frontMatter.extra["image"], !text.isEmpty { chosen = text }
        guard let chosen else { return nil }
        if LinkResolver.isDangerous(chosen) {
            diagnostics.report(.warning("the preview image `\(chosen)` is not published: its scheme could run code",
                                        at: .file(essay.displayPath),
                                        notes: [.init("give `image:` an https: address or a file in Content/")]))
            return nil
        }
        if LinkResolver.isExternal(chosen) { return chosen }
        let resolution = resolver.resolve(chosen, from: essay)
        guard resolution.target != .missing,
              let page = URL(string: plan.settings.baseURL + essay.route.href) else { return nil }
        return URL(string: resolution.rewritten ?? chosen, relativeTo: page)?.absoluteString
    }

    var resolver: LinkResolver { LinkResolver(addresses: plan.addresses, essays: plan.essays) }

    /// Points links to other essays' files (and to copied files) at their published addresses,
    /// and returns the links that stay inside the site, for `LinkCheck`.
    static func rewriteLinks(in document: MarkdownDocument, of essay: EssaySource, file: SourceFile,
                             bodyFirstLine: Int, resolver: LinkResolver) -> [PageLink] {
        var rewrites: [Int: String] = [:]
        var links: [PageLink] = []
        for (index, link) in document.linkDestinations.enumerated() {
            // A `{{ }}` in an address is an error of its own (LivePage.misplaced), not a broken link.
            // A shortcode's placeholder (`[x]({{< param "url" >}})`) becomes its text later.
            if link.destination.contains("{{") || link.destination.unicodeScalars.contains("\u{E003}") { continue }
            let resolution = resolver.resolve(link.destination, from: essay)
            if let rewritten = resolution.rewritten, rewritten != link.destination { rewrites[index] = rewritten }
            guard resolution.target != .external else { continue }
            links.append(PageLink(destination: link.destination, isImage: link.isImage,
                                  location: PageLink.locate(link, in: file, bodyFirstLine: bodyFirstLine)))
        }
        document.rewriteDestinations(rewrites)
        return links
    }

    /// The essay's `summary` partial as list pages show it, with the root left as a marker.
    static func listFragment(of essay: EssaySource, summary: String, readingTime: Int, site: Any, language: String,
                             templates: TemplateSet) throws(TemplateRenderError) -> ListFragment {
        let words = ThemeWords.resolved(language)
        var item = TemplateContext.summary(of: essay, summary: summary, readingTime: readingTime,
                                           root: ListFragment.rootMarker, words: words)
        item["site"] = site
        item["root"] = ListFragment.rootMarker
        return ListFragment(rendered: try templates.render("summary", context: item))
    }

    /// Cuts text at a word boundary and marks the cut with an ellipsis.
    static func shorten(_ text: String, limit: Int) -> String {
        let collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        guard collapsed.count > limit else { return collapsed }
        var cut = collapsed.prefix(limit)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut.trimmingTrailingPunctuation + "…"
    }
}

private extension Substring {
    var trimmingTrailingPunctuation: String {
        var text = self
        while let last = text.last, ",;:.—–-".contains(last) { text.removeLast() }
        return String(text)
    }
}
