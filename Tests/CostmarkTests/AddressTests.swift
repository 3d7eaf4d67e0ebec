import Diagnostics
import Foundation
import Site
import Testing

/// File names and tags as addresses: one slug rule, kept apart where names differ, and an
/// error where two different names would share an address.
@Suite struct AddressTests {
    @Test func fileNamesBecomeSlugs() {
        #expect(Route.forEssay(relativePath: "posts/Über Größe.md", slug: nil).path == "posts/über-größe/")
        #expect(Route.forEssay(relativePath: "posts/My_First Post.md", slug: nil).path == "posts/my-first-post/")
        #expect(Route.forEssay(relativePath: "posts/My Post.md", slug: "chosen").path == "posts/chosen/")
        #expect(Route.forEssay(relativePath: "Notes v1.2/index.md", slug: nil).path == "Notes v1.2/")
        #expect(Route.forEssay(relativePath: "a.b/c.md", slug: nil).path == "a.b/c/")
    }

    @Test func tagsThatDifferGetPagesOfTheirOwn() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        date: 2026-01-01
        tags: [C, C#, C++, F#, Capacity Planning]
        ---
        A.
        -- Content/b.md --
        ---
        title: B
        date: 2026-01-02
        tags: [capacity planning, c]
        ---
        B.
        -- Content/Über Größe.md --
        ---
        title: Umlauts
        ---
        Ü.
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        for slug in ["c", "c-sharp", "c-plus-plus", "f-sharp", "capacity-planning"] {
            #expect(site.exists("tags/\(slug)/index.html"), "\(slug)")
        }
        #expect(try site.output("tags/c-sharp/index.html").contains("Tagged “C#”"))
        #expect(try site.output("tags/c/index.html").contains("/a/") && site.output("tags/c/index.html").contains("/b/"))
        #expect(site.exists("über-größe/index.html"))
    }

    @Test func twoNamesOnOneAddressAreAnErrorNamingBoth() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        date: 2026-01-02
        tags: [cost-model]
        ---
        A.
        -- Content/b.md --
        ---
        title: B
        date: 2026-01-01
        tags: [Cost Model]
        ---
        B.
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.succeeded)
        #expect(site.messages(report) == ["Content/b.md:4:7: error: tags `Cost Model` and `cost-model` would share the "
                                          + "address /tags/cost-model/; costmark does not merge different names"])
        #expect(report.diagnostics.first?.notes.first?.location?.line == 4)
    }

    @Test func twoEssaysOnOneSlugAreStillAnError() throws {
        let site = try InlineSite("""
        -- Content/posts/Big Idea.md --
        ---
        title: One
        ---
        1.
        -- Content/posts/big-idea.md --
        ---
        title: Two
        ---
        2.
        """)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(site.messages(report) == ["Content/posts/big-idea.md: error: Content/posts/big-idea.md claims the URL "
                                          + "/posts/big-idea/, already taken by Content/posts/Big Idea.md"])
    }
}
