import Content
import Diagnostics
import Dispatch
import Foundation
import Markdown
import Theme

/// Content/ → Output/: the whole pipeline in one call, for the CLI and for tests.
///
/// Three passes keep memory flat: (1) read every essay's front matter and plan addresses,
/// (2) render and write essay pages on all cores, keeping only summaries (and feed bodies for
/// the newest few), (3) write lists, tags, feeds and sitemap. Nothing touches the output
/// folder until every page is written to a staging folder without error.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        let start = DispatchTime.now()
        let diagnostics = DiagnosticBag()
        var report = BuildReport(essayCount: 0, pageCount: 0, copiedFiles: 0, diagnostics: [], seconds: 0)

        func finish(_ report: BuildReport) -> BuildReport {
            var report = report
            report.diagnostics = diagnostics.all
            report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            return report
        }

        if let problem = unsafeOutputProblem(options) {
            diagnostics.report(problem)
            return finish(report)
        }

        let loaded = SiteSettings.load(path: options.configPath, displayPath: options.configPath)
        diagnostics.report(contentsOf: loaded.diagnostics)
        let (templateSet, templateProblems) = TemplateSet.load(directory: options.templatesDirectory)
        diagnostics.report(contentsOf: templateProblems)
        guard var settings = loaded.settings else { return finish(report) }
        if let override = options.baseURL {
            guard let url = SiteSettings.normalizedBaseURL(override) else {
                diagnostics.report(.error("--base-url must be an absolute http(s) URL, not \"\(override)\""))
                return finish(report)
            }
            settings.baseURL = url
        }
        let assets = templateSet.map { Array($0.assets.keys) } ?? Array(DefaultTheme.assets.keys)
        guard let plan = SitePlan.make(options: options, settings: settings, assets: assets, diagnostics: diagnostics),
              let templates = templateSet, !diagnostics.hasErrors else {
            return finish(report)
        }
        report.essayCount = plan.essays.count

        let output: OutputDirectory?
        do {
            output = options.writeOutput ? try OutputDirectory(finalPath: options.outputDirectory) : nil
        } catch {
            diagnostics.report(.error("cannot create staging folder beside \(options.outputDirectory): \(error.localizedDescription)"))
            return finish(report)
        }
        func write(_ text: String, _ file: String) {
            do { try output?.write(text, to: file) } catch {
                diagnostics.report(.error("cannot write \(file): \(error.localizedDescription)"))
            }
        }

        // Pass 2: essay pages, in parallel; unchanged ones come from the cache.
        let cache = output == nil ? nil : options.cacheDirectory.flatMap(BuildCache.init(directory:))
        let siteKey = cacheKey(settings: settings, templates: templates, options: options)
        let feedMembers = Set(plan.listed.prefix(settings.feedLimit))
        let writer = EssayPageWriter(plan: plan, templates: templates,
                                     options: MarkdownOptions(smartPunctuation: true, allowRawHTML: settings.unsafeHTML))
        let done = Counter()
        let reused = Counter()
        let pages: [(essay: RenderedEssay, key: String)] = parallelMap(plan.essays.count) { index in
            defer { options.progress?(done.increment(), plan.essays.count) }
            let essay = plan.essays[index]
            let file = essay.route.outputFile
            let keepHTML = feedMembers.contains(index)
            var key = ""
            var source: [UInt8]?
            if let cache, case .success(let bytes) = TextDecoding.readBytes(essay.entry.absolutePath) {
                source = bytes
                var fingerprint = Fingerprint()
                fingerprint.add(siteKey)
                fingerprint.add(essay.entry.relativePath)
                fingerprint.add(essay.route.path)
                fingerprint.add(keepHTML ? "feed" : "page")
                for neighbour in plan.neighbours(of: index) { fingerprint.add(neighbour) }
                fingerprint.add(bytes)
                key = fingerprint.hex
                if let cached = cache.essay(key) {
                    _ = reused.increment()
                    do { try output?.link(from: cache.pagePath(key), to: file) } catch {
                        diagnostics.report(.error("cannot write \(file): \(error.localizedDescription)"))
                    }
                    return (cached, key)
                }
            }
            let pageDiagnostics = DiagnosticBag()
            defer { diagnostics.report(contentsOf: pageDiagnostics.all) }
            guard let (html, rendered) = writer.render(index, keepHTML: keepHTML, bytes: source, diagnostics: pageDiagnostics) else {
                return (RenderedEssay(summary: "", readingTime: 0, feedHTML: nil, listFragment: .empty), "")
            }
            write(html, file)
            // Only a page that rendered without a single message is reused, so warnings are never lost.
            if let cache, let output, !key.isEmpty, pageDiagnostics.all.isEmpty {
                cache.store(key, page: output.path(of: file), essay: rendered)
            }
            return (rendered, key)
        }
        let rendered = pages.map(\.essay)

        // Pass 3: everything that lists essays.
        let lists = ListPageWriter(plan: plan, rendered: rendered) { templates.render($0, context: $1) }
        let jobs = lists.jobs()
        var listFiles: [String] = parallelMap(jobs.count) { index in
            let job = jobs[index]
            var key = ""
            if let cache {
                // A list page is made of its members' summaries and its place in the pagination.
                var fingerprint = Fingerprint()
                fingerprint.add(siteKey)
                fingerprint.add("list " + job.base.path + " \(job.number)/\(job.members.count)")
                let shown = job.members.dropFirst((job.number - 1) * settings.pageSize).prefix(settings.pageSize)
                for member in shown { fingerprint.add(pages[member].key) }
                // A member without a key was not cacheable; the page is then rendered afresh.
                let complete = !shown.contains { pages[$0].key.isEmpty }
                key = complete ? fingerprint.hex : ""
                let file = lists.file(for: job)
                if complete, cache.hasPage(key) {
                    _ = reused.increment()
                    do { try output?.link(from: cache.pagePath(key), to: file) } catch {
                        diagnostics.report(.error("cannot write \(file): \(error.localizedDescription)"))
                    }
                    return file
                }
            }
            let (file, html) = lists.render(job)
            write(html, file)
            if let cache, let output, !key.isEmpty { cache.store(key, page: output.path(of: file), essay: nil) }
            return file
        }
        let tagsIndex = lists.tagsIndex()
        write(tagsIndex.1, tagsIndex.0)
        listFiles.append(tagsIndex.0)
        let notFound = lists.notFound()
        write(notFound.1, notFound.0)
        let feeds = FeedWriter(plan: plan, rendered: rendered)
        write(feeds.atom(), "feed.xml")
        write(feeds.rss(), "rss.xml")
        write(SitemapWriter(plan: plan, listFiles: listFiles).xml(), "sitemap.xml")
        for (name, text) in templates.assets.sorted(by: { $0.key < $1.key }) { write(text, name) }
        for entry in plan.staticFiles {
            do { try output?.copy(from: entry.absolutePath, to: entry.relativePath) } catch {
                diagnostics.report(.error("cannot copy \(entry.relativePath): \(error.localizedDescription)"))
            }
        }
        report.pageCount = plan.essays.count + listFiles.count + 1
        report.cachedPages = reused.increment() - 1
        report.copiedFiles = plan.staticFiles.count

        if diagnostics.hasErrors {
            output?.discard()
            return finish(report)
        }
        do {
            try output?.commit()
            cache?.prune()
        } catch {
            output?.discard()
            diagnostics.report(.error("cannot replace \(options.outputDirectory): \(error.localizedDescription)"))
        }
        return finish(report)
    }

    /// Everything every page depends on besides its own sources: costmark itself, the templates,
    /// the settings and the flags that change output.
    static func cacheKey(settings: SiteSettings, templates: TemplateSet, options: BuildOptions) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(CostmarkVersion.string)
        fingerprint.add(BuildCache.formatVersion)
        for name in templates.sources.keys.sorted() {
            fingerprint.add(name)
            fingerprint.add(templates.sources[name]!.text)
        }
        for name in templates.assets.keys.sorted() {
            fingerprint.add(name)
            fingerprint.add(templates.assets[name]!)
        }
        fingerprint.add("\(settings)")
        fingerprint.add(options.includeDrafts ? "drafts" : "published")
        return fingerprint.hex
    }

    /// The output folder is replaced wholesale, so it must never be a folder that holds the
    /// site's sources (or the working directory itself).
    static func unsafeOutputProblem(_ options: BuildOptions) -> Diagnostic? {
        guard options.writeOutput else { return nil }
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        let output = absolute(options.outputDirectory)
        let protected = [FileManager.default.currentDirectoryPath, options.contentDirectory,
                         options.templatesDirectory, options.configPath, NSHomeDirectory(), "/"].map(absolute)
        for path in protected where path == output || path.hasPrefix(output == "/" ? "/" : output + "/") {
            return .error("refusing to use \(options.outputDirectory) as the output folder: it would replace \(path)",
                          notes: [.init("the output folder is replaced on every build; choose a folder of its own, such as Output")])
        }
        return nil
    }
}

/// A thread-safe count for progress reports.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value
    }
}
