/// Every address a build publishes, indexed for link resolution: which content files became
/// which pages, which files are copied, and which output files exist at all. Made once per
/// build from the plan.
struct SiteAddresses: Sendable {
    /// Content path of each published essay (`posts/x.md`) → its index in `SitePlan.essays`.
    var essays: [String: Int] = [:]
    /// Content paths of essays read but left out of this build (drafts, future dates).
    var unpublished: Set<String> = []
    /// Content paths of files copied through (also their output paths).
    var files: Set<String> = []
    /// Content folder path (`posts`) → the address of the page that lists it, when there is one.
    var folders: [String: Route] = [:]
    /// Every output file of the build (`posts/x/index.html`, `feed.xml`, `style.css`).
    var outputFiles: Set<String> = []
    /// Output folder address (`posts/x/`) → the essay published there.
    var essayAtRoute: [String: Int] = [:]

    /// True when `path` (below the output root, no leading `/`) names something the build
    /// writes: a file, or a folder address with an `index.html`.
    func publishes(_ path: String) -> Bool {
        if path.isEmpty || path.hasSuffix("/") { return outputFiles.contains(path + "index.html") }
        return outputFiles.contains(path) || outputFiles.contains(path + "/index.html")
    }
}
