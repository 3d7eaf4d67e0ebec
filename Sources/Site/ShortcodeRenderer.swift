import Content
import Diagnostics
import Markdown
import Markup
import Theme

/// The HTML of an essay's Hugo shortcodes (found by `ShortcodeScanner`). A template of the
/// site's, `Templates/shortcodes/NAME.mustache`, wins; else the built-in ones: `figure`,
/// `details`, `youtube`, `vimeo`, `gist`, `param` (`ref`, `relref` and `highlight` were
/// rewritten in the Markdown). An unknown name is an error at the shortcode, naming the file
/// costmark looked for. A template receives its arguments as `args` (and `arg0`, `arg1`, …),
/// each named argument under its name, `inner` (the text between paired tags, as written)
/// and `innerHTML` (that text rendered as Markdown), and the essay as `page`.
struct ShortcodeRenderer {
    let templates: TemplateSet
    let essay: EssaySource
    let resolver: LinkResolver
    let options: MarkdownOptions
    let file: SourceFile
    let bodyFirstLine: Int

    static let builtIn: Set<String> = ["figure", "details", "youtube", "vimeo", "gist", "param"]

    func location(_ call: ShortcodeCall) -> SourceLocation {
        file.location(line: bodyFirstLine + call.line - 1, column: call.column, length: Swift.max(1, call.length))
    }

    /// Each call's HTML by placeholder index, escaped literals included; problems located.
    func render(_ scanned: ShortcodeScanner.Scanned) -> (outputs: [Int: String], diagnostics: [Diagnostic]) {
        var outputs: [Int: String] = [:]
        var diagnostics = scanned.problems.map { problem in
            Diagnostic.error(problem.message, at: file.location(line: bodyFirstLine + problem.line - 1,
                                                                column: problem.column, length: Swift.max(1, problem.length)))
        }
        for (index, text) in scanned.literals { outputs[index] = HTMLEscaping.escape(text) }
        var index = 0
        for call in scanned.calls {
            while scanned.literals[index] != nil { index += 1 }
            defer { index += 1 }
            switch html(call, nested: scanned, outputs: outputs) {
            case .success(let html): outputs[index] = call.inCode ? HTMLEscaping.escape(html) : html
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                outputs[index] = ""
            }
        }
        return (outputs, diagnostics)
    }

    private func html(_ call: ShortcodeCall, nested: ShortcodeScanner.Scanned,
                      outputs: [Int: String]) -> Result<String, Diagnostic> {
        let templateName = "shortcodes/" + call.name
        if templates.sources[templateName] != nil {
            do {
                return .success(try templates.render(templateName, context: context(call, outputs: outputs)))
            } catch {
                return .failure(.error("the shortcode template \(templateName).mustache failed: \(error.message)",
                                       at: location(call)))
            }
        }
        switch call.name {
        case "figure": return figure(call)
        case "details":
            let summary = HTMLEscaping.escape(call.argument("summary", position: 0) ?? "Details")
            let open = call.argument("open") == "true" ? " open" : ""
            return .success("<details\(open)><summary>\(summary)</summary>\n\(innerHTML(call, outputs))</details>\n")
        case "youtube", "vimeo":
            guard let id = call.argument("id", position: 0), !id.isEmpty else {
                return .failure(.error("`\(call.name)` needs the video's id: {{< \(call.name) ID >}}", at: location(call)))
            }
            let youtube = call.name == "youtube"
            let address = youtube ? "https://www.youtube.com/watch?v=" + id : "https://vimeo.com/" + id
            let title = call.argument("title") ?? (youtube ? "Video on YouTube" : "Video on Vimeo")
            return .success("<p class=\"cm-embed\"><a href=\"\(HTMLEscaping.escape(address))\">"
                            + "\(HTMLEscaping.escape(title))</a></p>\n")
        case "gist":
            guard let user = call.argument("user", position: 0), let id = call.argument("id", position: 1) else {
                return .failure(.error("`gist` needs a user and a gist id: {{< gist USER ID >}}", at: location(call)))
            }
            let file = call.argument("file", position: 2).map { "#file-" + $0.replacingDots } ?? ""
            let address = "https://gist.github.com/\(user)/\(id)\(file)"
            return .success("<p class=\"cm-embed\"><a href=\"\(HTMLEscaping.escape(address))\">Gist \(HTMLEscaping.escape(id))"
                            + " by \(HTMLEscaping.escape(user))</a></p>\n")
        case "param":
            guard let name = call.argument("name", position: 0) else {
                return .failure(.error("`param` names a front-matter key: {{< param \"key\" >}}", at: location(call)))
            }
            guard let value = essay.frontMatter.extra[name] else {
                let keys = essay.frontMatter.extra.keys.sorted()
                let notes = Suggestion.closest(to: name, in: keys).map { [Diagnostic.Note("did you mean `\($0)`?")] } ?? []
                return .failure(.error("this essay's front matter has no `\(name)`", at: location(call), notes: notes))
            }
            return .success(HTMLEscaping.escape(ShortcodeRenderer.text(of: value)))
        default:
            let builtIns = ShortcodeRenderer.builtIn.union(["ref", "relref", "highlight"]).sorted()
            var notes: [Diagnostic.Note] = [
                .init("costmark looked for Templates/shortcodes/\(call.name).mustache; write one to define it"),
                .init("built in: " + builtIns.joined(separator: ", ")),
            ]
            let own = templates.sources.keys.filter { $0.hasPrefix("shortcodes/") }.map { String($0.dropFirst(11)) }
            let suggestion = Suggestion.closest(to: call.name, in: builtIns + own).map { [Diagnostic.Note("did you mean `\($0)`?")] }
            notes += suggestion ?? []
            return .failure(.error("unknown shortcode `\(call.name)`", at: location(call), notes: notes))
        }
    }

