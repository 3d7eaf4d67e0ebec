import BuildRecord
import Content
import Diagnostics
import Foundation
import Theme

/// One build's passes 2 and 3 and the state they share: the plan (whose essays carry the last
/// build's records) and where files go. Each output file is produced the cheapest honest way:
/// kept as it is when the last build made it from the same inputs, rendered otherwise.
final class SiteRun: @unchecked Sendable {
    let plan: SitePlan
    let templates: TemplateSet
    let output: OutputDirectory?
    /// True when pages get keys: the build is recorded, or a check compares with a record.
    let recording: Bool
    /// What every essay page is made from besides the essay: the site key and the `page`
    /// template's texts (with its partials).
    let essayPageKey: String
    /// The same for list pages: the `list` and `summary` templates.
    let listPageKey: String
    let diagnostics: DiagnosticBag
    let progress: (@Sendable (Int, Int) -> Void)?
    /// Sources last changed before this instant are vouched for by their stamps (see `BuildOptions.settleTime`).
    let settledBefore: Int64

    /// Pages kept as the output folder holds them instead of rendered (counted by each pass
    /// once its pages are done, on the calling thread).
    private(set) var reusedCount = 0

    init(plan: SitePlan, templates: TemplateSet, output: OutputDirectory?, recording: Bool, siteKey: String, settledBefore: Int64, diagnostics: DiagnosticBag, progress: (@Sendable (Int, Int) -> Void)?) {
        self.plan = plan; self.templates = templates; self.output = output; self.recording = recording
        self.settledBefore = settledBefore
        // Shortcode templates are looked up by name from essays: each is part of every essay page.
        let shortcodes = templates.sources.keys.filter { $0.hasPrefix("shortcodes/") }.sorted()
        self.essayPageKey = SiteBuilder.templateKey(siteKey, templates, ["page"] + shortcodes)
        self.listPageKey = SiteBuilder.templateKey(siteKey, templates, ["list", "summary"])
        self.diagnostics = diagnostics; self.progress = progress
    }

    /// Writes a produced file; a failure is an error of the build (it names the file).
    func write(_ text: String, _ file: String, key: String) {
        do { try output?.write(text, to: file, key: key) } catch {
            diagnostics.report(.error("cannot write \(file): \(error.localizedDescription)"))
        }
    }

    /// True when a page made from `key` needs no rendering: the output folder holds it as the
    /// last build made it. A check has no output folder; there a matching key is enough, as it
    /// holds everything a page's messages come from. The caller records what it kept with
    /// `output.recordKept`, in bulk.
    func pageIsCurrent(_ file: String, key: String) -> Bool {
        guard let output else { return !key.isEmpty }
        return output.isCurrent(file, key: key)
    }

    func countReused(_ count: Int) {
        reusedCount += count
    }

    /// A file whose text is cheap to make (feeds, sitemap, theme assets) is made every build
    /// and written only when its bytes differ from what the output folder holds.
    func writeIfChanged(_ text: String, _ file: String) {
        var fingerprint = Fingerprint()
        fingerprint.add(text)
        let key = "text " + fingerprint.hex
        if output?.isCurrent(file, key: key) == true {
            output?.recordKept([file])
        } else {
            write(text, file, key: key)
        }
    }
}

/// A counter shared by the rendering threads.
final class AtomicCount: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()

    @discardableResult
    func increment() -> Int {
        lock.lock(); defer { lock.unlock() }
        count += 1
        return count
    }

    var value: Int {
        lock.lock(); defer { lock.unlock() }
        return count
    }
}
