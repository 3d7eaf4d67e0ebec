@testable import DevServer
import Foundation
import Testing

/// Starts the development server on a free port, requests pages, edits a source and sees the
/// rebuilt page, the reload event and the error overlay. Uses curl as the client.
@Suite(.serialized) struct ServeTests {
    /// Runs curl off the task pool (see `offThePool`): the server answering it shares the pool.
    static func curl(_ arguments: [String]) async throws -> String {
        try await offThePool { try ProcessRunner.run("curl", ["-s", "--max-time", "15"] + arguments).stdout }
    }

    /// Polls until `condition` holds or a few seconds pass.
    /// A reload stream opened with curl, returned once the server has answered it: its head is
    /// written after the stream has taken the current generation, so any later edit reaches it.
    /// (A fixed sleep here once hoped curl had connected.) Bounded by curl's `--max-time`.
    static func openEventStream(_ url: URL, seconds: Int) async throws -> (Process, Pipe, String) {
        let events = Process()
        events.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        events.arguments = ["curl", "-sNi", "--max-time", "\(seconds)", url.absoluteString + "__costmark/events"]
        let stream = Pipe()
        events.standardOutput = stream
        try events.run()
        let reader = stream.fileHandleForReading
        let head = try await offThePool { () -> String in
            var text = ""
            while !text.contains("\r\n\r\n") {
                let chunk = reader.availableData
                if chunk.isEmpty { break }   // curl ended: the expectations below say what is missing
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }
        #expect(head.hasPrefix("HTTP/1.1 200"), "the reload stream did not open: \(head)")
        return (events, stream, head)
    }

    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<200 {
            if try await condition() { return true }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return false
    }

    @Test func servesRebuildsAndReloads() async throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: Served
        ---
        First version: {{ total }}.

        ```scenario
        total = $960
        ```
        """)
        defer { site.cleanUp() }
        var options = DevServer.Options(build: site.options)
        options.address = try ServeAddress(host: "127.0.0.1", port: 0)
        options.pollInterval = 0.05
        let server = DevServer(options: options)
        let url = try await server.start().url
        defer { server.stop() }

        // Under a loaded CI machine the first answer can be slow: retry like every later check.
        var page = ""
        #expect(try await Self.eventually {
            page = try await Self.curl([url.absoluteString + "a/"])
            return !page.isEmpty
        })
        #expect(page.contains("First version: <span class=\"cm-value\""))
        #expect(page.contains("new EventSource(\"/__costmark/events\")"))
        #expect(!(try site.output("a/index.html")).contains("EventSource"), "the output itself has no reload script")
        #expect(try await Self.curl(["-o", "/dev/null", "-w", "%{http_code}", url.absoluteString + "missing/"]) == "404")
        #expect(try await Self.curl(["-o", "/dev/null", "-w", "%{http_code}", "--path-as-is", url.absoluteString + "../../etc/passwd"]) == "404")
        #expect(try await Self.curl(["-o", "/dev/null", "-w", "%{content_type}", url.absoluteString + "style.css"]) == "text/css; charset=utf-8")

        // Listen for the reload event while the essay changes.
        let (events, stream, head) = try await Self.openEventStream(url, seconds: 4)
        try site.write("---\ntitle: Served\n---\nSecond version: {{ total }}.\n\n```scenario\ntotal = $960\n```\n", to: "Content/a.md")
        #expect(try await Self.eventually { try await Self.curl([url.absoluteString + "a/"]).contains("Second version") })

        // A broken claim: the last good page, with the error over it; fixed, the overlay goes.
        try site.write("---\ntitle: Served\n---\nBroken: {{ total = $1 }}.\n\n```scenario\ntotal = $960\n```\n", to: "Content/a.md")
        #expect(try await Self.eventually { try await Self.curl([url.absoluteString + "a/"]).contains("claim does not hold: total is $960, the text says $1") })
        #expect(try await Self.curl([url.absoluteString + "a/"]).contains("Second version"))
        try site.write("---\ntitle: Served\n---\nThird version.\n", to: "Content/a.md")
        #expect(try await Self.eventually {
            let html = try await Self.curl([url.absoluteString + "a/"])
            return html.contains("Third version") && !html.contains("id=\"costmark-error\"")
        })
        let reader = stream.fileHandleForReading
        let streamed = try await offThePool { head + String(decoding: reader.readDataToEndOfFile(), as: UTF8.self) }
        events.waitUntilExit()
        #expect(streamed.contains("event: reload"), "no reload event in: \(streamed)")

        // A folder made after the server started is watched too, and a template edit rebuilds.
        try site.write("---\ntitle: Nested\n---\nIn a new folder.\n", to: "Content/new/deeper/b.md")
        #expect(try await Self.eventually { try await Self.curl([url.absoluteString + "new/deeper/b/"]).contains("In a new folder.") })
        try site.write("---\ntitle: Nested\n---\nEdited in the new folder.\n", to: "Content/new/deeper/b.md")
        #expect(try await Self.eventually { try await Self.curl([url.absoluteString + "new/deeper/b/"]).contains("Edited in the new folder.") })
        try site.write("<footer class=\"site-footer\"><p>Served footer</p></footer>\n", to: "Templates/footer.mustache")
        #expect(try await Self.eventually { try await Self.curl([url.absoluteString + "a/"]).contains("Served footer") })
        server.finishRecording()
    }

    /// Serves `site`, applies `edit` to one source once the page at `path` shows `before`, and
    /// returns what the page then shows (`after` expected) and the reload events sent meanwhile.
    static func reloadAfterEdit(_ site: InlineSite, page path: String, before: String, after: String,
                                edit: () throws -> Void) async throws -> String {
        var build = site.options
        build.cacheDirectory = site.root.appendingPathComponent(".costmark").path  // as `costmark serve` has
        var options = DevServer.Options(build: build)
        options.address = try ServeAddress(host: "127.0.0.1", port: 0)
        options.pollInterval = 0.05
        let server = DevServer(options: options)
        let url = try await server.start().url
        defer { server.stop() }
        #expect(try await eventually { try await curl([url.absoluteString + path]).contains(before) })
        let (events, stream, head) = try await openEventStream(url, seconds: 3)
        try edit()
        #expect(try await eventually { try await curl([url.absoluteString + path]).contains(after) })
        let reader = stream.fileHandleForReading
        let streamed = try await offThePool { head + String(decoding: reader.readDataToEndOfFile(), as: UTF8.self) }
        events.waitUntilExit()
        return streamed
    }

    /// Editing a data file rebuilds the page that reads it, and the reload event names that
    /// page only, so other open pages stay as they are.
    @Test func aDataEditReloadsThePageThatReadsIt() async throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        Plain page.
        -- Content/b.md --
        ---
        title: B
        ---
        Reads a file.

        Total: {{ total }}.

        ```scenario
        d = csv("d.csv")
        total = sum(d.n)
        ```
        -- Content/d.csv --
        n
        1
        2
        """)
        defer { site.cleanUp() }
        let streamed = try await Self.reloadAfterEdit(site, page: "b/", before: ">3<", after: ">11<") {
            try site.write("n\n5\n6\n", to: "Content/d.csv")
        }
        #expect(streamed.contains("\"pages\":[\"/b/\"]"), "the event names only the page that read the file: \(streamed)")
    }

    /// `serve` watches model files: editing one rebuilds the page that imports it, and the reload
    /// event names that page only.
    @Test func aModelEditReloadsThePageThatUsesIt() async throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        Plain page.
        -- Content/b.md --
        ---
        title: B
        ---
        Uses a model.

        Rate: {{ hourly }}.

        ```scenario
        use "/models/m.scenario"
        ```
        -- Content/models/m.scenario --
        hourly = $100/hour
        """)
        defer { site.cleanUp() }
        let streamed = try await Self.reloadAfterEdit(site, page: "b/", before: ">$100/hour<", after: ">$120/hour<") {
            try site.write("hourly = $120/hour\n", to: "Content/models/m.scenario")
        }
        #expect(streamed.contains("\"pages\":[\"/b/\"]"), "the event names only the page that uses the model: \(streamed)")
    }

    @Test func reloadEventsNameTheRewrittenPages() async {
        #expect(ReloadEvents.pages(among: ["b/index.html", "feed.xml", "sitemap.xml", "x/page.html"]) == ["/b/", "/x/page.html"])
        #expect(ReloadEvents.pages(among: ["b/index.html", "style.css"]) == nil, "a stylesheet reloads every page")
        let events = ReloadEvents()
        await events.bump(pages: ["/a/"])
        await events.bump(pages: ["/b/"])
        #expect(await events.changes(after: 0).pages == ["/a/", "/b/"])
        #expect(await events.changes(after: 1).pages == ["/b/"])
        await events.bump(pages: nil)
        #expect(await events.changes(after: 1).pages == nil, "a build that changed everything reloads everything")
        #expect(ReloadEvents.event(generation: 2, pages: ["/b/", "/a/"])
            == "event: reload\ndata: {\"generation\":2,\"pages\":[\"/a/\",\"/b/\"]}\n\n")
    }

    /// Editor droppings (swap files, backups) and the output folder itself never trigger a rebuild.
    @Test func hiddenFilesAndTheOutputDoNotWakeTheNotifier() throws {
        let site = try InlineSite("-- Content/a.md --\n---\ntitle: A\n---\nA.\n-- site.yml --\ntitle: T\n")
        defer { site.cleanUp() }
        let options = site.options
        let notifier = try #require(ChangeNotifier(folders: [options.contentDirectory, options.templatesDirectory],
                                                   files: [options.configPath]))
        #expect(!notifier.waitForChange(timeout: 0.05))
        try site.write("swap", to: "Content/.a.md.swp")
        try site.write("backup", to: "Content/a.md~")
        try site.write("<html>", to: "Output/index.html")
        try site.write("other", to: "notes.txt")
        #expect(!notifier.waitForChange(timeout: 0.2), "nothing that matters changed")
        try site.write("title: T2\n", to: "site.yml")
        #expect(notifier.waitForChange(timeout: 2), "site.yml is watched")
        try site.write("---\ntitle: A\n---\nB.\n", to: "Content/a.md")
        #expect(notifier.waitForChange(timeout: 2), "an essay is watched")
    }

    /// The polling fallback, for systems without inotify: a snapshot changes with any edit,
    /// addition or removal of a source, and not with hidden files.
    @Test func thePollingWatcherSeesEditsAdditionsAndRemovals() throws {
        let site = try InlineSite("-- Content/a.md --\n---\ntitle: A\n---\nA.\n-- site.yml --\ntitle: T\n")
        defer { site.cleanUp() }
        let options = site.options
        let watcher = SourceWatcher(folders: [options.contentDirectory, options.templatesDirectory], files: [options.configPath])
        let first = watcher.snapshot()
        #expect(first.count == 2)
        try site.write("swap", to: "Content/.a.md.swp")
        #expect(watcher.snapshot() == first)
        try site.write("---\ntitle: A\n---\nA, longer.\n", to: "Content/a.md")
        let edited = watcher.snapshot()
        #expect(edited != first)
        try site.write("<footer></footer>", to: "Templates/footer.mustache")
        #expect(watcher.snapshot().count == 3)
        try site.remove("Templates/footer.mustache")
        #expect(watcher.snapshot() == edited)
    }
}
