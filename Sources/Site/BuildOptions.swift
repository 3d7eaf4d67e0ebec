/// What to build and where; the CLI's flags map one to one onto these.
public struct BuildOptions: Sendable {
    public var contentDirectory = "Content"
    public var templatesDirectory = "Templates"
    public var outputDirectory = "Output"
    public var configPath = "site.yml"
    public var includeDrafts = false
    /// Replaces `base_url` from `site.yml` (e.g. for a preview deployment).
    public var baseURL: String?
    /// False for a check that verifies everything but writes nothing.
    public var writeOutput = true
    /// Where rendered pages are kept between builds (`.costmark`); nil renders everything.
    public var cacheDirectory: String?
    /// Called from the rendering threads with (pages done, pages to do).
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init() {}
}
