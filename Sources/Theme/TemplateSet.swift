import Diagnostics
import Foundation
import Mustache

/// The templates a site renders with: the built-in theme, with any file in the templates folder
/// replacing the template of the same name. Loading checks every template and every partial it
/// names, so a typo fails the build with a location instead of rendering an empty gap.
public struct TemplateSet: Sendable {
    /// Where each template's text came from, for messages and for cache keys.
    public struct Source: Sendable, Hashable {
        public var name: String
        public var displayPath: String
        public var text: String
        public var isBuiltIn: Bool
    }

    public private(set) var sources: [String: Source]
    /// Theme files copied to the output root (`style.css`), overridable like templates.
    public private(set) var assets: [String: String]
    private let library: MustacheLibrary
    private let prices: RenderBudget.Prices
    /// The built-in theme as trees, when no template is the user's (`CompiledTemplates`).
    private var compiled: CompiledTemplates?
    /// Whether pages render through the compiled built-in theme rather than Mustache.
    public var rendersCompiled: Bool { compiled != nil }

    /// Templates every site needs; they exist in the built-in theme, so only a broken override can lose one.
    public static let required = ["base", "page", "list", "tags", "404"]

    /// - Parameters:
    ///   - directory: the user's templates folder; a missing folder means the built-in theme alone.
    ///   - contexts: the templates the site renders itself, each with what it gives it. Names no
    ///     context has are warnings, and a file neither rendered nor included is one. Empty: no checks.
    ///   - compilesBuiltInTheme: false renders the built-in theme with Mustache too (to compare them).
    public static func load(directory: String?, displayDirectory: String? = nil,
                            contexts: [String: TemplateSchema] = [:],
                            compilesBuiltInTheme: Bool = true) -> (TemplateSet?, [Diagnostic]) {
        var sources: [String: Source] = [:]
        var assets = DefaultTheme.assets
        var diagnostics: [Diagnostic] = []
        for (name, text) in DefaultTheme.templates {
            sources[name] = Source(name: name, displayPath: "(built-in theme)/\(name).mustache", text: text, isBuiltIn: true)
        }
        if let directory, FileManager.default.fileExists(atPath: directory) {
            let shown = displayDirectory ?? directory
            let names = (try? FileManager.default.subpathsOfDirectory(atPath: directory)) ?? []
            for relative in names.sorted() where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                let path = directory + "/" + relative
                let displayPath = shown + "/" + relative
                if relative.hasSuffix(".mustache") {
                    switch readText(path: path, displayPath: displayPath) {
                    case .success(let text):
                        let name = String(relative.dropLast(".mustache".count))
                        sources[name] = Source(name: name, displayPath: displayPath, text: text, isBuiltIn: false)
                    case .failure(let diagnostic):
                        diagnostics.append(diagnostic)
                    }
                } else if assets[relative] != nil {
                    switch readText(path: path, displayPath: displayPath) {
                    case .success(let text): assets[relative] = text
                    case .failure(let diagnostic): diagnostics.append(diagnostic)
                    }
                }
            }
        }

        var library = MustacheLibrary()
        ByteHTMLContentType.registered
        let tags = sources.mapValues { TemplateTag.scan($0.text) }
        for name in sources.keys.sorted() {
            let source = sources[name]!
            // Mustache's parser recurses once per nested section: thousands would overflow it.
            if let problem = TemplateGraph.nestingProblem(in: source, tags: tags[name]!) {
                diagnostics.append(problem)
                continue
            }
            do {
                library.register(try MustacheTemplate(string: ByteHTMLContentType.pragma + source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let file = SourceFile(path: source.displayPath, text: source.text)
                // A section left open is reported where it opens, not at the close that ends up mismatched.
                if let open = unclosedSection(tags[name]!) {
                    diagnostics.append(.error("`\(open.name)` is opened here and never closed",
                                              at: file.location(ofUTF8Offset: open.offset, length: open.end - open.offset),
                                              notes: [.init("close it with `{{/\(open.name)}}`")]))
                    continue
                }
                // The pragma sits in front of the first line: columns there are the author's plus its length.
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - ByteHTMLContentType.pragma.count) : error.context.columnNumber
                diagnostics.append(.error("template does not parse: \(describe(error.error))",
                                          at: file.location(line: line, column: column)))
            } catch {
                diagnostics.append(.error("template does not parse: \(error)", at: .file(source.displayPath)))
            }
        }
        for name in sources.keys.sorted() {
            diagnostics.append(contentsOf: missingPartials(in: sources[name]!, tags: tags[name]!, known: sources))
        }
        var graph = TemplateGraph(sources: sources, tags: tags)
        diagnostics.append(contentsOf: graph.cycles())
        if !contexts.isEmpty {
            diagnostics.append(contentsOf: unusedTemplates(sources, tags: tags, entryPoints: contexts.keys.sorted()))
        }
        if !contexts.isEmpty, !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(contentsOf: TemplateNameCheck(sources: sources, contexts: contexts).warnings())
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        graph.measure()
        diagnostics.append(contentsOf: graph.limitProblems())
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        let prices = RenderBudget.Prices(sections: graph.sectionPrices,
                                         anySection: graph.sectionPrices.values.reduce(RenderBudget.Price()) {
                                             .init(steps: max($0.steps, $1.steps), bytes: max($0.bytes, $1.bytes))
                                         },
                                         unsafeNames: graph.reachesDynamic)
        var set = TemplateSet(sources: sources, assets: assets, library: library, prices: prices)
        // A copy of a built-in template (`costmark init --templates`) is the built-in theme too.
        // Shortcode templates are the site's own and render with Mustache beside a compiled theme.
        let theme = sources.filter { !$0.key.hasPrefix("shortcodes/") }
        if compilesBuiltInTheme, theme.values.allSatisfy({ $0.isBuiltIn || DefaultTheme.templates[$0.name] == $0.text }) {
            set.compiled = CompiledTemplates(theme.mapValues(\.text))
        }
        return (set, diagnostics)
    }

