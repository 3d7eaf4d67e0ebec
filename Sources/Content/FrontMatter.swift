import Diagnostics
import Yams

/// What an essay says about itself in its YAML header.
public struct FrontMatter: Sendable, Hashable {
    public var title: String
    public var date: SiteDate?
    public var updated: SiteDate?
    public var tags: [String]
    public var summary: String?
    public var draft: Bool
    public var slug: String?
    public var author: String?
    /// Keys costmark does not interpret, kept for templates.
    public var extra: [String: MetaValue]
    /// Where `slug` was written, for route conflicts that concern it.
    public var slugLocation: SourceLocation?
    /// Where `tags` was written, for tag names that collide on one address.
    public var tagsLocation: SourceLocation?
    /// Old addresses (`/old/path/`) that get a redirect page to this essay.
    public var aliases: [String] = []
    /// Where `aliases` was written, for alias collisions.
    public var aliasesLocation: SourceLocation?
    /// Hugo's `expiryDate`: from then on the essay is no longer published.
    public var expires: SiteDate?
    /// Hugo's `headless: true`: a page that is never published (its bundle's files still are).
    public var headless = false
    /// Hugo's `url: /custom/path/`: the essay's address below the site root, in place of the one
    /// its file and slug give (`custom/path/`, always ending in `/`).
    public var url: String?

    public init(title: String, date: SiteDate? = nil, updated: SiteDate? = nil, tags: [String] = [],
                summary: String? = nil, draft: Bool = false, slug: String? = nil, author: String? = nil,
                extra: [String: MetaValue] = [:], slugLocation: SourceLocation? = nil) {
        self.title = title; self.date = date; self.updated = updated; self.tags = tags
        self.summary = summary; self.draft = draft; self.slug = slug; self.author = author
        self.extra = extra; self.slugLocation = slugLocation
    }
}

/// An essay file split into its front matter and Markdown body.
public struct ParsedEssay: Sendable {
    public var frontMatter: FrontMatter
    /// The Markdown after the closing `---`.
    public var body: Substring
    /// The file line on which the body starts, so Markdown positions can be mapped back to the file.
    public var bodyFirstLine: Int
}

public enum FrontMatterParser {
    /// Keys costmark reads; Hugo's `description`, `lastmod`, `publishDate` and `aliases` included.
    static let knownKeys: Set<String> = ["title", "date", "updated", "tags", "summary", "draft", "slug", "author",
                                         "description", "lastmod", "publishDate", "aliases", "expiryDate", "headless", "url"]

