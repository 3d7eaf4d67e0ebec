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

    /// What each built-in template renders, for `Templates/README.md`.
    static let templatePurposes: [String: String] = [
        "base": "the page shell every other page fills (`main` block)",
        "head": "the `<head>` contents: title, description, link previews, feeds, stylesheet",
        "header": "the site header and navigation",
        "footer": "the site footer",
        "summary": "one essay in a list (home, tag and folder pages)",
        "page": "one essay",
        "list": "the home page, tag pages and folder pages",
        "tags": "the tags index",
        "404": "the not-found page",
    ]

    /// Lines `init` puts in `.gitignore`: the built site and the build record.
    public static let ignored = ["Output/", ".costmark/"]

    /// `Templates/README.md`: the built-in templates, and how to copy one out for editing.
    public static var templatesReadme: String {
        var text = """
        # Templates

        costmark's theme is built into the binary. A file here replaces the built-in template of the
        same name (`page.mustache` replaces `page`); other `.mustache` files are available as partials.
        To start from a built-in template, copy it here:

            costmark init --templates page footer

        | template | renders |
        |---|---|

        """
        for name in DefaultTheme.templates.keys.sorted() {
            text += "| `\(name).mustache` | \(templatePurposes[name] ?? "") |\n"
        }
        for name in DefaultTheme.assets.keys.sorted() { text += "| `\(name)` | the stylesheet, written as it is |\n" }
        return text
    }

    /// The names `--templates` accepts: `page` (or `page.mustache`), `style.css` (or `style`).
    public static var templateNames: [String] {
        DefaultTheme.templates.keys.sorted() + DefaultTheme.assets.keys.sorted()
    }

    /// Relative path → contents: a new site (settings, an example essay, `Templates/README.md`),
    /// or with `templates` just those built-in templates, copied out for editing. Throws
    /// `UnknownTemplate` for a name the theme does not have.
    public static func files(templates: [String]?) throws -> [(String, String)] {
        guard let templates else {
            return [("site.yml", settings), ("Content/posts/does-the-cache-pay.md", essay),
                    ("Templates/README.md", templatesReadme)]
        }
        var files: [(String, String)] = []
        for requested in templates {
            let name = requested.hasSuffix(".mustache") ? String(requested.dropLast(".mustache".count)) : requested
            if let text = DefaultTheme.templates[name] {
                files.append(("Templates/\(name).mustache", text))
            } else if let asset = DefaultTheme.assets[name] ?? DefaultTheme.assets[name + ".css"] {
                files.append(("Templates/\(DefaultTheme.assets[name] != nil ? name : name + ".css")", asset))
            } else {
                throw UnknownTemplate(name: requested)
            }
        }
        return files
    }

    public struct UnknownTemplate: Error, CustomStringConvertible {
        public var name: String
        public var description: String {
            "the theme has no template `\(name)`; it has: " + SiteScaffold.templateNames.joined(separator: ", ")
        }
    }

    /// Writes the files under `directory`, refusing to overwrite any that exist unless `force`.
    /// A new site also gets `.gitignore` lines for `Output/` and `.costmark/` (added to an
    /// existing `.gitignore`, never replacing it). Returns the paths written, or those in the way.
    public static func write(to directory: String, templates: [String]?,
                             force: Bool) throws -> (written: [String], existing: [String]) {
        let files = try files(templates: templates)
        let existing = files.map { directory + "/" + $0.0 }.filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty, !force { return ([], existing) }
        for (path, text) in files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        var written = files.map { directory + "/" + $0.0 }
        if templates == nil, try addIgnores(in: directory) { written.append(directory + "/.gitignore") }
        return (written, [])
    }

    /// Adds the missing `ignored` lines to `directory/.gitignore`; true when the file changed.
    static func addIgnores(in directory: String) throws -> Bool {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(".gitignore")
        let current = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let present = Set(current.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = ignored.filter { !present.contains($0) && !present.contains(String($0.dropLast())) }
        guard !missing.isEmpty else { return false }
        let separator = current.isEmpty || current.hasSuffix("\n") ? "" : "\n"
        try Data((current + separator + missing.joined(separator: "\n") + "\n").utf8).write(to: url)
        return true
    }
}
