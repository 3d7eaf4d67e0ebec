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

    /// Models the fuzzed essay may `use`: one importing the other, so imports, overrides and
    /// namespaces meet real definitions (and a cycle, through `loop.scenario`).
    static let models: [(String, String)] = [
        ("Content/models/infra.scenario", "unit machine\nunit month = 4 weeks\nhourly = $100/hour\n"
            + "price = $20/month/machine\ngrowth = 5%/week\nload = compound(growth, 4 weeks)\n"),
        ("Content/models/team.scenario", "use \"infra.scenario\"\npeople = 4\nweekly = people * hourly * 40 hours\n"),
        ("Content/models/loop.scenario", "use \"loop2.scenario\"\nx = 1\n"),
        ("Content/models/loop2.scenario", "use \"loop.scenario\"\ny = 2\n"),
    ]

    public static func run(_ input: [UInt8]) {
        let folder = ScratchFolder()
        defer { folder.remove() }
        folder.write("Content/posts/essay.md", input)
        for (path, text) in models { folder.write(path, Array(text.utf8)) }
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
