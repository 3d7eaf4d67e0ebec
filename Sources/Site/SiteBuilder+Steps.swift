import BuildRecord
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

    /// A warning when a build was killed while moving its files into the output folder, which
    /// may then hold some files of each build: anyone about to publish the folder must know.
    /// A build (holding the output lock, so no other build is under way) then replaces the
    /// folder whole; a check only warns, and stays quiet while a build holds the lock.
    static func interruptedUpdate(_ options: BuildOptions, outputPath: String) -> Diagnostic? {
        guard let directory = options.cacheDirectory,
              BuildManifest.journalStage(directory: directory) == .moving,
              options.writeOutput || !OutputLock.isHeld(outputPath: outputPath) else { return nil }
        let journal = directory + "/" + BuildManifest.journalName
        let remedy = options.writeOutput
            ? "this build replaces \(options.outputDirectory) whole; until it succeeds, do not publish the folder"
            : "run `costmark build` to replace it whole before publishing it"
        let output = options.outputDirectory
        return .warning("\(output) may mix files of two builds: a build was interrupted while moving its files into place",
                        at: .file(journal),
                        notes: [.init(remedy), .init("publish \(output) only after `costmark build` exits with 0")])
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
            if let directory, let output {
                try BuildManifest.beginUpdate(directory: directory, stage: output.isUpdating ? .moving : .swapping,
                                              outputPath: output.finalPath)
            }
            try output?.commit()
            if let directory, let output {
                try BuildManifest.beginUpdate(directory: directory, stage: .recording, outputPath: output.finalPath)
            }
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
