import Diagnostics

/// Tells open pages to reload. Each rebuild (successful or not) moves the generation on, and
/// every waiting event stream sends one `reload` event naming the pages the rebuild rewrote,
/// or none when every page should reload (a failed build, a fresh output folder, a changed
/// stylesheet). A page reloads when it is named, so editing one data file reloads the pages
/// that read it, not every open tab.
actor ReloadEvents {
    private(set) var generation = 0
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0
    /// The pages each recent generation rewrote (nil: all). A stream that fell further behind
    /// than this reloads everything.
    private var pagesByGeneration: [Int: Set<String>?] = [:]
    private static let remembered = 64

    func bump(pages: Set<String>? = nil) {
        generation += 1
        pagesByGeneration[generation] = .some(pages)
        pagesByGeneration[generation - Self.remembered] = nil
        let waiting = waiters
        waiters = [:]
        for waiter in waiting.values { waiter.resume() }
    }

    /// The current generation and every page rewritten since `seen` (nil: reload every page).
    func changes(after seen: Int) -> (generation: Int, pages: Set<String>?) {
        var pages: Set<String> = []
        for step in stride(from: seen + 1, through: generation, by: 1) {
            guard case .some(.some(let changed)) = pagesByGeneration[step] else { return (generation, nil) }
            pages.formUnion(changed)
        }
        return (generation, pages)
    }

    /// Returns once the generation is past `seen`, or when the waiting task is cancelled (the
    /// server is stopping), so a stream left open does not keep its task alive.
    func wait(after seen: Int) async {
        if generation > seen || Task.isCancelled { return }
        nextWaiter += 1
        let id = nextWaiter
        await withTaskCancellationHandler {
            await withCheckedContinuation { waiters[id] = $0 }
        } onCancel: {
            Task { await self.release(id) }
        }
    }

    private func release(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }

    /// The addresses of the pages among files an update wrote (`reports/a/index.html` →
    /// `/reports/a/`), or nil when a file every page may use changed (a stylesheet, a script,
    /// an image). Feeds, the sitemap and other files no page shows are left out.
    static func pages(among files: [String]) -> Set<String>? {
        var pages: Set<String> = []
        for file in files {
            if file.hasSuffix(".html") {
                pages.insert("/" + (file.hasSuffix("index.html") ? String(file.dropLast("index.html".count)) : file))
            } else if !(file.hasSuffix(".xml") || file.hasSuffix(".json") || file.hasSuffix(".txt")) {
                return nil
            }
        }
        return pages
    }

    /// One server-sent event: `{"generation":3,"pages":["/a/"]}`, with `null` for every page.
    static func event(generation: Int, pages: Set<String>?) -> String {
        let list = pages.map { "[" + $0.sorted().map(DiagnosticJSONRenderer.quoteForJSON).joined(separator: ",") + "]" }
        return "event: reload\ndata: {\"generation\":\(generation),\"pages\":\(list ?? "null")}\n\n"
    }
}