    /// Renders a named template; names are fixed by the site stage and always present.
    /// - Throws: when the data makes the page too big or too slow to render (`TemplateLimits`).
    public func render(_ name: String, context: [String: Any]) throws(TemplateRenderError) -> String {
        let budget = RenderBudget(prices: prices)
        let html = (name.hasPrefix("shortcodes/") ? nil : compiled?.render(name, context: context, budget: budget))
            ?? library.render(BudgetedObject(base: context, key: "", budget: budget), withTemplate: name) ?? ""
        if let exceeded = budget.exceeded { throw TemplateRenderError(template: name, exceeded: exceeded) }
        if html.utf8.count > TemplateLimits.maxOutputBytes {
            throw TemplateRenderError(template: name, exceeded: .bytes)
        }
        return html
    }

    /// The templates whose text can change what `roots` render: the roots and every partial or
    /// parent they pull in, transitively, sorted by name. A dynamic partial (`{{> *name}}`)
    /// could pull in any template, so a template that has one depends on all of them.
    /// Build keys are made of these texts, so editing the list template leaves essay pages alone.
    public func dependencies(of roots: [String]) -> [String] {
        var seen = Set<String>()
        var pending = roots
        while let name = pending.popLast() {
            guard let source = sources[name], seen.insert(name).inserted else { continue }
            let tags = TemplateTag.scan(source.text)
            if tags.contains(where: \.isDynamic) { return sources.keys.sorted() }
            pending += TemplateSet.partialReferences(in: tags).map(\.name)
        }
        return seen.sorted()
    }

    /// The names a template pulls in through `{{> name}}` or `{{< name}}`, with their positions.
    static func partialReferences(in text: String) -> [(name: String, offset: Int)] {
        partialReferences(in: TemplateTag.scan(text))
    }

    private static func partialReferences(in tags: [TemplateTag]) -> [(name: String, offset: Int)] {
        tags.filter { ($0.kind == .partial || $0.kind == .parent) && !$0.isDynamic }.map { ($0.name, $0.nameOffset) }
    }

    static func missingPartials(in source: Source, tags: [TemplateTag], known: [String: Source]) -> [Diagnostic] {
        let file = SourceFile(path: source.displayPath, text: source.text)
        return partialReferences(in: tags).compactMap { reference in
            guard known[reference.name] == nil else { return nil }
            let notes: [Diagnostic.Note] = Suggestion.closest(to: reference.name, in: Array(known.keys)).map { [.init("did you mean `\($0)`?")] }
                ?? [.init("templates available: \(known.keys.sorted().joined(separator: ", "))")]
            return .error("template `\(source.name)` names partial `\(reference.name)`, which does not exist",
                          at: file.location(ofUTF8Offset: reference.offset, length: reference.name.count), notes: notes)
        }
    }

    /// The first section, block or parent whose close never comes (or is not the next close).
    static func unclosedSection(_ tags: [TemplateTag]) -> TemplateTag? {
        var open: [TemplateTag] = []
        for tag in tags {
            if tag.opens { open.append(tag); continue }
            guard tag.kind == .close else { continue }
            guard let last = open.last else { return nil }   // a stray close: Mustache's message says it
            if last.name != tag.name { return last }
            open.removeLast()
        }
        return open.first
    }

    /// A file of the templates folder that nothing renders: not one the site renders, not included
    /// by any template (`Templates/foter.mustache` for `footer`). Shortcode templates are looked up
    /// by name from essays, so they are not listed.
    static func unusedTemplates(_ sources: [String: Source], tags: [String: [TemplateTag]],
                                entryPoints: [String]) -> [Diagnostic] {
        let all = tags.values.joined()
        if all.contains(where: \.isDynamic) { return [] }   // a dynamic partial may render any of them
        let included = Set(all.filter { $0.kind == .partial || $0.kind == .parent }.map(\.name))
        return sources.values.sorted { $0.name < $1.name }.compactMap { source in
            guard !source.isBuiltIn, !entryPoints.contains(source.name), !included.contains(source.name),
                  DefaultTheme.templates[source.name] == nil, !source.name.hasPrefix("shortcodes/") else { return nil }
            var notes = [Diagnostic.Note("a template is used when the site renders it (\(entryPoints.joined(separator: ", "))) "
                                         + "or another includes it with `{{> \(source.name)}}`")]
            if let close = Suggestion.closest(to: source.name, in: Array(DefaultTheme.templates.keys)) {
                notes.insert(.init("did you mean `\(close).mustache`, which replaces the theme's `\(close)`?"), at: 0)
            }
            return .warning("template `\(source.name)` is not used by any page", at: .file(source.displayPath),
                            notes: notes, code: .unusedTemplate)
        }
    }

    private static func readText(path: String, displayPath: String) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.error("cannot read template", at: .file(displayPath)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(.error("template is not valid UTF-8", at: .file(displayPath)))
        }
        return .success(text)
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a closing tag does not match the open section"
        case .unfinishedName?: return "a tag is not closed with `}}`"
        case .expectedSectionEnd?: return "a section is never closed"
        case .invalidSetDelimiter?: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection?: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
            return "only `{{$block}}` overrides may sit directly inside `{{<parent}}`"
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: return "unknown `{{% … }}` setting"
        case nil: return "\(error)"
        }
    }
}
