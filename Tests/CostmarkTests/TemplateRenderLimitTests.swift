import Foundation
import Testing
@testable import Theme

/// What front matter can do to a template that passed every load-time check: its lists reach
/// templates as `page.meta.KEY`, and sections nested over them multiply. A build stops such a
/// page with an error at the essay instead of running for hours or filling memory.
@Suite struct TemplateRenderLimitTests {
    static let hundred = "[" + (1...100).map(String.init).joined(separator: ", ") + "]"

    func site(page: String) throws -> InlineSite {
        try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        xs: \(Self.hundred)
        ---
        Body.
        -- Templates/page.mustache --
        \(page)
        """)
    }

    @Test func sectionsNestedOverAFrontMatterListStopAtTheStepLimit() throws {
        // 100⁴ = 10⁸ items: hours of rendering before the budget.
        let xs = "page.meta.xs"
        let site = try site(page: "{{#\(xs)}}{{#\(xs)}}{{#\(xs)}}{{#\(xs)}}.{{/\(xs)}}{{/\(xs)}}{{/\(xs)}}{{/\(xs)}}")
        defer { site.cleanUp() }
        let start = ContinuousClock.now
        let report = site.build()
        #expect(ContinuousClock.now - start < .seconds(30))
        #expect(!report.succeeded)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.message == "rendering template `page` takes more than 1,000,000 look-ups and section items")
        #expect(error.location?.file.hasSuffix("a.md") == true)
        #expect(!site.exists("a/index.html"), "the output folder is left alone")
    }

    @Test func sectionsThatRepeatMuchTextStopAtTheByteLimit() throws {
        // 100³ items of a kilobyte each: a gigabyte of HTML; the bytes run out first.
        let xs = "page.meta.xs"
        let kilobyte = String(repeating: "k", count: 1_024)
        let site = try site(page: "{{#\(xs)}}{{#\(xs)}}{{#\(xs)}}\(kilobyte){{/\(xs)}}{{/\(xs)}}{{/\(xs)}}")
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.first?.message == "rendering template `page` makes more than 64 MiB of HTML")
    }

    @Test func aLongFrontMatterListRendersInOneSection() throws {
        let site = try site(page: "<ol>{{#page.meta.xs}}<li>{{.}}</li>{{/page.meta.xs}}</ol>"
                                + "<p>{{count(page.meta.xs)}} items</p>")
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        let html = try site.output("a/index.html")
        #expect(html.contains("<li>1</li>") && html.contains("<li>100</li>"))
        #expect(html.contains("<p>100 items</p>"), "transforms still see the list")
    }

    @Test func transformsSeeTheListAsItWasTyped() throws {
        let budget = RenderBudget(prices: .init())
        let object = BudgetedObject(base: ["names": ["b", "a"]], key: "", budget: budget)
        let sorted = try #require(object.child(named: "names").flatMap { ($0 as? BudgetedList)?.transform("sorted") })
        #expect((sorted as? BudgetedList)?.base as? [String] == ["a", "b"])
    }

    @Test func theBudgetEndsEveryLookUpOnceSpent() throws {
        // A look-up is a step, a text value one more, an item of a list one more.
        let budget = RenderBudget(prices: .init(), steps: 4, bytes: 100)
        let object = BudgetedObject(base: ["a": "x", "b": ["y"]], key: "", budget: budget)
        #expect(object.child(named: "a") as? String == "x")
        let list = try #require(object.child(named: "b") as? BudgetedList)
        #expect(budget.exceeded == nil)
        #expect(list.transform("count") as? Int == 1)
        #expect(Array(list).isEmpty, "the item's text would take a fifth step")
        #expect(budget.exceeded == .steps)
        #expect(object.child(named: "a") == nil)
    }
}
