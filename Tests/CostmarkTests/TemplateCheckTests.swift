import Diagnostics
import Foundation
import Site
import Testing
import Theme

/// Issue 20, finding 7: template mistakes were silent. `{{page.titel}}` rendered an empty `<h1>`,
/// `Templates/foter.mustache` was ignored, and an unclosed `{{#page.hasTags}}` was reported at a
/// `{{/main}}` 20 lines later.
@Suite struct TemplateCheckTests {
    static let essay = "-- Content/a.md --\n---\ntitle: A\ntags: [x]\n---\nHello.\n"

    func build(_ templates: String) throws -> BuildReport {
        let site = try InlineSite(Self.essay + templates)
        defer { site.cleanUp() }
        return site.build()
    }

    /// Every built-in template, copied into the templates folder so it is checked as a user's:
    /// the schema knows every name the theme reads.
    @Test func theBuiltInThemeReadsOnlyNamesTheSchemaHas() throws {
        let copies = DefaultTheme.templates.sorted { $0.key < $1.key }
            .map { "-- Templates/\($0.key).mustache --\n\($0.value)\n" }.joined()
        let report = try build(copies)
        #expect(report.succeeded)
        let problems = report.diagnostics.filter { $0.code == .unknownTemplateName || $0.code == .unusedTemplate }
        #expect(problems.isEmpty, "\(problems.map { "\($0.location?.file ?? ""):\($0.location?.line ?? 0) \($0.message)" })")
    }

    @Test func aNameNoContextHasIsAWarningWithDidYouMean() throws {
        let page = DefaultTheme.templates["page"]!.replacingOccurrences(of: "<h1>{{page.title}}</h1>",
                                                                          with: "<h1>{{page.titel}}</h1>")
        let list = DefaultTheme.templates["list"]!.replacingOccurrences(of: "{{heading}}", with: "{{headng}}")
        let report = try build("-- Templates/page.mustache --\n\(page)\n-- Templates/list.mustache --\n\(list)\n")
        #expect(report.succeeded, "a warning, not an error")
        let warnings = report.diagnostics.filter { $0.code == .unknownTemplateName }
        let titel = try #require(warnings.first { $0.message.contains("`page.titel`") }, "\(warnings.map(\.message))")
        #expect(titel.severity == .warning)
        #expect(titel.location?.file.hasSuffix("Templates/page.mustache") == true)
        #expect(titel.location?.line == 5, "\(String(describing: titel.location))")
        #expect(titel.notes.map(\.message) == ["did you mean `page.title`?"])
        let heading = try #require(warnings.first { $0.message.contains("`headng`") })
        #expect(heading.notes.map(\.message) == ["did you mean `heading`?"])
        #expect(warnings.count == 2, "\(warnings.map(\.message))")
    }

    /// A partial is checked where it is included: `{{title}}` inside `{{#essays}}` is an essay's.
    @Test func aPartialIsCheckedInTheContextOfItsIncluder() throws {
        let list = DefaultTheme.templates["list"]!.replacingOccurrences(of: "{{heading}}",
                                                                          with: "{{heading}}{{#essays}}{{> card}}{{/essays}}")
        let report = try build("""
        -- Templates/list.mustache --
        \(list)
        -- Templates/card.mustache --
        <b>{{title}}</b> {{readingTime}} {{date.readable}} {{site.title}} {{titl}}
        """)
        let warnings = report.diagnostics.filter { $0.code == .unknownTemplateName }
        #expect(warnings.map(\.message) == ["`titl` is not something costmark gives templates; it renders empty"],
                "\(warnings.map(\.message))")
        #expect(warnings.first?.notes.map(\.message) == ["did you mean `title`?"])
    }

    @Test func aTemplateFileNothingUsesIsAWarning() throws {
        let report = try build("-- Templates/foter.mustache --\n<footer>Mine</footer>\n")
        #expect(report.succeeded)
        let unused = try #require(report.diagnostics.first { $0.code == .unusedTemplate })
        #expect(unused.message == "template `foter` is not used by any page")
        #expect(unused.location?.file.hasSuffix("Templates/foter.mustache") == true)
        #expect(unused.notes.first?.message == "did you mean `footer.mustache`, which replaces the theme's `footer`?")
        let used = try build("-- Templates/foter.mustache --\n<footer>Mine</footer>\n-- Templates/footer.mustache --\n{{> foter}}\n")
        #expect(!used.diagnostics.contains { $0.code == .unusedTemplate }, "an included file is used")
    }

    @Test func anUnclosedSectionIsReportedWhereItOpens() throws {
        let page = DefaultTheme.templates["page"]!.replacingOccurrences(of: "{{/page.hasTags}}", with: "")
        let report = try build("-- Templates/page.mustache --\n\(page)\n")
        #expect(!report.succeeded)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.message == "`page.hasTags` is opened here and never closed")
        let openLine = page.components(separatedBy: "\n").firstIndex { $0.contains("{{#page.hasTags}}") }! + 1
        #expect(error.location?.line == openLine, "\(String(describing: error.location))")
    }
}
