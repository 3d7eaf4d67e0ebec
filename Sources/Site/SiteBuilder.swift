import BuildRecord
import Content
import Diagnostics
import Dispatch
import FileSupport
import Foundation
import Markdown
import Theme

/// Content/ → Output/: the whole pipeline in one call, for the CLI and for tests.
///
/// Three passes keep memory flat: (1) read every essay's front matter and plan addresses,
/// (2) render essay pages on all cores, keeping only summaries (and feed bodies for the newest
/// few), (3) render lists, tags, feeds and sitemap. Nothing reaches the output folder until
/// every file is produced without error (see `OutputDirectory`). With a cache folder, the last
/// build's manifest lets a rebuild skip every essay, page and file whose inputs are unchanged.
public enum SiteBuilder {
    /// - Parameter session: kept by a process that builds again and again (serve), so each
    ///   build starts from the last one's manifest in memory and records its own in the background.
    /// Renders every essay page without writing anything, for its diagnostics.
    private static func checkEssays(_ plan: SitePlan, _ templates: TemplateSet?, diagnostics: DiagnosticBag,
                                    options: BuildOptions) {
        guard let templates else { return }
        let run = SiteRun(plan: plan, templates: templates, output: nil, recording: false, siteKey: "",
                          settledBefore: 0, diagnostics: diagnostics, progress: nil)
        _ = run.essayPages()
    }

