import Content
import Dispatch
import FileSupport
import Foundation

/// What a long-running process (`costmark serve`) keeps between builds: the last build's
/// manifest in memory, so a rebuild does not read it back from disk, and the writing of the
/// next one on a background queue, after the pages are in place and the browser reloads.
///
/// The copy on disk stays the source of truth for every other process: a build that finds
/// it changed since this session wrote it (another `costmark build` ran) reads it instead.
public final class BuildSession: @unchecked Sendable {
    private let saving = DispatchQueue(label: "costmark.manifest-saving")
    private let lock = NSLock()
    private var manifest: BuildManifest?
    /// The manifest file as this session last wrote it.
    private var written: FileStamp?
    /// Why the last background save failed, for the next build to report.
    private var failure: String?

    public init() {}

    /// Waits until the last build's manifest is on disk.
    public func flush() {
        saving.sync {}
    }

    /// The manifest for the next build: this session's, when the file on disk is still the one
    /// it wrote, else whatever is on disk. Waits for a save in progress first.
    public func currentManifest(directory: String) -> (BuildManifest?, problem: String?) {
        flush()
        lock.lock(); defer { lock.unlock() }
        defer { failure = nil }
        if let manifest, let written, FileStamp.ofLink(directory + "/" + BuildManifest.fileName) == written {
            return (manifest, failure)
        }
        return (BuildManifest.load(directory: directory), failure)
    }

    /// Completes a build's record off the caller's path: `make` builds the manifest, which is
    /// then kept in memory and written to disk, the update's journal is closed, and the output
    /// folder's lock let go.
    public func record(directory: String, releasing outputLock: OutputLock?, _ make: @escaping @Sendable () -> BuildManifest) {
        saving.async { [self] in
            defer { outputLock?.release() }
            let next = make()
            do {
                try next.record(in: directory)
                lock.lock()
                (manifest, written, failure) = (next, FileStamp.ofLink(directory + "/" + BuildManifest.fileName), nil)
                lock.unlock()
            } catch {
                lock.lock()
                (manifest, written, failure) = (nil, nil, error.localizedDescription)
                lock.unlock()
            }
        }
    }
}