    /// Splits and parses the header. Every problem in the header is reported, not just the first.
    public static func parse(_ file: SourceFile) -> (essay: ParsedEssay?, diagnostics: [Diagnostic]) {
        let text = file.text
        var found = header(text)
        // TOML (Hugo's `+++`) is read as YAML written line for line from it.
        if found == nil, let (toml, body, bodyLine) = TOMLFrontMatter.split(text) {
            switch TOMLFrontMatter.yaml(toml, file: file, firstLine: 2) {
            case .failure(let problem): return (nil, [problem])
            case .success(let yaml): found = (Substring(yaml), body, bodyLine, 2)
            }
        }
        guard let (yaml, body, bodyLine, headerLine) = found else {
            if let toml = tomlFrontMatter(file) { return (nil, [toml]) }
            if JSONFrontMatter.opens(text) {
                return (nil, [.error("this JSON front matter is never closed: its `{` has no matching `}`",
                                     at: file.location(line: 1, column: 1))])
            }
            return (nil, [.error("missing front matter: an essay starts with a `---` line, a YAML header with at least a `title`, and another `---` line",
                                    at: file.location(line: 1, column: 1))])
        }
        var diagnostics: [Diagnostic] = []
        // JSON front matter (Hugo's `{ "title": … }`) is a YAML flow mapping: the same reader, the same locations.
        guard let document = YAMLDocument(text: String(yaml), file: file, firstLine: headerLine, subject: "front matter",
                                          diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        let frontMatter = read(document, diagnostics: &diagnostics)
        guard let frontMatter, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (ParsedEssay(frontMatter: frontMatter, body: body, bodyFirstLine: bodyLine), diagnostics)
    }

    /// The Markdown body alone, for a second pass that already knows the front matter is valid.
    public static func body(of text: String) -> Substring? {
        split(text)?.1
    }

    /// The header, the body, the body's first line, and the header's: YAML between `---` lines,
    /// or a JSON object at the very start (Hugo's JSON front matter).
    static func header(_ text: String) -> (Substring, Substring, Int, Int)? {
        if let json = JSONFrontMatter.split(text) { return (json.0, json.1, json.2, 1) }
        return yamlSplit(text).map { ($0.0, $0.1, $0.2, 2) }
    }

    /// Finds the front matter at the very start (YAML, JSON or TOML); returns its text, the body
    /// and the body's first line.
    public static func split(_ text: String) -> (Substring, Substring, Int)? {
        header(text).map { ($0.0, $0.1, $0.2) } ?? TOMLFrontMatter.split(text)
    }

    /// Finds `---\n … \n---\n` at the very start; returns the YAML, the body and the body's first line.
    static func yamlSplit(_ text: String) -> (Substring, Substring, Int)? {
        delimited(text, by: "---", closedBy: ["---", "..."])
    }

    /// A header between an opening line `open` and the first of the `closers` lines, at the very
    /// start of the text: the header, the body and the body's first line.
    static func delimited(_ text: String, by open: String, closedBy closers: Set<String>) -> (Substring, Substring, Int)? {
        var index = text.startIndex
        var lineNumber = 0
        var headerStart = text.startIndex
        while index < text.endIndex {
            // Search bytes, not Characters: "\r\n" is a single Character in Swift.
            let lineEnd = text.utf8[index...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let line = text[index..<lineEnd].trimmedWhitespace
            let next = lineEnd < text.endIndex ? text.utf8.index(after: lineEnd) : text.endIndex
            lineNumber += 1
            if lineNumber == 1 {
                guard line == open else { return nil }
                headerStart = next
            } else if closers.contains(line) {
                return (text[headerStart..<index], text[next...], lineNumber + 1)
            }
            index = next
        }
        return nil
    }

    /// `url: /guides/setup/` as a path below the site root (`guides/setup/`): rooted, made of
    /// plain segments (no `.` or `..`, no `?` or `#`), always a folder (a trailing `/` is added).
    struct PathProblem: Error { var message: String }

    static func essayPath(_ raw: String) -> Result<String, PathProblem> {
        let value = raw.trimmedWhitespace
        guard value.hasPrefix("/") else { return .failure(.init(message: "`url` is an address below the site root, such as /about/")) }
        let segments = value.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            .filter { !$0.isEmpty }
        for segment in segments {
            guard segment != ".", segment != "..",
                  segment.allSatisfy({ $0.isLetter || $0.isNumber || "-_.~".contains($0) }) else {
                return .failure(.init(message: "`url` may hold only letters, digits, '-', '_', '.' and '~' between its slashes"))
            }
        }
        guard !segments.isEmpty else {
            return .failure(.init(message: "`url: /` is the home page's address; give the essay its own"))
        }
        guard !(segments.last!.lowercased().hasSuffix(".html")) else {
            return .failure(.init(message: "`url` names a folder here (`/about/`); an address ending in `.html` is not kept"))
        }
        return .success(segments.joined(separator: "/") + "/")
    }

    /// A located error for TOML front matter whose closing `+++` is missing.
    static func tomlFrontMatter(_ file: SourceFile) -> Diagnostic? {
        let first = file.text.prefix { $0 != "\n" && $0 != "\r\n" }
        guard first.trimmedWhitespace == "+++" else { return nil }
        return .error("this TOML front matter is never closed: a second `+++` line ends it",
                      at: file.location(line: 1, column: 1, length: 3))
    }

    static func read(_ document: YAMLDocument, diagnostics: inout [Diagnostic]) -> FrontMatter? {
        let file = document.file
        func locate(_ node: Node) -> SourceLocation {
            document.location(of: node) ?? file.location(line: 1, column: 1)
        }
        func text(_ key: String) -> (String, Node)? {
            guard let entry = document.entry(key) else { return nil }
            guard case .scalar(let scalar) = entry.value else {
                diagnostics.append(.error("`\(key)` must be a single value, not a \(entry.value.kindName)", at: locate(entry.value)))
                return nil
            }
            return (scalar.string, entry.value)
        }
        func date(_ key: String) -> SiteDate? {
            guard let (raw, node) = text(key) else { return nil }
            guard let parsed = SiteDate(parsing: raw) else {
                diagnostics.append(.error("unparseable date \"\(raw)\" in `\(key)`", at: locate(node),
                                          notes: [.init("write dates as YYYY-MM-DD, optionally with a time: 2026-03-14 09:30 or 2026-03-14T09:30:00+01:00")]))
                return nil
            }
            return parsed
        }

        var title = ""
        if let (value, node) = text("title") {
            title = value.trimmedWhitespace
            if title.isEmpty { diagnostics.append(.error("`title` is empty", at: locate(node))) }
        } else if document.entry("title") == nil {
            diagnostics.append(.error("missing `title` in front matter", at: file.location(line: 1, column: 1),
                                      notes: [.init("add a line such as `title: Why we bought more machines`")]))
        }

        var tags: [String] = []
        let tagsLocation = document.entry("tags").map { locate($0.value) }
        if let entry = document.entry("tags") {
            switch entry.value {
            case .sequence(let sequence):
                for item in sequence {
                    if let tag = item.scalar?.string.trimmedWhitespace, !tag.isEmpty { tags.append(tag) }
                    else { diagnostics.append(.error("each tag must be a non-empty single value", at: locate(item))) }
                }
            case .scalar(let scalar):
                tags = scalar.string.split(separator: ",").map(\.trimmedWhitespace).filter { !$0.isEmpty }
            default:
                diagnostics.append(.error("`tags` must be a list, e.g. [costs, capacity]", at: locate(entry.value)))
            }
        }

        func flag(_ key: String) -> Bool {
            guard let (raw, node) = text(key) else { return false }
            switch raw {
            case "true", "True", "yes", "Yes": return true
            case "false", "False", "no", "No": return false
            default:
                diagnostics.append(.error("`\(key)` must be true or false, not \"\(raw)\"", at: locate(node)))
                return false
            }
        }
        let draft = flag("draft")
        let headless = flag("headless")

        var slug: String?
        var slugLocation: SourceLocation?
        if let (raw, node) = text("slug") {
            let value = raw.trimmedWhitespace
            let allowed = value.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
            if value.isEmpty || !allowed || value == "." || value == ".." {
                diagnostics.append(.error("`slug` may hold only letters, digits, '-', '_' and '.'", at: locate(node)))
            } else {
                slug = value
                slugLocation = locate(node)
            }
        }

        var extra: [String: MetaValue] = [:]
        for (key, value) in document.entries {
            guard let name = key.string, !knownKeys.contains(name) else { continue }
            extra[name] = MetaValue(node: value)
        }

        // Hugo's names: `publishDate` is the date an essay goes out, so it wins over `date`;
        // `lastmod` and `description` stand in for `updated` and `summary`.
        let published = date("publishDate")
        let written = date("date")
        let lastmod = date("lastmod")
        let updated = date("updated") ?? lastmod
        let description = text("description")?.0.trimmedWhitespace
        let summary = text("summary")?.0.trimmedWhitespace ?? description
        let author = text("author")?.0.trimmedWhitespace
        var frontMatter = FrontMatter(title: title, date: published ?? written, updated: updated, tags: tags,
                                      summary: summary, draft: draft, slug: slug, author: author, extra: extra,
                                      slugLocation: slugLocation)
        frontMatter.tagsLocation = tagsLocation
        frontMatter.expires = date("expiryDate")
        frontMatter.headless = headless
        if let (raw, node) = text("url") {
            switch Self.essayPath(raw) {
            case .success(let path): frontMatter.url = path
            case .failure(let problem): diagnostics.append(.error(problem.message, at: locate(node)))
            }
        }
        if let entry = document.entry("aliases") {
            frontMatter.aliasesLocation = locate(entry.value)
            let items: [Node]
            switch entry.value {
            case .sequence(let sequence): items = Array(sequence)
            case .scalar: items = [entry.value]
            default: items = []
            }
            if items.isEmpty { diagnostics.append(.error("`aliases` must be a list of old addresses, e.g. [/old/path/]",
                                                         at: locate(entry.value))) }
            for item in items {
                guard let raw = item.scalar?.string, let alias = Alias.outputFile(raw) else {
                    diagnostics.append(.error("an alias must be a path on this site, such as /old/path/ or "
                                                  + "/old/page.html", at: locate(item)))
                    continue
                }
                frontMatter.aliases.append(alias)
            }
        }
        return frontMatter
    }
}