    /// `{{< figure src="a.png" caption="…" >}}`, as Hugo's figure writes it.
    private func figure(_ call: ShortcodeCall) -> Result<String, Diagnostic> {
        guard let source = call.argument("src", position: 0) else {
            return .failure(.error("`figure` needs an image: {{< figure src=\"image.png\" >}}", at: location(call)))
        }
        func address(_ written: String) -> String {
            HTMLEscaping.escape(resolver.resolve(written, from: essay).rewritten ?? written)
        }
        var image = "<img src=\"\(address(source))\""
        image += " alt=\"\(HTMLEscaping.escape(call.argument("alt") ?? call.argument("caption") ?? ""))\""
        for key in ["width", "height"] {
            if let value = call.argument(key) { image += " \(key)=\"\(HTMLEscaping.escape(value))\"" }
        }
        image += ">"
        if let link = call.argument("link") { image = "<a href=\"\(address(link))\">\(image)</a>" }
        let classes = call.argument("class").map { " class=\"\(HTMLEscaping.escape($0))\"" } ?? ""
        var html = "<figure\(classes)>\(image)"
        let title = call.argument("title"), caption = call.argument("caption"), attribution = call.argument("attr")
        if title != nil || caption != nil || attribution != nil {
            html += "<figcaption>"
            if let title { html += "<h4>\(HTMLEscaping.escape(title))</h4>" }
            if caption != nil || attribution != nil {
                html += "<p>" + [caption, attribution].compactMap { $0 }.map(HTMLEscaping.escape).joined(separator: " ") + "</p>"
            }
            html += "</figcaption>"
        }
        return .success(html + "</figure>\n")
    }

    /// A front-matter value as `param` prints it: text as it is, lists joined with commas.
    static func text(of value: MetaValue) -> String {
        switch value {
        case .text(let text): return text
        case .flag(let flag): return flag ? "true" : "false"
        case .list(let items): return items.map(text(of:)).joined(separator: ", ")
        case .table(let table): return table.keys.sorted().map { "\($0): \(text(of: table[$0]!))" }.joined(separator: ", ")
        }
    }

    /// A paired shortcode's inner text as Markdown, with shortcodes nested in it already made.
    private func innerHTML(_ call: ShortcodeCall, _ outputs: [Int: String]) -> String {
        guard let inner = call.inner, !inner.isEmpty else { return "" }
        let rendered = MarkdownDocument(inner, options: options).render(blocks: [:]) { _ in nil }.html
        return ShortcodeScanner.substitute(rendered) { outputs[$0] ?? "" }
    }

    private func context(_ call: ShortcodeCall, outputs: [Int: String]) -> [String: Any] {
        var context: [String: Any] = [
            "args": call.positional,
            "inner": call.inner.map { ShortcodeScanner.substitute($0) { outputs[$0] ?? "" } } ?? "",
            "innerHTML": innerHTML(call, outputs),
            "hasInner": call.inner != nil,
            "page": ["title": essay.frontMatter.title, "href": essay.route.rootPrefix + essay.route.href],
        ]
        for (position, value) in call.positional.enumerated() { context["arg\(position)"] = value }
        for (name, value) in call.named { context[name] = value }
        return context
    }
}

private extension String {
    /// Gist's anchor for a file: `a.py` is `#file-a-py`.
    var replacingDots: String { String(map { $0 == "." ? "-" : $0 }) }
}
