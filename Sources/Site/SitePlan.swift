import BuildRecord
import Content
import Diagnostics
import FileSupport
import Foundation

/// Everything known about the site before any page is rendered: settings, every essay's address
/// and metadata in list order, the tags, and the files to copy. Only small metadata is held, so
/// the plan of a 10,000-essay site stays small; bodies are re-read when each page renders.
struct SitePlan: Sendable {
    var settings: SiteSettings
    /// All published essays, newest first.
    var essays: [EssaySource]
    /// Indices into `essays` of those that appear in lists and feeds.
    var listed: [Int]
    /// For each essay, its position in `listed` (nil when unlisted): the neighbours for "newer/older" links.
    var listPosition: [Int?]
    /// Tags in name order, each with its essays' indices in list order.
    var tags: [(tag: Tag, essays: [Int])]
    var staticFiles: [ContentEntry]
    /// Every essay read, drafts left out of this build included, in path order: the order of
    /// the manifest, and the order in which URL collisions are reported.
    var byPath: [EssaySource] = []
    /// For each of `byPath`, its index in `essays` (nil for a draft left out).
    var essayIndex: [Int?] = []
    /// The build's data files (`csv(…)`, `json(…)`), each read once.
    var data: DataCatalog? = nil
    /// The build's model files (`use "…"`), each parsed and checked once.
    var models: ModelCatalog? = nil
    /// Every claim of the essays this build renders.
    let claims = ClaimLog()
    /// How the content folder is named in messages (`Content`).
    var contentDisplay = "Content"
    /// The build's moment, seconds since 1970: essays dated later are scheduled, not published.
    var now = 0
    /// A list page for each folder with essays, and the home page's `_index.md`, if any.
    var sections: [SiteSection] = []
    var homeSection: SiteSection?
    /// Every address the build publishes, for resolving and checking links.
    var addresses = SiteAddresses()
    /// A `robots.txt` pointing at the sitemap is written unless `Content/` has its own.
    var writesRobots: Bool { !staticFiles.contains { $0.relativePath == "robots.txt" } }

    func pageCount(_ members: Int) -> Int { Swift.max(1, (members + settings.pageSize - 1) / settings.pageSize) }
    var homePageCount: Int { Swift.max(1, (listed.count + settings.pageSize - 1) / settings.pageSize) }

    /// How essays under the content folder are named in messages, e.g. `Content/posts/a.md`.
    static func contentDisplay(_ options: BuildOptions) -> String {
        options.contentDirectory.hasSuffix("/") ? String(options.contentDirectory.dropLast()) : options.contentDirectory
    }

