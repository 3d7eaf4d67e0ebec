import Site

/// A whole essay page: the input is the essay file, placed alone in a scratch site and built by
/// `SiteBuilder` in check mode (`writeOutput = false`), which reads it, plans its address,
/// renders its scenarios, figures and prose, and fills the built-in theme's `page` and
/// `summary` templates, but writes nothing. The public entry point costs a folder scan and a
/// theme load per input; in return the page goes through exactly the code a build runs.
public enum PageTarget {
    static let settings = """
    title: Fuzzed costs
    base_url: https://example.com/blog/
    author: The costmark fuzzer
    """

    public static func run(_ input: [UInt8]) {
        let folder = ScratchFolder()
        defer { folder.remove() }
        folder.write("Content/posts/essay.md", input)
        folder.write("site.yml", settings.utf8)
        var options = BuildOptions()
        options.contentDirectory = folder.path + "/Content"
        options.templatesDirectory = folder.path + "/Templates"
        options.configPath = folder.path + "/site.yml"
        options.outputDirectory = folder.path + "/Output"
        options.includeDrafts = true
        options.writeOutput = false
        _ = SiteBuilder.build(options)
    }
}
