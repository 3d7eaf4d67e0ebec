import BuildRecord
import Content
import FileSupport
import Foundation

/// A build with nothing changed stops after listing its inputs: when every file in the content
/// and templates folders has the stamp it had when the last clean build ran, the settings file
/// the same bytes, the options the same, no scheduled essay has come due and every output file
/// is as that build left it, the output folder already is what this build would make.
extension SiteBuilder {
    /// What the output depends on, by stamp, and whether every input changed long enough ago for
    /// its stamp to vouch for it (see `BuildOptions.settleTime`); nil when the folders cannot be
    /// listed cleanly.
    static func inputsKey(_ options: BuildOptions, listing: ContentInventory.Listing,
                          settledBefore: Int64) -> (key: String, settled: Bool)? {
        guard listing.diagnostics.isEmpty else { return nil }
        var fingerprint = Fingerprint()
        func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        fingerprint.add(CostmarkVersion.string)
        for part in [absolute(options.contentDirectory), SitePlan.contentDisplay(options),
                     absolute(options.templatesDirectory), absolute(options.outputDirectory), absolute(options.configPath),
                     options.baseURL ?? "-", options.now.map(String.init) ?? "-",
                     "\(options.includeDrafts) \(options.includeFuture) \(options.strict) \(options.compilesBuiltInTheme)"] {
            fingerprint.add(part)
        }
        // The settings file is small: its bytes, not its stamp (`/dev/null` has no useful one).
        if case .success(let bytes) = TextDecoding.readBytes(options.configPath, limit: 1 << 20) {
            fingerprint.add(bytes)
        } else {
            fingerprint.add("no settings file")
        }
        var entries = listing.entries
        if let templates = try? ContentInventory.scan(root: options.templatesDirectory, displayRoot: "") {
            guard templates.diagnostics.isEmpty else { return nil }
            fingerprint.add("templates \(templates.entries.count)")
            entries += templates.entries
        }
        var settled = true
        for entry in entries {
            settled = settled && entry.stamp.lastChange < settledBefore
            let stamp = entry.stamp
            fingerprint.add(entry.relativePath)
            fingerprint.add(entry.absolutePath)
            withUnsafeBytes(of: (stamp.size, stamp.modified, stamp.changed, stamp.inode)) { fingerprint.add($0) }
        }
        return (fingerprint.hex, settled)
    }

    /// The report of a build that had nothing to do, or nil when something changed.
    static func unchangedBuild(_ options: BuildOptions, outputPath: String, inputsKey: String) -> BuildReport? {
        guard let directory = options.cacheDirectory, BuildManifest.journalStage(directory: directory) == nil,
              let record = UnchangedRecord.load(directory: directory),
              record.validUntil.map({ (options.now ?? Int(Date().timeIntervalSince1970)) < $0 }) ?? true,
              inputsKey == record.inputsKey,
              record.outputsAreIntact(outputPath: outputPath) else { return nil }
        var report = BuildReport(essayCount: record.essays, pageCount: record.pages, copiedFiles: record.copied,
                                 diagnostics: [], seconds: 0)
        report.cachedPages = record.pages
        report.updatedInPlace = true
        report.changedFiles = []
        return report
    }

    /// After a clean, recorded build whose inputs had all settled: what lets the next one stop early.
    static func recordUnchanged(inputsKey key: String, plan: SitePlan, report: BuildReport, manifest: BuildManifest,
                                directory: String) {
        // A page that reads a committed version depends on git's state too, which no stamp covers.
        guard let folder = manifest.outputFolder, plan.data?.readsHistory != true else { return }
        // The record holds until the first scheduled essay appears or the first expiring one goes.
        let changes = plan.byPath.compactMap(\.sortTime) + plan.byPath.compactMap { $0.frontMatter.expires?.epochSeconds }
        let due = changes.filter { $0 > plan.now }.min()
        let record = UnchangedRecord(inputsKey: key, validUntil: due, essays: report.essayCount,
                                     pages: report.pageCount, copied: report.copiedFiles, outputFolder: folder,
                                     outputs: manifest.outputs.map { ($0.key, $0.value.stamp) })
        try? record.save(directory: directory)
    }
}
