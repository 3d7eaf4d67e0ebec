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
        writeFeeds(pages)
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
        // Hugo's `/page/1/` of every paginated list is its first page; links to them keep working.
        for (file, route, title) in plan.firstPageRedirects {
            writeIfChanged(RedirectPage.html(file: file, to: route, title: title, settings: plan.settings), file)
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

    /// The site's feeds and each tag's. A feed is made of its entries' pages: when none of them
    /// changed, the output folder's copy stays without being made again. The others are made a
    /// few at a time in parallel (each entry's content is made absolute and escaped), and written
    /// in order; a few at a time, so the texts held stay few.
    private func writeFeeds(_ pages: [EssayPage]) {
        let feeds = FeedWriter(plan: plan, rendered: pages.map(\.essay))
        // `title`: what the feed shows besides its entries and the site's settings (a folder's title).
        // A job may make several files from one set of entries (a tag's Atom and RSS feeds), so
        // each entry's content is made absolute and escaped once for both.
        typealias Job = (files: [String], members: ArraySlice<Int>, make: @Sendable (FeedWriter) -> [String],
                         title: String)
        var jobs: [Job] = [
            (["feed.xml"], feeds.entries, { [$0.atom()] }, ""), (["rss.xml"], feeds.entries, { [$0.rss()] }, ""),
            (["feed.json"], feeds.entries, { [JSONFeedWriter(feeds: $0).json()] }, ""),
            (["index.xml"], feeds.entries, { [$0.rss(at: "index.xml")] }, ""),
        ]
        let siteFeeds = jobs.count
        for tag in plan.tags {
            let members = FeedWriter.tagEntries(tag.essays, plan: plan)
            // The tag's Atom feed, and its RSS feed at Hugo's address.
            jobs.append(([tag.tag.route.path + "feed.xml", tag.tag.route.path + "index.xml"], members, { writer in
                let tagWriter = writer.withContent(of: members)
                return [tagWriter.atom(tag: tag),
                        tagWriter.rss(title: tag.tag.name, href: tag.tag.route.href, members: tag.essays)]
            }, ""))
        }
        for section in plan.sections where !section.folder.isEmpty {
            let members = FeedWriter.tagEntries(section.members, plan: plan)
            jobs.append(([section.route.path + "index.xml"], members,
                         { [$0.rss(title: section.title, href: section.route.href, members: section.members)] },
                         section.title))
        }
        var pending: [(job: Job, members: [String])] = []
        var sharing = false
        for (position, job) in jobs.enumerated() {
            let members = job.files.map { recording ? feedMembersKey($0 + "\u{0}" + job.title, job.members, pages) : "" }
            let current = zip(job.files, members).allSatisfy { file, key in
                guard !key.isEmpty, let old = output?.currentKey(of: file) else { return false }
                return old.hasPrefix(key + " ")
            }
            if current {
                output?.recordKept(job.files)
            } else {
                pending.append((job, members))
                sharing = sharing || position < siteFeeds
            }
        }
        let writer = sharing ? feeds.sharingSiteContent() : feeds
        for start in stride(from: 0, to: pending.count, by: 4) {
            let batch = Array(pending[start..<min(start + 4, pending.count)])
            let texts = parallelMap(batch.count) { batch[$0].job.make(writer) }
            for ((job, members), made) in zip(batch, texts) {
                for (file, (text, key)) in zip(job.files, zip(made, members)) { writeFeed(text, file, members: key) }
            }
        }
    }

    /// What a feed is made of: its file, its entries' page keys (each page's source, address,
    /// data and templates, under the site key) in order; "" when one of them is unknown.
    private func feedMembersKey(_ file: String, _ members: ArraySlice<Int>, _ pages: [EssayPage]) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(essayPageKey)
        fingerprint.add("feed " + file)
        for member in members {
            if pages[member].key.isEmpty { return "" }
            fingerprint.add(pages[member].key)
        }
        return "feed " + fingerprint.hex
    }

    /// Written when its bytes differ from the output folder's copy; kept (under the new key)
    /// when an entry's page changed but the feed's text did not.
    private func writeFeed(_ text: String, _ file: String, members: String) {
        var fingerprint = Fingerprint()
        fingerprint.add(text)
        let textKey = "text " + fingerprint.hex
        let key = members.isEmpty ? textKey : members + " " + textKey
        if let old = output?.currentKey(of: file), old.hasSuffix(textKey) {
            output?.recordKept(file, as: key)
        } else {
            write(text, file, key: key)
        }
    }
}
