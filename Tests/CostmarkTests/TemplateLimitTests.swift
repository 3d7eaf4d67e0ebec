import Diagnostics
import Foundation
import Testing
@testable import Theme

/// Templates found by fuzzing that crashed or hung the build before the load-time checks. Each
/// test renders whatever loads, so without the checks it crashes (stack overflow) or runs for
/// minutes instead of failing.
/// Each test is bounded by a time limit, not timed: a check that expanded the templates would hang it.
@Suite(.timeLimit(.minutes(1))) struct TemplateLimitTests {
    /// Seconds a hostile set may take to be turned away; measured figures are far lower (see README).

    struct Loaded {
        var set: TemplateSet?
        var diagnostics: [Diagnostic]
        var seconds: Double
    }

    func load(_ files: [String: String], rendering root: String) throws -> Loaded {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("costmark-limits-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        let start = ContinuousClock.now
        let (set, diagnostics) = TemplateSet.load(directory: folder, displayDirectory: "Templates")
        let elapsed = ContinuousClock.now - start
        // What the build would do next; before the checks this is where it crashed or hung.
        if let set { _ = try? set.render(root, context: ["page": ["title": "x"]]) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Loaded(set: set, diagnostics: diagnostics, seconds: seconds)
    }

    @Test func aPartialThatIncludesItselfIsALocatedCycle() throws {
        let loaded = try load(["footer.mustache": "{{> footer}}"], rendering: "footer")
        #expect(loaded.set == nil)
        let error = try #require(loaded.diagnostics.first)
        #expect(error.message == "template includes itself: footer → footer")
        #expect(error.location?.file == "Templates/footer.mustache")
        #expect(error.location?.line == 1)
        #expect(error.location?.column == 1)
    }

    @Test func partialsThatIncludeEachOtherNameTheWholeCycle() throws {
        let loaded = try load(["a.mustache": "A\n  {{> b}}\n", "b.mustache": "B {{> a}}"], rendering: "a")
        #expect(loaded.set == nil)
        #expect(loaded.diagnostics.map(\.message) == ["template includes itself: a → b → a"])
        #expect(loaded.diagnostics.first?.location?.line == 2)
        #expect(loaded.diagnostics.first?.location?.column == 3)
    }

    @Test func aTemplateThatInheritsFromItselfIsACycle() throws {
        let loaded = try load(["base.mustache": "{{<base}}{{$main}}x{{/main}}{{/base}}"], rendering: "base")
        #expect(loaded.set == nil)
        #expect(loaded.diagnostics.map(\.message) == ["template inherits from itself: base → base"])
    }

    @Test func parentsThatInheritFromEachOtherAreACycle() throws {
        let loaded = try load(["a.mustache": "{{<b}}{{$m}}a{{/m}}{{/b}}", "b.mustache": "{{<a}}{{$m}}b{{/m}}{{/a}}"],
                              rendering: "a")
        #expect(loaded.set == nil)
        #expect(loaded.diagnostics.map(\.message) == ["template includes itself: a → b → a"])
    }

    /// Set-delimiter tags must not hide an include from the checks.
    @Test func aCycleBehindChangedDelimitersIsFound() throws {
        let loaded = try load(["footer.mustache": "{{=<% %>=}}<%! note %><%> footer%>"], rendering: "footer")
        #expect(loaded.set == nil)
        #expect(loaded.diagnostics.map(\.message) == ["template includes itself: footer → footer"])
    }

    @Test func aDoublingChainOfPartialsIsRejectedWhereItStarts() throws {
        var files = ["p30.mustache": "leaf"]
        for level in 0..<30 { files["p\(level).mustache"] = "{{> p\(level + 1)}}{{> p\(level + 1)}}" }
        let loaded = try load(files, rendering: "p0")
        #expect(loaded.set == nil)
        let error = try #require(loaded.diagnostics.first)
        #expect(loaded.diagnostics.count == 1, "only the outermost template is reported")
        #expect(error.message == "template `p0` expands to 2,147,483,646 partials, more than the limit of 10,000")
        #expect(error.location?.file == "Templates/p0.mustache")
        #expect(error.notes.map(\.message) == ["`p1` is included 2 times here; it expands to 1,073,741,822 partials"])
    }

    @Test func inheritanceThatRepeatsBlocksCountsEveryOverride() throws {
        // Each level's override renders twice, once per block in the parent: 2^20 renderings.
        var files = ["l0.mustache": "{{$m}}{{/m}}{{$m}}{{/m}}"]
        for level in 1...20 {
            let parent = "l\(level - 1)"
            files["l\(level).mustache"] = "{{<\(parent)}}{{$m}}{{> \(parent)}}{{/m}}{{/\(parent)}}"
        }
        let loaded = try load(files, rendering: "l20")
        #expect(loaded.set == nil)
        #expect(loaded.diagnostics.first?.message.hasPrefix("template `l") == true)
    }

    @Test func thousandsOfNestedSectionsAreRejectedBeforeParsing() throws {
        let text = String(repeating: "{{#a}}", count: 5_000) + "x" + String(repeating: "{{/a}}", count: 5_000)
        let loaded = try load(["deep.mustache": text], rendering: "deep")
        #expect(loaded.set == nil)
        let error = try #require(loaded.diagnostics.first)
        #expect(error.message == "template `deep` nests sections more than 50 deep")
        #expect(error.location?.column == 1 + 50 * 6)
    }

    @Test func aLongChainOfPartialsIsTooDeep() throws {
        var files = ["q60.mustache": "end"]
        for level in 0..<60 { files["q\(level).mustache"] = "<div>{{> q\(level + 1)}}</div>" }
        let loaded = try load(files, rendering: "q0")
        #expect(loaded.set == nil)
        #expect(loaded.diagnostics.map(\.message)
            == ["template `q0` nests sections and partials 60 deep, more than the limit of 50"])
    }

    @Test func aDynamicPartialCannotLeadBackToItself() throws {
        let loaded = try load(["loop.mustache": "[{{> *name}}]", "leaf.mustache": "leaf"], rendering: "loop")
        let set = try #require(loaded.set)
        #expect(try set.render("loop", context: ["name": "leaf"]) == "[leaf]")
        // Naming itself would recurse until the stack overflows; the name is not followed.
        #expect(try set.render("loop", context: ["name": "loop"]) == "[]")
        #expect(try set.render("loop", context: ["names": ["loop"], "name": "loop"]) == "[]")
    }

    @Test func counting() {
        #expect(1_234_567.grouped == "1,234,567")
        #expect(999.grouped == "999")
        #expect(TemplateGraph.sectionKey("reversed(page.meta.xs)") == "xs")
        #expect(TemplateGraph.sectionKey(".") == ".")
    }
}
