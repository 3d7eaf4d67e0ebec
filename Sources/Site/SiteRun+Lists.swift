import BuildRecord
import Content
import FileSupport

/// Pass 3: everything that lists essays, and the files every site has.
extension SiteRun {
    /// Renders (or keeps) every page of the home list and of each tag; returns their files.
    func listPages(_ pages: [EssayPage]) -> [String] {
        let lists = ListPageWriter(plan: plan, rendered: pages.map(\.essay), templates: templates,
                                   diagnostics: diagnostics)
        let jobs = lists.jobs()
        let produced: [(file: String, kept: Bool)] = parallelMap(jobs.count) { index in
            let job = jobs[index]
            let file = lists.file(for: job)
            let key = recording ? listKey(job, pages) : ""
            if pageIsCurrent(file, key: key) { return (file, true) }
            let (_, html) = lists.render(job)
            write(html, file, key: key)
            return (file, false)
        }
        let kept = produced.filter(\.kept).map(\.file)
        output?.recordKept(kept)
        countReused(kept.count)
        var files = produced.map(\.file)
        let (tagsFile, tagsHTML) = lists.tagsIndex()
        writeIfChanged(tagsHTML, tagsFile)
        files.append(tagsFile)
        let (notFoundFile, notFoundHTML) = lists.notFound()
        writeIfChanged(notFoundHTML, notFoundFile)
        return files
    }

    /// A list page is made of its templates, its members' entries and its place in the
    /// pagination; "" when a member's entry is unknown, so the list renders afresh.
    private func listKey(_ job: ListPageWriter.Job, _ pages: [EssayPage]) -> String {
        let size = plan.settings.pageSize
        var fingerprint = Fingerprint()
        fingerprint.add(listPageKey)
        fingerprint.add("list " + job.base.path + " \(job.number)/\(job.members.count)")
        for text in [job.heading, job.title ?? "", job.intro ?? "", job.introHTML ?? ""] { fingerprint.add(text) }
        for member in job.members.dropFirst((job.number - 1) * size).prefix(size) {
            if pages[member].summaryKey.isEmpty { return "" }
            fingerprint.add(pages[member].summaryKey)
        }
        return fingerprint.hex
    }

    /// Feeds, sitemap, theme assets and the files copied from the content folder, but for
    /// `leavingOut`: data files that scenarios read and no page links to.
    func siteFiles(_ pages: [EssayPage], listFiles: [String], leavingOut: Set<String> = []) {
        let feeds = FeedWriter(plan: plan, rendered: pages.map(\.essay))
        // Feeds are made a few at a time in parallel (each entry's content is made absolute and
        // escaped), and written in order; a few at a time, so the texts held stay few.
        var jobs: [(file: String, make: @Sendable () -> String)] = [
            ("feed.xml", { feeds.atom() }), ("rss.xml", { feeds.rss() }), ("feed.json", { JSONFeedWriter(feeds: feeds).json() }),
        ]
        for tag in plan.tags { jobs.append((tag.tag.route.path + "feed.xml", { feeds.atom(tag: tag) })) }
        for start in stride(from: 0, to: jobs.count, by: 4) {
            let batch = Array(jobs[start..<min(start + 4, jobs.count)])
            let texts = parallelMap(batch.count) { batch[$0].make() }
            for (job, text) in zip(batch, texts) { writeIfChanged(text, job.file) }
        }
        if plan.writesRobots {
            writeIfChanged("User-agent: *\nAllow: /\n\nSitemap: \(plan.settings.baseURL)sitemap.xml\n", "robots.txt")
        }
        writeIfChanged(SitemapWriter(plan: plan, listFiles: listFiles).xml(), "sitemap.xml")
        for essay in plan.essays {
            for alias in essay.frontMatter.aliases {
                writeIfChanged(RedirectPage.html(file: alias, to: essay.route, title: essay.frontMatter.title,
                                                 settings: plan.settings), alias)
            }
        }
        for (name, text) in templates.assets.sorted(by: { $0.key < $1.key }) { writeIfChanged(text, name) }
        for entry in plan.staticFiles where !leavingOut.contains(entry.relativePath) {
            // A copy is as good as its source's stamp: size, modification time and inode.
            let stamp = entry.stamp
            let key = stamp.lastChange < settledBefore ? "copy \(stamp.size) \(stamp.modified) \(stamp.changed) \(stamp.inode)" : ""
            if output?.isCurrent(entry.relativePath, key: key) == true {
                output?.recordKept([entry.relativePath])
                continue
            }
            do { try output?.copy(from: entry.absolutePath, to: entry.relativePath, key: key) } catch {
                diagnostics.report(.error("cannot copy \(entry.relativePath): \(error.localizedDescription)"))
            }
        }
    }
}