    /// Reads every essay's front matter (in parallel) and checks that no two outputs collide.
    /// An essay the last build's manifest knows, unchanged since and settled, is not read at all.
    static func make(options: BuildOptions, settings: SiteSettings, assets: [String],
                     known: [(path: String, essay: BuildManifest.Essay)] = [], listing given: ContentInventory.Listing? = nil,
                     diagnostics: DiagnosticBag) -> SitePlan? {
        let contentDisplay = contentDisplay(options)
        var timer = PhaseTimer(indent: "  ")
        let entries: [ContentEntry]
        do {
            let listing = try given ?? ContentInventory.scan(root: options.contentDirectory, displayRoot: contentDisplay)
            diagnostics.report(contentsOf: listing.diagnostics)
            entries = listing.entries
        } catch {
            let reason = (error as? ContentTooLarge)?.description ?? "cannot read content folder: \(error.localizedDescription)"
            diagnostics.report(.error(reason, at: .file(contentDisplay)))
            return nil
        }
        timer.mark("content folder listed")
        let essayEntries = entries.filter(\.isEssay)
        // Both lists are sorted by path: one merging pass pairs each file with its record.
        var previous = [BuildManifest.Essay?](repeating: nil, count: essayEntries.count)
        var cursor = 0
        for (index, entry) in essayEntries.enumerated() {
            while cursor < known.count, known[cursor].path < entry.relativePath { cursor += 1 }
            if cursor < known.count, known[cursor].path == entry.relativePath { previous[index] = known[cursor].essay }
        }
        let loaded: [EssaySource?] = parallelMap(essayEntries.count) { index in
            let entry = essayEntries[index]
            let displayPath = contentDisplay + "/" + entry.relativePath
            if let record = previous[index], record.vouches(for: entry.stamp) {
                let route = record.frontMatter.url.map(Route.init(path:))
                    ?? Route.forEssay(relativePath: entry.relativePath, slug: record.frontMatter.slug)
                return EssaySource(entry: entry, displayPath: displayPath, frontMatter: record.frontMatter, route: route,
                                   previous: record)
            }
            if entry.stamp.size > ContentLimits.essayBytes {
                diagnostics.report(ContentLimits.essayTooLarge(displayPath))
                return nil
            }
            // Only the header matters here; a long essay's body is read when its page renders.
            if let prefix = TextDecoding.readPrefix(path: entry.absolutePath, displayPath: displayPath, limit: 16 * 1024),
               FrontMatterParser.split(prefix.text) != nil {
                return source(from: prefix, entry: entry, displayPath: displayPath, previous: previous[index],
                              settings: settings, diagnostics: diagnostics)
            }
            switch TextDecoding.readEssay(path: entry.absolutePath, displayPath: displayPath) {
            case .success(let file):
                return source(from: file, entry: entry, displayPath: displayPath, previous: previous[index],
                              settings: settings, diagnostics: diagnostics)
            case .failure(let diagnostic):
                diagnostics.report(diagnostic)
                return nil
            }
        }
        let parsed = loaded.compactMap { $0 }
        timer.mark("front matter read or vouched for")
        let now = options.now ?? Int(Date().timeIntervalSince1970)
        // Hugo's `headless` pages are never published, and `expiryDate` takes an essay down.
        let included = parsed.indices.filter {
            (options.includeDrafts || !parsed[$0].frontMatter.draft)
                && (options.includeFuture || !parsed[$0].isScheduled(now))
                && !parsed[$0].frontMatter.headless
                && (parsed[$0].frontMatter.expires.map { $0.epochSeconds > now } ?? true)
        }
        let order = included.sorted { EssaySource.listOrder(parsed[$0], parsed[$1]) }
        let essays = order.map { parsed[$0] }
        var essayIndex = [Int?](repeating: nil, count: parsed.count)
        for (index, parsedIndex) in order.enumerated() { essayIndex[parsedIndex] = index }
        let listed = essays.indices.filter { essays[$0].isListed }

        let tags = tagIndex(essays, diagnostics: diagnostics)
        var listPosition = [Int?](repeating: nil, count: essays.count)
        for (position, index) in listed.enumerated() { listPosition[index] = position }
        let staticFiles = entries.filter { !$0.isEssay && !$0.isSectionIndex && !$0.isModel }
        var plan = SitePlan(settings: settings, essays: essays, listed: listed, listPosition: listPosition, tags: tags,
                            staticFiles: staticFiles, byPath: parsed, essayIndex: essayIndex)
        plan.contentDisplay = contentDisplay
        let names = Set(plan.staticFiles.map(\.relativePath))
        plan.settings.favicon = ["favicon.svg", "favicon.png", "favicon.ico"].first { names.contains($0) }
        plan.now = now
        timer.mark("essays ordered and tagged")
        let indexFiles = entries.filter(\.isSectionIndex)
        plan.sections = sections(of: plan, indexFiles: indexFiles, diagnostics: diagnostics)
        plan.homeSection = homeSection(of: plan, indexFiles: indexFiles, diagnostics: diagnostics)
        plan.addresses = plan.makeAddresses(assets: assets)
        plan.checkCollisions(contentDisplay: contentDisplay, assets: assets, diagnostics: diagnostics)
        timer.mark("sections, addresses and collisions")
        let data = DataCatalog(contentRoot: options.contentDirectory, contentDisplay: contentDisplay, diagnostics: diagnostics)
        plan.data = data
        let models = ModelCatalog(entries: entries.filter(\.isModel), contentDisplay: contentDisplay, data: data,
                                  diagnostics: diagnostics)
        models.prepare()
        plan.models = models
        timer.mark("data and models catalogued")
        return plan
    }

    private static func source(from file: SourceFile, entry: ContentEntry, displayPath: String,
                               previous: BuildManifest.Essay?, settings: SiteSettings,
                               diagnostics: DiagnosticBag) -> EssaySource? {
        let (parsed, problems) = FrontMatterParser.parse(file)
        diagnostics.report(contentsOf: problems)
        guard let parsed else {
            // Not published, but checked: every error of the file is reported in this run.
            if FrontMatterParser.split(file.text) != nil {
                diagnostics.report(contentsOf: bodyDiagnostics(of: entry, file: file, settings: settings))
            }
            return nil
        }
        // Hugo's `url:` wins over the file's place and its slug.
        let route = parsed.frontMatter.url.map(Route.init(path:))
            ?? Route.forEssay(relativePath: entry.relativePath, slug: parsed.frontMatter.slug)
        return EssaySource(entry: entry, displayPath: displayPath, frontMatter: parsed.frontMatter, route: route,
                           frontMatterIsClean: problems.isEmpty, previous: previous)
    }

    /// `page/1/index.html` of the home page, each tag and each folder (Hugo's address of a list's
    /// first page), with the list it redirects to.
    var firstPageRedirects: [(file: String, route: Route, title: String)] {
        var redirects: [(file: String, route: Route, title: String)] = [("page/1/index.html", .home, settings.title)]
        for (tag, _) in tags { redirects.append((tag.route.path + "page/1/index.html", tag.route, tag.name)) }
        for section in sections where !section.folder.isEmpty {
            redirects.append((section.route.path + "page/1/index.html", section.route, section.title))
        }
        return redirects
    }

