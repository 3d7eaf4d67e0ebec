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
    private let reused = AtomicCount()

    /// Pages kept as the output folder holds them instead of rendered.
    var reusedCount: Int { reused.value }

    init(plan: SitePlan, templates: TemplateSet, output: OutputDirectory?, recording: Bool, siteKey: String, settledBefore: Int64, diagnostics: DiagnosticBag, progress: (@Sendable (Int, Int) -> Void)?) {
        self.plan = plan; self.templates = templates; self.output = output; self.recording = recording
        self.settledBefore = settledBefore
        self.essayPageKey = SiteBuilder.templateKey(siteKey, templates, ["page"])
        self.listPageKey = SiteBuilder.templateKey(siteKey, templates, ["list", "summary"])
        self.diagnostics = diagnostics; self.progress = progress
    }

    /// Writes a produced file; a failure is an error of the build (it names the file).
    func write(_ text: String, _ file: String, key: String) {
        do { try output?.write(text, to: file, key: key) } catch {
            diagnostics.report(.error("cannot write \(file): \(error.localizedDescription)"))
        }
    }

    /// True when the output folder already holds `file` made from `key` (counted as reused).
    /// The caller records what it kept with `output.recordKept`, in bulk.
    func isCurrent(_ file: String, key: String) -> Bool {
        guard let output, output.isCurrent(file, key: key) else { return false }
        reused.increment()
        return true
    }

    /// Counts a page a check need not render again; always true.
    func countReused() -> Bool {
        reused.increment()
        return true
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
