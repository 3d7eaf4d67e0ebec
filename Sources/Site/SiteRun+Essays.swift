import BuildRecord
import Content
import Diagnostics
import FileSupport
import Markdown

/// Pass 2: one page per essay, on all cores.
extension SiteRun {
    /// What pass 2 learned about one essay.
    struct EssayPage: Sendable {
        var essay: RenderedFacts
        /// The fingerprint the page was made from; "" when it is not reusable (no manifest, an
        /// unreadable file, or a page with messages, which must render again to show them).
        var key: String
        var contentHash: UInt64?
        /// What the essay's entry on list pages is made from (its file and address); "" when unknown.
        var summaryKey = ""
        /// The output folder's copy of the page is current and stays.
        var kept = false
        static let failed = EssayPage(essay: .value(RenderedEssay(summary: "", readingTime: 0, feedHTML: nil, listFragment: .empty)),
                                      key: "", contentHash: nil)
    }

    func essayPages() -> [EssayPage] {
        // Essays in the site's feeds or a tag's feed keep their body HTML for them.
        var feedMembers = Set(plan.listed.prefix(plan.settings.feedLimit))
        for tag in plan.tags { feedMembers.formUnion(FeedWriter.tagEntries(tag.essays, plan: plan)) }
        let writer = EssayPageWriter(plan: plan, templates: templates,
                                     options: MarkdownOptions(smartPunctuation: true, allowRawHTML: plan.settings.unsafeHTML,
                                                              headingIDs: plan.settings.headingIDScheme))
        let done = AtomicCount()
        let pages = parallelMap(plan.essays.count) { index in
            defer { progress?(done.increment(), plan.essays.count) }
            return essayPage(index, keepHTML: feedMembers.contains(index), writer: writer)
        }
        let kept = plan.essays.indices.filter { pages[$0].kept }
        output?.recordKept(kept.lazy.map { self.plan.essays[$0].route.outputFile })
        countReused(kept.count)
        return pages
    }

    private func essayPage(_ index: Int, keepHTML: Bool, writer: EssayPageWriter) -> EssayPage {
        let essay = plan.essays[index]
        let file = essay.route.outputFile
        var contentHash = essay.contentHash
        var source: [UInt8]?
        if recording, contentHash == nil,
           case .success(let bytes) = TextDecoding.readBytes(essay.entry.absolutePath, limit: ContentLimits.essayBytes) {
            source = bytes
            var fingerprint = Fingerprint()
            fingerprint.add(bytes)
            contentHash = fingerprint.value
        }
        // The links and data files the page had last time: unchanged bytes have the same ones, and
        // their addresses (another essay's slug, say) and bytes are part of what the page is made from.
        let previous = essay.previous?.rendered?.essay
        let previousInputs = contentHash.map {
            inputs(index, keepHTML: keepHTML, contentHash: $0, links: previous?.links ?? [], inputFiles: previous?.inputFiles ?? [])
        }
        let key = previousInputs?.key ?? ""
        // Unchanged since a build that rendered it without a message: nothing to write, and
        // nothing a check would find (the key holds everything a page's messages come from).
        if !key.isEmpty, let record = essay.previous, record.pageKey == key,
           let rendered = record.rendered, var inputs = previousInputs, pageIsCurrent(file, key: key) {
            if !inputs.inputFiles.isEmpty, let previous { inputs.listedAs = SiteRun.listedAs(previous) }
            return EssayPage(essay: rendered, key: key, contentHash: contentHash, summaryKey: inputs.entryKey, kept: true)
        }
        let pageDiagnostics = DiagnosticBag()
        defer { diagnostics.report(contentsOf: pageDiagnostics.all) }
        guard let (html, rendered) = writer.render(index, keepHTML: keepHTML, bytes: source, diagnostics: pageDiagnostics) else {
            return .failed
        }
        // Only a page that rendered without a single message is reused, so warnings are never lost.
        var renderedInputs = contentHash.map {
            inputs(index, keepHTML: keepHTML, contentHash: $0, links: rendered.links, inputFiles: rendered.inputFiles)
        }
        if !rendered.inputFiles.isEmpty { renderedInputs?.listedAs = SiteRun.listedAs(rendered) }
        let reusable = pageDiagnostics.all.isEmpty ? renderedInputs?.key ?? "" : ""
        write(html, file, key: reusable)
        return EssayPage(essay: .value(rendered), key: reusable, contentHash: contentHash,
                         summaryKey: renderedInputs?.entryKey ?? "")
    }

    /// Everything one essay page is made from, given the links and data files it had.
    private func inputs(_ index: Int, keepHTML: Bool, contentHash: UInt64, links: [PageLink],
                        inputFiles: [String]) -> PageInputs {
        let essay = plan.essays[index]
        var inputs = PageInputs(templates: essayPageKey, source: essay.entry.relativePath, sourceHash: contentHash,
                                address: essay.route.path, inFeeds: keepHTML, scheduled: essay.isScheduled(plan.now))
        if let position = plan.listPosition[index] {
            // The titles and addresses its "newer" and "older" links show.
            for other in [position - 1, position + 1] where plan.listed.indices.contains(other) {
                let neighbour = plan.essays[plan.listed[other]]
                inputs.neighbours.append(.init(relation: other < position ? "newer" : "older",
                                               title: neighbour.frontMatter.title, address: neighbour.route.path))
            }
        }
        let resolver = LinkResolver(addresses: plan.addresses, essays: plan.essays)
        inputs.linkTargets = links.map { resolver.resolve($0.destination, from: essay).rewritten ?? "as written" }
        if let catalog = plan.data {
            inputs.inputFiles = inputFiles.map { .init(path: $0, fingerprint: catalog.fingerprint(ofRelativePath: $0)) }
        }
        return inputs
    }

    /// What a list entry shows of a rendered page besides what its file says.
    private static func listedAs(_ rendered: RenderedEssay) -> String {
        rendered.summary + "\u{0}" + String(rendered.readingTime)
    }

    /// The manifest's view of every essay after this build, drafts included, in path order.
    func essayRecords(_ pages: [EssayPage]) -> [(path: String, essay: BuildManifest.Essay)] {
        var records: [(path: String, essay: BuildManifest.Essay)] = []
        records.reserveCapacity(plan.byPath.count)
        for (essay, index) in zip(plan.byPath, plan.essayIndex) where essay.frontMatterIsClean {
            let page = index.map { pages[$0] }
            let contentHash = page?.contentHash ?? essay.contentHash
            let pageKey = page?.key ?? ""
            // A record the plan trusted whose page kept its key is the same record: its bytes are
            // copied into the next manifest as they are.
            if essay.isVouchedFor, let old = essay.previous, old.contentHash == contentHash, old.pageKey == pageKey {
                records.append((essay.entry.relativePath, old))
                continue
            }
            let record = BuildManifest.Essay(stamp: essay.entry.stamp, settled: essay.entry.stamp.lastChange < settledBefore,
                                             contentHash: contentHash, frontMatter: essay.frontMatter, pageKey: pageKey,
                                             rendered: page.flatMap { $0.key.isEmpty ? nil : $0.essay })
            records.append((essay.entry.relativePath, record))
        }
        return records
    }
}