    /// Output files the site stage generates itself, which no essay or static file may claim.
    func generatedFiles(assets: [String]) -> [String: String] {
        var files: [String: String] = [
            "index.html": "the home page", "tags/index.html": "the tags index", "feed.xml": "the Atom feed",
            "rss.xml": "the RSS feed", "sitemap.xml": "the sitemap", "404.html": "the 404 page",
            "feed.json": "the JSON feed", "index.xml": "the RSS feed at Hugo's address",
        ]
        for section in sections where !section.folder.isEmpty {
            files[section.route.path + "index.xml"] = "the RSS feed of folder `\(section.folder)`"
        }
        if writesRobots { files["robots.txt"] = "the robots.txt" }
        for (file, _, title) in firstPageRedirects { files[file] = "the redirect from page 1 of `\(title)`" }
        for page in Swift.stride(from: 2, through: homePageCount, by: 1) { files["page/\(page)/index.html"] = "page \(page) of the home page" }
        for (tag, members) in tags {
            files[tag.route.outputFile] = "the page of tag `\(tag.name)`"
            files[tag.route.path + "feed.xml"] = "the feed of tag `\(tag.name)`"
            files[tag.route.path + "index.xml"] = "the RSS feed of tag `\(tag.name)`"
            let pages = (members.count + settings.pageSize - 1) / settings.pageSize
            for page in Swift.stride(from: 2, through: pages, by: 1) {
                files[tag.route.path + "page/\(page)/index.html"] = "page \(page) of tag `\(tag.name)`"
            }
        }
        for asset in assets { files[asset] = "the theme's \(asset)" }
        return files
    }

    /// Reports every output path claimed twice, pointing at the second claimant with a note on
    /// the first. Essays are visited in path order, so which one is "second" never depends on
    /// dates; a claimant's description is only built when there is a collision to report.
    func checkCollisions(contentDisplay: String, assets: [String], diagnostics: DiagnosticBag) {
        enum Claimant { case generated(String), essay(EssaySource), file(String) }
        func describe(_ claimant: Claimant) -> (who: String, location: SourceLocation?) {
            switch claimant {
            case .generated(let who): return (who, nil)
            case .essay(let essay): return (essay.displayPath, essay.frontMatter.slugLocation ?? .file(essay.displayPath))
            case .file(let display): return (display, .file(display))
            }
        }
        var claims: [String: Claimant] = [:]
        claims.reserveCapacity(essays.count + staticFiles.count + 64)
        for (file, who) in generatedFiles(assets: assets) { claims[file] = .generated(who) }
        for section in sections {
            for page in Swift.stride(from: 1, through: pageCount(section.members.count), by: 1) {
                let route = page == 1 ? section.route : Route(path: section.route.path + "page/\(page)/")
                claims[route.outputFile] = .generated("the list page of \(contentDisplay)/\(section.folder)/")
            }
        }
        for (essay, index) in zip(byPath, essayIndex) where index != nil {
            let file = essay.route.outputFile
            guard let first = claims[file] else {
                claims[file] = .essay(essay)
                continue
            }
            let (who, location) = describe(first)
            diagnostics.report(.error("\(essay.displayPath) claims the URL /\(essay.route.path), already taken by \(who)",
                                      at: essay.frontMatter.slugLocation ?? .file(essay.displayPath),
                                      notes: (location.map { [.init("first claimed here", at: $0)] } ?? [])
                                          + [.init("give one of them a different `slug` in its front matter")]))
        }
        for entry in staticFiles {
            let display = contentDisplay + "/" + entry.relativePath
            guard let first = claims[entry.relativePath] else {
                claims[entry.relativePath] = .file(display)
                continue
            }
            let (who, location) = describe(first)
            diagnostics.report(.error("\(display) would overwrite \(who)", at: .file(display),
                                      notes: location.map { [.init("first claimed here", at: $0)] } ?? []))
        }
        // Aliases last: a redirect never replaces a real page, and two never share a file.
        for (essay, index) in zip(byPath, essayIndex) where index != nil {
            for alias in essay.frontMatter.aliases {
                guard let first = claims[alias] else {
                    claims[alias] = .generated("the alias of \(essay.displayPath)")
                    continue
                }
                let (who, location) = describe(first)
                diagnostics.report(.error("the alias /\(alias) of \(essay.displayPath) would overwrite \(who)",
                                          at: essay.frontMatter.aliasesLocation ?? .file(essay.displayPath),
                                          notes: (location.map { [.init("first claimed here", at: $0)] } ?? [])
                                              + [.init("a redirect never replaces a page; remove the alias or move "
                                                       + "the page")]))
            }
        }
    }
}
