import Foundation
import Theme

/// The files `costmark init` writes: settings, one example essay with a scenario, a chart and an
/// equation table, and the built-in templates, copied out for editing.
public enum SiteScaffold {
    public static let settings = """
    title: My costmark site
    description: Essays whose numbers are computed, not typed.
    base_url: http://localhost:8000/
    author: Your Name
    language: en

    """

    public static let essay = """
    ---
    title: Does the cache pay for itself?
    date: 2026-01-01
    tags: [example]
    ---

    A cache costs {{ cache_cost }} and saves {{ saved_per_request }} of work per
    cached request. At {{ traffic }} with a hit rate of {{ hit_rate }}, it saves
    {{ monthly_saving }}, so it pays for itself after {{ payback = 4 months }}.

    Change a number in the model below and rebuild: every figure on the page follows,
    and the claim above fails the build if it stops being true.

    ```chart
    type: line
    y: [savings, cache_spend]
    title: Savings against the cache's cost
    annotate:
      at: payback
      label: paid back
    ```

    ```table
    title: The model
    ```

    ```scenario
    unit request
    timeline = 0..12 months

    cache_cost = $150/month
    traffic = 2M requests/month
    hit_rate = 60%
    saved_per_request = $0.0002/request
    monthly_saving = traffic * hit_rate * saved_per_request
    setup = $300

    savings = monthly_saving * t
    cache_spend = setup + cache_cost * t
    payback = first(savings >= cache_spend)
    ```

    """

    /// Relative path → contents for a new site.
    public static func files(templatesOnly: Bool) -> [(String, String)] {
        var files: [(String, String)] = []
        for name in DefaultTheme.templates.keys.sorted() { files.append(("Templates/\(name).mustache", DefaultTheme.templates[name]!)) }
        for name in DefaultTheme.assets.keys.sorted() { files.append(("Templates/\(name)", DefaultTheme.assets[name]!)) }
        if !templatesOnly {
            files.insert(("site.yml", settings), at: 0)
            files.insert(("Content/posts/does-the-cache-pay.md", essay), at: 1)
        }
        return files
    }

    /// Writes the files under `directory`, refusing to overwrite any that exist unless `force`.
    /// Returns the paths written, or the ones that are in the way.
    public static func write(to directory: String, templatesOnly: Bool, force: Bool) throws -> (written: [String], existing: [String]) {
        let files = files(templatesOnly: templatesOnly)
        let existing = files.map { directory + "/" + $0.0 }.filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty, !force { return ([], existing) }
        for (path, text) in files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return (files.map { directory + "/" + $0.0 }, [])
    }
}
