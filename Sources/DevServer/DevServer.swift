import Content
import Diagnostics
import FlyingFox
import FlyingSocks
import Foundation
import Site

/// `costmark serve`: builds the site, serves the output folder, rebuilds when a source changes
/// and makes open pages reload. While a rebuild fails, pages show its errors over the last good
/// build, and the overlay goes away with the next good build.
public final class DevServer: Sendable {
    public struct Options: Sendable {
        public var build: BuildOptions
        public var host = "127.0.0.1"
        public var port: UInt16 = 8000
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

    /// Builds once, starts serving and watching, and returns the address it listens on
    /// (useful with port 0, which picks a free port).
    public func start() async throws -> URL {
        // Watching starts before the first build, so an edit made during it is not missed.
        let notifier = ChangeNotifier(folders: sourceFolders, files: sourceFiles)
        let baseline = notifier == nil ? SourceWatcher(folders: sourceFolders, files: sourceFiles).snapshot() : [:]
        await rebuild(reason: "first build")
        let root = URL(fileURLWithPath: options.build.outputDirectory).standardizedFileURL
        let responder = SiteResponder(root: root, basePath: basePath)
        let server = HTTPServer(address: try .inet(ip4: options.host, port: options.port), timeout: 3600, logger: .disabled)
        let events = self.events
        await server.appendRoute("GET /__costmark/events") { _ in
            let start = await events.generation
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "text/event-stream", HTTPHeader("Cache-Control"): "no-cache"],
                                body: HTTPBodySequence(from: ReloadStream(events: events, start: start)))
        }
        let state = self.state
        await server.appendRoute("*") { request in
            guard request.method == .GET || request.method == .HEAD else {
                return HTTPResponse(statusCode: HTTPStatusCode(405, phrase: "Method Not Allowed"))
            }
            // The raw path: FlyingFox's `path` drops a final `/`, which tells a folder's address from a file's.
            let answer = responder.answer(path: request.target.path(), errorOverlay: await state.overlay)
            if let location = answer.location {
                return HTTPResponse(statusCode: HTTPStatusCode(301, phrase: "Moved Permanently"),
                                    headers: [HTTPHeader("Location"): location,
                                              HTTPHeader("Cache-Control"): "no-store"],
                                    body: answer.body)
            }
            return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: answer.status == 200 ? "OK" : "Not Found"),
                                headers: [.contentType: answer.contentType, HTTPHeader("Cache-Control"): "no-store"],
                                body: request.method == .HEAD ? Data() : answer.body)
        }
        Task { try await server.run() }
        try await server.waitUntilListening()
        let port: UInt16
        if case .ip4(_, let bound)? = await server.listeningAddress { port = bound } else { port = options.port }
        Task { await self.watch(notifier, baseline: baseline) }
        return URL(string: "http://\(options.host):\(port)\(basePath)")!
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
        await events.bump()
    }
}
