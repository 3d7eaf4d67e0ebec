import Diagnostics
import Foundation
import Testing
@testable import Theme
import Mustache

@Suite struct ThemeTests {
    func templatesFolder(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("costmark-templates-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        return folder
    }

    @Test func builtInThemeLoadsWithoutAFolder() {
        let (set, diagnostics) = TemplateSet.load(directory: nil)
        #expect(diagnostics.isEmpty)
        #expect(set != nil)
        for name in TemplateSet.required { #expect(set?.sources[name]?.isBuiltIn == true) }
        #expect(set?.assets["style.css"]?.contains("prefers-color-scheme: dark") == true)
    }

    @Test func aFileReplacesTheBuiltInTemplateOfTheSameName() throws {
        let folder = try templatesFolder(["footer.mustache": "<footer>mine {{site.title}}</footer>", "style.css": "body{}"])
        let (set, diagnostics) = TemplateSet.load(directory: folder)
        #expect(diagnostics.isEmpty)
        #expect(set?.sources["footer"]?.isBuiltIn == false)
        #expect(set?.sources["header"]?.isBuiltIn == true)
        #expect(set?.assets["style.css"] == "body{}")
        #expect(try set?.render("footer", context: ["site": ["title": "<T>"]]) == "<footer>mine &lt;T&gt;</footer>")
    }

    @Test func aMissingPartialIsALocatedError() throws {
        let folder = try templatesFolder(["page.mustache": "line one\n  {{> sidebar}}\n"])
        let (set, diagnostics) = TemplateSet.load(directory: folder, displayDirectory: "Templates")
        #expect(set == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == "template `page` names partial `sidebar`, which does not exist")
        #expect(diagnostic.location?.file == "Templates/page.mustache")
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.location?.column == 7)
    }

    @Test func aTemplateThatDoesNotParseIsALocatedError() throws {
        let folder = try templatesFolder(["list.mustache": "ok\n{{#items}}\nnever closed\n"])
        let (set, diagnostics) = TemplateSet.load(directory: folder, displayDirectory: "Templates")
        #expect(set == nil)
        #expect(diagnostics.first?.message == "`items` is opened here and never closed")
        #expect(diagnostics.first?.location?.line == 2, "located at the opening tag")
        #expect(diagnostics.first?.location?.file == "Templates/list.mustache")
    }

    @Test func findsPartialReferences() {
        let references = TemplateSet.partialReferences(in: "{{> head}} {{<base}}{{$x}}{{/x}}{{/base}} {{ name }}")
        #expect(references.map(\.name) == ["head", "base"])
    }

    @Test func dependenciesFollowPartialsAndParents() throws {
        let (builtIn, _) = TemplateSet.load(directory: nil)
        let set = try #require(builtIn)
        #expect(set.dependencies(of: ["page"]) == ["base", "footer", "head", "header", "page"])
        #expect(set.dependencies(of: ["list", "summary"]) == ["base", "footer", "head", "header", "list", "summary"])
        #expect(!set.dependencies(of: ["page"]).contains("list"))

        let folder = try templatesFolder(["page.mustache": "{{<base}}{{$main}}{{> *which}}{{/main}}{{/base}}"])
        let (dynamic, problems) = TemplateSet.load(directory: folder)
        #expect(problems.isEmpty)
        #expect(dynamic?.dependencies(of: ["page"]) == dynamic?.sources.keys.sorted(), "a dynamic partial may be any template")
    }

    @Test func escapesTheFiveCharactersMustacheEscapes() throws {
        let folder = try templatesFolder(["x.mustache": "{{v}}|{{{v}}}|{{#items}}{{.}}{{/items}}"])
        let (set, problems) = TemplateSet.load(directory: folder)
        #expect(problems.isEmpty)
        let value = "<a href=\"x\">'&'</a> é ✓"
        #expect(try set?.render("x", context: ["v": value, "items": ["<", ">"]])
            == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; é ✓|\(value)|&lt;&gt;")
    }

    /// The pragma in front of every template must not shift where a parse error is reported.
    @Test func parseErrorsOnTheFirstLineKeepTheirColumn() throws {
        let text = "ok {{ never closed\n"
        let folder = try templatesFolder(["x.mustache": text])
        let (_, problems) = TemplateSet.load(directory: folder, displayDirectory: "Templates")
        let location = try #require(problems.first?.location)
        do {
            _ = try MustacheTemplate(string: text)
            Issue.record("the template should not parse")
        } catch let error as MustacheTemplate.ParserError {
            #expect(location.line == error.context.lineNumber)
            #expect(location.column == error.context.columnNumber)
        }
    }
}
