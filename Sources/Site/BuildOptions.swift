import Content

/// What to build and where; the CLI's flags map one to one onto these.
public struct BuildOptions: Sendable {
    public var contentDirectory = "Content"
    public var templatesDirectory = "Templates"
    /// False renders the built-in theme with Mustache instead of its compiled form: for tests that
    /// hold the two to the same bytes.
    public var compilesBuiltInTheme = true
    public var outputDirectory = "Output"
    public var configPath = "site.yml"
    public var includeDrafts = false
    /// Publish essays dated after `now` (`--future`; `serve` always does, with a marker).
    public var includeFuture = false
    /// The moment essays' dates are compared with, in seconds since 1970; nil means the clock
    /// at the start of the build. So a build on a later day may publish more essays than one
    /// today from the same input; for a given `now` the output is byte-identical. Tests set it.
    public var now: Int?
    /// Broken links, missing images and unknown `#fragments` are errors instead of warnings
    /// (`--strict`, or `strict: true` in site.yml), so CI can fail on them.
    public var strict = false
    /// Replaces `base_url` from `site.yml` (e.g. for a preview deployment).
    public var baseURL: String?
    /// False for a check that verifies everything but writes nothing.
    public var writeOutput = true
    /// Where rendered pages are kept between builds (`.costmark`); nil renders everything.
    public var cacheDirectory: String?
    /// A source is trusted by its stamp only if it last changed this many seconds before the
    /// build that read it: file systems keep times in coarse ticks, so a second same-size edit
    /// within one tick of a read would otherwise look unchanged. Tests lower it.
    public var settleTime = 2.0
    /// Called from the rendering threads with (pages done, pages to do).
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init() {}

    /// `raw` as a base URL (absolute http(s), ending in `/`), or nil when it is not one; for
    /// the command line, which checks `--base-url` before building.
    public static func normalizedBaseURL(_ raw: String) -> String? {
        SiteSettings.normalizedBaseURL(raw)
    }
}
