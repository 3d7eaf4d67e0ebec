import Content
import Diagnostics
import Dispatch
import Foundation

/// The steps of `SiteBuilder.build` around the passes: settings, the last build's record, the
/// commit of the output folder and the record of this build.
extension SiteBuilder {
    /// `site.yml` with the command line's overrides, or nil (with the reason reported).
    static func settings(_ options: BuildOptions, _ diagnostics: DiagnosticBag) -> SiteSettings? {
        let loaded = SiteSettings.load(path: options.configPath, displayPath: options.configPath)
        diagnostics.report(contentsOf: loaded.diagnostics)
        guard var settings = loaded.settings else { return nil }
        if let override = options.baseURL {
            guard let url = SiteSettings.normalizedBaseURL(override) else {
                diagnostics.report(.error("--base-url must be an absolute http(s) URL, not \"\(override)\""))
                return nil
            }
            settings.baseURL = url
        }
        return settings
    }

    /// The manifest the last build left: from the session when one is kept, else from disk.
    static func lastRecord(in directory: String, session: BuildSession?, _ diagnostics: DiagnosticBag) -> BuildManifest? {
        guard let session else { return BuildManifest.load(directory: directory) }
        let (manifest, problem) = session.currentManifest(directory: directory)
        if let problem {
            diagnostics.report(.warning("the last build could not be recorded in \(directory): \(problem); this build starts afresh"))
        }
        return manifest
    }

    /// Puts the build's files in place; with a record folder, under the journal that tells a
    /// later build an update was under way. False (with the error reported) when it failed.
    static func commit(_ output: OutputDirectory?, recordedIn directory: String?, _ options: BuildOptions,
                       _ diagnostics: DiagnosticBag) -> Bool {
        do {
            if let directory { try BuildManifest.beginUpdate(directory: directory) }
            try output?.commit()
            return true
        } catch {
            output?.discard()
            diagnostics.report(.error("cannot replace \(options.outputDirectory): \(error.localizedDescription)"))
            return false
        }
    }

    /// Writes this build's record and closes the journal; a failure costs the next build its
    /// head start, never its correctness (the journal stays, so the next build starts afresh).
    static func record(_ manifest: BuildManifest, in directory: String, _ diagnostics: DiagnosticBag) {
        do {
            try manifest.record(in: directory)
        } catch {
            diagnostics.report(.warning("cannot record this build in \(directory): \(error.localizedDescription); the next build starts afresh"))
        }
    }

    /// Hands a build's large values to a background thread to free: freeing 10,000 essays'
    /// records one by one would otherwise hold up the build's return by tens of milliseconds,
    /// and a command that exits right after never has to pay it at all.
    static func releaseLater(_ values: Any...) {
        nonisolated(unsafe) let values = values  // only kept alive, never read
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 0.2) { withExtendedLifetime(values) {} }
    }
}
