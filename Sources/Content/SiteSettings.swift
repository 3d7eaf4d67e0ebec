import Diagnostics
import Foundation

/// Site-wide settings from `site.yml`. Every key is optional so a bare folder of essays builds.
public struct SiteSettings: Sendable, Hashable {
    public var title = "costmark site"
    /// Absolute URL the site is served from, always ending in `/`.
    public var baseURL = "http://localhost:8000/"
    public var author: String?
    public var language = "en"
    public var description = ""
    /// Let authors' raw HTML through Markdown (cmark drops it by default).
    public var unsafeHTML = false
    /// Essays per page on the home page and tag pages.
    public var pageSize = 20
    /// Most recent essays carried, with full content, in the feeds (`feed_limit: 0`: all of them).
    public var feedLimit = 20
    /// `toc: false` turns the contents box off site-wide, `toc: true` shows it on every essay with
    /// headings; nil shows it from three section headings on. An essay's own `toc:` wins.
    public var contentsBox: Bool?
    /// `heading_ids:` — `costmark` (the default), or `github`/`hugo` (the same scheme: GitHub's,
    /// which Hugo's goldmark uses), so a migrated blog's anchors keep their ids.
    public var headingIDs = "costmark"
    /// Broken internal links and missing images fail the build instead of warning.
    public var strict = false
    /// The favicon found at the top of `Content/` (`favicon.svg`, `.png` or `.ico`), linked from
    /// every page's head. Set by the build, not read from the file.
    public var favicon: String?
    /// Where `language` was set, for the warning when the theme does not speak it.
    public var languageLocation: SourceLocation?

    public init() {}

    /// The path part of the base URL (`/` or `/blog/`), for links that must work from any depth, like the 404 page.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    /// Normalizes a URL given on the command line or in the file; nil when it is not absolute http(s).
    public static func normalizedBaseURL(_ raw: String) -> String? {
        let value = raw.trimmedWhitespace
        guard value.hasPrefix("http://") || value.hasPrefix("https://"), value.count > 8,
              !value.contains(" ") else { return nil }
        return value.hasSuffix("/") ? value : value + "/"
    }

    /// Reads `site.yml`; a missing file means defaults, a broken one means located errors.
    /// The settings are nil when there was an error; warnings come back either way.
    public static func load(path: String, displayPath: String) -> (settings: SiteSettings?, diagnostics: [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: path) else { return (SiteSettings(), []) }
        switch TextDecoding.read(path: path, displayPath: displayPath) {
        case .success(let file): return parse(file)
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
    }

    /// The known key an unknown one was probably meant to be: the same letters written with
    /// `-`, `_` or capitals (`baseURL`, `page-size`), or a misspelling of up to two edits
    /// (`titel`, `langauge`). The keys are few and far apart, so two edits rarely mislead,
    /// where the general rule for names (`Suggestion`) allows one edit in a short word.
    static func suggestion(for key: String, among known: Set<String>) -> String? {
        func squeezed(_ text: String) -> String {
            text.lowercased().filter { $0 != "_" && $0 != "-" }
        }
        if let same = known.sorted().first(where: { squeezed($0) == squeezed(key) }) { return same }
        let scored = known.sorted().map { ($0, Suggestion.editDistance(squeezed(key), squeezed($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= min(2, key.count / 2) else { return nil }
        return best.0
    }

    /// Hugo's names for settings costmark has (a migrated `config.yaml` keeps them).
    static let hugoNames = ["languageCode": "language", "paginate": "page_size", "pagerSize": "page_size",
                            "unsafe": "unsafe_html", "rssLimit": "feed_limit"]

    public static func parse(_ file: SourceFile) -> (settings: SiteSettings?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let document = YAMLDocument(text: file.text, file: file, firstLine: 1, subject: file.path,
                                          diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        var settings = SiteSettings()
        let known: Set = ["title", "base_url", "author", "language", "description", "unsafe_html", "page_size",
                          "feed_limit", "strict", "toc", "heading_ids"]
        for (keyNode, valueNode) in document.entries {
            let key = keyNode.string ?? ""
            let location = document.location(of: valueNode) ?? file.location(line: 1, column: 1)
            guard known.contains(key) else {
                let note: Diagnostic.Note?
                if let ours = hugoNames[key] {
                    note = .init("Hugo's `\(key)` is `\(ours)` here")
                } else {
                    note = suggestion(for: key, among: known).map { .init("did you mean `\($0)`?") }
                }
                diagnostics.append(.warning("unknown setting `\(key)` is ignored", at: document.location(of: keyNode),
                                            notes: note.map { [$0] } ?? []))
                continue
            }
            guard let value = valueNode.scalar?.string else {
                diagnostics.append(.error("`\(key)` must be a single value", at: location))
                continue
            }
            switch key {
            case "title": settings.title = value
            case "author": settings.author = value
            case "language":
                settings.language = value
                settings.languageLocation = location
            case "description": settings.description = value
            case "base_url":
                if let url = normalizedBaseURL(value) { settings.baseURL = url }
                else { diagnostics.append(.error("`base_url` must be an absolute http(s) URL such as https://example.org/", at: location)) }
            case "unsafe_html", "strict", "toc":
                let flag: Bool
                switch value {
                case "true", "yes": flag = true
                case "false", "no": flag = false
                default:
                    diagnostics.append(.error("`\(key)` must be true or false", at: location))
                    continue
                }
                switch key {
                case "strict": settings.strict = flag
                case "toc": settings.contentsBox = flag
                default: settings.unsafeHTML = flag
                }
            case "heading_ids":
                guard ["costmark", "github", "hugo"].contains(value) else {
                    diagnostics.append(.error("`heading_ids` is costmark, github or hugo (the same as github)",
                                              at: location))
                    continue
                }
                settings.headingIDs = value == "hugo" ? "github" : value
            case "page_size":
                guard let number = Int(value), number >= 1 else {
                    diagnostics.append(.error("`page_size` must be a whole number of at least 1", at: location))
                    continue
                }
                settings.pageSize = number
            case "feed_limit":
                guard let number = Int(value), number >= 0 else {
                    diagnostics.append(.error("`feed_limit` must be a whole number: 0 for every essay, or at least 1",
                                              at: location))
                    continue
                }
                settings.feedLimit = number == 0 ? Int.max : number
            default: break
            }
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return (failed ? nil : settings, diagnostics)
    }
}