    public static func build(_ options: BuildOptions, session: BuildSession? = nil) -> BuildReport {
        let start = DispatchTime.now()
        let diagnostics = DiagnosticBag()
        var timer = PhaseTimer()
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
        let outputPath = URL(fileURLWithPath: options.outputDirectory).standardizedFileURL.path
        // Held until the output folder and the record of this build are complete.
        let lock = options.writeOutput ? OutputLock(outputPath: outputPath) : nil
        // Sources last changed before this, less the settle time, are vouched for by their stamps.
        let scanStart = FileStamp.now()
        // A build from the command line with a record folder first asks whether anything changed.
        let listing = session == nil && options.writeOutput && options.cacheDirectory != nil
            ? try? ContentInventory.scan(root: options.contentDirectory, displayRoot: SitePlan.contentDisplay(options))
            : nil
        let inputs = listing.flatMap {
            inputsKey(options, listing: $0, settledBefore: scanStart - Int64(options.settleTime * 1e9))
        }
        if let inputs, let unchanged = unchangedBuild(options, outputPath: outputPath, inputsKey: inputs.key) {
            timer.mark("nothing changed")
            return finish(unchanged)
        }

        let loadedSettings = settings(options, diagnostics)
        let (templateSet, templateProblems) = TemplateSet.load(directory: options.templatesDirectory,
                                                               contexts: TemplateContext.schemas,
                                                               compilesBuiltInTheme: options.compilesBuiltInTheme)
        diagnostics.report(contentsOf: templateProblems)
        guard let settings = loadedSettings else { return finish(report) }
        if ThemeWords.forLanguage(settings.language) == nil {
            diagnostics.report(.warning("the theme has no words for language `\(settings.language)`; pages use English",
                                        at: settings.languageLocation ?? .file(options.configPath),
                                        notes: [.init("the theme speaks en, de, fr and es; "
                                                      + "override templates to translate")]))
        }
        timer.mark("settings and templates")

        // A build keeps a record; a check only reads the one the last build left, if any.
        let cacheDirectory = options.writeOutput ? options.cacheDirectory.flatMap(BuildManifest.prepare(directory:)) : nil
        if let warning = interruptedUpdate(options, outputPath: outputPath) { diagnostics.report(warning) }
        let manifest = options.writeOutput ? cacheDirectory.flatMap { lastRecord(in: $0, session: session, diagnostics) }
            : options.cacheDirectory.flatMap(BuildManifest.load(directory:))
        let contentDisplay = SitePlan.contentDisplay(options)
        let known = manifest?.contentDisplay == contentDisplay ? manifest?.essays ?? [] : []
        timer.mark("manifest loaded")

        let assets = templateSet.map { Array($0.assets.keys) } ?? Array(DefaultTheme.assets.keys)
        guard let plan = SitePlan.make(options: options, settings: settings, assets: assets, known: known,
                                       listing: listing, diagnostics: diagnostics)
        else { return finish(report) }
        guard let templates = templateSet, !diagnostics.hasErrors else {
            // Nothing will be written, but every essay is still checked (with the built-in theme
            // when the site's templates are broken), so one run reports every error.
            checkEssays(plan, templateSet ?? TemplateSet.load(directory: nil).0, diagnostics: diagnostics, options: options)
            report.claims = plan.claims.all
            return finish(report)
        }
        report.essayCount = plan.essays.count
        timer.mark("plan")

        let siteKey = Self.siteKey(settings: plan.settings, options: options)
        // A changed setting changes every page: then a fresh folder is swapped in. A changed
        // template changes the pages it renders, and only those are written again.
        let previousOutputs = manifest?.siteKey == siteKey ? manifest?.outputs(stillIn: outputPath) : nil
        // This build may change the output folder: the record that vouched for it goes first.
        if let cacheDirectory { UnchangedRecord.remove(directory: cacheDirectory) }
        let output: OutputDirectory?
        do {
            output = options.writeOutput ? try OutputDirectory(finalPath: outputPath, previous: previousOutputs) : nil
        } catch {
            diagnostics.report(.error("cannot create staging folder beside \(options.outputDirectory): \(error.localizedDescription)"))
            return finish(report)
        }

        let run = SiteRun(plan: plan, templates: templates, output: output, recording: cacheDirectory != nil || manifest != nil,
                          siteKey: siteKey, settledBefore: scanStart - Int64(options.settleTime * 1e9),
                          diagnostics: diagnostics, progress: options.progress)
        let pages = run.essayPages()
        report.claims = plan.claims.all
        timer.mark("essay pages")
        let facts = parallelMap(pages.count) { pages[$0].essay.essay }
        let linkCheck = LinkCheck(plan: plan, resolver: LinkResolver(addresses: plan.addresses, essays: plan.essays),
                                  strict: options.strict || settings.strict)
        linkCheck.run(facts, into: diagnostics)
        timer.mark("links checked")
        // List pages, feeds and the rest are made of what pass 2 checked: a check stops here.
        let listFiles = output == nil ? [] : run.listPages(pages)
        timer.mark("list pages")
        let unpublishedData = linkCheck.dataFilesNotLinked(facts)
        if output != nil { run.siteFiles(pages, listFiles: listFiles, leavingOut: unpublishedData) }
        timer.mark("feeds, sitemap, assets, static files")
        report.pageCount = plan.essays.count + listFiles.count + 1
        report.cachedPages = run.reusedCount
        report.readEssays = zip(plan.byPath, plan.essayIndex).filter { essay, index in
            !essay.isVouchedFor || index.map { !pages[$0].kept } ?? false
        }.count
        report.copiedFiles = plan.staticFiles.count - unpublishedData.count
        report.writtenFiles = output?.writtenCount ?? 0
        report.updatedInPlace = output?.isUpdating ?? false
        report.changedFiles = output?.isUpdating == true ? output?.writtenFiles.sorted() : nil

        guard let output, let cacheDirectory else {
            if diagnostics.hasErrors { output?.discard() } else { _ = commit(output, recordedIn: nil, options, diagnostics) }
            return finish(report)
        }
        if diagnostics.hasErrors {
            output.discard()
            return finish(report)
        }
        guard commit(output, recordedIn: cacheDirectory, options, diagnostics) else { return finish(report) }
        timer.mark("commit")
        if let window = output.mixedWindow {
            timer.note(String(format: "%8.2f ms  of it with Output mixing two builds (%d files moved, %d removed)",
                              window.seconds * 1e3, window.moved, window.removed))
        }
        // The record of this build: what the next one starts from.
        let outputFolder = FileStamp.ofLink(outputPath)
        let makeManifest: @Sendable () -> BuildManifest = {
            var next = BuildManifest(siteKey: siteKey, contentDisplay: contentDisplay, outputPath: outputPath,
                                     outputFolder: outputFolder, essays: [], outputs: output.producedFiles)
            next.essays = run.essayRecords(pages)
            return next
        }
        if let session {
            session.record(directory: cacheDirectory, releasing: lock, makeManifest)
        } else {
            let next = makeManifest()
            record(next, in: cacheDirectory, diagnostics)
            timer.mark("manifest saved")
            if let inputs, inputs.settled, diagnostics.all.isEmpty {
                recordUnchanged(inputsKey: inputs.key, plan: plan, report: report, manifest: next,
                                directory: cacheDirectory)
                timer.mark("unchanged record saved")
            }
            releaseLater(plan, pages, run, manifest as Any, next)
        }
        return finish(report)
    }

    /// What every output file depends on besides its own sources and templates (see `PageInputs.siteKey`).
    static func siteKey(settings: SiteSettings, options: BuildOptions) -> String {
        PageInputs.siteKey(costmarkVersion: CostmarkVersion.string, settings: "\(settings)",
                           flags: [options.includeDrafts ? "drafts" : "published", options.includeFuture ? "future" : "present"])
    }

    /// The site key with the text of every template that `roots` render with.
    static func templateKey(_ siteKey: String, _ templates: TemplateSet, _ roots: [String]) -> String {
        PageInputs.templateKey(siteKey: siteKey, templates: templates.dependencies(of: roots).map {
            (name: $0, text: templates.sources[$0]!.text)
        })
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
