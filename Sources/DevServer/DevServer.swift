import BuildRecord
import Content
import Diagnostics
import FileSupport
import Foundation
import Site

/// `costmark serve`: builds the site, serves the output folder, rebuilds when a source changes
/// and makes open pages reload. While a rebuild fails, pages show its errors over the last good
/// build, and the overlay goes away with the next good build.
public final class DevServer: Sendable {
    public struct Options: Sendable {
        public var build: BuildOptions
        public var address = try! ServeAddress(host: "127.0.0.1", port: 8000)
        /// Caps and timeouts for each connection; tests shorten the timeouts.
        var limits = ConnectionLimits()
        /// How often sources are scanned for changes where inotify is not available.
        public var pollInterval = 0.1
        public var log: @Sendable (String) -> Void = { _ in }

        public init(build: BuildOptions) { self.build = build }
    }

    let options: Options
    let events = ReloadEvents()
    /// Keeps the last build's manifest in memory between rebuilds.
    let session = BuildSession()
    let state = BuildState()
    private let listener = Locked<Listener>()

    /// The last build's problems as the terminal shows them, or nil after a good build.
    actor BuildState {
        var overlay: String?
        func set(_ text: String?) { overlay = text }
    }

    public init(options: Options) {
        self.options = options
    }

    /// Waits until the last build's record is on disk, so a `costmark build` after the server
    /// stops starts from it rather than from scratch. Call before exiting.
    public func finishRecording() {
        session.flush()
    }

    /// Binds the address, builds once, starts serving and watching, and returns the address it
    /// listens on (useful with port 0, which picks a free port). Binding comes first, so a busy
    /// port is reported before any time goes into a build.
    public func start() async throws(ServeError) -> ServeAddress {
        let listener = try Listener(address: options.address)
        self.listener.set(listener)
        // Watching starts before the first build, so an edit made during it is not missed.
        let notifier = ChangeNotifier(folders: sourceFolders, files: sourceFiles)
        let baseline = notifier == nil ? SourceWatcher(folders: sourceFolders, files: sourceFiles).snapshot() : [:]
        await rebuild(reason: "first build")
        let root = URL(fileURLWithPath: options.build.outputDirectory).standardizedFileURL
        let router = Router(hosts: HostCheck(address: listener.address, port: listener.address.port),
                            responder: SiteResponder(root: root, basePath: basePath), events: events, state: state)
        listener.start(limits: options.limits) { await router.reply(to: $0) }
        Task { await self.watch(notifier, baseline: baseline) }
        return listener.address
    }

    /// Stops accepting connections and ends the open ones (watching goes on until the process
    /// ends). For tests; the command exits instead.
    func stop() {
        listener.take()?.stop()
    }

    /// The path of the base URL the site is built for (site.yml or `--base-url`), read when
    /// serving starts; `/` when the settings cannot be read (the build reports why).
    private var basePath: String {
        var settings = SiteSettings.load(path: options.build.configPath, displayPath: options.build.configPath).settings
            ?? SiteSettings()
        if let override = options.build.baseURL, let url = SiteSettings.normalizedBaseURL(override) {
            settings.baseURL = url
        }
        return settings.basePath
    }

    /// What a change to rebuilds for: the content and templates folders, and the settings file.
    private var sourceFolders: [String] { [options.build.contentDirectory, options.build.templatesDirectory] }
    private var sourceFiles: [String] { [options.build.configPath] }

    /// Rebuilds whenever the sources change; never returns. Changes arrive from inotify where
    /// the system has it, else from comparing `baseline` with scans every `pollInterval`.
    func watch(_ notifier: ChangeNotifier?, baseline: [String: FileStamp]) async {
        if let notifier {
            while !Task.isCancelled {
                let changed = await withCheckedContinuation { continuation in
                    DispatchQueue.global(qos: .userInitiated).async {
                        continuation.resume(returning: notifier.waitForChange(timeout: 1))
                    }
                }
                if changed { await rebuild(reason: "change") }
            }
            return
        }
        let watcher = SourceWatcher(folders: sourceFolders, files: sourceFiles)
        var last = baseline
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: UInt64(options.pollInterval * 1e9))
            let now = watcher.snapshot()
            guard now != last else { continue }
            last = now
            await rebuild(reason: "change")
        }
    }

    func rebuild(reason: String) async {
        // A build blocks and fans out over all cores itself: keep it off Swift's cooperative pool.
        let build = options.build
        let session = self.session
        let report = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: SiteBuilder.build(build, session: session)) }
        }
        if report.succeeded {
            await state.set(nil)
            options.log("Built \(report.pageCount) pages in \(String(format: "%.2f", report.seconds)) s (\(reason))")
        } else {
            let text = DiagnosticRenderer().render(report.diagnostics)
            await state.set(text)
            options.log(text + "build failed with \(report.errorCount) error(s); serving the last good build")
        }
        // A failed build shows its errors on every page; a successful one reloads what it rewrote.
        await events.bump(pages: report.succeeded ? report.changedFiles.flatMap(ReloadEvents.pages(among:)) : nil)
    }
}
