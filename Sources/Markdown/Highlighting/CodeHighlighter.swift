/// Build-time syntax highlighting for fenced code: the fence's language picks a scanner, which
/// wraps tokens in `<span class="hl-…">` inside the usual `<pre><code class="language-…">`.
/// Pages need no JavaScript, and a language it does not know is left to cmark (plain, escaped).
public enum CodeHighlighter {
    /// How a language is scanned.
    enum Scanner: Sendable {
        case table(LanguageSpec)
        case markup(isHTML: Bool)
        case diff
        case console
        case scenario
    }

    /// Every name a fence may use, aliases included, to the scanner and the canonical name.
    static let languages: [String: (name: String, scanner: Scanner)] = {
        var map: [String: (String, Scanner)] = [:]
        func add(_ names: String, _ scanner: Scanner, name: String? = nil) {
            let aliases = names.split(separator: " ").map(String.init)
            let canonical: String
            if let name { canonical = name } else if case .table(let spec) = scanner { canonical = spec.name } else {
                canonical = aliases[0]
            }
            for alias in aliases { map[alias] = (canonical, scanner) }
        }
        add("swift", .table(LanguageTables.swift))
        add("rust rs", .table(LanguageTables.rust))
        add("go golang", .table(LanguageTables.go))
        add("python py python3 py3", .table(LanguageTables.python))
        add("javascript js jsx mjs cjs node", .table(LanguageTables.javaScript))
        add("typescript ts tsx mts", .table(LanguageTables.typeScript))
        add("c h", .table(LanguageTables.c))
        add("cpp c++ cc cxx hpp hh", .table(LanguageTables.cpp))
        add("java", .table(LanguageTables.java))
        add("kotlin kt kts", .table(LanguageTables.kotlin))
        add("ruby rb", .table(LanguageTables.ruby))
        add("bash sh zsh shell ksh", .table(LanguageTables.shell))
        add("console shell-session terminal", .console)
        add("sql postgresql postgres sqlite mysql", .table(LanguageTables.sql))
        add("yaml yml", .table(LanguageTables.yaml))
        add("toml", .table(LanguageTables.toml))
        add("json jsonc json5", .table(LanguageTables.json))
        add("html htm xhtml", .markup(isHTML: true), name: "html")
        add("xml svg plist atom rss", .markup(isHTML: false), name: "xml")
        add("css", .table(LanguageTables.css))
        add("dockerfile docker containerfile", .table(LanguageTables.dockerfile))
        add("diff patch", .diff)
        add("scenario-code", .scenario)
        return map
    }()

    /// The names `languages` accepts, for documentation and tests.
    public static var languageNames: [String] { languages.keys.sorted() }

    /// Whether a fence's first word names a language costmark highlights.
    public static func knows(_ language: String) -> Bool {
        languages[language.lowercased()] != nil
    }

    /// The complete `<pre><code>` element for `code`, or nil when the language is unknown.
    public static func html(_ code: String, language: String) -> String? {
        guard let (name, scanner) = languages[language.lowercased()] else { return nil }
        let source = Array(code.utf8)
        var out = HighlightWriter(capacity: source.count)
        out.raw("<pre tabindex=\"0\"><code class=\"language-\(name)\">")
        switch scanner {
        case .table(let spec): CodeScanner.write(source, 0..<source.count, spec: spec, into: &out)
        case .markup(let isHTML): MarkupScanner.write(source, isHTML: isHTML, into: &out)
        case .diff: LineScanners.diff(source, into: &out)
        case .console: LineScanners.console(source, into: &out)
        case .scenario: ScenarioCodeScanner.write(source, into: &out)
        }
        out.raw("</code></pre>")
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
